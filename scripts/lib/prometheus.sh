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
# the simulator's exporters, data in $TALLY_STATE_DIR/prometheus kept across starts. On the
# first start with a simulator, its last TALLY_HISTORY_DAYS (7) days go in before Prometheus
# opens the TSDB. Stopped with the rest by stop_all_background.

# history_days: days of simulated usage the first start backfills (0: none).
history_days() {
  local days
  days=$(setting TALLY_HISTORY_DAYS 7)
  [[ $days =~ ^[0-9]+$ ]] || die "TALLY_HISTORY_DAYS must be a whole number of days (got '$days')"
  printf '%s' "$days"
}

start_local_prometheus() {
  local url port
  url=$(setting PROMETHEUS_URL http://127.0.0.1:9090)
  port=$(node -e 'const u = new URL(process.argv[1]);
    process.stdout.write(u.hostname === "127.0.0.1" && u.protocol === "http:" ? u.port || "80" : "")' "$url")
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
  _prometheus_backfill "$dir"
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

# The simulator's history of the last TALLY_HISTORY_DAYS days, once: the marker file records
# that (and until when) it was loaded, so later starts keep what Prometheus has since scraped.
_prometheus_backfill() {
  local dir=$1 marker=$1/backfilled-until prefix=$TALLY_STATE_DIR/backfill end days file
  [ -f "$marker" ] && return 0
  days=$(history_days)
  [ "$days" -gt 0 ] || return 0
  mkdir -p "$TALLY_RUN_DIR"
  if ! simulator_built; then
    log "no simulator built (dist/apps/simulator): no usage history to backfill"
    return 0
  fi
  end=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  log "generating $days days of simulated usage (first start only)"
  rm -f "$prefix".*.om
  # One file per 2 h block: promtool reads its whole input again for every block it writes.
  node "$TALLY_ROOT/scripts/run-app.js" simulator backfill --days "$days" \
    --end "$end" --out "$prefix" --step 300 --block-hours 2 \
    --nearly-empty-history-hours "$(setting SIMULATOR_NEARLY_EMPTY_HISTORY_HOURS 0)" >&2 ||
    die "the simulator's backfill failed"
  log "loading it into Prometheus (promtool tsdb create-blocks-from openmetrics)"
  : >"$TALLY_RUN_DIR/promtool.log"
  for file in "$prefix".*.om; do
    promtool tsdb create-blocks-from openmetrics -q "$file" "$dir/data" >>"$TALLY_RUN_DIR/promtool.log" 2>&1 ||
      die "promtool could not load $file; see ${TALLY_RUN_DIR#"$TALLY_ROOT"/}/promtool.log"
  done
  rm -f "$prefix".*.om
  printf '%s\n' "$end" >"$marker"
}

# history_end: when the backfilled history ends (the first start's time), empty without one.
history_end() {
  local marker=$TALLY_STATE_DIR/prometheus/backfilled-until
  [ -f "$marker" ] && cat "$marker"
  return 0
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
