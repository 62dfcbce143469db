#!/usr/bin/env bash
# Installs what building and testing Threadline needs, skipping whatever is
# already there. Sourced by scripts/demo.sh and scripts/test.sh; safe to run
# again and again.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# The wasm-bindgen CLI must be exactly the version the crate links against.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

setup_rust() {
  command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup first" >&2; exit 1; }
  if ! rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  # The release build rebuilds the standard library for size (tools/build-release.sh).
  if ! rustup component list --installed | grep -q '^rust-src'; then
    say "adding rust-src (the standard library's sources)"
    rustup component add rust-src
  fi
  # The release build rebuilds the standard library offline (tools/release-env.sh,
  # Trunk's `offline`): the crates std itself depends on must be fetched first.
  RUSTC_BOOTSTRAP=1 cargo fetch -q --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
  if [ ! -f "$ROOT/Cargo.lock" ]; then (cd "$ROOT" && cargo generate-lockfile); fi
  if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
    say "installing trunk $TRUNK_VERSION (compiles for a while, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  local wb; wb="$(wasm_bindgen_version)"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb\$" || ! command -v wasm-bindgen-test-runner >/dev/null; then
    say "installing wasm-bindgen-cli $wb"
    # Not --locked: the registry mirror lacks one of its locked dependencies.
    cargo install wasm-bindgen-cli --version "$wb" --force
  fi
}

setup_browser() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi
}

setup_node() {
  if ! command -v npm >/dev/null; then
    say "installing node and npm"
    apt_install nodejs npm
  fi
  # npm's binaryen gives a wasm-opt that understands reference types
  # (Debian's is too old); playwright-core drives the system Chromium;
  # json-server is a real third-party backend for the sync tests; esbuild
  # minifies the shipped JavaScript and CSS (tools/finish-build.mjs).
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/playwright-core" ] \
     || [ ! -x "$ROOT/node_modules/.bin/json-server" ] || [ ! -x "$ROOT/node_modules/.bin/esbuild" ] \
     || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing node dev tools (binaryen, esbuild, playwright-core, @axe-core/playwright, json-server)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

# Isso is a real third-party backend the sync tests run against.
setup_isso() {
  local bin; bin="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')/isso"
  if [ "$(python3 -m pip show isso 2>/dev/null | sed -n 's/^Version: //p')" != 0.14.0 ] || [ ! -x "$bin" ]; then
    say "installing isso 0.14.0 (for the sync tests)"
    python3 -m pip install --quiet --disable-pip-version-check isso==0.14.0
  fi
  export ISSO="$bin"
}

setup_all() {
  setup_rust
  setup_node
  setup_browser
  setup_isso
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  setup_all
  say "all tools present"
fi
