#!/usr/bin/env bash
# Benchmarks rule-set compilation and deltas against LC_ALL=C sort -u and iprange --optimize on the same synthetic
# register, each compilation timed next to a run of the reference.
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

# The harness times the reference itself, each run next to one of its compilations (see CompileBenchmark). The JVM
# runs with the service's own settings (jvm.options), as it compiles in the service; SERVICE_JVM_OPTIONS=0 leaves
# them out, to see what they are worth.
jvm_options=()
if [ "${SERVICE_JVM_OPTIONS:-1}" != 0 ]; then
  mapfile -t jvm_options < <(grep -v '^[[:space:]]*$' jvm.options)
fi
# shellcheck disable=SC2206
heap=(${BENCH_JAVA_OPTS:--Xms1g -Xmx1g})
echo "jvm_options: ${jvm_options[*]} ${heap[*]}"
java "${jvm_options[@]}" "${heap[@]}" -cp "$classpath" org.interdict.compile.bench.CompileBenchmark "$work"
