#!/usr/bin/env bash
# Benchmarks what appliances do to the service, on the 1.35 M-rule base of the performance brief:
#   poll_304_rps, poll_304_p99_ms  unchanged polls (If-None-Match) with wrk, 64 connections, 15 s, after 10 s of
#                                   the same to warm up (poll_304_warmup_rps)
#   full_rpz_ms                     one full RPZ download with gzip (median of 3, after a warm-up)
#   concurrent_downloads_ok         10 simultaneous full RPZ downloads all answer 200 with no OutOfMemoryError
# It starts the packaged service itself with -Xmx512m (SERVE_HEAP to change) on a free port and a fresh database
# of its own (interdict_bench), loads the base through the REST API as an officer and a supervisor would, and stops
# the service at the end. Prints "name: value" lines; progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh
source scripts/lib/packages.sh
source scripts/lib/devkeys.sh

: "${SERVE_HEAP:=512m}" "${POLL_SECONDS:=15}" "${POLL_WARMUP_SECONDS:=10}" "${POLL_CONNECTIONS:=64}"
DB_NAME=interdict_bench
export DB_NAME
ISP=bench-isp

ensure_build_tools
ensure_commands wrk:wrk jq:jq curl:curl
ensure_postgres
ensure_redis
ensure_dev_keys
# A fresh database each run: the figures must not depend on what an earlier run left behind.
_pg_query "drop database if exists \"$DB_NAME\"" >/dev/null
ensure_database "$DB_NAME"

if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
  mvn -B -q package -DskipTests
fi

log() { echo "[bench-serve] $*" >&2; }
millis() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

free_port() {
  local port
  for port in $(seq 18080 18180); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  echo "no free port in 18080-18180" >&2
  return 1
}

work=$(mktemp -d)
server=
stop_server() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server"
    wait "$server" 2>/dev/null || true
  fi
}
trap 'stop_server; rm -rf "$work"' EXIT

PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
log "starting the service on port $PORT with -Xmx$SERVE_HEAP"
PORT=$PORT java "-Xmx$SERVE_HEAP" -jar target/quarkus-app/quarkus-run.jar >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "$BASE/q/health/ready" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { tail -n 50 "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
curl -fsS -o /dev/null "$BASE/q/health/ready" || { echo "the service did not become ready" >&2; exit 1; }

officer=$(scripts/token.sh officer --sub bench-officer)
supervisor=$(scripts/token.sh supervisor --sub bench-supervisor)
admin=$(scripts/token.sh admin --sub bench-admin)
engineer=$(scripts/token.sh isp-engineer --isp "$ISP" --sub bench-engineer)

api() { # token, method, path, [curl arguments...]: prints the body, fails on an HTTP error
  local token=$1 method=$2 path=$3
  shift 3
  curl -fsS -X "$method" -H "Authorization: Bearer $token" "$@" "$BASE$path"
}
json() { api "$1" "$2" "$3" -H 'Content-Type: application/json' -d "$4"; }

json "$admin" POST /api/v1/isps "{\"id\":\"$ISP\",\"legalName\":\"Benchmark ISP\",\"licenceNumber\":\"L-BENCH\"}" >/dev/null
from=$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)
directive=$(json "$officer" POST /api/v1/directives "{\"legalReference\":\"BENCH-1\",\"title\":\"Benchmark base\",
  \"authority\":\"Ministry of Information and Communications\",\"issuedOn\":\"2026-11-20\",\"kind\":\"BLOCK\",
  \"category\":\"phishing\",\"audience\":{\"isps\":[\"$ISP\"]},\"effectiveFrom\":\"$from\"}" | jq -r .id)

# The workload of the performance brief, deterministic: 1,000,000 domains (every tenth an IDN, every tenth a
# tree), 250,000 IPv4 addresses and /24s, 50,000 IPv6 /48s, 50,000 URLs. Lines the guards refuse (an address in a
# published cloud range, say) are skipped, so the base ends up slightly smaller; the count is printed.
log "generating the targets"
awk 'BEGIN {
  for (i = 0; i < 1000000; i++) {
    if (i % 10 == 3) printf "*.nhanh-%d.com.vn\n", i
    else if (i % 10 == 7) printf "trang-cờ-bạc-%d.vn\n", i
    else printf "site%d-%x.example-bench.net\n", i, i * 2654435761 % 4294967296
  }
  for (i = 0; i < 250000; i++) {
    a = 100 + i % 3; b = int(i / 65536) % 256; c = int(i / 256) % 256; d = i % 256
    if (i % 5 == 0) printf "%d.%d.%d.0/24\n", 160 + i % 7, int(i / 256) % 256, i % 256
    else printf "%d.%d.%d.%d\n", a + 80, b + 10, c, d
  }
  for (i = 0; i < 50000; i++) printf "2a0%x:%x:%x::/48\n", 1 + i % 8, 4096 + int(i / 7), i % 65536
  for (i = 0; i < 50000; i++) printf "http://video%d.example-bench.net/xem/%d\n", i % 5000, i
}' >"$work/targets.txt"
split -l 100000 -d -a 3 "$work/targets.txt" "$work/chunk."

log "importing $(wc -l <"$work/targets.txt") target lines in chunks of 100,000"
start=$(date +%s%N)
for chunk in "$work"/chunk.*; do
  api "$officer" POST "/api/v1/directives/$directive/targets?skipInvalid=true" \
    -H 'Content-Type: text/plain; charset=UTF-8' --data-binary @"$chunk" >/dev/null
