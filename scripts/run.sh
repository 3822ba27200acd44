#!/usr/bin/env bash
# Starts Interdict on port 8080 (PORT to change it; health and metrics on 9000, MANAGEMENT_PORT), with PostgreSQL and
# Redis from the environment or local. People sign in with the identity provider of OIDC_AUTH_SERVER_URL (or the
# Keycloak at KEYCLOAK_URL); when neither is given, the development Keycloak (scripts/keycloak.sh, port 8180) is
# started beside the service with its demo users, and the development data (the Ministry, two provinces, three ISPs)
# is loaded, so that a newcomer can sign in at once on http://localhost:8080/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh
source scripts/lib/devkeys.sh
source scripts/lib/keycloak.sh

ensure_build_tools
ensure_postgres
: "${DB_NAME:=interdict}"
export DB_NAME
ensure_database "$DB_NAME"
ensure_redis
ensure_dev_keys
# Development tokens signed with the key under .dev/ (scripts/token.sh ROLE ...) are accepted too.
: "${LOCAL_TOKENS:=true}"
export LOCAL_TOKENS
# No SMTP server runs here: unless one is named, e-mails are written to the log (confirmation links included).
if [ -z "${SMTP_HOST:-}" ]; then
  export SMTP_MOCK="${SMTP_MOCK:-true}"
fi

if [ -z "${OIDC_AUTH_SERVER_URL:-}" ] && [ -z "${KEYCLOAK_URL:-}" ]; then
  keycloak_start
  # The service stops with this script; the Keycloak it started stops with it.
  if [ "$KEYCLOAK_STARTED" = 1 ]; then
    trap keycloak_stop EXIT
  fi
  export OIDC_CLIENT_SECRET="${OIDC_CLIENT_SECRET:-$KEYCLOAK_DEV_CLIENT_SECRET}"
  export INTERDICT_DEVELOPMENT_DATA="${INTERDICT_DEVELOPMENT_DATA:-true}"
  echo "Sign in on http://localhost:${PORT:-8080}/ as one of the demo users (README, \"Signing in\")." >&2
fi

if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
  mvn -B -q package -DskipTests
fi
# jvm.options: the JVM settings the service is measured and deployed with (see docs/operations.md).
# Not exec'd when a Keycloak was started here, so that the trap stops it when the service ends.
if [ "${KEYCLOAK_STARTED:-0}" = 1 ]; then
  java @jvm.options ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar
else
  exec java @jvm.options ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar
fi
