# Sourced by the scripts: a real Keycloak, the development and test identity provider, under .tools/ (never
# committed). The distribution comes from Maven Central (org.keycloak:keycloak-quarkus-dist) through Maven; it runs
# in development mode with its own file database, on KEYCLOAK_PORT (8180), with the committed realm
# keycloak/interdict-realm.json imported afresh at every start.
#
# Keycloak needs Java 21 or later: KEYCLOAK_JAVA_HOME, else JAVA_HOME, else the newest JDK under /usr/lib/jvm that
# is recent enough.

KEYCLOAK_VERSION="26.5.6"
TOOLS_DIR="${TOOLS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.tools}"
KEYCLOAK_REALM_FILE="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/keycloak/interdict-realm.json"
KEYCLOAK_HOME="$TOOLS_DIR/keycloak-$KEYCLOAK_VERSION"
: "${KEYCLOAK_PORT:=8180}"
# Keycloak's own health and metrics port; its default, 9000, is the service's management port.
: "${KEYCLOAK_MANAGEMENT_PORT:=9180}"
# The development realm's client secret (keycloak/interdict-realm.json); a real deployment has its own.
KEYCLOAK_DEV_CLIENT_SECRET="interdict-development-secret-not-for-production"

# shellcheck source=packages.sh
source "$(dirname "${BASH_SOURCE[0]}")/packages.sh"

_java_feature_version() { # java executable
  "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2; exit}'
}

# Prints the home of a JDK that runs Keycloak, or says what to install.
keycloak_java_home() {
  local candidate version
  for candidate in "${KEYCLOAK_JAVA_HOME:-}" "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    version=$(_java_feature_version "$candidate/bin/java")
    if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "Keycloak needs Java 21 or later and none was found (KEYCLOAK_JAVA_HOME, JAVA_HOME, /usr/lib/jvm)." >&2
  echo "Install one, e.g. the Debian package openjdk-21-jdk-headless where the release has it, or Temurin 21 or 25," >&2
  echo "and point KEYCLOAK_JAVA_HOME at it." >&2
  return 1
}

ensure_keycloak_installed() {
  [ -x "$KEYCLOAK_HOME/bin/kc.sh" ] && return 0
  ensure_commands mvn:maven unzip:unzip || return 1
  local download="$TOOLS_DIR/keycloak-download"
  rm -rf "$download" "$KEYCLOAK_HOME.partial"
  mkdir -p "$download"
  echo "Downloading Keycloak $KEYCLOAK_VERSION ..." >&2
  mvn -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
    -DoutputDirectory="$download" >&2 || {
    echo "Could not download org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION with Maven." >&2
    rm -rf "$download"
    return 1
  }
  # Unpack beside and rename, so an interrupted run never leaves half an installation.
  mkdir -p "$KEYCLOAK_HOME.partial"
  unzip -q "$download/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$KEYCLOAK_HOME.partial"
  mv "$KEYCLOAK_HOME.partial/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME"
  rm -rf "$KEYCLOAK_HOME.partial" "$download"
}

keycloak_url() { echo "http://localhost:$KEYCLOAK_PORT"; }

# Whether a Keycloak with the interdict realm answers on the port.
keycloak_ready() {
  curl -sf -o /dev/null --max-time 5 "$(keycloak_url)/realms/interdict/.well-known/openid-configuration"
}

_keycloak_pid_file() { echo "$TOOLS_DIR/keycloak-$KEYCLOAK_PORT.pid"; }

# Starts Keycloak unless one with the realm already answers (then it is reused and left running); exports
# KEYCLOAK_URL, and KEYCLOAK_STARTED=1 when this call started it.
keycloak_start() {
  export KEYCLOAK_URL KEYCLOAK_STARTED=0
  KEYCLOAK_URL="$(keycloak_url)"
  if keycloak_ready; then
    echo "Keycloak already running at $KEYCLOAK_URL" >&2
    return 0
  fi
  ensure_commands curl:curl || return 1
  local java_home log started pid
  java_home=$(keycloak_java_home) || return 1
  ensure_keycloak_installed || return 1
  # A fresh database each time: the committed realm is the one truth, imported at start.
  rm -rf "$KEYCLOAK_HOME/data"
  mkdir -p "$KEYCLOAK_HOME/data/import"
  cp "$KEYCLOAK_REALM_FILE" "$KEYCLOAK_HOME/data/import/"
  log="$TOOLS_DIR/keycloak-$KEYCLOAK_PORT.log"
  started=$(date +%s)
  # Its own session, so that stopping it stops the whole process group. The heap is bounded: the machine is shared.
  # The administrator of the master realm is a development one, like the realm's users.
  JAVA_HOME="$java_home" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    setsid "$KEYCLOAK_HOME/bin/kc.sh" start-dev --import-realm --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
    --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" --hostname="$KEYCLOAK_URL" >"$log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$(_keycloak_pid_file)"
  echo "Starting Keycloak $KEYCLOAK_VERSION on $KEYCLOAK_URL (log: $log) ..." >&2
  for _ in $(seq 1 180); do
    if keycloak_ready; then
      KEYCLOAK_STARTED=1
      echo "Keycloak ready at $KEYCLOAK_URL in $(($(date +%s) - started)) s" >&2
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "Keycloak stopped during start-up; the end of its log:" >&2
      tail -n 30 "$log" >&2
      return 1
    fi
    sleep 1
  done
  echo "Keycloak did not answer within 180 s; the end of its log:" >&2
  tail -n 30 "$log" >&2
  keycloak_stop
  return 1
}

# Stops the Keycloak these scripts started on the port, if any.
keycloak_stop() {
  local pid_file pid
  pid_file="$(_keycloak_pid_file)"
  [ -f "$pid_file" ] || return 0
  pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null
    echo "Keycloak stopped" >&2
  fi
  rm -f "$pid_file"
}
