# shellcheck shell=bash
# ensure_node_modules: dependencies installed from the lockfile, Prisma client generated.

ensure_node_modules() {
  local root=$TALLY_ROOT
  # npm writes node_modules/.package-lock.json at the end of every install: our stamp.
  local stamp=$root/node_modules/.package-lock.json
  have node || die "Node.js is not installed: install Node 20 (see package.json engines)"
  have npm || die "npm is not installed: install it with Node 20"

  if [ ! -d "$root/node_modules" ] || newer "$root/package-lock.json" "$stamp" ||
    newer "$root/package.json" "$stamp"; then
    if [ -f "$root/package-lock.json" ]; then
      log "installing dependencies (npm ci)"
      if ! (cd "$root" && npm ci --no-audit --no-fund >&2); then
        # npm ci refuses a lockfile out of step with package.json, or one listing optional
        # binaries of other platforms that this registry does not serve.
        warn "npm ci failed; falling back to 'npm install' (lockfile left as it is)"
        (cd "$root" && npm install --no-save --no-audit --no-fund >&2) || die "npm install failed"
      fi
    else
      log "installing dependencies (npm install: no package-lock.json)"
      (cd "$root" && npm install --no-audit --no-fund >&2) || die "npm install failed"
    fi
  fi

  # npm 11 runs no install scripts, so @prisma/client's postinstall `prisma generate` never ran.
  local client=$root/node_modules/.prisma/client/index.js
  local schema=$root/prisma/schema.prisma
  if [ -f "$schema" ] && { [ ! -f "$client" ] || newer "$schema" "$client" ||
    newer "$stamp" "$client"; }; then
    log "generating the Prisma client (npm run prisma:generate)"
    (cd "$root" && npm run --silent prisma:generate >&2) || die "prisma generate failed"
  fi
}
