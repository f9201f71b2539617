# shellcheck shell=bash
# ensure_chromium: Debian's Chromium, which the browser suites drive headless with playwright-core
# (test/support/browser.ts: the checkout page's buttons clicked, the README's screenshots taken);
# playwright cannot download its own browsers here. Exports TALLY_CHROMIUM. Nothing is started.

ensure_chromium() {
  local bin
  bin=$(command -v chromium || true)
  if [ -z "$bin" ]; then
    apt_install chromium
    bin=$(command -v chromium) || die "apt-get installed chromium but there is no chromium command"
  fi
  TALLY_CHROMIUM=$bin
  export TALLY_CHROMIUM
}
