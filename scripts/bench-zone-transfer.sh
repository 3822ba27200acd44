#!/usr/bin/env bash
# Benchmarks the zone listener on the 1.35 M-rule base of the performance brief, the service holding it with
# -Xmx512m (ZONE_HEAP to change):
#   axfr_ms, reference_axfr_ms, axfr_ratio  dig's AXFR of the whole zone with TSIG from the service, beside the same
#                                             from a BIND primary serving the same zone file with the same key, in
#                                             the same run (median of 3 each, after a warm-up)
#   ixfr_ms                                   dig's IXFR after a one-rule change (median of 5)
#   resolver_p50_ms, resolver_p99_ms          a supervisor approves a one-target directive, until a BIND secondary
#                                             (told by NOTIFY, taking an IXFR) answers NXDOMAIN for it; 20 runs
#   transfer_p50_ms, transfer_p99_ms          the same approvals until that secondary holds the new serial: what is
#                                             left of the time above is the secondary rebuilding its policy
#   reference_resolver_p50_ms, _p99_ms        a one-name dynamic update (nsupdate) of a BIND primary serving the same
#                                             zone, until the same kind of secondary answers NXDOMAIN: what no
#                                             primary can beat on this zone with this resolver
# It starts the packaged service with a fresh database of its own (interdict_bench_zone), loads the base through the
# REST API, and starts named twice (primary, then secondary) on free loopback ports. Prints "name: value" lines;
# progress goes to stderr. RESOLVER_RUNS changes the repetitions.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bench-base.sh

: "${ZONE_HEAP:=512m}" "${RESOLVER_RUNS:=20}"
DB_NAME=interdict_bench_zone
ISP=bench-isp
ZONE="$ISP.rpz.interdict."
ensure_commands dig:bind9-dnsutils nsupdate:bind9-dnsutils named:bind9 openssl:openssl python3:python3
work=$(mktemp -d)
named_pid=
stop_named() {
  if [ -n "$named_pid" ] && kill -0 "$named_pid" 2>/dev/null; then
    kill "$named_pid"
    wait "$named_pid" 2>/dev/null || true
  fi
  named_pid=
}
trap 'stop_named; bench_stop_service; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# The listener on a free port (read back from the log), its secrets sealed with a key made for this run.
export ZONE_ENABLED=true ZONE_PORT=0 KEY_ENCRYPTION_KEY
KEY_ENCRYPTION_KEY=$(openssl rand -base64 32)
bench_start_service "$ZONE_HEAP"
zone_port=$(sed -n 's|.*Zone transfer listening on [^ ]* port \([0-9][0-9]*\).*|\1|p' "$work/server.log" | head -n 1)
[ -n "$zone_port" ] || { echo "the zone listener did not start" >&2; exit 1; }
bench_load_base "$ISP"
engineer=$(scripts/token.sh isp-engineer --isp "$ISP" --sub bench-engineer)
issued=$(bench_api "$engineer" POST "/api/v1/isps/$ISP/zone/keys")
key_name=$(jq -r .key.name <<<"$issued")
key_secret=$(jq -r .secret <<<"$issued")
tsig="hmac-sha256:$key_name:$key_secret"
current_version() { bench_api "$SUPERVISOR_TOKEN" GET "/api/v1/isps/$ISP/ruleset" | jq -r .current.version; }

axfr() { # port, output file: prints the milliseconds of one AXFR, fails unless it ended with the SOA
  local start
  start=$(date +%s%N)
  dig @127.0.0.1 -p "$1" -y "$tsig" "$ZONE" AXFR +nocmd +nostats +nocomments +tries=1 +time=60 >"$2"
  bench_millis "$start"
  [ "$(awk '$4 == "SOA"' "$2" | wc -l)" = 2 ] || { echo "incomplete AXFR from port $1: $(tail -n 3 "$2")" >&2; return 1; }
}
axfr_median() { # port
  local times=() i
  axfr "$1" "$work/axfr.zone" >/dev/null
  for i in 1 2 3; do times+=("$(axfr "$1" "$work/axfr.zone")"); done
  printf '%s\n' "${times[@]}" | median
}

