#!/usr/bin/env bash
# Start code-server on 127.0.0.1:$CS_PORT in the background with a fresh profile.
#   CS_PORT       port (required; lib.sh's free_port picks one)
#   CS_SETTINGS   optional JSON object merged into the fresh user settings.json
#   CS_RUNTIME    stable (default) or min: which editor runtime (lib.sh) to start
#   args          .vsix files to install into the fresh profile first
# The run's files live in .vscode-test-cs/run-$CS_PORT (logs, user data); stop.sh cleans up.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PORT="${CS_PORT:?CS_PORT is required}"; RUN="$VT/run-$PORT"; RT="${CS_RUNTIME:-stable}"
installed "$RT" || { echo "the '$RT' editor runtime is not installed: run scripts/vscode-test/install.sh $RT" >&2; exit 1; }
NODE_RT="$NODE_BIN/node"
up() { "$NODE_RT" -e "fetch('http://127.0.0.1:$PORT/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; }
if up; then echo "port $PORT is busy (a stale code-server? run scripts/vscode-test/stop.sh $PORT)" >&2; exit 1; fi
rm -rf "$RUN"; mkdir -p "$RUN/user-data/User"
"$NODE_RT" -e '
  const base = { "workbench.startupEditor": "none", "security.workspace.trust.enabled": false,
    "chat.disableAIFeatures": true, "workbench.secondarySideBar.defaultVisibility": "hidden",
    "extensions.autoUpdate": false, "extensions.autoCheckUpdates": false, "telemetry.telemetryLevel": "off",
    "update.mode": "none", "workbench.tips.enabled": false, "window.commandCenter": false,
    "git.openRepositoryInParentFolders": "never" };
  const extra = process.env.CS_SETTINGS ? JSON.parse(process.env.CS_SETTINGS) : {};
  process.stdout.write(JSON.stringify({ ...base, ...extra }, null, 2));' > "$RUN/user-data/User/settings.json"
export PATH="$NODE_BIN:$PATH" XDG_CONFIG_HOME="$RUN/xdg" XDG_DATA_HOME="$RUN/xdg"
CS=("$CS_BIN" --config "$RUN/c.yaml" --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/ext")
for vsix in "$@"; do "${CS[@]}" --install-extension "$vsix" >/dev/null; done
# enable-smoke-test-driver: else the built workbench ignores the extensionDevelopmentPath/extensionTestsPath
# URL payload (4.20 takes it as its own flag, see install.sh). grace-time 5: reap a closed window's extension
# host after 5 s (default 3 h; VS Code 1.85 has no such option). setsid: own process group, so stop.sh can
# wait for all children.
if [ "$RT" = min ]; then VS_OPTS=(--enable-smoke-test-driver)
else VS_OPTS=(--reconnection-grace-time 5 --vscode-option enable-smoke-test-driver); fi
setsid "${CS[@]}" --auth none --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override "${VS_OPTS[@]}" \
  --bind-addr "127.0.0.1:$PORT" > "$RUN/code-server.log" 2>&1 &
PID=$!; echo "$PID" > "$RUN/code-server.pid"
for _ in $(seq 1 150); do
  kill -0 "$PID" 2>/dev/null || break          # it died (e.g. EADDRINUSE)
  if up; then echo "code-server up on 127.0.0.1:$PORT (pid $PID)"; exit 0; fi; sleep 0.2
done
echo "code-server did not start:" >&2; cat "$RUN/code-server.log" >&2; exit 1
