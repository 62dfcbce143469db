#!/usr/bin/env bash
# Prints the policy engine's cost in a wasm bundle (gzip -9 after wasm-opt -Oz).
set -euo pipefail
cd "$(dirname "$0")/policy-size"
size() {
  local dir="$1"; shift
  cargo build -q --release --target wasm32-unknown-unknown --target-dir "$dir" "$@"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$dir/wasm32-unknown-unknown/release/policy_size.wasm" -o "$dir/opt.wasm"
  gzip -9c "$dir/opt.wasm" | wc -c
}
base=$(size "${TMPDIR:-/tmp}/policy-size-base")
with=$(size "${TMPDIR:-/tmp}/policy-size-check" --features check)
echo "policy engine in wasm: $((with - base)) bytes gzip ($with with it, $base without)"
