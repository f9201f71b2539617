#!/usr/bin/env bash
# npm run bench [-- FILTER]: this machine's Postgres baselines, then every bench/**/*.bench.ts
# (only those whose path contains FILTER, when given), each judged against the baselines
# measured in the same run.
#
# 1. A fresh database `tally_bench` (dropped and created), migrated like the real one.
# 2. Baselines: pgbench -N (TPC-B-like without the hot-row updates) and COPY throughput.
# 3. Benches run with BENCH_PGBENCH_TPS, BENCH_COPY_ROWS_PER_S, BENCH_DATABASE_URL (also as
#    DATABASE_URL), REDIS_URL (Redis db 15 unless BENCH_REDIS_URL is set) and
#    BENCH_RESULTS_FILE (JSON lines) in their environment; bench/lib/ reads them.
# Output also goes to bench/out/bench-<time>.log (git-ignored). Exits 1 when a bench fails or
# misses its target.
set -euo pipefail
# shellcheck source=scripts/lib/all.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/all.sh"
cd "$TALLY_ROOT"

filter=${1:-}
bench_db=${BENCH_DB:-tally_bench}
pgbench_scale=${BENCH_PGBENCH_SCALE:-10}
pgbench_seconds=${BENCH_PGBENCH_SECONDS:-10}
copy_rows=${BENCH_COPY_ROWS:-1000000}
copy_runs=3

stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p bench/out
logfile=bench/out/bench-$stamp.log
exec > >(tee -a "$logfile") 2>&1

ensure_node_modules
ensure_postgres
ensure_pgbench
ensure_redis
ensure_kube_apiserver # the suspension bench starts its own etcd and kube-apiserver

thousands() { sed -E ':a;s/^([0-9]+)([0-9]{3})/\1,\2/;ta' <<<"$1"; }

export PGHOST=$PG_HOST PGPORT=$PG_PORT PGUSER=$PG_ROLE PGPASSWORD=$PG_PASSWORD
psql_db() { psql -X -q -w -v ON_ERROR_STOP=1 -d "$@"; }

# --- the machine ----------------------------------------------------------------------------
cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n1)
mem=$(free -h 2>/dev/null | awk '/^Mem:/ { print $2 }')
pg_version=$(psql_db postgres -At -c 'SHOW server_version' | awk '{ print $1 }')
pg_settings=$(psql_db postgres -At -F ' ' -c "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name)
  FROM pg_settings WHERE name IN ('shared_buffers', 'synchronous_commit', 'fsync', 'wal_level')")
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
log "machine: $(nproc) CPUs (${cpu:-unknown}), ${mem:-?} RAM, Node $(node -v), PostgreSQL $pg_version, commit $commit"
log "postgres settings: $pg_settings"

# --- a fresh, migrated database ------------------------------------------------------------------
log "recreating database $bench_db"
psql_db postgres -c "DROP DATABASE IF EXISTS \"$bench_db\" WITH (FORCE)" -c "CREATE DATABASE \"$bench_db\""
bench_url=$(pg_url "$PG_ROLE" "$PG_PASSWORD" "$bench_db")
if [ -f scripts/migrate.ts ]; then
  log "applying migrations to $bench_db"
  DATABASE_URL=$bench_url npm run --silent db:migrate
else
  warn "scripts/migrate.ts does not exist yet: $bench_db has no schema"
fi

# --- baseline 1: pgbench -N -------------------------------------------------------------------
log "baseline: pgbench -i -s $pgbench_scale, then pgbench -N -c 8 -j 2 -T $pgbench_seconds"
pgbench -i -q -s "$pgbench_scale" "$bench_db" >"bench/out/pgbench-init-$stamp.log" 2>&1 ||
  die "pgbench -i failed; see bench/out/pgbench-init-$stamp.log"
pgbench_out=$(pgbench -N -c 8 -j 2 -T "$pgbench_seconds" "$bench_db" 2>&1) || {
  printf '%s\n' "$pgbench_out"
  die "pgbench failed"
}
tps=$(awk '/^tps = / { print $3; exit }' <<<"$pgbench_out")
[ -n "$tps" ] || die "could not read tps from pgbench's output: $pgbench_out"
pgbench -i -I d "$bench_db" >/dev/null 2>&1 || true # drop its tables again

# --- baseline 2: COPY -------------------------------------------------------------------------
csv=$(mktemp /tmp/tally-bench-copy.XXXXXX)
trap 'rm -f "$csv"' EXIT
awk -v n="$copy_rows" 'BEGIN {
  for (i = 1; i <= n; i++)
    printf "%d,%d,usage sample %d,2026-01-01 %02d:%02d:%02d+00\n", i, i % 10007, i,
      int(i / 3600) % 24, int(i / 60) % 60, i % 60
}' >"$csv"
log "baseline: \\copy of $(thousands "$copy_rows") rows ($(du -h "$csv" | cut -f1) CSV) into a logged table without indexes, $copy_runs runs"
psql_db "$bench_db" -c 'CREATE TABLE bench_copy (id bigint, account_id bigint, memo text, at timestamptz)'
rates=()
for run in $(seq 1 "$copy_runs"); do
  psql_db "$bench_db" -c 'TRUNCATE bench_copy'
  t0=$(date +%s%N)
  psql_db "$bench_db" -c "\\copy bench_copy FROM '$csv' WITH (FORMAT csv)"
  t1=$(date +%s%N)
  rate=$(awk -v n="$copy_rows" -v ns=$((t1 - t0)) 'BEGIN { printf "%.0f", n / (ns / 1e9) }')
  log "  run $run: $(awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.2f", ns / 1e9 }') s, $(thousands "$rate") rows/s"
  rates+=("$rate")
