# shellcheck shell=bash
# The long-running servers `npm start` runs besides the apps (etcd, kube-apiserver, Prometheus)
# and the first start's history import: each in its own session, so a terminal's Ctrl-C reaches
# only start.sh, which stops them after the apps. Their pids are in $TALLY_STATE_DIR/run/<name>.pid
# and the servers' output in <name>.log.

TALLY_RUN_DIR=$TALLY_STATE_DIR/run
# Stopped last first: the import (which waits for Prometheus) before Prometheus.
TALLY_BACKGROUND=(etcd kube-apiserver prometheus history-import)

# start_background NAME COMMAND [ARGS...]
start_background() {
  local name=$1
  shift
  mkdir -p "$TALLY_RUN_DIR"
  # Not a job-control shell, so setsid does not fork: $! is the server itself.
  setsid "$@" </dev/null >>"$TALLY_RUN_DIR/$name.log" 2>&1 &
  printf '%s\n' "$!" >"$TALLY_RUN_DIR/$name.pid"
}

# The pid of NAME when it runs and is ours: its command line names our state directory, so a
# pid reused by an unrelated process since is never signalled.
_background_pid() {
  local file=$TALLY_RUN_DIR/$1.pid pid
  [ -f "$file" ] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$TALLY_STATE_DIR/" || return 1
  printf '%s' "$pid"
}

# stop_background NAME: SIGTERM, then SIGKILL after TALLY_STOP_GRACE seconds (default 15), to
# its whole process group (setsid made it the leader): a script's children go with it.
stop_background() {
  local name=$1 pid grace=${TALLY_STOP_GRACE:-15}
  if pid=$(_background_pid "$name"); then
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 $((grace * 4))); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$name (pid $pid) still running after ${grace}s, killing it"
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$TALLY_RUN_DIR/$name.pid"
}

# stop_all_background: every server of TALLY_BACKGROUND that runs, last started first.
stop_all_background() {
  local i name stopped=()
  for ((i = ${#TALLY_BACKGROUND[@]} - 1; i >= 0; i--)); do
    name=${TALLY_BACKGROUND[i]}
    if _background_pid "$name" >/dev/null; then
      stop_background "$name"
      stopped+=("$name")
    else
      rm -f "$TALLY_RUN_DIR/$name.pid"
    fi
  done
  [ "${#stopped[@]}" -eq 0 ] || log "stopped ${stopped[*]}"
}

# stop_leftovers: servers an earlier `npm start` could not stop (it was killed with SIGKILL).
stop_leftovers() {
  local name
  for name in "${TALLY_BACKGROUND[@]}"; do
    if _background_pid "$name" >/dev/null; then
      log "stopping the $name an earlier npm start left running"
      stop_background "$name"
    fi
  done
}
