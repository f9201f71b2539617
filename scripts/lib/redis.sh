# shellcheck shell=bash
# ensure_redis [REDIS_URL]: a Redis that answers PING (started, or installed, when local).

_redis_ping() {
  [ "$(redis-cli --no-auth-warning -u "$1" ping 2>/dev/null)" = PONG ]
}

ensure_redis() {
  local url=${1:-$(setting REDIS_URL "$TALLY_DEFAULT_REDIS_URL")}
  local parts=()
  mapfile -d '' -t parts < <(url_parts "$url")
  [ "${#parts[@]}" -eq 5 ] || die "REDIS_URL is not a valid URL"
  local host=${parts[0]:-127.0.0.1} port=${parts[1]:-6379}

  have redis-cli || apt_install redis-tools
  if _redis_ping "$url"; then return 0; fi
  if ! is_local_host "$host"; then
    die "Redis at $host:$port (REDIS_URL) does not answer PING"
  fi

  have redis-server || apt_install redis-server
  local dir logfile
  if is_root; then
    dir=/var/lib/redis logfile=/var/log/redis/ci.log
    mkdir -p /var/lib/redis /var/log/redis
  else
    # Without root, keep the (empty: no persistence) data dir and log in the repo's .tally/.
    dir=$TALLY_ROOT/.tally/redis logfile=$TALLY_ROOT/.tally/redis/redis.log
    mkdir -p "$dir" || die "cannot create $dir for redis-server"
  fi
  log "starting redis-server on 127.0.0.1:$port (no persistence; log $logfile)"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$port" --save "" \
    --appendonly no --dir "$dir" --logfile "$logfile" >&2 ||
    die "redis-server did not start; see $logfile"
  for _ in $(seq 1 40); do
    _redis_ping "$url" && return 0
    sleep 0.25
  done
  die "redis-server started but 127.0.0.1:$port does not answer PING; see $logfile"
}
