# Sourced by the benchmarks that need the running service with the national base of the performance brief:
#   bench_start_service HEAP       starts the packaged service on free ports with a fresh database ($DB_NAME) and
#                                  sets BASE (the API) and MANAGEMENT (health, metrics); bench_stop_service stops it
#                                  (callers trap it on exit)
#   bench_load_base ISP            registers the ISP and loads 1.35 M targets through the REST API as an officer and
#                                  a supervisor would; sets BASE_DIRECTIVE and BASE_VERSION
# Needs $work (a scratch directory).

_bench_lib="$(dirname "${BASH_SOURCE[0]}")"
source "$_bench_lib/services.sh"
source "$_bench_lib/packages.sh"
source "$_bench_lib/devkeys.sh"

bench_log() { echo "[$(basename "$0" .sh)] $*" >&2; }
bench_millis() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

bench_server=
bench_stop_service() {
  if [ -n "$bench_server" ] && kill -0 "$bench_server" 2>/dev/null; then
    kill "$bench_server"
    wait "$bench_server" 2>/dev/null || true
  fi
}

bench_start_service() { # heap
  ensure_build_tools
  ensure_commands jq:jq curl:curl
  ensure_postgres
  ensure_redis
  ensure_dev_keys
  # A fresh database each run: the figures must not depend on what an earlier run left behind.
  _pg_query "drop database if exists \"$DB_NAME\"" >/dev/null
  ensure_database "$DB_NAME"
  export DB_NAME
  if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
    mvn -B -q package -DskipTests
  fi
  # Port 0: the system picks a free port, read back from the log, so no other server can be mistaken for ours.
  bench_log "starting the service with -Xmx$1"
  # The same for the management port, where health and metrics answer.
  # People's tokens are signed with the local development key (scripts/token.sh); the development data registers
  # the authority the officers and supervisors act for (the Ministry).
  LOCAL_TOKENS=true INTERDICT_DEVELOPMENT_DATA=true PORT=0 MANAGEMENT_PORT=0 java @jvm.options "-Xmx$1" -jar target/quarkus-app/quarkus-run.jar >"$work/server.log" 2>&1 &
  bench_server=$!
  local port= management_port=
  for _ in $(seq 1 120); do
    port=$(sed -n 's|.*Listening on: http://[^ ]*:\([0-9][0-9]*\).*|\1|p' "$work/server.log" | head -n 1)
    management_port=$(sed -n 's|.*Management interface listening on http://[^ ]*:\([0-9][0-9]*\).*|\1|p' "$work/server.log" | head -n 1)
    [ -n "$port" ] && [ -n "$management_port" ] && break
    kill -0 "$bench_server" 2>/dev/null || { tail -n 50 "$work/server.log" >&2; return 1; }
    sleep 0.5
  done
  [ -n "$port" ] && [ -n "$management_port" ] || { echo "the service did not start listening" >&2; return 1; }
  BASE="http://127.0.0.1:$port"
  MANAGEMENT="http://127.0.0.1:$management_port"
  for _ in $(seq 1 60); do
    curl -fsS -o /dev/null "$MANAGEMENT/q/health/ready" 2>/dev/null && break
    sleep 0.5
  done
  curl -fsS -o /dev/null "$MANAGEMENT/q/health/ready" || { echo "the service did not become ready" >&2; return 1; }
  OFFICER_TOKEN=$(scripts/token.sh officer --authority mic --sub bench-officer)
  SUPERVISOR_TOKEN=$(scripts/token.sh supervisor --authority mic --sub bench-supervisor)
  ADMIN_TOKEN=$(scripts/token.sh admin --sub bench-admin)
}

bench_api() { # token, method, path, [curl arguments...]: prints the body, fails on an HTTP error
  local token=$1 method=$2 path=$3
  shift 3
  curl -fsS -X "$method" -H "Authorization: Bearer $token" "$@" "$BASE$path"
}
bench_json() { bench_api "$1" "$2" "$3" -H 'Content-Type: application/json' -d "$4"; }

bench_load_base() { # isp
  local isp=$1 from start chunk
  bench_json "$ADMIN_TOKEN" POST /api/v1/isps "{\"id\":\"$isp\",\"legalName\":\"Benchmark ISP\",\"licenceNumber\":\"L-BENCH\"}" >/dev/null
  from=$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)
  BASE_DIRECTIVE=$(bench_json "$OFFICER_TOKEN" POST /api/v1/directives "{\"legalReference\":\"BENCH-1\",
    \"title\":\"Benchmark base\",\"issuedOn\":\"2026-11-20\",
    \"kind\":\"BLOCK\",\"category\":\"phishing\",\"audience\":{\"isps\":[\"$isp\"]},\"effectiveFrom\":\"$from\"}" | jq -r .id)

  # The workload of the performance brief, deterministic: 1,000,000 domains (every tenth an IDN, every tenth a
  # tree), 250,000 IPv4 addresses and /24s, 50,000 IPv6 /48s, 50,000 URLs. Lines the guards refuse (an address in
  # a published cloud range, say) are skipped, so the base ends up slightly smaller; the count is printed.
  bench_log "generating the targets"
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

  bench_log "importing $(wc -l <"$work/targets.txt") target lines in chunks of 100,000"
  start=$(date +%s%N)
  for chunk in "$work"/chunk.*; do
    bench_api "$OFFICER_TOKEN" POST "/api/v1/directives/$BASE_DIRECTIVE/targets?skipInvalid=true" \
      -H 'Content-Type: text/plain; charset=UTF-8' --data-binary @"$chunk" >/dev/null
  done
  BASE_IMPORT_MS=$(bench_millis "$start")
  bench_api "$OFFICER_TOKEN" POST "/api/v1/directives/$BASE_DIRECTIVE/submit" >/dev/null
  # The first version of an ISP is never held by the circuit breaker, so the approval makes it current.
  start=$(date +%s%N)
  bench_json "$SUPERVISOR_TOKEN" POST "/api/v1/directives/$BASE_DIRECTIVE/approve" '{"confirmFlaggedTargets":[]}' >/dev/null
  bench_log "approved; waiting for the version"
  BASE_VERSION=
  for _ in $(seq 1 600); do
    # The ISP's first version (of the empty rule set) may come first: wait for the one with the directive.
    BASE_VERSION=$(bench_api "$SUPERVISOR_TOKEN" GET "/api/v1/isps/$isp/ruleset" | jq -r --argjson d "$BASE_DIRECTIVE" \
      'if ([.current.changes[]?.directiveId] | index($d)) != null then .current.version else empty end' || true)
    [ -n "$BASE_VERSION" ] && break
    sleep 1
  done
  [ -n "$BASE_VERSION" ] || { echo "no version after 10 minutes" >&2; tail -n 50 "$work/server.log" >&2; return 1; }
  BASE_APPROVE_TO_VERSION_MS=$(bench_millis "$start")
}
