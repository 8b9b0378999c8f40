# Shared by scripts/start and scripts/test: finds or installs what the build
# needs, then builds. Sourced, not run. Every step says what it does.
#
# Tools live outside the repo, in $VW_TOOLS_DIR (default ~/.cache/verzuimwijzer/tools),
# one folder per tool and version, so a fresh clone on the same machine reuses them.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=versions.env
source "$ROOT/scripts/versions.env"
TOOLS_DIR=${VW_TOOLS_DIR:-$HOME/.cache/verzuimwijzer/tools}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly, or through sudo.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root to run: $*"; fi
}

# Installs Debian packages that are not installed yet.
apt_ensure() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  command -v apt-get >/dev/null || die "please install: ${missing[*]}"
  say "Installing Debian packages: ${missing[*]}"
  # Another apt-get (an unattended upgrade, a second checkout's run) may hold
  # the lock for a while: wait for it rather than fail.
  as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
    install -y -qq "${missing[@]}" >/dev/null
}

# Picks how to compile Rust for the browser and exports what that route needs.
# rustup's wasm32 target where it is there (or can be added quickly); otherwise
# Debian's rustc-web, with the standard library built from source.
# VW_WASM_ROUTE=debian forces the second route (to test it where rustup works).
choose_wasm_route() {
  if [ "${VW_WASM_ROUTE:-}" != debian ] && rustup_has_wasm; then
    WASM_ROUTE=rustup
  else
    WASM_ROUTE=debian
    apt_ensure rustc-web cargo-web rust-web-src lld-22
    export RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  fi
  say "WebAssembly route: $WASM_ROUTE"
}

# Whether rustup has the wasm32 target, or can add it within 30 s.
rustup_has_wasm() {
  command -v rustup >/dev/null || return 1
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown && return 0
  # Where rustup cannot download, `rustup target add` hangs: remember a
  # failure, so later runs do not wait again. Delete the marker to retry.
  local marker="$TOOLS_DIR/.rustup-wasm32-unavailable"
  [ -e "$marker" ] && return 1
  say "Trying to add rustup's wasm32 target (30 s at most)"
  timeout 30 rustup target add wasm32-unknown-unknown >/dev/null 2>&1 && return 0
  mkdir -p "$TOOLS_DIR" && touch "$marker"
  return 1
}

# `cargo install`s a pinned tool into its own folder and puts it on PATH.
cargo_tool() {
  local crate=$1 version=$2 bin=$3; shift 3
  local dir="$TOOLS_DIR/$crate-$version"
  if [ ! -x "$dir/bin/$bin" ]; then
    say "Installing $crate $version (once; a few minutes)"
    # Native tools are built with the normal toolchain, never the wasm route's.
    env -u RUSTC -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD -u CARGO_TARGET_DIR \
      cargo install --quiet "$@" "$crate" --version "$version" --root "$dir"
  fi
  export PATH="$dir/bin:$PATH"
}

# Everything `trunk build` needs, pinned, so trunk never downloads anything.
ensure_app_tools() {
  command -v npm >/dev/null || apt_ensure nodejs npm
  choose_wasm_route
  local locked
  locked=$(grep -A1 '^name = "wasm-bindgen"$' "$ROOT/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p')
  [ "$locked" = "$WASM_BINDGEN_VERSION" ] \
    || die "Cargo.lock has wasm-bindgen $locked but scripts/versions.env pins $WASM_BINDGEN_VERSION"
  # trunk 0.21.14 only builds with its own lock file.
  cargo_tool trunk "$TRUNK_VERSION" trunk --locked
  # Its lock file names a dependency version no longer on crates.io: no --locked.
  cargo_tool wasm-bindgen-cli "$WASM_BINDGEN_VERSION" wasm-bindgen
  local binaryen="$TOOLS_DIR/binaryen-$BINARYEN_VERSION"
  if [ ! -x "$binaryen/node_modules/.bin/wasm-opt" ]; then
    say "Installing wasm-opt (binaryen $BINARYEN_VERSION, from npm)"
    npm install --silent --no-audit --no-fund --prefix "$binaryen" "binaryen@$BINARYEN_VERSION" >/dev/null
  fi
  export PATH="$binaryen/node_modules/.bin:$PATH"
}

# Builds the browser app into dist/ (release, size-optimised, offline, with
# pre-compressed copies of its files): the whole app, and from the same
# index.html the front door (src/bin/front-door.rs) in dist/front/ and the
# log-in door (src/bin/log-in-door.rs) in dist/login/.
# VW_APP_BUILD=debug builds it unoptimised: much quicker to compile while
# working on pages, never what is tested in CI or served.
build_app() {
  local release=--release
  [ "${VW_APP_BUILD:-release}" = debug ] && release=
  say "Building the app (trunk, ${VW_APP_BUILD:-release}): the whole app, the front door, the log-in door"
  (cd "$ROOT" && export CARGO_TARGET_DIR="$CARGO_TARGET_DIR/wasm-$WASM_ROUTE" \
    TRUNK_TOOLS_WASM_BINDGEN="$WASM_BINDGEN_VERSION" TRUNK_TOOLS_WASM_OPT="version_$BINARYEN_VERSION" \
    TRUNK_SKIP_VERSION_CHECK=true \
    && trunk build $release --offline --dist "$ROOT/dist" index.html \
    && build_door front-door front "$release" && build_door log-in-door login "$release")
  # The service worker's version: the build's id, from the pages' hashed
  # file names.
  local build_id
  build_id=$(cat "$ROOT/dist/index.html" "$ROOT/dist/front/index.html" "$ROOT/dist/login/index.html" \
    | sha256sum | cut -c1-16)
  sed -i "s/^const VERSION = 'dev';/const VERSION = '$build_id';/" "$ROOT/dist/sw.js"
  # After trunk, not as its post_build hook: trunk writes the final
  # index.html only after its hooks have run.
  if [ -n "$release" ]; then node "$ROOT/scripts/precompress.mjs" "$ROOT/dist"; fi
}

# Builds door `bin` into dist/<folder>/, served under /<folder>/, with
# trunk's `release` flag (or none); inside build_app's environment.
build_door() {
  local bin=$1 folder=$2 release=$3
  # trunk reads the page's files relative to the page: the door's page sits
  # next to index.html, made from it, never committed. It copies only its
  # own start.js: the other public files (manifest, icons, the service
  # worker) are the whole app's, at the top of dist/.
  sed -e "s/data-bin=\"verzuimwijzer-app\"/data-bin=\"$bin\"/" \
    -e '/rel="copy-/{/start\.js/!d}' index.html >".$bin.html"
  trunk build $release --offline --dist "$ROOT/dist/$folder" --public-url "/$folder/" ".$bin.html"
}

# schemathesis (PyPI), pinned, in its own virtualenv, for scripts/fuzz.
ensure_schemathesis() {
  local dir="$TOOLS_DIR/schemathesis-$SCHEMATHESIS_VERSION"
  if [ ! -x "$dir/bin/schemathesis" ]; then
    command -v python3 >/dev/null || apt_ensure python3
    python3 -c 'import ensurepip, venv' 2>/dev/null || apt_ensure python3-venv
    say "Installing schemathesis $SCHEMATHESIS_VERSION (once; from PyPI)"
    rm -rf "$dir"
    python3 -m venv "$dir"
    "$dir/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  fi
  export PATH="$dir/bin:$PATH"
}
