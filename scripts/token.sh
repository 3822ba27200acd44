#!/usr/bin/env bash
# Prints a development JWT signed with the local key pair: scripts/token.sh ROLE [--isp ID] [--sub NAME] [--name TEXT] [--ttl SECONDS]
# ROLE: officer, supervisor, isp-engineer, auditor or admin (several: officer,supervisor).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib/devkeys.sh"

usage() { echo "usage: $0 ROLE [--isp ID] [--sub NAME] [--name TEXT] [--ttl SECONDS]" >&2; exit 2; }
[ $# -ge 1 ] || usage
role="$1"; shift
isp="" sub="" name="" ttl=3600
while [ $# -gt 0 ]; do
  case "$1" in
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
ensure_dev_keys

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
json_str() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }

now=$(date +%s)
groups=$(printf '%s' "$role" | awk -F, '{for (i = 1; i <= NF; i++) printf "%s\"%s\"", (i > 1 ? "," : ""), $i}')
claims="{\"iss\":$(json_str "${JWT_ISSUER:-https://interdict.local/dev}"),\"sub\":$(json_str "$sub")"
claims+=",\"groups\":[$groups],\"iat\":$now,\"exp\":$((now + ttl)),\"jti\":\"$(openssl rand -hex 12)\""
[ -n "$name" ] && claims+=",\"name\":$(json_str "$name")"
[ -n "$isp" ] && claims+=",\"isp\":$(json_str "$isp")"
claims+="}"

header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '%s' "$claims" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$DEV_DIR/jwt-private.pem" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
