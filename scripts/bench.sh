#!/usr/bin/env bash
# Prints the numbers behind the README's claims (not a test): policy accuracy
# and latency (native and in Chromium), bundle size, reference-server list
# throughput. Runs only against loopback.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_all
cd "$ROOT"
say "policy engine: accuracy on the labelled corpus and native latency"
cargo run --release -q -p threadline-policy --bin policy-bench
say "policy engine: bundle-size cost"
tools/policy-size.sh
say "bundle (tools/build-release.sh)"
tools/build-release.sh >/dev/null 2>&1
tools/embed-bundle.sh dist >/dev/null
tools/bundle-size.sh dist
say "policy engine in Chromium"
node tests/bench/policy-chromium.mjs
say "reference server: listing a 1,000-comment thread"
cargo run --release -q -p threadline-server --bin server-bench
say "big threads: 100 / 1,000 / 10,000 comments in Chromium, and Isso 0.14 on the same 1,000"
cargo build --release -q -p threadline-server && node tests/bench/big-thread.mjs
