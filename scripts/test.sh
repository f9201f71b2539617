#!/usr/bin/env bash
# npm test [jest args...]: dependencies, Postgres and Redis, etcd and kube-apiserver, the
# prometheus binaries, Chromium (the browser suites), a build (some integration suites start the
# compiled apps from dist/), then jest in CI mode. Exits with jest's code.
# No .env is needed: integration suites create their own databases through
# TALLY_TEST_ADMIN_URL, which defaults to the `tally` role (LOGIN CREATEDB, password over TCP)
# that ensure_postgres sets up.
set -euo pipefail
# shellcheck source=scripts/lib/all.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/all.sh"
cd "$TALLY_ROOT"

ensure_node_modules
ensure_postgres
ensure_redis
ensure_kube_apiserver # exports TALLY_ETCD_BIN, TALLY_KUBE_APISERVER_BIN for test/support/kube-cluster.ts
ensure_prometheus
ensure_chromium # exports TALLY_CHROMIUM: the browser suites (test/support/browser.ts, test/console)
if [ -z "${TALLY_TEST_ADMIN_URL:-}" ]; then
  TALLY_TEST_ADMIN_URL=$(pg_url "$PG_ROLE" "$PG_PASSWORD" postgres)
  export TALLY_TEST_ADMIN_URL
fi

ensure_build

log "running jest"
results="$TALLY_ROOT/.tally/jest-results.json"
mkdir -p "$(dirname "$results")"
rm -f "$results"
status=0
npx --no-install jest --ci --json --outputFile="$results" "$@" || status=$?
# One plain closing line ("N passed, N failed") that any CI can read, whatever jest printed.
if [ -s "$results" ]; then
  node -e 'const r = require(process.argv[1]);
    console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);' "$results"
fi
exit "$status"
