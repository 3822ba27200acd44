#!/usr/bin/env bash
# Keeps one rule-set file on an appliance up to date, and applies a version only once it is proven authentic.
#
#   scripts/appliance-sync.sh --url URL --isp ISP --token TOKEN --format F --out FILE
#                             [--reload CMD] [--check CMD] [--key PEM] [--state-dir DIR]
#                             [--interval SECONDS] [--loop]
#
# Every option has an environment variable: INTERDICT_URL, INTERDICT_ISP, INTERDICT_TOKEN (prefer it, or
# --token-file, to --token: arguments are visible to every user in ps), INTERDICT_FORMAT, INTERDICT_OUT,
# INTERDICT_RELOAD, INTERDICT_CHECK, INTERDICT_KEY, INTERDICT_STATE_DIR, INTERDICT_INTERVAL.
#
# One sync:
#   1. polls /ruleset/current?format=F with the ETag of the last applied version: 304 means nothing to do;
#   2. downloads the new file to a temporary file in the directory of --out;
#   3. downloads the txt form of the same version, rebuilds the canonical text (TYPE<TAB>rule<LF>, types in
#      canonical order) and checks that its SHA-256 is the digest the server announced: the digest covers the
#      rules, not the bytes of a format;
#   4. checks the Ed25519 signature over "interdict-ruleset-v1\n<isp>\n<version>\n<digest>\n" with the key the
#      response names: --key when given (a key pinned out of band: recommended), else the key of that id from
#      /api/v1/signing-keys, fetched once and kept in the state directory (a cached key id never changes key);
#   5. runs --check on the candidate file (e.g. nft -c -f), moves it over --out (same file system: atomic) and
#   6. runs --reload. If the reload fails the previous file is put back.
# On any failure the last good file stays and nothing is recorded, so the next run tries again; a version older
# than the one applied is refused (a replayed old signed version must not roll an appliance back).
# Commands run with sh -c; INTERDICT_FILE (the candidate for --check, --out for --reload) and INTERDICT_VERSION
# are in their environment.
# Prints one line per applied version and nothing else on success. Exit status: 0 applied or unchanged,
# 1 failure, 2 usage. With --loop it polls every --interval seconds (default 300) and never exits on failures.
set -euo pipefail

usage() {
  sed -n '3,6p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

url=${INTERDICT_URL:-} isp=${INTERDICT_ISP:-} token=${INTERDICT_TOKEN:-} format=${INTERDICT_FORMAT:-rpz}
out=${INTERDICT_OUT:-} reload=${INTERDICT_RELOAD:-} check=${INTERDICT_CHECK:-} pinned_key=${INTERDICT_KEY:-}
state_dir=${INTERDICT_STATE_DIR:-} interval=${INTERDICT_INTERVAL:-300} loop=false
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url=${2:?}; shift 2 ;;
    --isp) isp=${2:?}; shift 2 ;;
    --token) token=${2:?}; shift 2 ;;
    --token-file) token=$(<"${2:?}"); shift 2 ;;
    --format) format=${2:?}; shift 2 ;;
    --out) out=${2:?}; shift 2 ;;
    --reload) reload=${2?}; shift 2 ;;
    --check) check=${2?}; shift 2 ;;
    --key) pinned_key=${2:?}; shift 2 ;;
    --state-dir) state_dir=${2:?}; shift 2 ;;
    --interval) interval=${2:?}; shift 2 ;;
    --loop) loop=true; shift ;;
    -h | --help) usage ;;
    *) echo "unknown option: $1" >&2; usage ;;
  esac
done
[ -n "$url" ] && [ -n "$isp" ] && [ -n "$token" ] && [ -n "$out" ] || usage
[[ $isp =~ ^[A-Za-z0-9._-]+$ ]] || { echo "not an ISP id: $isp" >&2; exit 2; }
[[ $format =~ ^[a-z]+$ ]] || { echo "not a format: $format" >&2; exit 2; }
[[ $interval =~ ^[0-9]+$ ]] && [ "$interval" -gt 0 ] || { echo "--interval must be a positive number of seconds" >&2; exit 2; }
[ -z "$pinned_key" ] || [ -r "$pinned_key" ] || { echo "cannot read --key $pinned_key" >&2; exit 2; }
for cmd in curl openssl sha256sum awk; do
  command -v "$cmd" >/dev/null 2>&1 || { echo "$cmd is required" >&2; exit 2; }
