# Sourced by the scripts: makes sure PostgreSQL and Redis answer, using the environment's settings
# (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, REDIS_HOST, REDIS_PORT) or the local servers on their standard ports.
# A local server that is installed but stopped is started; one that is missing is installed when running as root.

: "${DB_HOST:=127.0.0.1}" "${DB_PORT:=5432}" "${DB_USER:=postgres}" "${REDIS_HOST:=127.0.0.1}" "${REDIS_PORT:=6379}"
export DB_HOST DB_PORT DB_USER REDIS_HOST REDIS_PORT
[ -n "${DB_PASSWORD:-}" ] && export PGPASSWORD="$DB_PASSWORD"

_is_local() { [ "$1" = 127.0.0.1 ] || [ "$1" = localhost ] || [ "$1" = ::1 ]; }

_install_or_fail() { # package, what for
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing $1 ..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
  else
    echo "$2 is not available: install the Debian package $1, or point the scripts at a server (see README)." >&2
    return 1
  fi
}

_pg_ready() { pg_isready -h "$DB_HOST" -p "$DB_PORT" -q; }
_pg_query() { psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -v ON_ERROR_STOP=1 -qtAc "$1"; }

ensure_postgres() {
  command -v pg_isready >/dev/null 2>&1 || _install_or_fail postgresql-client "The PostgreSQL client" || return 1
  if ! _pg_ready; then
    _is_local "$DB_HOST" || { echo "PostgreSQL at $DB_HOST:$DB_PORT does not answer." >&2; return 1; }
    [ -d /etc/postgresql ] || _install_or_fail postgresql "PostgreSQL" || return 1
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
    for _ in $(seq 1 30); do _pg_ready && break; sleep 1; done
    _pg_ready || { echo "PostgreSQL did not start." >&2; return 1; }
  fi
  if ! _pg_query 'select 1' >/dev/null 2>&1 && _is_local "$DB_HOST" && [ "$(id -u)" -eq 0 ]; then
    # A fresh Debian cluster asks for a password on TCP: give the local superuser a known development one.
    : "${DB_PASSWORD:=postgres}"
    runuser -u postgres -- psql -qc "ALTER USER $DB_USER PASSWORD '$DB_PASSWORD'" >/dev/null
    export DB_PASSWORD PGPASSWORD="$DB_PASSWORD"
  fi
  _pg_query 'select 1' >/dev/null || { echo "Cannot log in to PostgreSQL as $DB_USER." >&2; return 1; }
}

ensure_database() { # name
  [ "$(_pg_query "select 1 from pg_database where datname = '$1'")" = 1 ] || _pg_query "create database \"$1\"" >/dev/null
}

ensure_redis() {
  command -v redis-cli >/dev/null 2>&1 || _install_or_fail redis-tools "The Redis client" || return 1
  redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0
  _is_local "$REDIS_HOST" || { echo "Redis at $REDIS_HOST:$REDIS_PORT does not answer." >&2; return 1; }
  command -v redis-server >/dev/null 2>&1 || _install_or_fail redis-server "Redis" || return 1
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no >/dev/null
  for _ in $(seq 1 20); do redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "Redis did not start." >&2
  return 1
}

ensure_build_tools() {
  command -v java >/dev/null 2>&1 || _install_or_fail openjdk-17-jdk-headless "Java 17" || return 1
  command -v mvn >/dev/null 2>&1 || _install_or_fail maven "Maven" || return 1
}