bench_log "AXFR from the service"
axfr_ms=$(axfr_median "$zone_port")
records=$(awk '$4 != "TSIG" && NF >= 4' "$work/axfr.zone" | wc -l)

bench_log "the same zone file served by a BIND primary"
# The zone as transferred, once: no TSIG records, the closing SOA dropped.
awk '$4 != "TSIG"' "$work/axfr.zone" | awk '$4 == "SOA" && seen++ { next } { print }' >"$work/primary.zone"
primary_port=$(free_port)
mkdir -p "$work/primary"
cat >"$work/primary/named.conf" <<EOF
options {
    directory "$work/primary";
    pid-file "$work/primary/named.pid";
    session-keyfile "$work/primary/session.key";
    listen-on port $primary_port { 127.0.0.1; };
    listen-on-v6 { none; };
    recursion no;
    notify no;
};
controls { };
key "$key_name" { algorithm hmac-sha256; secret "$key_secret"; };
zone "$ZONE" { type primary; file "$work/primary.zone"; allow-transfer { key "$key_name"; }; };
EOF
/usr/sbin/named -g -4 -c "$work/primary/named.conf" >"$work/primary/named.log" 2>&1 &
named_pid=$!
for _ in $(seq 1 600); do
  grep -q "zone $ISP.rpz.interdict/IN: loaded serial" "$work/primary/named.log" && break
  kill -0 "$named_pid" 2>/dev/null || { tail -n 20 "$work/primary/named.log" >&2; exit 1; }
  sleep 0.5
done
reference_axfr_ms=$(axfr_median "$primary_port")
stop_named

bench_log "IXFR of a one-rule change"
before=$(current_version)
approve() { # name: drafts, fills, submits and approves a one-target directive for the ISP
  local from id
  from=$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)
  id=$(bench_json "$OFFICER_TOKEN" POST /api/v1/directives "{\"legalReference\":\"BENCH-ZONE-$1\",
    \"title\":\"Zone benchmark\",\"issuedOn\":\"2026-11-20\",\"kind\":\"BLOCK\",\"category\":\"phishing\",
    \"audience\":{\"isps\":[\"$ISP\"]},\"effectiveFrom\":\"$from\"}" | jq -r .id)
  bench_api "$OFFICER_TOKEN" POST "/api/v1/directives/$id/targets" -H 'Content-Type: text/plain; charset=UTF-8' \
    --data-binary "$1" >/dev/null
  bench_api "$OFFICER_TOKEN" POST "/api/v1/directives/$id/submit" >/dev/null
  APPROVED_AT=$(date +%s%N)
  bench_json "$SUPERVISOR_TOKEN" POST "/api/v1/directives/$id/approve" '{"confirmFlaggedTargets":[]}' >/dev/null
}
ixfr_name="ixfr-$(date +%s).example-bench.vn"
approve "$ixfr_name"
for _ in $(seq 1 300); do [ "$(current_version)" != "$before" ] && break; sleep 0.2; done
after=$(current_version)
[ "$after" != "$before" ] || { echo "no new version after the one-rule change" >&2; exit 1; }
ixfr_times=()
for i in 1 2 3 4 5 6; do
  start=$(date +%s%N)
  dig @127.0.0.1 -p "$zone_port" -y "$tsig" "$ZONE" "IXFR=$before" +nocmd +nostats +tries=1 >"$work/ixfr.zone"
  ms=$(bench_millis "$start")
  [ "$(awk '$4 == "SOA"' "$work/ixfr.zone" | wc -l)" -ge 3 ] || { echo "not an incremental answer: $(head -n 5 "$work/ixfr.zone")" >&2; exit 1; }
  # The first answer warms the difference of the two versions.
  [ "$i" = 1 ] || ixfr_times+=("$ms")
done
ixfr_ms=$(printf '%s\n' "${ixfr_times[@]}" | median)

