# Sourced by the scripts: development key pairs under .dev/ (never committed), made on first use.
# JWT: RSA for signing tokens (scripts/token.sh) and verifying them (the service).
# Rule sets: Ed25519, signing what the service publishes.

DEV_DIR="${DEV_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.dev}"

ensure_dev_keys() {
  mkdir -p "$DEV_DIR"
  chmod 700 "$DEV_DIR"
  if [ ! -f "$DEV_DIR/jwt-private.pem" ]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$DEV_DIR/jwt-private.pem" 2>/dev/null
    openssl pkey -in "$DEV_DIR/jwt-private.pem" -pubout -out "$DEV_DIR/jwt-public.pem"
  fi
  if [ ! -f "$DEV_DIR/signing-private.pem" ]; then
    openssl genpkey -algorithm ed25519 -out "$DEV_DIR/signing-private.pem" 2>/dev/null
    openssl pkey -in "$DEV_DIR/signing-private.pem" -pubout -out "$DEV_DIR/signing-public.pem"
  fi
  export JWT_PUBLIC_KEY="${JWT_PUBLIC_KEY:-$DEV_DIR/jwt-public.pem}"
  export SIGNING_PRIVATE_KEY="${SIGNING_PRIVATE_KEY:-$DEV_DIR/signing-private.pem}"
  export SIGNING_PUBLIC_KEY="${SIGNING_PUBLIC_KEY:-$DEV_DIR/signing-public.pem}"
}
