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
