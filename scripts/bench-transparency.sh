#!/usr/bin/env bash
# Benchmarks the transparency report over ten years on a register the size of the national one replayed in 2016
# (scripts/lib/transparency-register.sql: 20,895 directives of 7 authorities with their targets, 12 ISPs with
# 2,090 versions each and appliances confirming them):
#   transparency_10y_ms       the JSON report from 2016-01-01 to 2025-12-31 (median of 9, after 5 warm-ups)
#   transparency_10y_csv_ms   the same range as CSV (the counts only; median of 9)
#   load_average              the machine's 1-minute load average at the end, next to the figures
# It starts the packaged service itself with -Xmx1g (REPORT_HEAP to change) on a free port and a fresh database of
# its own (interdict_bench_transparency), writes the register with SQL, and stops the service at the end. Prints
# "name: value" lines; progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bench-base.sh

: "${REPORT_HEAP:=1g}"
DB_NAME=interdict_bench_transparency
work=$(mktemp -d)
trap 'bench_stop_service; rm -rf "$work"' EXIT

# The register is written behind the service's back, so the periodic jobs that read every ISP's versions must not
# run meanwhile: the Redis reconciliation would look for contents the SQL does not write. The compliance gauges run
# once, 5 s after start-up, and are then left alone: their query of late directives takes minutes on such a register
# and is not what is measured here, so the register is written after that first run.
export INTERDICT_PUBLISH_RECONCILE_INTERVAL=24h INTERDICT_COMPLIANCE_METRICS_REFRESH=24h
bench_start_service "$REPORT_HEAP"
sleep 10
bench_log "writing the register"
psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1 -q \
  -f scripts/lib/transparency-register.sql >/dev/null
auditor=$(scripts/token.sh auditor --sub bench-auditor)

report() { # format, output file: prints "status milliseconds"
  curl -sS -o "$2" -H "Authorization: Bearer $auditor" -w '%{http_code} %{time_total}\n' \
    "$BASE/api/v1/transparency?from=2016-01-01&to=2025-12-31&format=$1" | awk '{ printf "%s %d\n", $1, $2 * 1000 }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
measure() { # format: prints the median of 9 after 5 warm-ups (the JIT compiles the report's path meanwhile)
  local status ms i times=()
  for i in 1 2 3 4 5; do
    read -r status ms < <(report "$1" "$work/report.$1")
    [ "$status" = 200 ] || { echo "the $1 report answered $status: $(head -c 300 "$work/report.$1")" >&2; exit 1; }
  done
  for i in 1 2 3 4 5 6 7 8 9; do
    read -r status ms < <(report "$1" "$work/report.$1")
    [ "$status" = 200 ] || { echo "the $1 report answered $status: $(head -c 300 "$work/report.$1")" >&2; exit 1; }
    times+=("$ms")
  done
  printf '%s\n' "${times[@]}" | median
}

bench_log "timing the JSON report"
json_ms=$(measure json)
directives=$(jq '.directives | length' "$work/report.json")
pairs=$(jq '[.timeToEnforce[].directives] | add' "$work/report.json")
bench_log "timing the CSV report"
csv_ms=$(measure csv)

echo "directives: $directives"
echo "enforced_directive_isp_pairs: $pairs"
echo "report_bytes: $(stat -c %s "$work/report.json")"
echo "transparency_10y_ms: $json_ms"
echo "transparency_10y_csv_ms: $csv_ms"
echo "load_average: $(cut -d' ' -f1 /proc/loadavg)"
