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
# runs with the service's own settings (jvm.options), as it compiles in the service.
echo "jvm_options: $(tr '\n' ' ' < jvm.options)${BENCH_JAVA_OPTS:--Xms1g -Xmx1g}"
java @jvm.options ${BENCH_JAVA_OPTS:--Xms1g -Xmx1g} -cp "$classpath" org.interdict.compile.bench.CompileBenchmark "$work"
