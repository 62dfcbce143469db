#!/usr/bin/env bash
# Prints what the smallest Leptos page shaped like ours weighs (wasm + js,
# gzip -9), built and optimised as the widget is: the floor under the
# bundle-size target. With a directory argument, also copies the page's
# script and wasm there (the big-thread benchmark times it on the demo page).
# Needs wasm-bindgen (scripts/setup.sh), wasm-opt and esbuild (npm).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/tools/leptos-floor"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
dir="${TMPDIR:-/tmp}/leptos-floor"
# The standard library rebuilt for size, as for the widget.
source "$root/tools/release-env.sh"
cargo build -q --release --target wasm32-unknown-unknown --target-dir "$dir"
wasm-bindgen --target web --no-typescript --out-dir "$dir/out" "$dir/wasm32-unknown-unknown/release/leptos-floor.wasm"
# The widget's wasm-opt options, from its page (index.html).
read -ra opt <<< "$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' "$root/index.html")"
[ "${#opt[@]}" -gt 0 ] || { echo "leptos-floor: no data-wasm-opt-params in index.html" >&2; exit 1; }
wasm-opt -Oz "${opt[@]}" "$dir/out/leptos-floor_bg.wasm" -o "$dir/out/opt.wasm"
# Short names between wasm and glue, as the widget's (tools/short-names.mjs).
node "$root/tools/short-names.mjs" "$dir/out/opt.wasm" "$dir/out/leptos-floor.js" "${opt[@]}"
# Minified as the widget's glue is (tools/finish-build.mjs).
esbuild "$dir/out/leptos-floor.js" --minify --format=esm --log-level=warning --allow-overwrite --outfile="$dir/out/leptos-floor.js"
wasm=$(gzip -9c "$dir/out/opt.wasm" | wc -c)
js=$(gzip -9c "$dir/out/leptos-floor.js" | wc -c)
echo "smallest Leptos page (list, toggle, text box, button), gzip -9 bytes: wasm $wasm + js $js = $((wasm + js))"
if [ $# -gt 0 ]; then
  mkdir -p "$1"
  cp "$dir/out/leptos-floor.js" "$1/leptos-floor.js"
  cp "$dir/out/opt.wasm" "$1/leptos-floor_bg.wasm"
fi
