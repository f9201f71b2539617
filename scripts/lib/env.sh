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
  local file=${1:-$TALLY_ENV_FILE}
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

# What npm start's local cloud needs, whatever an older .env (or the environment) says:
# KEY=VALUE|why. An old .env copied from .env.example says TALLY_NAMESPACE_CLUSTER_CHECK=off,
# from before npm start ran a Kubernetes API.
TALLY_LOCAL_CLOUD_SETTINGS=(
  'TALLY_NAMESPACE_CLUSTER_CHECK=required|npm start runs a Kubernetes API, so createWorkspace checks each namespace against it'
)

# enforce_local_cloud_settings: exports each setting above, with a warning naming where a
# contradicting value came from; and warns about settings npm start ignores or that fall short.
enforce_local_cloud_settings() {
  local spec key value why current
  for spec in "${TALLY_LOCAL_CLOUD_SETTINGS[@]}"; do
    key=${spec%%=*} value=${spec#*=}
    why=${value#*|} value=${value%%|*}
    current=${!key:-}
    if [ -n "$current" ] && [ "$current" != "$value" ]; then
      warn "$key=$current ($(_setting_source "$key" "$current")) is overridden with $value: $why. Remove that line."
    fi
    export "$key=$value"
  done
  if [ -n "${KUBECONFIG:-}" ]; then
    warn "KUBECONFIG=$KUBECONFIG ($(_setting_source KUBECONFIG "$KUBECONFIG")) is not used: npm start gives metering the service-account kubeconfig of its own cluster"
  fi
  local days history catch_up=${TALLY_SETTLEMENT_CATCH_UP_HOURS:-}
  days=$(history_days)
  history=$((days * 24))
  if [ -n "$catch_up" ] && [[ $catch_up =~ ^[0-9]+$ ]] && [ "$catch_up" -lt "$history" ]; then
    warn "TALLY_SETTLEMENT_CATCH_UP_HOURS=$catch_up ($(_setting_source TALLY_SETTLEMENT_CATCH_UP_HOURS "$catch_up")) is shorter than the ${history} h of simulated history: hours before that are never settled. Remove that line."
  fi
}

# Where KEY's VALUE came from, for a warning: the env file, or the real environment.
_setting_source() {
  if [ "$(dotenv_get "$1")" = "$2" ]; then printf 'in %s' "$TALLY_ENV_FILE"; else printf 'from the environment'; fi
}
