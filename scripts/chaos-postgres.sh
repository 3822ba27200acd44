#!/usr/bin/env bash
# Restarts the local PostgreSQL cluster while officers approve directives and an appliance polls, and checks that
# the service comes back by itself: no 500 at any time, every approval that was answered 200 is committed and reaches
# the published rule set, and requests succeed again after the restart without touching the service.
#
#   scripts/chaos-postgres.sh [--seconds-before 5] [--seconds-after 20]
#
# It restarts the PostgreSQL cluster of this machine (pg_ctlcluster, as root): run it where nothing else needs the
# database for a few seconds. It uses its own database (interdict_chaos) and prints one line of figures.
set -euo pipefail
cd "$(dirname "$0")/.."
before=5 after=20
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds-before) before="$2"; shift 2 ;;
    --seconds-after) after="$2"; shift 2 ;;
    *) echo "usage: $0 [--seconds-before N] [--seconds-after N]" >&2; exit 2 ;;
  esac
done
DB_NAME=interdict_chaos
work=$(mktemp -d)
source scripts/lib/bench-base.sh
loops=()
trap 'kill "${loops[@]}" 2>/dev/null || true; bench_stop_service; rm -rf "$work"' EXIT

_is_local "$DB_HOST" || { echo "PostgreSQL must be local: this script restarts it" >&2; exit 1; }
cluster=$(ls /etc/postgresql | sort -V | tail -n 1)
bench_start_service 512m

isp=chaos
bench_json "$ADMIN_TOKEN" POST /api/v1/isps "{\"id\":\"$isp\",\"legalName\":\"Chaos ISP\",\"licenceNumber\":\"L-CHAOS\"}" >/dev/null
engineer=$(scripts/token.sh isp-engineer --isp "$isp" --sub chaos-engineer)
appliance=$(bench_json "$engineer" POST "/api/v1/isps/$isp/appliances" \
  '{"name":"resolver-1","kind":"dns-resolver","preferredFormat":"rpz"}' | jq -r .token)

# One line per request: "<step> <status> <directive id> <seconds since the epoch>".
status() { # body-file token method path [body]: prints the status; 000 when no answer came within 10 s
  local args=(-s -m 10 -o "$1" -w '%{http_code}' -X "$3" -H "Authorization: Bearer $2" "$BASE$4")
  [ $# -ge 5 ] && args+=(-H 'Content-Type: application/json' -d "$5")
  curl "${args[@]}" 2>/dev/null || true
}
approvals() {
  local i=0 from id code
  from=$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)
  while [ ! -f "$work/stop" ]; do
    i=$((i + 1))
    code=$(status "$work/approval" "$OFFICER_TOKEN" POST /api/v1/directives "{\"legalReference\":\"CHAOS-$i\",\"title\":\"Chaos $i\",
      \"issuedOn\":\"2026-11-20\",\"kind\":\"BLOCK\",\"category\":\"phishing\",
      \"audience\":{\"isps\":[\"$isp\"]},\"effectiveFrom\":\"$from\"}")
    echo "create $code - $(date +%s.%N)" >>"$work/requests"
    [ "$code" = 201 ] || { sleep 0.2; continue; }
    id=$(jq -r .id "$work/approval")
    code=$(status "$work/approval" "$OFFICER_TOKEN" POST "/api/v1/directives/$id/targets" "[{\"value\":\"chaos-$i.example.vn\"}]")
    echo "targets $code $id $(date +%s.%N)" >>"$work/requests"
    code=$(status "$work/approval" "$OFFICER_TOKEN" POST "/api/v1/directives/$id/submit")
    echo "submit $code $id $(date +%s.%N)" >>"$work/requests"
    code=$(status "$work/approval" "$SUPERVISOR_TOKEN" POST "/api/v1/directives/$id/approve" '{}')
    echo "approve $code $id $(date +%s.%N)" >>"$work/requests"
  done
}
polls() {
  while [ ! -f "$work/stop" ]; do
    echo "poll $(status "$work/poll" "$appliance" GET "/api/v1/isps/$isp/ruleset/current?format=txt") - $(date +%s.%N)" >>"$work/requests"
    sleep 0.05
  done
}
approvals &
loops+=($!)
polls &
loops+=($!)
sleep "$before"
bench_log "restarting PostgreSQL $cluster"
restart_started=$(date +%s.%N)
pg_ctlcluster --skip-systemctl-redirect "$cluster" main restart
restart_done=$(date +%s.%N)
sleep "$after"
touch "$work/stop"
wait "${loops[@]}" 2>/dev/null || true

fail=0
errors=$(awk '$2 >= 500 && $2 != 503' "$work/requests" | wc -l)
unavailable=$(awk '$2 == 503 || $2 == "000"' "$work/requests" | wc -l)
[ "$errors" -eq 0 ] || { echo "FAIL: $errors answer(s) of 500 or another server error:" >&2; awk '$2 >= 500 && $2 != 503' "$work/requests" | head >&2; fail=1; }

db() { psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qtAc "$1"; }

# Nothing acknowledged is lost: every approval answered 200 is approved in the database and reaches the rule set.
approved=$(awk '$1 == "approve" && $2 == 200 {print $3}' "$work/requests" | sort -n)
approved_count=$(echo "$approved" | grep -c . || true)
missing=0
for id in $approved; do
  state=$(db "select status from directive where id = $id" | sed 's/^/x/')
  [ "$state" = xACTIVE ] || { echo "FAIL: directive $id was approved (200) but is '${state#x}'" >&2; missing=$((missing + 1)); }
done
sleep 3
rules=$(bench_api "$SUPERVISOR_TOKEN" GET "/api/v1/isps/$isp/ruleset/current?format=txt" 2>/dev/null || true)
for id in $approved; do
  i=$(db "select legal_reference from directive where id = $id" | sed 's/CHAOS-//')
  grep -q "chaos-$i.example.vn" <<<"$rules" || { echo "FAIL: approved directive $id is not in the published rules" >&2; missing=$((missing + 1)); }
done
[ "$missing" -eq 0 ] || fail=1

# Recovery without help: the last requests after the restart all succeeded.
recovered_at=$(awk -v t="$restart_done" '$4 > t && ($2 == 200 || $2 == 201 || $2 == 304) {print $4; exit}' "$work/requests")
tail_failures=$(awk -v t="$restart_done" -v after="$after" '$4 > t + after / 2 && $2 != 200 && $2 != 201 && $2 != 304' "$work/requests" | wc -l)
[ "$tail_failures" -eq 0 ] || { echo "FAIL: $tail_failures request(s) still failing in the second half after the restart" >&2; fail=1; }
curl -fsS -o /dev/null "$MANAGEMENT/q/health/ready" || { echo "FAIL: the service is not ready after the restart" >&2; fail=1; }

awk -v requests="$(wc -l <"$work/requests")" -v approvals="$approved_count" -v unavailable="$unavailable" \
  -v errors="$errors" -v started="$restart_started" -v done="$restart_done" -v recovered="${recovered_at:-$restart_done}" \
  -v lost="$missing" 'BEGIN { printf "requests=%d approvals_acknowledged=%d unavailable_503=%d server_errors=%d" \
  " restart_s=%.1f first_success_after_restart_s=%.1f lost=%d\n", requests, approvals, unavailable, errors,
  done - started, recovered - done, lost }'
exit "$fail"
