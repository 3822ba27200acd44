#!/usr/bin/env bash
# Lints the committed API document, openapi/openapi.yaml, with Redocly's recommended rules (redocly.yaml);
# fails on errors, prints warnings.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/redocly.sh

ensure_redocly
# Redocly checks for updates and sends usage data unless told not to.
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true "$REDOCLY" lint --config redocly.yaml openapi/openapi.yaml
