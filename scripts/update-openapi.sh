#!/usr/bin/env bash
# Regenerates openapi/openapi.yaml from the code (the OpenAPI test writes the fresh document to target/).
set -euo pipefail
cd "$(dirname "$0")/.."
# A document left by an earlier run must not pass for a fresh one when the application fails to start.
rm -f target/openapi.yaml
mvn -B -q test -Dtest=OpenApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false >/dev/null 2>&1 || true
[ -f target/openapi.yaml ] || { echo "the OpenAPI test did not run; see mvn test -Dtest=OpenApiDocumentTest" >&2; exit 1; }
mkdir -p openapi
cp target/openapi.yaml openapi/openapi.yaml
echo "openapi/openapi.yaml updated"
