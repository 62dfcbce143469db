#!/usr/bin/env bash
# Step of the post-build hook (tools/post-build.sh): builds the policy
# engine's own wasm module (crates/threadline-policy-wasm, no wasm-bindgen)
# and puts it beside the page as threadline-policy.wasm, which the widget
# fetches only once a reader starts to write (src/policy_module.rs). Always
# a release build: it is small and quick, and a debug one would be 10 times
# the size. The page's <meta name="threadline-policy-module"> gets the
# file's content hash (`?v=<16 hex>`), which the reference server caches for
# good.
# Usage outside Trunk: tools/policy-module.sh <dir>
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${TRUNK_STAGING_DIR:-${1:?usage: tools/policy-module.sh <dir>}}"
target="${CARGO_TARGET_DIR:-$root/target}"
cargo build --quiet --release --target wasm32-unknown-unknown -p threadline-policy-wasm --manifest-path "$root/Cargo.toml"
wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
  "$target/wasm32-unknown-unknown/release/threadline_policy_wasm.wasm" -o "$dir/threadline-policy.wasm"
if [ -f "$dir/index.html" ]; then
  version="$(sha256sum "$dir/threadline-policy.wasm" | cut -c1-16)"
  sed -i "s|content=\"threadline-policy.wasm\"|content=\"threadline-policy.wasm?v=$version\"|" "$dir/index.html"
  grep -q "threadline-policy.wasm?v=$version" "$dir/index.html" || {
    echo "policy-module: $dir/index.html has no <meta name=\"threadline-policy-module\" content=\"threadline-policy.wasm\">" >&2
    exit 1
  }
fi
