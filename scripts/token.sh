#!/usr/bin/env bash
# Prints a bearer token for the API walkthroughs, in one of two ways:
#   scripts/token.sh --user USERNAME [--password PASSWORD]
#       an access token of a user of the identity provider (password grant; the development Keycloak's demo users,
#       whose passwords are dev-USERNAME, are in the README)
#   scripts/token.sh ROLE [--authority ID] [--isp ID] [--sub NAME] [--name TEXT] [--ttl SECONDS]
#       a token signed with the local development key (.dev/), accepted when the service runs with LOCAL_TOKENS=true
#       (scripts/run.sh does); ROLE: officer, supervisor, isp-engineer, auditor or admin (several: officer,supervisor)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

usage() {
  echo "usage: $0 --user USERNAME [--password PASSWORD]" >&2
  echo "       $0 ROLE [--authority ID] [--isp ID] [--sub NAME] [--name TEXT] [--ttl SECONDS]" >&2
  exit 2
}
[ $# -ge 1 ] || usage

json_str() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }

provider_token() { # user, password
  source "$here/lib/keycloak.sh"
  local provider="${OIDC_AUTH_SERVER_URL:-${KEYCLOAK_URL:-$(keycloak_url)}/realms/interdict}" endpoint answer
  endpoint=$(curl -sf "$provider/.well-known/openid-configuration" | sed -n 's/.*"token_endpoint" *: *"\([^"]*\)".*/\1/p') || true
  if [ -z "$endpoint" ]; then
    echo "No identity provider answers at $provider (scripts/keycloak.sh start, or set OIDC_AUTH_SERVER_URL)." >&2
    exit 1
  fi
  answer=$(curl -s "$endpoint" --data-urlencode grant_type=password --data-urlencode "client_id=${OIDC_CLIENT_ID:-interdict}" \
    --data-urlencode "client_secret=${OIDC_CLIENT_SECRET:-$KEYCLOAK_DEV_CLIENT_SECRET}" \
    --data-urlencode "username=$1" --data-urlencode "password=$2" --data-urlencode scope=openid)
  token=$(printf '%s' "$answer" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
  if [ -z "$token" ]; then
    echo "The identity provider refused: $answer" >&2
    exit 1
  fi
  printf '%s\n' "$token"
}

if [ "$1" = "--user" ]; then
  [ $# -ge 2 ] || usage
  user="$2" password="dev-$2"
  shift 2
  while [ $# -gt 0 ]; do
    case "$1" in
      --password) password="$2"; shift 2 ;;
      *) usage ;;
    esac
  done
  provider_token "$user" "$password"
  exit 0
fi

source "$here/lib/devkeys.sh"
role="$1"; shift
authority="" isp="" sub="" name="" ttl=3600
while [ $# -gt 0 ]; do
  case "$1" in
    --authority) authority="$2"; shift 2 ;;
    --isp) isp="$2"; shift 2 ;;
    --sub) sub="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    --ttl) ttl="$2"; shift 2 ;;
    *) usage ;;
  esac
done
[ -n "$sub" ] || sub="dev-${role//,/-}"
if [[ ",$role," == *",isp-engineer,"* ]] && [ -z "$isp" ]; then
  echo "an isp-engineer token needs --isp ID" >&2; exit 2
fi
if [[ ",$role," == *",officer,"* || ",$role," == *",supervisor,"* ]] && [ -z "$authority" ]; then
  echo "an officer or supervisor token needs --authority ID (e.g. mic)" >&2; exit 2
fi
ensure_dev_keys

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

now=$(date +%s)
groups=$(printf '%s' "$role" | awk -F, '{for (i = 1; i <= NF; i++) printf "%s\"%s\"", (i > 1 ? "," : ""), $i}')
claims="{\"iss\":$(json_str "${LOCAL_TOKEN_ISSUER:-https://interdict.local/dev}"),\"sub\":$(json_str "$sub")"
claims+=",\"groups\":[$groups],\"iat\":$now,\"exp\":$((now + ttl)),\"jti\":\"$(openssl rand -hex 12)\""
[ -n "$name" ] && claims+=",\"name\":$(json_str "$name")"
[ -n "$isp" ] && claims+=",\"isp\":$(json_str "$isp")"
[ -n "$authority" ] && claims+=",\"authority\":$(json_str "$authority")"
claims+="}"

header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '%s' "$claims" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$DEV_DIR/jwt-private.pem" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
