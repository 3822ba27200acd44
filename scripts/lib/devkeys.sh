# Sourced by the scripts: development key pairs under .dev/ (never committed), made on first use.
# Tokens: RSA, for signing people's tokens locally (scripts/token.sh ROLE) and verifying them (the service's
# local-key tenant, on when LOCAL_TOKENS=true, as scripts/run.sh sets it).
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
  export LOCAL_TOKEN_PUBLIC_KEY="${LOCAL_TOKEN_PUBLIC_KEY:-$(cat "$DEV_DIR/jwt-public.pem")}"
  export SIGNING_PRIVATE_KEY="${SIGNING_PRIVATE_KEY:-$DEV_DIR/signing-private.pem}"
  export SIGNING_PUBLIC_KEY="${SIGNING_PUBLIC_KEY:-$DEV_DIR/signing-public.pem}"
}