done
import_ms=$(millis "$start")
api "$officer" POST "/api/v1/directives/$directive/submit" >/dev/null
# The first version of an ISP is never held by the circuit breaker, so the approval makes it current.
start=$(date +%s%N)
json "$supervisor" POST "/api/v1/directives/$directive/approve" '{"confirmFlaggedTargets":[]}' >/dev/null
log "approved; waiting for the version"
version=
for _ in $(seq 1 600); do
  # The ISP's first version (of the empty rule set) may come first: wait for the one with the directive.
  version=$(api "$supervisor" GET "/api/v1/isps/$ISP/ruleset" | jq -r --argjson d "$directive" \
    'if ([.current.changes[]?.directiveId] | index($d)) != null then .current.version else empty end' || true)
  [ -n "$version" ] && break
  sleep 1
done
[ -n "$version" ] || { echo "no version after 10 minutes" >&2; tail -n 50 "$work/server.log" >&2; exit 1; }
compile_to_version_ms=$(millis "$start")

device=$(json "$engineer" POST "/api/v1/isps/$ISP/appliances" \
  '{"name":"bench-resolver","kind":"dns-resolver","preferredFormat":"rpz"}' | jq -r .token)
current="$BASE/api/v1/isps/$ISP/ruleset/current?format=rpz"
download() { # file: one full RPZ with gzip; prints "status milliseconds"
  curl -sS --compressed -H "Authorization: Bearer $device" -o "$1" -D "$1.headers" \
    -w '%{http_code} %{time_total}\n' "$current" | awk '{ printf "%s %d\n", $1, $2 * 1000 }'
}

log "warm-up download"
read -r status cold_ms < <(download "$work/warm.rpz")
[ "$status" = 200 ] || { echo "the RPZ download answered $status" >&2; exit 1; }
etag=$(awk 'tolower($1) == "etag:" { sub(/\r$/, ""); print $2 }' "$work/warm.rpz.headers")
rules=$(awk 'tolower($1) == "x-interdict-rules-written:" { sub(/\r$/, ""); print $2 }' "$work/warm.rpz.headers")
times=()
for i in 1 2 3; do
  read -r status ms < <(download "$work/full.rpz")
  [ "$status" = 200 ] || { echo "the RPZ download answered $status" >&2; exit 1; }
  times+=("$ms")
done
full_rpz_ms=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
rpz_bytes=$(stat -c %s "$work/full.rpz")

log "polling with wrk"
cat >"$work/poll.lua" <<EOF
wrk.headers["Authorization"] = "Bearer $device"
wrk.headers["If-None-Match"] = '$etag'
EOF
# The JIT compiles the poll path during the first seconds of load; a service that appliances poll all day is past
# that, so a first run warms it up and only its rate is printed, apart.
wrk -t2 "-c$POLL_CONNECTIONS" "-d${POLL_WARMUP_SECONDS}s" -s "$work/poll.lua" "$current" >"$work/wrk-warmup.txt"
poll_warmup_rps=$(awk '/^Requests\/sec:/ { printf "%d", $2 }' "$work/wrk-warmup.txt")
wrk -t2 "-c$POLL_CONNECTIONS" "-d${POLL_SECONDS}s" --latency -s "$work/poll.lua" "$current" >"$work/wrk.txt"
poll_rps=$(awk '/^Requests\/sec:/ { printf "%d", $2 }' "$work/wrk.txt")
# wrk prints latencies with their own unit (us, ms, s).
poll_p99=$(awk '$1 == "99%" { v = $2; u = v; sub(/[a-z]+$/, "", v); sub(/^[0-9.]+/, "", u)
  printf "%.2f", (u == "us" ? v / 1000 : (u == "s" ? v * 1000 : (u == "m" ? v * 60000 : v))) }' "$work/wrk.txt")
poll_non_3xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$work/wrk.txt")
poll_codes=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $device" -H "If-None-Match: $etag" "$current")

log "10 concurrent downloads"
pids=()
for i in $(seq 1 10); do
  download "$work/c$i.rpz" >"$work/c$i.result" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || true; done
ok=true
concurrent_max_ms=0
for i in $(seq 1 10); do
  read -r status ms <"$work/c$i.result" || { ok=false; continue; }
  [ "$status" = 200 ] && [ "$(stat -c %s "$work/c$i.rpz")" = "$rpz_bytes" ] || ok=false
  [ "$ms" -gt "$concurrent_max_ms" ] && concurrent_max_ms=$ms
done
grep -q OutOfMemoryError "$work/server.log" && ok=false
kill -0 "$server" 2>/dev/null || ok=false

echo "rules: $rules"
echo "import_ms: $import_ms"
echo "approve_to_version_ms: $compile_to_version_ms"
echo "poll_304_warmup_rps: $poll_warmup_rps"
echo "poll_304_rps: $poll_rps"
echo "poll_304_p99_ms: $poll_p99"
echo "poll_304_unexpected: ${poll_non_3xx:-0} (a single poll answers $poll_codes)"
echo "full_rpz_cold_ms: $cold_ms"
echo "full_rpz_ms: $full_rpz_ms"
echo "full_rpz_bytes: $rpz_bytes"
echo "concurrent_downloads_max_ms: $concurrent_max_ms"
echo "concurrent_downloads_ok: $ok"
