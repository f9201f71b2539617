# shellcheck shell=bash
# ensure_postgres [DATABASE_URL]: a running Postgres, and the app's role and database on it.
#
# Sets PG_HOST PG_PORT PG_ROLE PG_PASSWORD PG_DB for the caller. On a local server the role
# gets LOGIN, CREATEDB (tests and the bench create databases) and the password of the URL, and
# owns the database, so the same URL works whether the server trusts local TCP or wants a
# password. A remote server is only checked, never changed.

ensure_postgres() {
  local url=${1:-$(setting DATABASE_URL "$TALLY_DEFAULT_DATABASE_URL")}
  local parts=()
  mapfile -d '' -t parts < <(url_parts "$url") || true
  [ "${#parts[@]}" -eq 5 ] || die "DATABASE_URL is not a valid URL"
  PG_HOST=${parts[0]:-127.0.0.1} PG_PORT=${parts[1]:-5432} PG_ROLE=${parts[2]:-tally}
  PG_PASSWORD=${parts[3]} PG_DB=${parts[4]:-tally}

  have pg_isready || apt_install postgresql-client

  if ! is_local_host "$PG_HOST"; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" ||
      die "Postgres at $PG_HOST:$PG_PORT (DATABASE_URL) does not answer"
    log "Postgres at $PG_HOST:$PG_PORT is remote: not creating roles or databases there"
    return 0
  fi

  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || _pg_start

  if _pg_role_ready; then
    return 0
  fi
  _pg_provision
  _pg_role_ready || die "role $PG_ROLE still cannot log in over TCP to 127.0.0.1:$PG_PORT/$PG_DB; check pg_hba.conf"
  log "Postgres role '$PG_ROLE' (LOGIN CREATEDB) and database '$PG_DB' are ready"
}

# The role logs in over TCP with its password, may create databases, and the database exists.
_pg_role_ready() {
  local ok
  ok=$(PGPASSWORD=$PG_PASSWORD PGCONNECT_TIMEOUT=5 psql -X -w -At -h 127.0.0.1 -p "$PG_PORT" \
    -U "$PG_ROLE" -d "$PG_DB" -c 'SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user' \
    2>/dev/null) || return 1
  [ "$ok" = t ]
}

_pg_start() {
  local version=''
  if [ -d /etc/postgresql ]; then
    version=$(find /etc/postgresql -mindepth 2 -maxdepth 2 -name main -printf '%P\n' 2>/dev/null |
      cut -d/ -f1 | sort -V | tail -n1)
  fi
  if [ -z "$version" ]; then
    log "no PostgreSQL cluster installed"
    apt_install postgresql postgresql-contrib
    version=$(find /etc/postgresql -mindepth 2 -maxdepth 2 -name main -printf '%P\n' |
      cut -d/ -f1 | sort -V | tail -n1)
    [ -n "$version" ] || die "apt-get installed postgresql but created no cluster in /etc/postgresql"
  fi
  if pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then return 0; fi
  if ! is_root && [ "$(id -un)" != postgres ]; then
    die "Postgres is not running: start it with 'sudo pg_ctlcluster --skip-systemctl-redirect $version main start'"
  fi
  log "starting PostgreSQL $version (cluster main)"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 ||
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT" ||
    die "could not start PostgreSQL $version; see /var/log/postgresql/postgresql-$version-main.log"
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && return 0
    sleep 0.5
  done
  die "PostgreSQL $version started but 127.0.0.1:$PG_PORT does not answer (listen_addresses/port in /etc/postgresql/$version/main/postgresql.conf?)"
}

# Runs psql as a superuser: over TCP as postgres when the server trusts that, else as the
# postgres OS user through the local socket (peer auth), which needs root.
_pg_admin_psql() {
  if PGCONNECT_TIMEOUT=5 psql -X -w -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
    -c 'SELECT 1' >/dev/null 2>&1; then
    psql -X -w -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"
  elif is_root && id postgres >/dev/null 2>&1; then
    (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres "$@")
  elif [ "$(id -un)" = postgres ]; then
    psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres "$@"
  else
    return 2
  fi
}

# psql_literal VALUE: VALUE quoted for a psql meta-command argument ('...', with ' and \ escaped).
psql_literal() {
  local v=${1//\\/\\\\}
  v=${v//\'/\'\'}
  printf "'%s'" "$v"
}

_pg_provision() {
  local role db pw sql
  role=$(psql_literal "$PG_ROLE")
  db=$(psql_literal "$PG_DB")
  pw=$(psql_literal "$PG_PASSWORD")
  # The password goes through stdin, not argv, so `ps` never shows it.
  sql=$(
    cat <<SQL
\\set role $role
\\set db $db
\\set pw $pw
SELECT format('CREATE ROLE %I LOGIN', :'role')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \\gexec
ALTER ROLE :"role" WITH LOGIN CREATEDB PASSWORD :'pw';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \\gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'db', :'role')
  WHERE :'db' NOT IN ('postgres', 'template0', 'template1') \\gexec
SQL
  )
  log "creating/updating Postgres role '$PG_ROLE' and database '$PG_DB'"
  local rc=0
  _pg_admin_psql <<<"$sql" >&2 || rc=$?
  if [ "$rc" -eq 2 ]; then
    die "cannot act as a Postgres superuser here; as one, run:
  CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '<password from DATABASE_URL>';
  CREATE DATABASE $PG_DB OWNER $PG_ROLE;"
  elif [ "$rc" -ne 0 ]; then
    die "creating role '$PG_ROLE' / database '$PG_DB' failed (psql exit $rc)"
  fi
}

# pg_url ROLE PASSWORD DB: a URL for the local server found by ensure_postgres.
pg_url() {
  node -e '
    const [role, pw, db, host, port] = process.argv.slice(1);
    const e = encodeURIComponent;
    const h = host.includes(":") ? `[${host}]` : host;
    process.stdout.write(`postgresql://${e(role)}${pw ? ":" + e(pw) : ""}@${h}:${port}/${e(db)}`);
  ' "$1" "$2" "$3" "$PG_HOST" "$PG_PORT"
}

# ensure_pgbench: pgbench on PATH (Debian ships it with the server package).
ensure_pgbench() {
  if pgbench --version >/dev/null 2>&1; then return 0; fi
  apt_install postgresql-client postgresql-contrib
  pgbench --version >/dev/null 2>&1 || die "pgbench is still missing after installing postgresql-contrib"
}
