# shellcheck shell=bash
# ensure_env [FILE]: a development .env (mode 600) with local URLs and generated dev secrets.
#
# An existing file is kept; only secrets it lacks (or leaves empty) are generated and added,
# so `cp .env.example .env` followed by `npm start` also works. Secret values are never printed.

# KEY:PREFIX:BYTES; every value carries the `dev_` marker that production refuses.
TALLY_DEV_SECRETS=(
  TALLY_JWT_SECRET:dev_:24
  TALLY_ADMIN_API_KEY:tly_dev_:24
  STRIPE_SECRET_KEY:sk_test_dev_:24
  STRIPE_WEBHOOK_SECRET:whsec_dev_:24
)

random_hex() {
  if have openssl; then
    openssl rand -hex "$1"
  else
    node -e 'process.stdout.write(require("node:crypto").randomBytes(+process.argv[1]).toString("hex") + "\n")' "$1"
  fi
}

ensure_env() {
  local file=${1:-$TALLY_ROOT/.env}
  if [ ! -f "$file" ]; then
    (
      umask 077
      cat >"$file" <<ENV
# Local development settings, written by scripts/start.sh. Not committed (see .gitignore).
# Every variable is documented in .env.example. The real environment wins over this file.
NODE_ENV=development
LOG_LEVEL=info
DATABASE_URL=$TALLY_DEFAULT_DATABASE_URL
REDIS_URL=$TALLY_DEFAULT_REDIS_URL
ENV
    )
    log "wrote $(basename "$file") (local URLs and generated dev secrets, mode 600)"
  fi

  local node_env
  node_env=${NODE_ENV:-$(dotenv_get NODE_ENV "$file")}

  local spec key prefix bytes added=()
  for spec in "${TALLY_DEV_SECRETS[@]}"; do
    IFS=: read -r key prefix bytes <<<"$spec"
    if grep -qE "^(export )?$key=[^[:space:]]" "$file"; then continue; fi
    if [ "$node_env" = production ]; then
      die "$key is missing from $file and NODE_ENV=production: set a real secret (dev secrets are refused in production)"
    fi
    local line
    line="$key=$prefix$(random_hex "$bytes")"
    if grep -qE "^(export )?$key=" "$file"; then
      # An empty `KEY=` line (e.g. copied from .env.example): fill it in place.
      local tmp
      tmp=$(mktemp "$file.XXXXXX")
      TALLY_KEY=$key TALLY_LINE=$line awk \
        '$0 ~ "^(export )?" ENVIRON["TALLY_KEY"] "=[[:space:]]*$" { print ENVIRON["TALLY_LINE"]; next } { print }' \
        "$file" >"$tmp"
      mv "$tmp" "$file"
    else
      printf '%s\n' "$line" >>"$file"
    fi
    added+=("$key")
  done
  chmod 600 "$file"
  if [ "${#added[@]}" -gt 0 ]; then
    log "generated dev secrets in $(basename "$file"): ${added[*]} (values not shown)"
  fi
}
