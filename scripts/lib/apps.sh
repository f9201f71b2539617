# shellcheck shell=bash
# run_apps: the four apps (and the simulator, once built) in one terminal, output prefixed and
# coloured by concurrently.

TALLY_APPS=(gateway account billing metering)

# The simulator (apps/simulator, development only) plays the cluster's workloads and exporters.
simulator_built() { [ -d "$TALLY_ROOT/dist/apps/simulator" ]; }
simulator_metrics_port() { setting SIMULATOR_METRICS_PORT 9470; }
simulator_hubble_port() { setting SIMULATOR_HUBBLE_PORT 4245; }
simulator_credentials_file() { setting SIMULATOR_CREDENTIALS_FILE "$TALLY_STATE_DIR/demo-credentials.json"; }

# app_env APP: the settings `npm start` gives APP for the local cloud, as `env` arguments.
# Metering always talks to npm start's own cluster, with the metering service account.
# The backfilled history is settled by the simulator once the demo tenants own it and Prometheus
# serves it (it is imported in the background of the first start: start_history_import); metering's
# own settlement begins with the first live hour, so it can never settle the history first
# (and post nothing for it, while no workspace claims its namespaces).
app_env() {
  local history_end
  history_end=$(history_end)
  case $1 in
    metering)
      printf '%q ' "KUBECONFIG=$TALLY_LOCAL_KUBE_DIR/metering.kubeconfig" \
        "TALLY_SETTLEMENT_CATCH_UP_HOURS=$(setting TALLY_SETTLEMENT_CATCH_UP_HOURS $(($(history_days) * 24 + 24)))"
      if simulator_built; then printf '%q ' "HUBBLE_ADDRESS=127.0.0.1:$(simulator_hubble_port)"; fi
      if [ -n "$history_end" ]; then
        printf '%q ' "TALLY_SETTLEMENT_FIRST_HOUR=$(setting TALLY_SETTLEMENT_FIRST_HOUR "$history_end")"
      fi
      ;;
    # enforce_local_cloud_settings exported it (an older .env may say off).
    account) printf '%q ' "TALLY_NAMESPACE_CLUSTER_CHECK=$TALLY_NAMESPACE_CLUSTER_CHECK" ;;
    simulator)
      printf '%q ' "SIMULATOR_KUBECONFIG=$TALLY_LOCAL_KUBE_DIR/admin.kubeconfig" \
        "SIMULATOR_GATEWAY_URL=http://127.0.0.1:$(app_port gateway)" \
        "SIMULATOR_METRICS_PORT=$(simulator_metrics_port)" \
        "SIMULATOR_HUBBLE_PORT=$(simulator_hubble_port)" \
        "SIMULATOR_CREDENTIALS_FILE=$(simulator_credentials_file)"
      if [ -n "$history_end" ]; then
        printf '%q ' "SIMULATOR_HISTORY_FROM=$(history_start "$history_end")" \
          "SIMULATOR_HISTORY_UNTIL=$(history_settled_until "$history_end")" \
          "SIMULATOR_HISTORY_SETTLED_FILE=$TALLY_STATE_DIR/history-settled" \
          "SIMULATOR_HISTORY_LOADED_FILE=$TALLY_STATE_DIR/prometheus/backfilled-until"
      fi
      ;;
    *) ;;
  esac
}

app_port() {
  case $1 in
    gateway) printf '%s' "${TALLY_GATEWAY_PORT:-4000}" ;;
    account) printf '%s' "${TALLY_ACCOUNT_PORT:-4001}" ;;
    billing) printf '%s' "${TALLY_BILLING_PORT:-4002}" ;;
    metering) printf '%s' "${TALLY_METERING_PORT:-4003}" ;;
    *) die "unknown app: $1" ;;
  esac
}

check_ports_free() {
  local app port busy=()
  for app in "${TALLY_APPS[@]}"; do
    port=$(app_port "$app")
    if port_in_use "$port"; then busy+=("$app:$port"); fi
  done
  [ "${#busy[@]}" -eq 0 ] ||
    die "port already in use: ${busy[*]} (another 'npm start'? stop it, or set TALLY_<APP>_PORT in .env)"
}

# _ready_url NAME: what answers once NAME (an app, or the simulator) is ready.
_ready_url() {
  case $1 in
    simulator) printf 'http://127.0.0.1:%s/metrics' "$(simulator_metrics_port)" ;;
    *) printf 'http://127.0.0.1:%s/readyz' "$(app_port "$1")" ;;
  esac
}

# Polls every app's /readyz (and the simulator's /metrics) while the apps run, saying when each
# first answers, so a slow start shows which one it waited for; prints the banner once all do.
_announce_when_ready() {
  local leader=$1 timeout=${TALLY_READY_TIMEOUT:-120} start=$SECONDS warned='' name pending
  local names=("${TALLY_APPS[@]}") ready=' '
  if simulator_built; then names+=(simulator); fi
  while kill -0 "$leader" 2>/dev/null; do
    pending=()
    for name in "${names[@]}"; do
      if ! http_ok "$(_ready_url "$name")"; then
        pending+=("$name")
      elif [[ $ready != *" $name "* ]]; then
        ready+="$name "
        log "$name is ready"
      fi
    done
    if [ "${#pending[@]}" -eq 0 ]; then
      print_banner
      return 0
    fi
    if [ -z "$warned" ] && [ $((SECONDS - start)) -ge "$timeout" ]; then
      warn "not ready after ${timeout}s: ${pending[*]} (still waiting; see their /readyz)"
      warned=1
    fi
    sleep 1
  done
}

