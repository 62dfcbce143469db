#!/usr/bin/env bash
# Prints what the comment-markup readers cost in a wasm bundle (gzip -9, after
# wasm-opt -Oz when wasm-opt is on PATH or in node_modules/.bin).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/tools/markup-size"
export PATH="$root/node_modules/.bin:$PATH"
opt=$(command -v wasm-opt || true)
size() {
  local dir="$1"; shift
  cargo build -q --release --target wasm32-unknown-unknown --target-dir "$dir" "$@"
  local wasm="$dir/wasm32-unknown-unknown/release/markup_size.wasm"
  if [ -n "$opt" ]; then
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      "$wasm" -o "$dir/opt.wasm"
    wasm="$dir/opt.wasm"
  fi
  gzip -9c "$wasm" | wc -c
}
tmp="${TMPDIR:-/tmp}"
base=$(size "$tmp/markup-size-base")
md=$(size "$tmp/markup-size-md" --features markdown)
html=$(size "$tmp/markup-size-html" --features html)
both=$(size "$tmp/markup-size-both" --features markdown,html)
note=$([ -n "$opt" ] && echo "after wasm-opt -Oz" || echo "no wasm-opt found: unoptimized by binaryen")
echo "markup readers in wasm, gzip -9 bytes ($note):"
echo "  markdown():                $((md - base))"
echo "  html():                      $((html - base))"
echo "  both:                        $((both - base)) ($both with them, $base without)"
