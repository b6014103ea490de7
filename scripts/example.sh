#!/usr/bin/env bash
# The main job on the bundled example: scan the example app's code for TRTC rooms and estimate
# their monthly cost, then estimate a full scenario file. Installs dependencies on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
node scripts/build.mjs
echo
echo "== trtc-cost scan examples/classroom-app =="
node dist/cli.js scan examples/classroom-app
echo
echo "== trtc-cost estimate examples/scenarios/tutoring-1v1.json =="
node dist/cli.js estimate examples/scenarios/tutoring-1v1.json "$@"
