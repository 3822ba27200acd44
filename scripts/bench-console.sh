#!/usr/bin/env bash
# Benchmarks the console's busiest pages on a register of 20,000 directives of one authority (the Ministry's):
# every tenth awaiting approval (2,000 in the review queue), every seventh a draft, one in thirty-one revoked, the
# rest in force; 1 to 5 targets each. The pages are asked for as a browser would, with a bearer token instead of a
# session cookie (the console accepts both):
#   directive_list_p50_ms / _p95_ms           /console/directives, the first page (the caller's own authority)
#   directive_list_filtered_p50_ms / _p95_ms  the list filtered by status, kind and category
#   directive_list_search_p50_ms / _p95_ms    the list searched by a piece of a reference or title
#   review_queue_p50_ms / _p95_ms             /console/review, the supervisor's queue of 2,000
#   target_ms                                 300, what each p95 is held against
#   load_average                              the machine's 1-minute load average at the end, next to the figures
# 50 requests a page after 10 warm-ups. It starts the packaged service itself with -Xmx512m (CONSOLE_HEAP to change)
# on a free port and a fresh database of its own (interdict_bench_console), writes the register with SQL and stops
# the service at the end. Prints "name: value" lines; progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bench-base.sh

: "${CONSOLE_HEAP:=512m}"
DB_NAME=interdict_bench_console
TARGET_MS=300
REQUESTS=50
work=$(mktemp -d)
trap 'bench_stop_service; rm -rf "$work"' EXIT

# The register is written behind the service's back: the periodic jobs that would read it meanwhile are left alone.
export INTERDICT_PUBLISH_RECONCILE_INTERVAL=24h INTERDICT_COMPLIANCE_METRICS_REFRESH=24h
bench_start_service "$CONSOLE_HEAP"
bench_log "writing 20,000 directives"
psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1 -q >/dev/null <<'SQL'
INSERT INTO directive (legal_reference, title, authority_id, issued_on, kind, category, all_isps, audience,
                       effective_from, status, created_by, created_by_name, submitted_by, submitted_by_name,
                       submitted_at, decided_by, decided_by_name, decided_at, revoked_by, revoked_by_name, revoked_at,
                       revocation_reason, revocation_reference, created_at, updated_at)
SELECT format('%s/QĐ-BENCH', i), format('Chặn trang vi phạm số %s', i), 'mic', date '2026-01-01' + i % 300, 'BLOCK',
       (ARRAY['gambling', 'fraud', 'phishing', 'malware', 'botnet', 'copyright'])[1 + i % 6], true, '{}',
       created + interval '1 day', status, 'bench-officer', 'Cán bộ đo',
       CASE WHEN status <> 'DRAFT' THEN 'bench-officer' END, CASE WHEN status <> 'DRAFT' THEN 'Cán bộ đo' END,
       CASE WHEN status <> 'DRAFT' THEN created + interval '2 hours' END,
       CASE WHEN status IN ('ACTIVE', 'REVOKED') THEN 'bench-supervisor' END,
       CASE WHEN status IN ('ACTIVE', 'REVOKED') THEN 'Lãnh đạo đo' END,
       CASE WHEN status IN ('ACTIVE', 'REVOKED') THEN created + interval '3 hours' END,
       CASE WHEN status = 'REVOKED' THEN 'bench-supervisor' END,
       CASE WHEN status = 'REVOKED' THEN 'Lãnh đạo đo' END,
       CASE WHEN status = 'REVOKED' THEN created + interval '30 days' END,
       CASE WHEN status = 'REVOKED' THEN 'annulled' END,
       CASE WHEN status = 'REVOKED' THEN format('%s/QĐ-HUY', i) END,
       created, created
FROM (SELECT i, timestamptz '2026-01-01 08:00Z' + i * interval '17 minutes' AS created,
             CASE WHEN i % 10 = 0 THEN 'PENDING_APPROVAL' WHEN i % 7 = 0 THEN 'DRAFT' WHEN i % 31 = 0 THEN 'REVOKED'
                  ELSE 'ACTIVE' END AS status
      FROM generate_series(1, 20000) i) d;

INSERT INTO directive_target (directive_id, type, value, input, created_at)
SELECT d.id, 'DOMAIN', format('site-%s-%s.bench.vn', d.id, j), format('site-%s-%s.bench.vn', d.id, j), d.created_at
FROM directive d CROSS JOIN LATERAL generate_series(1, 1 + d.id % 5) j;
ANALYZE;
SQL

supervisor=$(scripts/token.sh supervisor --authority mic --sub bench-supervisor)

page() { # token, path: prints "status milliseconds"
  curl -sS -o "$work/page.html" -H "Authorization: Bearer $1" -H 'Accept-Language: vi' \
    -w '%{http_code} %{time_total}\n' "$BASE$2" | awk '{ printf "%s %.1f\n", $1, $2 * 1000 }'
}
percentile() { # p: of the numbers on stdin
  sort -n | awk -v p="$1" '{ v[NR] = $1 } END { i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; print v[i] }'
}
measure() { # name, token, path, text the page must show: prints "name_p50_ms" and "name_p95_ms" lines
  local status ms i
  : >"$work/times"
  for i in $(seq 1 $((10 + REQUESTS))); do
    read -r status ms < <(page "$2" "$3")
    [ "$status" = 200 ] || { echo "$3 answered $status" >&2; tail -n 40 "$work/server.log" >&2; exit 1; }
    [ "$i" -gt 10 ] && echo "$ms" >>"$work/times"
  done
  grep -q -- "$4" "$work/page.html" || { echo "$3 does not show $4" >&2; exit 1; }
  echo "$1_p50_ms: $(percentile 50 <"$work/times")"
  echo "$1_p95_ms: $(percentile 95 <"$work/times")"
}

bench_log "timing the pages, $REQUESTS requests each after 10 warm-ups"
measure directive_list "$OFFICER_TOKEN" /console/directives '20000/QĐ-BENCH'
measure directive_list_filtered "$OFFICER_TOKEN" \
  '/console/directives?status=ACTIVE&kind=BLOCK&category=fraud&authority=mic' 'QĐ-BENCH'
measure directive_list_search "$OFFICER_TOKEN" '/console/directives?q=1999&authority=mic' '1999/QĐ-BENCH'
measure review_queue "$supervisor" /console/review '10/QĐ-BENCH'
echo "target_ms: $TARGET_MS"
echo "load_average: $(cut -d' ' -f1 /proc/loadavg)"
