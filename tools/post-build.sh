#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml). Trunk runs the hooks of one stage at
# the same time, and both of these rewrite the page (the policy module's
# content hash; the integrity hashes of the files finish-build changes), so
# they run here one after the other instead.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/tools/policy-module.sh"
node "$root/tools/finish-build.mjs"
