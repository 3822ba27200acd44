#!/usr/bin/env bash
# Runs the whole test suite against real PostgreSQL and Redis, and the real programs that load our exports.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh
source scripts/lib/packages.sh

ensure_build_tools
ensure_postgres
: "${DB_NAME:=interdict_test}"
export DB_NAME
ensure_database "$DB_NAME"
ensure_redis
ensure_commands openssl:openssl

mvn -B verify "$@"
