#!/usr/bin/env bash
# Regenerates openapi/openapi.yaml from the code (the OpenAPI test writes the fresh document to target/).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test -Dtest=OpenApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false >/dev/null 2>&1 || true
[ -f target/openapi.yaml ] || { echo "the OpenAPI test did not run; see mvn test -Dtest=OpenApiDocumentTest" >&2; exit 1; }
mkdir -p openapi
cp target/openapi.yaml openapi/openapi.yaml
echo "openapi/openapi.yaml updated"
