# shellcheck shell=bash
# ensure_chromium: Debian's Chromium, which the end-to-end test takes the README's screenshots
# with (headless). Exports TALLY_CHROMIUM. Nothing is started here.

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
