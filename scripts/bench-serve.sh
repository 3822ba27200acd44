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
source scripts/lib/bench-base.sh

: "${SERVE_HEAP:=512m}" "${POLL_SECONDS:=15}" "${POLL_WARMUP_SECONDS:=10}" "${POLL_CONNECTIONS:=64}"
DB_NAME=interdict_bench
ISP=bench-isp
ensure_commands wrk:wrk
work=$(mktemp -d)
trap 'bench_stop_service; rm -rf "$work"' EXIT

bench_start_service "$SERVE_HEAP"
bench_load_base "$ISP"
engineer=$(scripts/token.sh isp-engineer --isp "$ISP" --sub bench-engineer)

device=$(bench_json "$engineer" POST "/api/v1/isps/$ISP/appliances" \
  '{"name":"bench-resolver","kind":"dns-resolver","preferredFormat":"rpz"}' | jq -r .token)
current="$BASE/api/v1/isps/$ISP/ruleset/current?format=rpz"
download() { # file: one full RPZ with gzip; prints "status milliseconds"
  curl -sS --compressed -H "Authorization: Bearer $device" -o "$1" -D "$1.headers" \
    -w '%{http_code} %{time_total}\n' "$current" | awk '{ printf "%s %d\n", $1, $2 * 1000 }'
}

bench_log "warm-up download"
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

bench_log "polling with wrk"
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

bench_log "10 concurrent downloads"
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
kill -0 "$bench_server" 2>/dev/null || ok=false

echo "rules: $rules"
echo "import_ms: $BASE_IMPORT_MS"
echo "approve_to_version_ms: $BASE_APPROVE_TO_VERSION_MS"
echo "poll_304_warmup_rps: $poll_warmup_rps"
echo "poll_304_rps: $poll_rps"
echo "poll_304_p99_ms: $poll_p99"
echo "poll_304_unexpected: ${poll_non_3xx:-0} (a single poll answers $poll_codes)"
echo "full_rpz_cold_ms: $cold_ms"
echo "full_rpz_ms: $full_rpz_ms"
echo "full_rpz_bytes: $rpz_bytes"
echo "concurrent_downloads_max_ms: $concurrent_max_ms"
echo "concurrent_downloads_ok: $ok"
