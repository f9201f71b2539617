#!/usr/bin/env bash
# npm start: everything a fresh machine needs, then the four apps in this terminal.
#   dependencies + Prisma client, Postgres (+ role/database), Redis, a local Prometheus, .env
#   with dev secrets, migrations, build, then gateway/account/billing/metering under
#   concurrently.
# Ctrl-C (or SIGTERM) stops all four gracefully. TALLY_READY_TIMEOUT (s, default 120) bounds the
# wait before a "not ready" warning.
set -euo pipefail
# shellcheck source=scripts/lib/all.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/all.sh"
cd "$TALLY_ROOT"

ensure_node_modules
ensure_env
load_dotenv "$TALLY_ROOT/.env"
ensure_postgres
ensure_redis
start_local_prometheus

log "applying migrations (npm run db:migrate)"
npm run --silent db:migrate
log "building (npm run build)"
npm run --silent build
check_ports_free

log "starting ${TALLY_APPS[*]}; Ctrl-C stops them all"
run_apps
