#!/usr/bin/env bash
# Integration tests: mocha inside the real extension host of code-server (VS Code 1.139.1), the extension
# loaded from this folder (dist/ must be built; npm run test:integration does that). MOCHA_GREP filters.
set -euo pipefail
source "$(dirname "$0")/lib.sh"; cd "$ROOT"
bash "$D/install.sh" >/dev/null
CS_PORT="$(free_port)"; export CS_PORT
trap 'bash "$D/stop.sh" "$CS_PORT"' EXIT
bash "$D/start.sh"
mkdir -p "$VT/shots"
SHOTS_DIR="$VT/shots" node "$D/run-ext-tests.mjs" . out/test/integration/index.js test/fixtures/ws
