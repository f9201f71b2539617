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

# ensure_build: `npm run build`, unless dist/ was built by it after every change to what it is
# built from. A no-op incremental tsc still parses the whole program: half a minute of a start
# on 2 busy cores. Directories count too (a file added, removed or renamed changes their time).
ensure_build() {
  local stamp=$TALLY_ROOT/dist/.built changed=''
  if [ -f "$stamp" ]; then
    changed=$(cd "$TALLY_ROOT" && find apps libs scripts prisma tsconfig.json tsconfig.build.json \
      package.json package-lock.json node_modules/.package-lock.json -newer "$stamp" -print -quit) ||
      changed='(could not tell)'
    if [ -z "$changed" ]; then
      log "dist/ is up to date (nothing changed since its build)"
      return 0
    fi
  fi
  log "building (npm run build)"
  # Stamped with the time the build began: a file saved during it is newer, so it counts next time.
  touch "$stamp.next" 2>/dev/null || { mkdir -p "$TALLY_ROOT/dist" && touch "$stamp.next"; }
  npm run --silent build
  mv "$stamp.next" "$stamp"
}
