# shellcheck shell=bash
# ensure_kube_apiserver: etcd and kube-apiserver 1.20.2 binaries for the Kubernetes test suites.
#
# No npm or apt package ships kube-apiserver, so it is built once from Debian's `kubernetes`
# source package (the recipe in docs/toolchain-facts.md) and cached outside the repo. Exports
# TALLY_ETCD_BIN and TALLY_KUBE_APISERVER_BIN for test/support/kube-cluster.ts.

TALLY_KUBE_VERSION=1.20.2

ensure_kube_apiserver() {
  local cache=${XDG_CACHE_HOME:-$HOME/.cache}/tally
  local bin=$cache/kube-apiserver-$TALLY_KUBE_VERSION

  have etcd || apt_install etcd-server
  have etcd || die "etcd is still missing after installing etcd-server"

  if [ ! -x "$bin" ]; then
    mkdir -p "$cache" || die "cannot create $cache"
    _kube_build_apiserver "$bin"
  fi

  TALLY_ETCD_BIN=$(command -v etcd)
  TALLY_KUBE_APISERVER_BIN=$bin
  export TALLY_ETCD_BIN TALLY_KUBE_APISERVER_BIN
}

# A deb-src entry for the same mirror and suites as the first entry of debian.sources (or of
# sources.list), so `apt-get source` fetches the source matching the installed release.
_kube_add_deb_src() {
  local deb822=/etc/apt/sources.list.d/debian.sources
  local ours=/etc/apt/sources.list.d/tally-deb-src
  if [ -f "$deb822" ]; then
    [ -f "$ours.sources" ] && return 0
    # The first stanza (up to the first blank line), with its Types turned into deb-src.
    awk 'NF == 0 { exit } /^Types:/ { print "Types: deb-src"; next } { print }' "$deb822" \
      >"$ours.sources"
  elif [ -f /etc/apt/sources.list ]; then
    [ -f "$ours.list" ] && return 0
    sed -n 's/^deb \(.*\)$/deb-src \1/p' /etc/apt/sources.list | head -n1 >"$ours.list"
  else
    die "no apt sources found to derive a deb-src line from"
  fi
  # The next apt_install must see the new source.
  _tally_apt_updated=0
}

_kube_build_apiserver() {
  local out=$1 work tree
  is_root || die "kube-apiserver $TALLY_KUBE_VERSION is not built yet and building it needs apt-get (root): run this as root once, or put the binary at $out"
  log "building kube-apiserver $TALLY_KUBE_VERSION from Debian's kubernetes source (once, ~4-5 min; cached at $out)"
  _kube_add_deb_src
  apt_install golang-go dpkg-dev rsync jq golang-github-modern-go-reflect2-dev

  work=$(mktemp -d "${TMPDIR:-/tmp}/tally-kube-build.XXXXXX")
  log "fetching Debian's kubernetes source (apt-get source kubernetes)"
  (cd "$work" && apt-get source -qq kubernetes >&2) || die "apt-get source kubernetes failed"
  tree=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'kubernetes-*' | head -n1)
  [ -n "$tree" ] || die "apt-get source kubernetes unpacked no kubernetes-* directory in $work"

  # The vendored reflect2 panics under Go 1.19 when a CRD is posted; Debian's packaged copy works.
  local reflect2=/usr/share/gocode/src/github.com/modern-go/reflect2
  rm -f "$tree"/vendor/github.com/modern-go/reflect2/*.go "$tree"/vendor/github.com/modern-go/reflect2/*.s
  cp "$reflect2"/*.go "$tree"/vendor/github.com/modern-go/reflect2/
  cp "$reflect2"/*.s "$tree"/vendor/github.com/modern-go/reflect2/

  log "compiling kube-apiserver (go build, ~4 min on 2 cores; only this once)"
  (
    cd "$tree" &&
      mkdir -p .go/src/k8s.io &&
      ln -s ../../.. .go/src/k8s.io/kubernetes &&
      GOPATH=$PWD/.go CGO_ENABLED=0 make WHAT=cmd/kube-apiserver >&2
  ) || die "building kube-apiserver failed (tree kept for inspection: $work)"

  local built=$tree/_output/bin/kube-apiserver version
  [ -x "$built" ] || die "the build produced no _output/bin/kube-apiserver"
  # The suite's source package could move on one day; the cached name must not lie.
  version=$("$built" --version 2>&1) || die "the built kube-apiserver does not run: $version"
  [ "$version" = "Kubernetes v$TALLY_KUBE_VERSION" ] ||
    die "apt-get source kubernetes built '$version', not v$TALLY_KUBE_VERSION (tree kept: $work)"
  # Copy then rename, so an interrupted copy never leaves a half binary at the cached path.
  cp "$built" "$out.partial" && mv "$out.partial" "$out" ||
    die "could not write $out"
  rm -rf "$work"
  log "kube-apiserver $TALLY_KUBE_VERSION cached at $out"
}

# start_local_kube: `npm start`'s etcd and kube-apiserver (scripts/local-kube.ts), with their
# state in $TALLY_STATE_DIR/kube so namespaces and workloads survive a restart. Sets
# TALLY_LOCAL_KUBE_DIR (admin.kubeconfig, metering.kubeconfig) and TALLY_LOCAL_KUBE_SERVER.
start_local_kube() {
  ensure_kube_apiserver
  TALLY_LOCAL_KUBE_DIR=$TALLY_STATE_DIR/kube
  local spec key port busy=()
  for spec in TALLY_LOCAL_KUBE_PORT:6443 TALLY_LOCAL_ETCD_PORT:12379 TALLY_LOCAL_ETCD_PEER_PORT:12380; do
    key=${spec%%:*}
    port=$(setting "$key" "${spec#*:}")
    export "$key=$port"
    if port_in_use "$port"; then busy+=("$port ($key)"); fi
  done
  [ "${#busy[@]}" -eq 0 ] ||
    die "port already in use: ${busy[*]}: another npm start? stop it, or set the variable in .env"
  log "starting etcd and kube-apiserver $TALLY_KUBE_VERSION (state in ${TALLY_LOCAL_KUBE_DIR#"$TALLY_ROOT"/})"
  TALLY_LOCAL_KUBE_SERVER=$(
    node -r ts-node/register/transpile-only -r tsconfig-paths/register \
      "$TALLY_ROOT/scripts/local-kube.ts" "$TALLY_LOCAL_KUBE_DIR" "$TALLY_RUN_DIR"
  ) || die "the local Kubernetes API did not start; see ${TALLY_RUN_DIR#"$TALLY_ROOT"/}/etcd.log and kube-apiserver.log"
  export TALLY_LOCAL_KUBE_DIR TALLY_LOCAL_KUBE_SERVER
}
