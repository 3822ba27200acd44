#!/usr/bin/env bash
# Starts Interdict on port 8080 (PORT to change it; health and metrics on 9000, MANAGEMENT_PORT), with PostgreSQL and
# Redis from the environment or local.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh
source scripts/lib/devkeys.sh

ensure_build_tools
ensure_postgres
: "${DB_NAME:=interdict}"
export DB_NAME
ensure_database "$DB_NAME"
ensure_redis
ensure_dev_keys

if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
  mvn -B -q package -DskipTests
fi
# jvm.options: the JVM settings the service is measured and deployed with (see docs/operations.md).
exec java @jvm.options ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar
