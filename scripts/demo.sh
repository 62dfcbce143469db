#!/usr/bin/env bash
# Runs the demo: builds the widget with Trunk (release) and the reference
# server, then serves the seed article and its live thread on
# http://127.0.0.1:8080/ (PORT=… to change; comments are kept in
# ./threadline-demo.sqlite, DB=… to change). Moderation is on, at
# /moderate, with THREADLINE_MODERATOR_TOKEN or else a token made up here
# and printed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_rust
setup_node
cd "$ROOT"
say "building the widget (tools/build-release.sh)"
tools/build-release.sh
tools/embed-bundle.sh dist
tools/bundle-size.sh dist
say "building the reference server"
cargo build --release -p threadline-server
if [ -z "${THREADLINE_MODERATOR_TOKEN:-}" ]; then
  THREADLINE_MODERATOR_TOKEN="demo-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
fi
export THREADLINE_MODERATOR_TOKEN
say "serving the demo; Ctrl+C stops it"
say "moderation: http://127.0.0.1:${PORT:-8080}/moderate with the token $THREADLINE_MODERATOR_TOKEN"
exec target/release/threadline-server --listen "127.0.0.1:${PORT:-8080}" --dist dist \
  --db "${DB:-threadline-demo.sqlite}" --seed seed/asbarez.json
