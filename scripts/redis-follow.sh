#!/usr/bin/env bash
# Reference reader of the Redis protocol (docs/redis-protocol.md): keeps a local copy of one ISP's rule set current,
# one sorted file per rule type in DIR, following the ISP's stream and resynchronising from the sets when needed.
#
# Usage: scripts/redis-follow.sh ISP DIR [--until VERSION]
#   --until VERSION   stop once the copy holds VERSION or later (for tests and one-shot syncs)
# Environment: REDIS_HOST (127.0.0.1), REDIS_PORT (6379), REDIS_KEY_PREFIX (interdict).
# Needs bash, redis-cli 7 (for --json), jq, sha256sum.
set -euo pipefail
export LC_ALL=C

[ $# -ge 2 ] || { sed -n '2,9p' "$0" >&2; exit 2; }
isp=$1 dir=$2 until=
[ "${3:-}" = --until ] && until=$4
prefix=${REDIS_KEY_PREFIX:-interdict}
types=(domain domain_tree url ipv4 ipv6)
current_key="$prefix:isp:$isp:current" stream="$prefix:isp:$isp:stream"
mkdir -p "$dir"

rc() { redis-cli -h "${REDIS_HOST:-127.0.0.1}" -p "${REDIS_PORT:-6379}" "$@"; }
log() { echo "redis-follow: $*" >&2; }

# SHA-256 of the lines TYPE<TAB>rule, types in protocol order, rules sorted by byte value.
digest_of() {
  for type in "${types[@]}"; do
    local upper=${type^^}
    sed "s/^/$upper\t/" "$1/$type.txt"
  done | sha256sum | cut -d' ' -f1
}

# Loads the current version's sets (step 1 of "Reading").
resync() {
  local head version digest content tmp
  while :; do
    head=$(rc --json HGETALL "$current_key")
    version=$(jq -r '.version // empty' <<<"$head")
    if [ -z "$version" ]; then log "no current version yet"; sleep 1; continue; fi
    digest=$(jq -r .digest <<<"$head") content=$(jq -r .content <<<"$head")
    tmp=$(mktemp -d "$dir/.resync.XXXXXX")
    for type in "${types[@]}"; do
      rc --raw SMEMBERS "$content:$type" | sed '/^$/d' | sort -u >"$tmp/$type.txt"
    done
    if [ "$(digest_of "$tmp")" = "$digest" ]; then
      for type in "${types[@]}"; do mv "$tmp/$type.txt" "$dir/$type.txt"; done
      rmdir "$tmp"
      echo "$version" >"$dir/version" && echo "$digest" >"$dir/digest" && echo "$version-0" >"$dir/last-id"
      log "resynchronised to version $version"
      return
    fi
    rm -rf "$tmp"
    log "version changed while loading; again"
  done
}

# Applies one delta entry (JSON array of field, value, ...) to the local copy; false when the digest disagrees.
apply_delta() {
  local fields=$1 digest=$2 tmp
  tmp=$(mktemp -d "$dir/.delta.XXXXXX")
  for type in "${types[@]}"; do
    jq -r --arg f "del:$type" '. as $a | range(0; length; 2) | select($a[.] == $f) | $a[. + 1]' <<<"$fields" \
      | sort -u >"$tmp/del"
    jq -r --arg f "add:$type" '. as $a | range(0; length; 2) | select($a[.] == $f) | $a[. + 1]' <<<"$fields" \
      | sort -u >"$tmp/add"
    comm -23 "$dir/$type.txt" "$tmp/del" | sort -u -m - "$tmp/add" >"$tmp/$type.txt"
  done
  if [ "$(digest_of "$tmp")" != "$digest" ]; then rm -rf "$tmp"; return 1; fi
  for type in "${types[@]}"; do mv "$tmp/$type.txt" "$dir/$type.txt"; done
  rm -rf "$tmp"
}

[ -s "$dir/version" ] && [ -s "$dir/last-id" ] || resync
while [ -z "$until" ] || [ "$(cat "$dir/version")" -lt "$until" ]; do
  reply=$(rc --json XREAD COUNT 1 BLOCK 5000 STREAMS "$stream" "$(cat "$dir/last-id")")
  [ "$reply" = null ] && continue
  id=$(jq -r --arg s "$stream" '.[$s][0][0]' <<<"$reply")
  fields=$(jq -c --arg s "$stream" '.[$s][0][1]' <<<"$reply")
  field() { jq -r --arg f "$1" '. as $a | [range(0; length; 2) | select($a[.] == $f) | $a[. + 1]][0] // ""' <<<"$fields"; }
  version=$(field version) follows=$(field follows) kind=$(field kind) digest=$(field digest)
  held=$(cat "$dir/version")
  if [ "$version" -le "$held" ]; then
    :
  elif [ "$kind" = delta ] && [ "$follows" = "$held" ] && apply_delta "$fields" "$digest"; then
    echo "$version" >"$dir/version" && echo "$digest" >"$dir/digest"
    log "applied version $version"
  else
    # A resync entry, a gap (entries trimmed, or the stream rebuilt) or a copy that disagrees: load the full sets,
    # then read on after the version loaded (this entry again if the current key has not reached it yet).
    resync
    continue
  fi
  echo "$id" >"$dir/last-id"
done
