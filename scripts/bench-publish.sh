#!/usr/bin/env bash
# Benchmarks publishing the synthetic national rule set (1.35 M rules) to Redis against redis-benchmark's pipelined
# SADD on the same server, in the same run. Uses a Redis server of its own on a free port, never a shared one.
set -euo pipefail

cd "$(dirname "$0")/.."
source scripts/lib/packages.sh
ensure_commands redis-server:redis-server redis-benchmark:redis-tools

work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done

mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/classpath" -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat "$work/classpath")"

java -Xms2g -Xmx4g -cp "$classpath" org.interdict.publish.PublishBenchmark "redis://127.0.0.1:$port" | tee "$work/ours"

best=0
for _ in 1 2 3; do
  ops=$(redis-benchmark -p "$port" -P 64 -t sadd -n 2000000 -q | tr '\r' '\n' | sed -n 's/^SADD: \([0-9.]*\) requests per second.*/\1/p' | tail -n 1)
  best=$(awk -v a="$ops" -v b="$best" 'BEGIN { print (a > b) ? a : b }')
done
members=$(sed -n 's/^members_per_s: //p' "$work/ours")
echo "reference_ops_per_s: $best"
echo "publish_ratio: $(awk -v a="$members" -v b="$best" 'BEGIN { printf "%.2f", a / b }')"