bench_log "a BIND secondary with the zone as its response policy"
secondary_port=$(free_port)
resolver_config() { # directory, port, primary port: a recursive named with the zone from that primary as its policy
  mkdir -p "$1"
  printf '$TTL 60\n@ SOA localhost. hostmaster.localhost. 1 3600 600 86400 60\n@ NS localhost.\n* A 192.0.2.1\n' \
    >"$1/bench.vn.db"
  cat >"$1/named.conf" <<EOF
options {
    directory "$1";
    pid-file "$1/named.pid";
    session-keyfile "$1/session.key";
    listen-on port $2 { 127.0.0.1; };
    listen-on-v6 { none; };
    recursion yes;
    allow-query { any; };
    allow-recursion { any; };
    dnssec-validation no;
    notify no;
    response-policy { zone "$ZONE" min-update-interval 0; } qname-wait-recurse no;
};
controls { };
key "$key_name" { algorithm hmac-sha256; secret "$key_secret"; };
zone "example-bench.vn" { type primary; file "$1/bench.vn.db"; };
zone "$ZONE" {
    type secondary;
    primaries port $3 { 127.0.0.1 key "$key_name"; };
    file "$1/rpz.db";
    allow-notify { 127.0.0.1; };
};
EOF
}
resolver_config "$work/secondary" "$secondary_port" "$zone_port"
/usr/sbin/named -g -4 -c "$work/secondary/named.conf" >"$work/secondary/named.log" 2>&1 &
named_pid=$!
bench_json "$engineer" POST "/api/v1/isps/$ISP/zone/secondaries" "{\"address\":\"127.0.0.1\",\"port\":$secondary_port}" >/dev/null
for _ in $(seq 1 600); do
  [ "$(dig @127.0.0.1 -p "$secondary_port" "$ZONE" SOA +short 2>/dev/null | awk '{ print $3 }')" = "$after" ] && break
  kill -0 "$named_pid" 2>/dev/null || { tail -n 20 "$work/secondary/named.log" >&2; exit 1; }
  sleep 0.5
done
# The policy is in force once the secondary has loaded it: the name of the last change answers NXDOMAIN.
for _ in $(seq 1 600); do
  dig @127.0.0.1 -p "$secondary_port" "$ixfr_name" A +tries=1 +time=2 | grep -q 'status: NXDOMAIN' && break
  sleep 0.5
done

bench_log "$RESOLVER_RUNS approvals until the secondary answers NXDOMAIN"
secondary_serial() { dig @127.0.0.1 -p "$1" "$ZONE" SOA +short +tries=1 +time=2 | awk '{ print $3 }'; }
resolver_times=()
transfer_times=()
for i in $(seq 1 "$RESOLVER_RUNS"); do
  name="resolver-$i-$(date +%s%N).example-bench.vn"
  dig @127.0.0.1 -p "$secondary_port" "$name" A +tries=1 +time=2 | grep -q 'status: NOERROR' ||
    { echo "$name is not answered before its approval" >&2; exit 1; }
  serial=$(secondary_serial "$secondary_port")
  approve "$name"
  blocked=
  transferred=
  for _ in $(seq 1 3000); do
    if [ -z "$transferred" ] && [ "$(secondary_serial "$secondary_port")" != "$serial" ]; then
      transferred=$(bench_millis "$APPROVED_AT")
    fi
    if dig @127.0.0.1 -p "$secondary_port" "$name" A +tries=1 +time=2 | grep -q 'status: NXDOMAIN'; then
      blocked=$(bench_millis "$APPROVED_AT")
      break
    fi
  done
  [ -n "$blocked" ] || { echo "$name was never blocked by the secondary" >&2; tail -n 30 "$work/secondary/named.log" >&2; exit 1; }
  resolver_times+=("$blocked")
  transfer_times+=("${transferred:-$blocked}")
  # Each run starts from a quiet service, as one approval at a time would in practice.
  sleep 1
done
stop_named

bench_log "the same one-name changes made on a BIND primary, until the same kind of secondary answers NXDOMAIN"
# The zone as the service serves it now, in a primary that takes dynamic updates signed with the same key and
# notifies a resolver configured as above.
dig @127.0.0.1 -p "$zone_port" -y "$tsig" "$ZONE" AXFR +nocmd +nostats +nocomments +tries=1 +time=60 |
  awk '$4 != "TSIG"' | awk '$4 == "SOA" && seen++ { next } { print }' >"$work/primary.zone"
