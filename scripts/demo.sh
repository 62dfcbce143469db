#!/usr/bin/env bash
# Runs the demo: builds the widget with Trunk (release) and serves the seed
# article on http://127.0.0.1:8080/ (PORT=… to change).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_rust
setup_node
cd "$ROOT"
say "building the widget (trunk build --release)"
trunk build --release
tools/bundle-size.sh dist
say "serving the demo; Ctrl+C stops it"
exec node tools/serve.mjs dist "${PORT:-8080}"
