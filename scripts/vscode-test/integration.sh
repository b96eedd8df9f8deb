#!/usr/bin/env bash
# Integration tests: mocha inside the real extension host of code-server, the extension loaded from this folder
# (dist/ must be built; npm run test:integration does that), once on each editor runtime of VSCODE_RUNTIMES
# (default "min stable": the oldest VS Code that engines.vscode claims, then the newest; lib.sh has them).
# Each run prints the VS Code version it ran on. MOCHA_GREP filters.
set -euo pipefail
source "$(dirname "$0")/lib.sh"; cd "$ROOT"
read -ra rts <<< "${VSCODE_RUNTIMES:-$RUNTIMES_ALL}"
bash "$D/install.sh" "${rts[@]}" >/dev/null
CS_PORT=""
trap '[ -z "$CS_PORT" ] || bash "$D/stop.sh" "$CS_PORT"' EXIT
mkdir -p "$VT/shots"
rc=0
for rt in "${rts[@]}"; do
  runtime "$rt"
  echo "=== integration suite on the '$rt' editor runtime: code-server $CS_VERSION (VS Code $VSCODE_VERSION)"
  CS_PORT="$(free_port)"; export CS_PORT CS_RUNTIME="$rt"
  bash "$D/start.sh"
  SHOTS_DIR="$VT/shots" node "$D/run-ext-tests.mjs" . out/test/integration/index.js test/fixtures/ws || rc=1
  bash "$D/stop.sh" "$CS_PORT"; CS_PORT=""
done
exit "$rc"
