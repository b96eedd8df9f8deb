#!/usr/bin/env bash
# Browser E2E: the packaged .vsix installed in code-server, the local simulator as the active profile,
# Playwright driving the workbench in Debian's Chromium like a person. Screenshots: .vscode-test-cs/shots/.
#   E2E_ONLY=word   run only the scenarios whose file name contains word
set -euo pipefail
source "$(dirname "$0")/lib.sh"; cd "$ROOT"
bash "$D/install.sh" >/dev/null
npm run --silent package -- --out "$VT/e2e.vsix" > "$VT/e2e-package.log" 2>&1 \
  || { cat "$VT/e2e-package.log" >&2; echo "packaging failed (above)" >&2; exit 1; }
node esbuild.js --tests=simulator >/dev/null

CS_PORT="$(free_port)"; export CS_PORT
SIM_PID=""
cleanup() { [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null; bash "$D/stop.sh" "$CS_PORT"; }
trap cleanup EXIT

node out/test/simulator/cli.js --port 0 --json > "$VT/e2e-simulator.out" 2>&1 &
SIM_PID=$!
for _ in $(seq 1 50); do grep -q '"url"' "$VT/e2e-simulator.out" 2>/dev/null && break; sleep 0.1; done
SIM_URL="$(node -e "const l=require('fs').readFileSync(process.argv[1],'utf8').split('\n').find(s=>s.includes('\"url\"'));if(!l)process.exit(1);console.log(JSON.parse(l).url)" "$VT/e2e-simulator.out")" \
  || { echo "the simulator did not start:" >&2; cat "$VT/e2e-simulator.out" >&2; exit 1; }
export SIM_URL
# The callback listener's port, free on this machine (so parallel runs do not fight over 8788).
CB_PORT="$(free_port)"; export CB_PORT

CS_SETTINGS="$(node -e 'console.log(JSON.stringify({
  "telesign.profiles": [{ name: "Local simulator", baseUrl: process.argv[1], auth: "basic", demo: true },
                        { name: "Simulator (your key)", baseUrl: process.argv[1], auth: "digest" }],
  "telesign.activeProfile": "Local simulator", "telesign.autoRefresh.enabled": false,
  "telesign.callbacks.port": Number(process.argv[2]),
  "workbench.colorTheme": "Default Light Modern", "editor.hover.delay": 150,
  "editor.wordWrap": "on", "editor.minimap.enabled": false }))' "$SIM_URL" "$CB_PORT")"
export CS_SETTINGS
bash "$D/start.sh" "$VT/e2e.vsix"
export CS_USER_SETTINGS="$VT/run-$CS_PORT/user-data/User/settings.json"
rm -rf "$VT/shots/e2e"; mkdir -p "$VT/shots/e2e"
SHOTS_DIR="$VT/shots/e2e" node test/e2e/run.mjs test/fixtures/ws