print_banner() {
  local api=http://127.0.0.1:$(app_port gateway) credentials
  credentials=$(simulator_credentials_file)
  printf '[tally] ready after %ss\n' "$SECONDS"
  printf '  %-16s %s\n' 'GraphQL API' "$api/graphql (a browser there gets the GraphQL IDE)" \
    'Prometheus' "$(setting PROMETHEUS_URL http://127.0.0.1:9090) (targets: /targets)" \
    'Kubernetes API' "${TALLY_LOCAL_KUBE_SERVER:-?} (admin kubeconfig: ${TALLY_LOCAL_KUBE_DIR#"$TALLY_ROOT"/}/admin.kubeconfig)" \
    'Checkout page' "$api/checkout/<session>: the checkoutUrl startRecharge returns (Pay / Decline)" \
    'Console' "$api/console (the tenant cost center: sign in with a JWT or API key of the demo credentials)"
  if simulator_built; then
    printf '  %-16s %s\n' 'Demo credentials' "${credentials#"$TALLY_ROOT"/}"
    history_loaded || printf '  %-16s %s\n' 'History' \
      "$(history_days) days of simulated usage still going into Prometheus, in the background: \"history loaded\" when they are in, then the simulator settles them"
  else
    printf '  %-16s %s\n' 'Simulator' 'not built (no dist/apps/simulator): no tenants, workloads or usage'
  fi
  printf '  %-16s %s\n' 'Stop' 'Ctrl-C stops the apps, the simulator, kube-apiserver, etcd and Prometheus'
}

_TALLY_LEADER=''
_TALLY_STOPPING=''
_tally_forward() {
  # Only the first signal counts: `npm start` in a terminal delivers Ctrl-C twice (from the
  # terminal and forwarded by npm), and apps must see exactly one to shut down gracefully.
  [ -n "$_TALLY_STOPPING" ] && return 0
  _TALLY_STOPPING=$1
  log "$1: stopping the apps (each finishes in-flight work first)"
  case $1 in
    SIGINT) kill -INT "$_TALLY_LEADER" 2>/dev/null || true ;;
    *) kill -TERM "$_TALLY_LEADER" 2>/dev/null || true ;;
  esac
}

# After concurrently exits, nothing of its session may stay behind.
_reap_session() {
  local sid=$1 grace=${TALLY_STOP_GRACE:-15} left
  have pgrep || return 0
  for _ in $(seq 1 "$grace"); do
    left=$(pgrep -s "$sid" | tr '\n' ' ') || true
    [ -z "$left" ] && return 0
    sleep 1
  done
  warn "still running after ${grace}s, killing: $left"
  # shellcheck disable=SC2086 # a list of pids
  kill -KILL $left 2>/dev/null || true
}

# run_apps: runs `$TALLY_APP_RUNNER <app>` (default `node scripts/run-app.js <app>`) for every
# app until one exits or this script gets SIGINT/SIGTERM/SIGHUP; returns concurrently's code.
run_apps() {
  local runner=${TALLY_APP_RUNNER:-node scripts/run-app.js}
  local app cmds=() names procs=("${TALLY_APPS[@]}")
  # `exec`: the shell concurrently starts becomes the app, so signals and exit codes are its own.
  for app in "${TALLY_APPS[@]}"; do cmds+=("exec env $(app_env "$app")$runner $app"); done
  if simulator_built; then
    cmds+=("exec env $(app_env simulator)$runner simulator run")
    procs+=(simulator)
  else
    log "no dist/apps/simulator: starting without the simulator (no demo tenants or usage)"
  fi
  names=$(
    IFS=,
    printf '%s' "${procs[*]}"
  )

  # setsid gives concurrently and the apps their own session (this script runs without job
  # control, so setsid does not fork and $! is concurrently itself). A terminal's Ctrl-C then
  # reaches only this script, which passes one SIGINT to concurrently, which passes one to each
  # app. Without it each app would also get the terminal's SIGINT, and the second signal would
  # cut its graceful shutdown short.
  setsid "$TALLY_ROOT/node_modules/.bin/concurrently" --kill-others --pad-prefix \
    --names "$names" --prefix-colors 'blue.bold,green.bold,magenta.bold,cyan.bold,yellow.bold' \
    "${cmds[@]}" &
  _TALLY_LEADER=$!
  _TALLY_STOPPING=''
  trap '_tally_forward SIGINT' INT
  trap '_tally_forward SIGTERM' TERM
  trap '_tally_forward SIGHUP' HUP

  _announce_when_ready "$_TALLY_LEADER" &
  local announcer=$! rc
  while :; do
    rc=0
    wait "$_TALLY_LEADER" || rc=$?
    # wait also returns when a trapped signal arrives; go on waiting until concurrently is gone.
    kill -0 "$_TALLY_LEADER" 2>/dev/null || break
  done
  # If concurrently ended just after a signal interrupted wait, this collects its real code.
  rc=0
  wait "$_TALLY_LEADER" 2>/dev/null || rc=$?
  trap - INT TERM HUP
  kill "$announcer" 2>/dev/null || true
  wait "$announcer" 2>/dev/null || true
  _reap_session "$_TALLY_LEADER"
  if [ -n "$_TALLY_STOPPING" ]; then
    log "all apps stopped"
  else
    warn "an app exited (code $rc), so all were stopped"
  fi
  return "$rc"
}
