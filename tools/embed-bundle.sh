#!/usr/bin/env bash
# Copies the release build into dist/embed/ under stable names (no hashes), so
# a site can pin one URL: threadline-embed.js (the loader), threadline.js,
# threadline_bg.wasm, threadline.css, threadline-policy.wasm. Last, as the release build's final
# step, writes brotli and gzip copies of every built file for the reference
# server (tools/precompress.mjs). Usage: tools/embed-bundle.sh [dist]
set -euo pipefail
dist="${1:-dist}"
out="$dist/embed"
rm -rf "$out"
mkdir -p "$out"
one() { # pattern → the single file in dist that matches it
  local found=("$dist"/$1)
  [ "${#found[@]}" -eq 1 ] && [ -f "${found[0]}" ] || { echo "embed-bundle: expected one $1 in $dist" >&2; exit 1; }
  echo "${found[0]}"
}
cp "$(one 'threadline-*_bg.wasm')" "$out/threadline_bg.wasm"
cp "$(one 'threadline-*.css')" "$out/threadline.css"
cp "$(one 'threadline-policy.wasm')" "$out/threadline-policy.wasm"
# The wasm-bindgen glue names its wasm by the hashed name only as a default; the loader passes the URL.
cp "$(one 'threadline-*.js')" "$out/threadline.js"
# The loader asks for the other four with this build's version in the URL
# (the start of each one's sha256; the glue and its wasm change together, so
# they share the wasm's), so those can be cached for good; only the loader,
# which a page pins by name, has to be asked about each time.
version() { sha256sum "$1" | cut -c1-16; }
code="$(version "$out/threadline_bg.wasm")"
style="$(version "$out/threadline.css")"
policy="$(version "$out/threadline-policy.wasm")"
sed -e "s|'./threadline.js'|'./threadline.js?v=$code'|" \
    -e "s|'threadline_bg.wasm'|'threadline_bg.wasm?v=$code'|" \
    -e "s|'threadline.css'|'threadline.css?v=$style'|" \
    -e "s|'threadline-policy.wasm'|'threadline-policy.wasm?v=$policy'|" \
    "$(dirname "$0")/../embed/threadline-embed.js" > "$out/threadline-embed.js"
[ "$(grep -c "?v=[0-9a-f]\{16\}'" "$out/threadline-embed.js")" -eq 4 ] \
  || { echo "embed-bundle: the loader no longer names its four files as expected" >&2; exit 1; }
# Fetched on every page view, so minified (esbuild, a dev dependency; its
# source with comments is embed/threadline-embed.js): 2,429 → 1,432 bytes gzip.
"$(dirname "$0")/../node_modules/.bin/esbuild" "$out/threadline-embed.js" --minify --format=esm \
  --log-level=warning --allow-overwrite --outfile="$out/threadline-embed.js" \
  --banner:js="// Threadline embed loader (source: embed/threadline-embed.js in the Threadline repository)"
printf 'embed bundle (stable names) in %s:\n' "$out"
ls -1 "$out"
# The example host page, served beside the demo at /host/.
mkdir -p "$dist/host"
cp "$(dirname "$0")/../examples/host/index.html" "$dist/host/index.html"
node "$(dirname "$0")/precompress.mjs" "$dist"
