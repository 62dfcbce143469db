#!/usr/bin/env bash
# The release build every script ships, tests and measures: `trunk build
# --release` with the standard library rebuilt for size (tools/release-env.sh).
#   tools/build-release.sh [trunk build options, e.g. --dist DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source tools/release-env.sh
exec trunk build --release "$@"