done

url=${url%/}
out_dir=$(cd "$(dirname "$out")" && pwd) || { echo "no directory for $out" >&2; exit 2; }
out="$out_dir/$(basename "$out")"
state_dir=${state_dir:-"$out_dir/.interdict-sync"}
mkdir -p "$state_dir/keys"
chmod 700 "$state_dir"
state="$state_dir/$(basename "$out")"   # .etag and .version of the applied file
work=$(mktemp -d)
# The new file is downloaded beside its destination, so that putting it in place is an atomic rename, and the
# previous one is kept there as a hard link until the reload succeeded.
candidate="$out_dir/.$(basename "$out").new"
previous="$out_dir/.$(basename "$out").previous"
trap 'rm -rf "$work" "$candidate" "$candidate.headers" "$previous"' EXIT

# The token goes to curl in a header file, not on its command line, for the same reason as above.
(umask 077 && printf 'Authorization: Bearer %s\n' "$token" >"$work/auth")

fail() { echo "appliance-sync: $*" >&2; return 1; }

# GET path into file, headers into file.headers; prints the HTTP status. Extra curl arguments follow.
get() {
  local path=$1 file=$2
  shift 2
  curl -sS --compressed --connect-timeout 10 --max-time 600 -H @"$work/auth" "$@" \
    -D "$file.headers" -o "$file" -w '%{http_code}' "$url$path"
}

# One response header's value (the last one, case-insensitive), without the CR.
header() {
  awk -v want="$(printf '%s' "$1" | tr 'A-Z' 'a-z')" 'BEGIN { FS = ":" }
    { sub(/\r$/, "") }
    tolower($1) == want { v = substr($0, length($1) + 2); sub(/^[ \t]+/, "", v) }
    END { print v }' "$2"
}

# The public key PEM file for a key id: the pinned one, or the published one (cached).
key_for() {
  local id=$1 cached
  if [ -n "$pinned_key" ]; then
    echo "$pinned_key"
    return
  fi
  [[ $id =~ ^[A-Za-z0-9._-]+$ ]] || fail "unusable key id '$id'" || return 1
  cached="$state_dir/keys/$id.pem"
  if [ ! -s "$cached" ]; then
    local status
    status=$(get /api/v1/signing-keys "$work/keys.json") || fail "cannot reach $url" || return 1
    [ "$status" = 200 ] || fail "signing keys: HTTP $status" || return 1
    # The list is a JSON array of flat objects; pick the object whose id matches and unescape its PEM.
    awk -v id="$id" 'BEGIN { RS = "}" }
      index($0, "\"id\":\"" id "\"") {
        if (match($0, /"publicKeyPem":"[^"]*"/)) {
          pem = substr($0, RSTART + 16, RLENGTH - 17); gsub(/\\n/, "\n", pem); printf "%s", pem
        }
      }' "$work/keys.json" >"$work/key.pem"
    grep -q -- '-----BEGIN PUBLIC KEY-----' "$work/key.pem" || fail "the server publishes no key '$id'" || return 1
    mv -f "$work/key.pem" "$cached"
  fi
  echo "$cached"
}

