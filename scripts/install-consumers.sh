#!/usr/bin/env bash
# Installs the programs that consume our exports, so the export tests can run them:
# named-checkzone (RPZ), unbound-checkconf (Unbound), nft (nftables) and dnsmasq; and named with dig, which the
# zone-transfer tests run as a secondary of their own on free ports.
#
# No daemon is wanted as a service: the bind9, unbound and dnsmasq packages would
# otherwise start a resolver that takes port 53 on this machine. A policy-rc.d that refuses
# every service start is put in place for the install (unless one already exists), and on a
# machine run by systemd the daemons this script installed are disabled afterwards.
# Safe to run again: nothing happens when all the commands are present.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/packages.sh
. "$here/lib/packages.sh"

daemons=()
command -v named >/dev/null 2>&1 || [ -x /usr/sbin/named ] || daemons+=(named)
command -v unbound-checkconf >/dev/null 2>&1 || [ -x /usr/sbin/unbound-checkconf ] || daemons+=(unbound)
command -v dnsmasq >/dev/null 2>&1 || [ -x /usr/sbin/dnsmasq ] || daemons+=(dnsmasq)

policy=/usr/sbin/policy-rc.d
if [ "$(id -u)" -eq 0 ] && [ ! -e "$policy" ]; then
  printf '#!/bin/sh\n# Temporary: refuse service starts while the export checkers are installed.\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  trap 'rm -f "$policy"' EXIT
fi

ensure_commands named-checkzone:bind9-utils unbound-checkconf:unbound nft:nftables dnsmasq:dnsmasq named:bind9 \
  dig:bind9-dnsutils

if [ ${#daemons[@]} -gt 0 ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  systemctl disable --now "${daemons[@]}" >/dev/null 2>&1 || true
fi
