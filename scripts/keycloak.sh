#!/usr/bin/env bash
# The development Keycloak (realm keycloak/interdict-realm.json) on KEYCLOAK_PORT (8180):
#   scripts/keycloak.sh start    starts it, or reuses one that already serves the realm
#   scripts/keycloak.sh stop     stops the one these scripts started
#   scripts/keycloak.sh status   says whether it answers
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/keycloak.sh

case "${1:-}" in
  start) keycloak_start ;;
  stop) keycloak_stop ;;
  status)
    if keycloak_ready; then
      echo "Keycloak serves the interdict realm at $(keycloak_url)"
    else
      echo "No Keycloak with the interdict realm at $(keycloak_url)"
      exit 1
    fi
    ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
