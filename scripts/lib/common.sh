# shellcheck shell=bash
# Helpers shared by scripts/*.sh. Sourced, never run; callers set `set -euo pipefail`.

TALLY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck disable=SC2034 # used by the other helpers
TALLY_DEFAULT_DATABASE_URL='postgresql://tally:tally@127.0.0.1:5432/tally'
# shellcheck disable=SC2034
TALLY_DEFAULT_REDIS_URL='redis://127.0.0.1:6379'
# Where `npm start` keeps its cluster, Prometheus data, pid files and logs (git-ignored).
TALLY_STATE_DIR=${TALLY_STATE_DIR:-$TALLY_ROOT/.tally}
# The .env file `npm start` writes and reads, and the apps read (libs/config readEnv); another
# file keeps a test's or a bench's `npm start` away from the developer's own .env.
TALLY_ENV_FILE=${TALLY_ENV_FILE:-$TALLY_ROOT/.env}

# With TALLY_LOG_ELAPSED set (npm start), every line says how long the script has run, so a
# slow first start shows which step takes the time.
log() {
  if [ -n "${TALLY_LOG_ELAPSED:-}" ]; then
    printf '[tally] %4ss %s\n' "$SECONDS" "$*" >&2
  else
    printf '[tally] %s\n' "$*" >&2
  fi
}
warn() { printf '[tally] warning: %s\n' "$*" >&2; }
die() {
  printf '[tally] error: %s\n' "$*" >&2
  exit 1
}

have() { command -v "$1" >/dev/null 2>&1; }
is_root() { [ "$(id -u)" -eq 0 ]; }

# newer A B: true when A exists and B is missing or older than A.
newer() { [ -e "$1" ] && { [ ! -e "$2" ] || [ "$1" -nt "$2" ]; }; }

# Installs Debian packages when we are root; otherwise says what to run and fails.
_tally_apt_updated=0
apt_install() {
  if ! is_root; then
    die "missing $*: install it with 'sudo apt-get install -y $*' and run this again"
  fi
  have apt-get || die "missing $* and no apt-get here: install $* with your package manager"
  if [ "$_tally_apt_updated" -eq 0 ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    _tally_apt_updated=1
  fi
  log "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# dotenv_get KEY [FILE]: the value of KEY in a .env file (empty when absent).
dotenv_get() {
  local key=$1 file=${2:-$TALLY_ENV_FILE} line value=''
  [ -f "$file" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line#export }
    if [[ $line == "$key="* ]]; then value=$(_dotenv_value "${line#"$key"=}"); fi
  done <"$file"
  printf '%s' "$value"
}

_dotenv_value() {
  local v=$1
  if [[ $v == \"*\" && ${#v} -ge 2 ]]; then
    v=${v:1:${#v}-2}
  elif [[ $v == \'*\' && ${#v} -ge 2 ]]; then
    v=${v:1:${#v}-2}
  else
    v=$(sed -E 's/[[:space:]]+#.*$//; s/[[:space:]]+$//' <<<"$v")
  fi
  printf '%s' "$v"
}

# setting KEY DEFAULT: the real environment first, then .env, then DEFAULT (as the apps do).
setting() {
  local key=$1 default=$2 value
  if [ -n "${!key:-}" ]; then
    printf '%s' "${!key}"
    return
  fi
  value=$(dotenv_get "$key")
  printf '%s' "${value:-$default}"
}

# load_dotenv [FILE]: exports every KEY=value of FILE that the real environment leaves unset.
load_dotenv() {
  local file=${1:-$TALLY_ENV_FILE} line key
  [ -f "$file" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line#export }
    [[ $line =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || continue
    key=${line%%=*}
    [ -n "${!key+set}" ] && continue
    export "$key=$(_dotenv_value "${line#*=}")"
  done <"$file"
}

# url_parts URL: prints host, port, user, password, path (without '/'), NUL-separated.
url_parts() {
  node -e '
    const u = new URL(process.argv[1]);
    const d = decodeURIComponent;
    const host = u.hostname.replace(/^\[(.*)\]$/, "$1");
    process.stdout.write([host, u.port, d(u.username), d(u.password), d(u.pathname.slice(1))].join("\0") + "\0");
  ' "$1"
}

is_local_host() {
  case "$1" in
    127.0.0.1 | localhost | ::1 | '') return 0 ;;
    *) return 1 ;;
  esac
}

# http_ok URL: true when URL answers 2xx within 2 s.
http_ok() {
  if have curl; then
    curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null
  else
    node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(2000) })
      .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"
  fi
}

# port_in_use PORT: something already listens on 127.0.0.1:PORT.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
