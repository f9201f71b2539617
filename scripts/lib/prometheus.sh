# shellcheck shell=bash
# ensure_prometheus: the prometheus and promtool binaries the metering suites start their own
# servers with (test/support/prometheus-server.ts). Nothing is started here.

ensure_prometheus() {
  if have prometheus && have promtool; then return 0; fi
  apt_install prometheus
  # Debian's package starts a system prometheus on :9090 where there is an init system to do
  # so; the suites never use it.
  if have systemctl && systemctl is-active --quiet prometheus 2>/dev/null; then
    systemctl disable --now prometheus >&2 || true
  fi
}

# start_local_prometheus: for `npm start`, a Prometheus at PROMETHEUS_URL (default
# 127.0.0.1:9090; another host is left to whoever runs it) that scrapes the apps' /metrics and
# the simulator's exporters, data in $TALLY_STATE_DIR/prometheus kept across starts. The first
# start's history goes in later, in the background (start_history_import). Stopped with the
# rest by stop_all_background.

# history_days: days of simulated usage the first start backfills (0: none).
history_days() {
  local days
  days=$(setting TALLY_HISTORY_DAYS 7)
  [[ $days =~ ^[0-9]+$ ]] || die "TALLY_HISTORY_DAYS must be a whole number of days (got '$days')"
  printf '%s' "$days"
}

# local_prometheus_port: the port of PROMETHEUS_URL when npm start runs that Prometheus itself
# (http on 127.0.0.1), empty otherwise.
local_prometheus_port() {
  node -e 'const u = new URL(process.argv[1]);
    process.stdout.write(u.hostname === "127.0.0.1" && u.protocol === "http:" ? u.port || "80" : "")' \
    "$(setting PROMETHEUS_URL http://127.0.0.1:9090)"
}

start_local_prometheus() {
  local url port
  url=$(setting PROMETHEUS_URL http://127.0.0.1:9090)
  port=$(local_prometheus_port)
  if [ -z "$port" ]; then
    log "PROMETHEUS_URL=$url is not local: not starting a Prometheus"
    return 0
  fi
  port_in_use "$port" &&
    die "something already listens on 127.0.0.1:$port (PROMETHEUS_URL): stop it (an older npm start left its Prometheus running), or set PROMETHEUS_URL in .env"
  ensure_prometheus
  local dir=$TALLY_STATE_DIR/prometheus
  mkdir -p "$dir/data"
  _prometheus_config "$dir/prometheus.yml"
  log "starting Prometheus on 127.0.0.1:$port (data in ${dir#"$TALLY_ROOT"/}, kept ${TALLY_PROMETHEUS_RETENTION:-30d})"
  start_background prometheus prometheus --config.file="$dir/prometheus.yml" \
    --storage.tsdb.path="$dir/data" --storage.tsdb.retention.time="${TALLY_PROMETHEUS_RETENTION:-30d}" \
    --web.listen-address="127.0.0.1:$port"
  local waited=0
  until http_ok "$url/-/ready"; do
    waited=$((waited + 1))
    [ "$waited" -le 60 ] || die "Prometheus did not start; see ${TALLY_RUN_DIR#"$TALLY_ROOT"/}/prometheus.log"
    _background_pid prometheus >/dev/null ||
      die "Prometheus exited; see ${TALLY_RUN_DIR#"$TALLY_ROOT"/}/prometheus.log"
    sleep 0.5
  done
}

_prometheus_config() {
  local app targets=()
  for app in "${TALLY_APPS[@]}"; do targets+=("'127.0.0.1:$(app_port "$app")'"); done
  cat >"$1" <<YAML
# Written by scripts/lib/prometheus.sh on every npm start.
global:
  scrape_interval: 15s
scrape_configs:
  - job_name: tally
    static_configs:
      - targets: [$(
    IFS=,
    printf '%s' "${targets[*]}"
  )]
  # cAdvisor, kube-state-metrics and eBPF series of the simulated cluster (apps/simulator).
  - job_name: simulator
    honor_labels: true
    static_configs:
      - targets: ['127.0.0.1:$(simulator_metrics_port)']
YAML
}

# start_history_import: on the first start with a simulator and a Prometheus of npm start's own,
# its last TALLY_HISTORY_DAYS days of usage go into that Prometheus in the background
# (scripts/import-history.sh), niced, while the API server, Prometheus and the apps start: the
# banner does not wait for them. The history ends when the first start began (history-end,
# chosen once: metering's first settled hour and the simulator's history depend on it); the
# import writes backfilled-until when Prometheus serves it, and later starts keep what is there.
start_history_import() {
  local dir=$TALLY_STATE_DIR/prometheus
  [ -f "$dir/backfilled-until" ] && return 0
  [ "$(history_days)" -gt 0 ] || return 0
  [ -n "$(local_prometheus_port)" ] || return 0
  if ! simulator_built; then
    log "no simulator built (dist/apps/simulator): no usage history to backfill"
    return 0
  fi
  ensure_prometheus # promtool
  mkdir -p "$dir/data" "$TALLY_RUN_DIR"
  [ -f "$dir/history-end" ] || date -u +%Y-%m-%dT%H:%M:%SZ >"$dir/history-end"
  # Its own session, as start_background's servers (a terminal's Ctrl-C reaches start.sh only,
  # which stops it with them); its progress lines on npm start's output.
  TALLY_ELAPSED=$SECONDS setsid nice -n 10 bash "$TALLY_ROOT/scripts/import-history.sh" "$dir" </dev/null &
  printf '%s\n' "$!" >"$TALLY_RUN_DIR/history-import.pid"
}

# history_loaded: Prometheus serves the backfilled history (or there is none to wait for).
history_loaded() {
  local dir=$TALLY_STATE_DIR/prometheus
  [ ! -f "$dir/history-end" ] || [ -f "$dir/backfilled-until" ]
}

# history_end: when the backfilled history ends (the first start's time), empty without one.
# (A state directory from before the import ran in the background has only backfilled-until.)
history_end() {
  local file
  for file in history-end backfilled-until; do
    if [ -f "$TALLY_STATE_DIR/prometheus/$file" ]; then
      cat "$TALLY_STATE_DIR/prometheus/$file"
      return 0
    fi
  done
}

# history_start END: END minus TALLY_HISTORY_DAYS days.
history_start() {
  node -e 'process.stdout.write(new Date(Date.parse(process.argv[1]) - process.argv[2] * 864e5).toISOString())' \
    "$1" "$(history_days)"
}

# history_settled_until END: where the simulator stops settling the history: END, or, when the
# nearly empty tenant was given hours of history (SIMULATOR_NEARLY_EMPTY_HISTORY_HOURS, the
# end-to-end test), the hour it signed up, so those hours are left to be replayed one by one.
history_settled_until() {
  node -e 'const end = Date.parse(process.argv[1]), hour = 3600e3;
    const until = Number(process.argv[2]) > 0 ? Math.floor(end / hour) * hour - process.argv[2] * hour : end;
    process.stdout.write(new Date(until).toISOString())' \
    "$1" "$(setting SIMULATOR_NEARLY_EMPTY_HISTORY_HOURS 0)"
}
