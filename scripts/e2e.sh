#!/usr/bin/env bash
# npm run e2e [jest args...]: the walk-through of the README, headless, against a real
# `npm start` (test/e2e/local-cloud.e2e.ts), clicked through in Debian's Chromium (scripts/test.sh
# installs it when missing). TALLY_E2E_SCREENSHOTS=docs/screenshots refreshes the README's.
set -euo pipefail
# shellcheck source=scripts/lib/all.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/all.sh"
cd "$TALLY_ROOT"

exec bash "$TALLY_ROOT/scripts/test.sh" --selectProjects e2e "$@"