rm -f "$work/primary.zone.jnl"
primary_port=$(free_port)
reference_port=$(free_port)
sed -i -e "s|listen-on port [0-9]* |listen-on port $primary_port |" \
  -e "s|notify no;|notify explicit; also-notify { 127.0.0.1 port $reference_port; };|" \
  -e "s|allow-transfer { key \"$key_name\"; };|& allow-update { key \"$key_name\"; };|" "$work/primary/named.conf"
/usr/sbin/named -g -4 -c "$work/primary/named.conf" >"$work/primary/named.log" 2>&1 &
primary_pid=$!
trap 'kill "$primary_pid" 2>/dev/null || true; stop_named; bench_stop_service; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
  grep -q "zone $ISP.rpz.interdict/IN: loaded serial" "$work/primary/named.log" && break
  kill -0 "$primary_pid" 2>/dev/null || { tail -n 20 "$work/primary/named.log" >&2; exit 1; }
  sleep 0.5
done
resolver_config "$work/reference" "$reference_port" "$primary_port"
/usr/sbin/named -g -4 -c "$work/reference/named.conf" >"$work/reference/named.log" 2>&1 &
named_pid=$!
# Loaded once the name of the service's last change answers NXDOMAIN there too.
for _ in $(seq 1 600); do
  dig @127.0.0.1 -p "$reference_port" "$name" A +tries=1 +time=2 | grep -q 'status: NXDOMAIN' && break
  kill -0 "$named_pid" 2>/dev/null || { tail -n 20 "$work/reference/named.log" >&2; exit 1; }
  sleep 0.5
done
reference_times=()
for i in $(seq 1 "$RESOLVER_RUNS"); do
  name="reference-$i-$(date +%s%N).example-bench.vn"
  dig @127.0.0.1 -p "$reference_port" "$name" A +tries=1 +time=2 | grep -q 'status: NOERROR' ||
    { echo "$name is not answered before its update" >&2; exit 1; }
  start=$(date +%s%N)
  printf 'server 127.0.0.1 %s\nzone %s\nupdate add %s.%s 60 CNAME .\nsend\n' "$primary_port" "$ZONE" "$name" \
    "$ZONE" | nsupdate -y "$tsig"
  blocked=
  for _ in $(seq 1 3000); do
    if dig @127.0.0.1 -p "$reference_port" "$name" A +tries=1 +time=2 | grep -q 'status: NXDOMAIN'; then
      blocked=$(bench_millis "$start")
      break
    fi
  done
  [ -n "$blocked" ] || { echo "$name was never blocked by the reference secondary" >&2; exit 1; }
  reference_times+=("$blocked")
  sleep 1
done
stop_named
kill "$primary_pid" 2>/dev/null || true

percentile() { sort -n | awk -v p="$1" '{ v[NR] = $1 } END { i = int(NR * p / 100 + 0.999); print v[i < 1 ? 1 : i] }'; }
grep -q OutOfMemoryError "$work/server.log" && { echo "the service ran out of memory" >&2; exit 1; }

echo "zone_records: $records"
echo "import_ms: $BASE_IMPORT_MS"
echo "axfr_ms: $axfr_ms"
echo "reference_axfr_ms: $reference_axfr_ms"
echo "axfr_ratio: $(awk -v a="$axfr_ms" -v b="$reference_axfr_ms" 'BEGIN { printf "%.2f", a / b }')"
echo "ixfr_ms: $ixfr_ms"
echo "resolver_p50_ms: $(printf '%s\n' "${resolver_times[@]}" | percentile 50)"
echo "resolver_p99_ms: $(printf '%s\n' "${resolver_times[@]}" | percentile 99)"
echo "transfer_p50_ms: $(printf '%s\n' "${transfer_times[@]}" | percentile 50)"
echo "transfer_p99_ms: $(printf '%s\n' "${transfer_times[@]}" | percentile 99)"
echo "reference_resolver_p50_ms: $(printf '%s\n' "${reference_times[@]}" | percentile 50)"
echo "reference_resolver_p99_ms: $(printf '%s\n' "${reference_times[@]}" | percentile 99)"
echo "service_heap: $ZONE_HEAP"
