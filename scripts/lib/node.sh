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
      # Exactly the locked tree. The lockfile lists every platform's optional binaries (npm ci
      # installs only this one's); a package.json out of step with it is a mistake to fix, with
      # `npm install`, and commit.
      (cd "$root" && npm ci --no-audit --no-fund >&2) ||
        die "npm ci failed: if package.json changed, run 'npm install' and commit package-lock.json"
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