sync_once() {
  local etag="" applied=0 status version digest signature key_id key rules
  rm -f "$candidate" "$previous"
  [ -f "$state.etag" ] && [ -f "$out" ] && etag=$(<"$state.etag")
  [ -f "$state.version" ] && applied=$(<"$state.version")

  status=$(get "/api/v1/isps/$isp/ruleset/current?format=$format" "$candidate" ${etag:+-H "If-None-Match: $etag"}) ||
    fail "cannot reach $url" || return 1
  case "$status" in
    304) return 0 ;;
    200) ;;
    *) fail "HTTP $status for the $format rule set: $(head -c 300 "$candidate" | tr '\n' ' ')"; return 1 ;;
  esac
  version=$(header X-Interdict-Version "$candidate.headers")
  digest=$(header X-Interdict-Digest "$candidate.headers")
  signature=$(header X-Interdict-Signature "$candidate.headers")
  key_id=$(header X-Interdict-Key-Id "$candidate.headers")
  [[ $version =~ ^[0-9]+$ ]] && [[ $digest =~ ^[0-9a-f]{64}$ ]] && [ -n "$signature" ] ||
    fail "the response lacks version, digest or signature headers" || return 1
  [ "$version" -ge "$applied" ] || fail "version $version is older than the applied $applied; refused" || return 1

  # The rules of exactly this version, to hash them the canonical way (the txt file itself when that is F).
  rules=$candidate
  if [ "$format" != txt ]; then
    rules="$work/rules.txt"
    status=$(get "/api/v1/isps/$isp/ruleset/versions/$version?format=txt" "$rules") ||
      fail "cannot reach $url" || return 1
    [ "$status" = 200 ] || fail "HTTP $status for the rules of version $version" || return 1
    [ "$(header X-Interdict-Digest "$rules.headers")" = "$digest" ] ||
      fail "version $version: the txt form announces another digest" || return 1
  fi
  # The txt form: a few comment lines, then per type a "# TYPE" line and its rules one per line. The types
  # come in canonical order, so a section line is recognised only as the next expected type: no rule can be
  # mistaken for one.
  LC_ALL=C awk 'BEGIN { n = split("DOMAIN DOMAIN_TREE URL IPV4 IPV6", types, " "); next_type = 1 }
    next_type <= n && $0 == "# " types[next_type] { type = types[next_type++]; next }
    type != "" { printf "%s\t%s\n", type, $0 }
    END { if (next_type <= n) exit 3 }' "$rules" >"$work/canonical" ||
    fail "version $version: the txt form is incomplete" || return 1
  [ "$(sha256sum <"$work/canonical" | cut -d' ' -f1)" = "$digest" ] ||
    fail "version $version: the rules do not hash to the announced digest" || return 1

  # Formats with a comment header name the digest there: it must be this version's.
  if LC_ALL=C head -c 4096 "$candidate" | grep -Eq 'SHA-256: [0-9a-f]{64}' &&
    ! LC_ALL=C head -c 4096 "$candidate" | grep -q "SHA-256: $digest"; then
    fail "version $version: the $format file names another digest"
    return 1
  fi

  key=$(key_for "$key_id") || return 1
  printf 'interdict-ruleset-v1\n%s\n%s\n%s\n' "$isp" "$version" "$digest" >"$work/message"
  printf '%s' "$signature" | openssl base64 -d -A >"$work/signature" 2>/dev/null ||
    fail "version $version: the signature is not base64" || return 1
  openssl pkeyutl -verify -pubin -inkey "$key" -rawin -in "$work/message" -sigfile "$work/signature" \
    >/dev/null 2>&1 || fail "version $version: bad signature (key $key_id)" || return 1

  chmod 644 "$candidate"
  if [ -n "$check" ] && ! INTERDICT_FILE=$candidate INTERDICT_VERSION=$version sh -c "$check" >&2; then
    rm -f "$candidate"
    fail "version $version: the check command refused the file"
    return 1
  fi
  [ -f "$out" ] && ln -f "$out" "$previous"
  mv -f "$candidate" "$out"
  if [ -n "$reload" ] && ! INTERDICT_FILE=$out INTERDICT_VERSION=$version sh -c "$reload" >&2; then
    # Put the last good file back, and record nothing, so that the next run tries this version again.
    if [ -f "$previous" ]; then
      mv -f "$previous" "$out"
    else
      rm -f "$out"
    fi
    fail "version $version: the reload command failed; the previous file is back"
    return 1
  fi
  printf '%s\n' "$(header ETag "$candidate.headers")" >"$state.etag.tmp" && mv -f "$state.etag.tmp" "$state.etag"
  printf '%s\n' "$version" >"$state.version.tmp" && mv -f "$state.version.tmp" "$state.version"
  rm -f "$previous"
  echo "applied $isp version $version ($format, digest ${digest:0:12}) to $out"
}

if ! $loop; then
  sync_once
  exit
fi
while :; do
  sync_once || true
  rm -f "$work"/rules.txt* "$work"/canonical
  sleep "$interval"
done