done
copy_rate=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
psql_db "$bench_db" -c 'DROP TABLE bench_copy'
rm -f "$csv"

printf '%-36s  %16s  %s\n' baseline.pgbench_n "$(thousands "${tps%.*}") tps" \
  "pgbench -N -c 8 -j 2 -T $pgbench_seconds, scale $pgbench_scale"
printf '%-36s  %16s  %s\n' baseline.copy "$(thousands "$copy_rate") rows/s" \
  "\\copy of $(thousands "$copy_rows") CSV rows, logged table, no indexes, median of $copy_runs"

# --- the benches --------------------------------------------------------------------------------
redis_url=${BENCH_REDIS_URL:-$(node -e '
  const u = new URL(process.argv[1]); u.pathname = "/15"; process.stdout.write(u.toString());
' "$(setting REDIS_URL "$TALLY_DEFAULT_REDIS_URL")")}
export BENCH_PGBENCH_TPS=$tps BENCH_COPY_ROWS_PER_S=$copy_rate
export BENCH_DATABASE_URL=$bench_url DATABASE_URL=$bench_url REDIS_URL=$redis_url
export BENCH_RESULTS_FILE=$TALLY_ROOT/bench/out/results-$stamp.jsonl
export LOG_LEVEL=${LOG_LEVEL:-warn}
unset PGHOST PGPORT PGUSER PGPASSWORD

# Some benches run the compiled apps (scripts/run-app.js).
log "building (npm run build)"
npm run --silent build

mapfile -t benches < <(find bench -name '*.bench.ts' -not -path '*/node_modules/*' | sort)
ran=0 failed=()
for file in "${benches[@]}"; do
  [[ -z $filter || $file == *"$filter"* ]] || continue
  ran=$((ran + 1))
  log "bench: $file"
  node -r ts-node/register/transpile-only -r tsconfig-paths/register "$file" || failed+=("$file")
done

if [ "$ran" -eq 0 ]; then
  log "no bench files${filter:+ matching '$filter'} (bench/**/*.bench.ts): baselines only"
fi
log "log: $logfile"
if [ -f "$BENCH_RESULTS_FILE" ]; then log "figures (JSON lines): ${BENCH_RESULTS_FILE#"$TALLY_ROOT"/}"; fi
if [ "${#failed[@]}" -gt 0 ]; then
  die "${#failed[@]} of $ran bench files failed or missed a target: ${failed[*]}"
fi
log "$ran bench files, all passed"
