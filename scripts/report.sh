#!/usr/bin/env bash
# Prints the robustness counts as one table: XSS payloads tried / executed,
# fuzz cases run / panics, fault scenarios / comments lost.
#
# The fuzz numbers come from the two property-test binaries, run here every
# time. The XSS and fault numbers come from the end-to-end tests, which write
# target/report/{xss,faults}.json as they run (tests/e2e/report.mjs): run
# ./scripts/test.sh first, or pass --run-e2e to build the release and run just
# the e2e files that count (XSS, faults, sync) here.
#
# Exit status: 0 only when every suite ran on the current build and nothing
# executed, panicked, failed or was lost.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

run_e2e=""
for arg in "$@"; do
  case "$arg" in
    --run-e2e) run_e2e=1 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

REPORT="$ROOT/target/report"
mkdir -p "$REPORT"
status=0

# Old numbers must not stand in for a run that did not happen.
rm -f "$REPORT/fuzz-tree.json" "$REPORT/fuzz-mapping.json"
say "property tests of the tree builder and the JSON mapping (fixed seed)"
cargo test -q -p threadline-core --test fuzz_tree || status=1
cargo test -q -p threadline-sync --test fuzz_mapping || status=1

if [ -n "$run_e2e" ]; then
  setup_all
  say "release build (tools/build-release.sh)"
  tools/build-release.sh
  tools/embed-bundle.sh dist >/dev/null
  cargo build -p threadline-server
  say "end-to-end: XSS payloads, faults, sync (Playwright, Chromium)"
  rm -f "$REPORT/xss.json" "$REPORT/faults.json"
  # One run id for every file, so their counts add up instead of resetting.
  THREADLINE_REPORT_RUN="report-$(date +%s)-$$" \
    node --test --test-reporter=spec --test-concurrency=1 --test-timeout=180000 \
    tests/e2e/xss.test.mjs tests/e2e/faults.test.mjs tests/e2e/sync.test.mjs || status=1
else
  for suite in xss faults; do
    file="$REPORT/$suite.json"
    if [ ! -f "$file" ]; then
      say "no $suite counts yet: run ./scripts/test.sh first (or ./scripts/report.sh --run-e2e)"
    elif [ -f dist/index.html ] && [ dist/index.html -nt "$file" ]; then
      say "$suite counts predate the current dist/ build: run ./scripts/test.sh first (or --run-e2e)"
    fi
  done
fi

say "report"
node tools/report.mjs || status=1
exit "$status"
