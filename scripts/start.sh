#!/usr/bin/env bash
# npm start: the first five minutes. Packages the extension, starts the local Telesign simulator and a real
# VS Code (code-server) on 127.0.0.1 with the extension installed, the simulator selected as the active
# profile (demo credentials: Telesign's public example pair) and a sample log open. Ctrl-C stops everything.
#   SIM_PORT (default 8787), CS_PORT (default 8080)
set -euo pipefail
source "$(dirname "$0")/vscode-test/lib.sh"; cd "$ROOT"
SIM_PORT="${SIM_PORT:-8787}"; CS_PORT="${CS_PORT:-8080}"; export CS_PORT
[ -d node_modules ] || npm install --no-audit --no-fund
bash "$D/install.sh" >/dev/null
mkdir -p "$VT"
echo "packaging the extension (type-check, lint, production build)…"
npm run --silent package -- --out "$VT/telesign-inspector.vsix" > "$VT/package.log" 2>&1 \
  || { cat "$VT/package.log" >&2; echo "packaging failed (above)" >&2; exit 1; }
node esbuild.js --tests=simulator >/dev/null

SIM_PID=""
cleanup() {
  trap - EXIT INT TERM
  echo; echo "stopping…"
  [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null || true
  bash "$D/stop.sh" "$CS_PORT"
}
trap cleanup EXIT INT TERM

node out/test/simulator/cli.js --port "$SIM_PORT" --json > "$VT/simulator.out" 2>&1 &
SIM_PID=$!
for _ in $(seq 1 50); do grep -q '"url"' "$VT/simulator.out" 2>/dev/null && break; kill -0 "$SIM_PID" 2>/dev/null || break; sleep 0.1; done
SIM_URL="$(node -e "const l=require('fs').readFileSync(process.argv[1],'utf8').split('\n').find(s=>s.includes('\"url\"'));if(!l)process.exit(1);console.log(JSON.parse(l).url)" "$VT/simulator.out")" \
  || { echo "the simulator did not start:" >&2; cat "$VT/simulator.out" >&2; exit 1; }

DEMO="$ROOT/demo"
CS_SETTINGS="$(node -e '
  const sim = { name: "Local simulator", baseUrl: process.argv[1], auth: "basic", demo: true };
  const defaults = require("./package.json").contributes.configuration.properties["telesign.profiles"].default;
  console.log(JSON.stringify({ "telesign.profiles": [sim, ...defaults], "telesign.activeProfile": sim.name,
    "files.associations": { "*.log": "log" }, "[log]": { "editor.wordWrap": "on" } }));' "$SIM_URL")"
export CS_SETTINGS
bash "$D/start.sh" "$VT/telesign-inspector.vsix" >/dev/null

URL="$(node -e '
  const [port, folder, file] = process.argv.slice(1);
  const payload = JSON.stringify([["openFile", `vscode-remote://127.0.0.1:${port}${file}`]]);
  console.log(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);' \
  "$CS_PORT" "$DEMO" "$DEMO/otp-service.log")"
cat <<MSG

  Telesign Inspector is running in VS Code (code-server) with the local Telesign simulator.

  Open:       $URL
  Simulator:  $SIM_URL   (active profile "Local simulator", demo credentials; see test/simulator/README.md)

  Try: hover a code such as 3204 or -10004 in otp-service.log; click a reference ID; or run
  "Telesign: Get Transaction Status…" from the Command Palette with 364C81F5F3D0020C91E7A731DE93A777
  (OTP 50361).

  Ctrl-C stops the editor and the simulator.
MSG
wait "$SIM_PID"
