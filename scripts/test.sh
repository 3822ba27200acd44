#!/usr/bin/env bash
# Runs the whole test suite against real PostgreSQL and Redis, the real programs that load our exports,
# the Helm chart as a real Helm renders it, and the committed API document through a real OpenAPI linter.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh
source scripts/lib/packages.sh
source scripts/lib/helm.sh
source scripts/lib/keycloak.sh

ensure_build_tools
ensure_postgres
: "${DB_NAME:=interdict_test}"
export DB_NAME
ensure_database "$DB_NAME"
ensure_redis
ensure_commands openssl:openssl unshare:util-linux chromium:chromium chromedriver:chromium-driver
scripts/install-consumers.sh
ensure_helm

# The manifest tests read what this renders into target/helm/.
scripts/helm-check.sh
scripts/lint-openapi.sh

# One Keycloak for the whole run (KeycloakSignInApiTest signs in through it), with the committed realm; the tests are
# written for that realm, so settings pointing elsewhere are set aside.
unset OIDC_AUTH_SERVER_URL OIDC_CLIENT_ID OIDC_CLIENT_SECRET OIDC_AUDIENCE OIDC_ROLE_CLAIM LOCAL_TOKENS
keycloak_start
if [ "$KEYCLOAK_STARTED" = 1 ]; then
  trap keycloak_stop EXIT
fi

mvn -B verify "$@"
