#!/usr/bin/env bash
# Lints the Helm chart and renders it with the default and the production values into target/helm/,
# where the manifest tests read them.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/helm.sh

ensure_helm
chart=helm/interdict
out=target/helm
mkdir -p "$out"

# Helm prints its findings on success too; show them only when it fails.
run_quiet() {
  local log
  log=$("$@" 2>&1) || { printf '%s\n' "$log" >&2; echo "Failed: $*" >&2; return 1; }
}

render() { # name, helm arguments...
  local name=$1
  shift
  run_quiet "$HELM" lint --strict "$chart" "$@"
  # Render to a temporary file first, so a failed render never leaves a stale manifest for the tests.
  "$HELM" template interdict "$chart" --namespace interdict "$@" >"$out/$name.yaml.tmp"
  mv -f "$out/$name.yaml.tmp" "$out/$name.yaml"
}

rm -f "$out"/*.yaml "$out"/*.yaml.tmp
render default
render production -f "$chart/values-production.yaml"
