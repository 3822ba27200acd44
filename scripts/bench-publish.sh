#!/usr/bin/env bash
# Benchmarks publication to Redis, on a Redis server of its own (a free port, never a shared one):
#   1. the synthetic national rule set (1.35 M rules) published as a full snapshot, against redis-benchmark's
#      pipelined SADD on the same server in the same run: publish_ms, members_per_s, reference_ops_per_s,
#      publish_ratio;
#   2. the incremental case end to end: the packaged service (-Xmx1g, fresh database interdict_bench_publish) holds
#      the national base loaded through its API; a supervisor approves a one-target directive, until the new version
#      is current over REST and in Redis; 20 repetitions after 2 warm-ups, each from a quiet service:
#      propagation_p50_ms, propagation_p99_ms.
# Prints "name: value" lines; progress goes to stderr. PROPAGATION_RUNS changes the repetitions; PUBLISH_SNAPSHOT=0
# skips the first part.
set -euo pipefail

cd "$(dirname "$0")/.."
source scripts/lib/bench-base.sh
ensure_commands redis-server:redis-server redis-benchmark:redis-tools python3:python3
: "${PROPAGATION_RUNS:=20}" "${PROPAGATION_WARMUPS:=2}"

work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 &
redis=$!
trap 'bench_stop_service; kill "$redis" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done

mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/classpath" -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat "$work/classpath")"

if [ "${PUBLISH_SNAPSHOT:-1}" = 1 ]; then
  bench_log "full snapshot"
  java -Xms2g -Xmx4g -cp "$classpath" org.interdict.publish.PublishBenchmark "redis://127.0.0.1:$port" | tee "$work/ours"

  sadd_rate() { # extra redis-benchmark options: the best of three runs, in commands per second
    local best=0 ops
    for _ in 1 2 3; do
      redis-cli -p "$port" flushall >/dev/null
      ops=$(redis-benchmark -p "$port" -P 64 -t sadd -n 2000000 -q "$@" | tr '\r' '\n' |
        sed -n 's/^SADD: \([0-9.]*\) requests per second.*/\1/p' | tail -n 1)
      best=$(awk -v a="$ops" -v b="$best" 'BEGIN { print (a > b) ? a : b }')
    done
    redis-cli -p "$port" flushall >/dev/null
    echo "$best"
  }
  best=$(sadd_rate)
  # Without -r, redis-benchmark adds the same member over and over: after the first, each SADD inserts nothing. With
  # -r every command inserts a new member, as a publication does; printed beside the brief's reference for context.
  distinct=$(sadd_rate -r 100000000)
  members=$(sed -n 's/^members_per_s: //p' "$work/ours")
  echo "reference_distinct_members_ops_per_s: $distinct"
  echo "publish_ratio_distinct_members: $(awk -v a="$members" -v b="$distinct" 'BEGIN { printf "%.2f", a / b }')"
  echo "reference_ops_per_s: $best"
  echo "publish_ratio: $(awk -v a="$members" -v b="$best" 'BEGIN { printf "%.2f", a / b }')"
fi

bench_log "incremental propagation through the service"
ISP=bench-isp
DB_NAME=interdict_bench_publish
export REDIS_PORT=$port REDIS_KEY_PREFIX=interdict-propagation
bench_start_service 1g
bench_load_base "$ISP"
bench_log "base version $BASE_VERSION after ${BASE_APPROVE_TO_VERSION_MS} ms; waiting for it in Redis"
for _ in $(seq 1 300); do
  [ "$(redis-cli -p "$port" hget "interdict-propagation:isp:$ISP:current" version)" = "$BASE_VERSION" ] && break
  sleep 1
done
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$classpath" org.interdict.publish.PropagationBenchmark "$BASE" "$ISP" "$OFFICER_TOKEN" "$SUPERVISOR_TOKEN" \
  "redis://127.0.0.1:$port" interdict-propagation "$PROPAGATION_RUNS" "$PROPAGATION_WARMUPS"
grep -q OutOfMemoryError "$work/server.log" && { echo "the service ran out of memory" >&2; exit 1; }
exit 0
