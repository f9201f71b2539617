#!/usr/bin/env bash
# import-history.sh PROMETHEUS_DIR: the simulator's usage of the TALLY_HISTORY_DAYS days up to
# PROMETHEUS_DIR/history-end, into npm start's Prometheus. The first start runs it in the
# background, at low priority (start_history_import in scripts/lib/prometheus.sh), so the API is
# ready without waiting for it; each step says its elapsed time on npm start's output, and the
# tools' own output goes to run/history-import.log.
#  1. generate the samples (OpenMetrics, one file per 2 h block: promtool reads its whole input
#     again for every block it writes);
#  2. promtool writes the blocks into a staging directory;
#  3. the blocks move into Prometheus' data directory, each with one rename, so it never sees
#     half a block: it opens them as it starts, or, already running, within a minute (its TSDB
#     looks for new block directories every minute);
#  4. once a query of the history's first and last hours answers, `backfilled-until` says so;
#     the simulator waits for that file before it settles the history.
# An interrupted import starts again on the next start (from step 3 if the blocks had moved).
set -euo pipefail
# shellcheck source=scripts/lib/all.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/all.sh"

dir=$1
# Done or failed, nothing runs under this pid any more (stop_background removes it otherwise).
trap 'rm -f "$TALLY_RUN_DIR/history-import.pid"' EXIT
# Its log lines count from npm start's own start, as the lines of every other step do.
SECONDS=${TALLY_ELAPSED:-0}
export TALLY_LOG_ELAPSED=1

end=$(<"$dir/history-end")
days=$(history_days)
prometheus=$(setting PROMETHEUS_URL http://127.0.0.1:9090)
staging=$dir/backfill-blocks
moved=$dir/backfill-moved
samples=$TALLY_STATE_DIR/backfill
output=$TALLY_RUN_DIR/history-import.log

fail() { die "history: $1; see ${output#"$TALLY_ROOT"/} (the next npm start tries again)"; }

generate_blocks() {
  rm -rf "$staging" "$samples".*.om
  mkdir -p "$staging"
  log "history: generating $days days of simulated usage up to $end, in the background"
  node "$TALLY_ROOT/scripts/run-app.js" simulator backfill --days "$days" \
    --end "$end" --out "$samples" --step 300 --block-hours 2 \
    --nearly-empty-history-hours "$(setting SIMULATOR_NEARLY_EMPTY_HISTORY_HOURS 0)" \
    >>"$output" 2>&1 || fail "the simulator's backfill failed"
  log "history: writing it as Prometheus blocks (promtool tsdb create-blocks-from openmetrics)"
  local file
  for file in "$samples".*.om; do
    promtool tsdb create-blocks-from openmetrics -q "$file" "$staging" >>"$output" 2>&1 ||
      fail "promtool could not load $file"
  done
  rm -f "$samples".*.om
  compgen -G "$staging/*/" >/dev/null || fail "promtool wrote no blocks"
}

move_blocks_in() {
  local block
  for block in "$staging"/*/; do mv "$block" "$dir/data/"; done
  rmdir "$staging"
  : >"$moved"
  log "history: blocks moved into Prometheus' data directory (it opens them within a minute)"
}

# served AT: Prometheus answers for the simulator's CPU series at unix time AT.
served() {
  node -e 'const [url, at] = process.argv.slice(1);
    const query = encodeURIComponent("count(last_over_time(container_cpu_usage_seconds_total[10m]))");
    fetch(`${url}/api/v1/query?query=${query}&time=${at}`, { signal: AbortSignal.timeout(5000) })
      .then((r) => r.json())
      .then((body) => process.exit(Number(body.data?.result?.[0]?.value?.[1] ?? 0) > 0 ? 0 : 1),
        () => process.exit(1))' "$prometheus" "$1"
}

# until_served: start.sh starts Prometheus meanwhile (and stops this if it does not come up).
until_served() {
  local last first deadline=$((SECONDS + 600))
  last=$(($(date -u -d "$end" +%s) - 600))
  first=$(($(date -u -d "$(history_start "$end")" +%s) + 600))
  until served "$first" && served "$last"; do
    [ "$SECONDS" -lt "$deadline" ] || fail "Prometheus has not opened the blocks after 10 minutes"
    sleep 2
  done
}

if [ ! -f "$moved" ]; then
  generate_blocks
  move_blocks_in
fi
until_served
printf '%s\n' "$end" >"$dir/backfilled-until"
rm -f "$moved"
log "history loaded: Prometheus has the simulated usage from $(history_start "$end") to $end; the simulator settles it now"
