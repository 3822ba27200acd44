#!/usr/bin/env bash
# Benchmarks rule-set compilation and deltas against sort -u and iprange on the same synthetic register.
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=lib/packages.sh
source scripts/lib/packages.sh
ensure_commands iprange:iprange

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/classpath" -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat "$work/classpath")"

java ${BENCH_JAVA_OPTS:--Xms1g -Xmx1g} -cp "$classpath" org.interdict.compile.bench.CompileBenchmark "$work" | tee "$work/ours"

millis() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
# The reference is timed like ours: the median of several runs (ours is the median of the measured compiles).
runs=()
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  LC_ALL=C sort -u "$work/domains.txt" >"$work/domains.sorted"
  sort_ms=$(millis "$start")
  start=$(date +%s%N)
  iprange --optimize "$work/ipv4.txt" >"$work/ipv4.merged"
  iprange_ms=$(millis "$start")
  runs+=("$((sort_ms + iprange_ms)) $sort_ms $iprange_ms")
done
read -r reference reference_sort reference_iprange < <(printf '%s\n' "${runs[@]}" | sort -n | sed -n 3p)

compile_ms=$(sed -n 's/^compile_ms: //p' "$work/ours")
echo "reference_sort_ms: $reference_sort"
echo "reference_iprange_ms: $reference_iprange"
echo "reference_ms: $reference"
echo "compile_ratio: $(awk -v a="$compile_ms" -v b="$reference" 'BEGIN { printf "%.2f", a / b }')"
