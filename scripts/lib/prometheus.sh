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

# start_local_prometheus: for `npm start`, a Prometheus on 127.0.0.1:9090 (unless something
# answers there already, or PROMETHEUS_URL points elsewhere) that scrapes the four apps'
# /metrics, with its data in .tally/prometheus. Metering samples usage from it; with no
# cluster behind it, an hour simply has no usage. It keeps running after the apps stop.
start_local_prometheus() {
  local url=${PROMETHEUS_URL:-http://127.0.0.1:9090}
  [ "$url" = "http://127.0.0.1:9090" ] || return 0
  if http_ok "$url/-/ready"; then return 0; fi
  ensure_prometheus
  local dir="$TALLY_ROOT/.tally/prometheus"
  mkdir -p "$dir/data"
  cat >"$dir/prometheus.yml" <<YAML
global:
  scrape_interval: 15s
scrape_configs:
  - job_name: tally
    static_configs:
      - targets: ['127.0.0.1:4000', '127.0.0.1:4001', '127.0.0.1:4002', '127.0.0.1:4003']
YAML
  log "starting a local Prometheus on 127.0.0.1:9090 (data in .tally/prometheus)"
  nohup prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
    --web.listen-address=127.0.0.1:9090 >"$dir/prometheus.log" 2>&1 &
  local waited=0
  until http_ok "$url/-/ready"; do
    waited=$((waited + 1))
    [ "$waited" -le 30 ] || die "Prometheus did not start; see .tally/prometheus/prometheus.log"
    sleep 0.5
  done
}
