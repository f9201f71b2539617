#!/usr/bin/env bash
# npm start: everything a fresh machine needs, then a small local cloud for Tally to meter:
#   dependencies + Prisma client, Postgres (+ role/database), Redis, .env with dev secrets,
#   migrations, build; etcd + kube-apiserver (state in .tally/kube; the metering app gets a
#   service-account token bound to k8s/metering-rbac.yaml's ClusterRole, never admin);
#   Prometheus scraping the apps and the simulator; then gateway/account/billing/metering and the
#   simulator under concurrently. The first start imports 7 days of history into Prometheus
#   meanwhile, in the background: the banner does not wait for it.
# Ctrl-C (or SIGTERM) stops all of it. TALLY_READY_TIMEOUT (s, default 120) bounds the wait
# before a "not ready" warning.
set -euo pipefail
export TALLY_LOG_ELAPSED=1
# shellcheck source=scripts/lib/all.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/all.sh"
cd "$TALLY_ROOT"

# Whatever happens from here on (Ctrl-C during a step, a failed step, the apps' exit), the
# servers started in the background go too.
trap stop_all_background EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_node_modules
ensure_env
load_dotenv
# The apps read the same file (libs/config readEnv), wherever it is.
export TALLY_ENV_FILE
enforce_local_cloud_settings
ensure_postgres
ensure_redis
stop_leftovers

log "applying migrations (npm run db:migrate)"
npm run --silent db:migrate
ensure_build
check_ports_free

start_history_import
start_local_kube
start_local_prometheus

log "starting ${TALLY_APPS[*]}; Ctrl-C stops them all"
run_apps
