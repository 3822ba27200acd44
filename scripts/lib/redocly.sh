# Sourced by the scripts: Redocly CLI, the OpenAPI linter, under .tools/ (never committed), installed from npm on
# first use. The 1.x line runs on Node.js 18, Debian 12's own; 2.x would need Node.js 20.19 or later.

REDOCLY_VERSION="1.34.20"
TOOLS_DIR="${TOOLS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.tools}"

# shellcheck source=packages.sh
source "$(dirname "${BASH_SOURCE[0]}")/packages.sh"

ensure_redocly() {
  # The version is part of the directory, so changing the pin installs the new version beside the old one.
  local dir="$TOOLS_DIR/redocly-$REDOCLY_VERSION"
  if [ ! -x "$dir/node_modules/.bin/redocly" ]; then
    ensure_commands npm:npm || return 1
    # Install into a temporary directory and rename, so an interrupted run never leaves half an installation.
    rm -rf "$dir.partial"
    mkdir -p "$dir.partial"
    npm install --prefix "$dir.partial" --no-save --no-audit --no-fund --loglevel=error \
      "@redocly/cli@$REDOCLY_VERSION" >/dev/null || {
      echo "Could not install @redocly/cli@$REDOCLY_VERSION with npm." >&2
      rm -rf "$dir.partial"
      return 1
    }
    rm -rf "$dir"
    mv "$dir.partial" "$dir"
  fi
  export REDOCLY="$dir/node_modules/.bin/redocly"
}
