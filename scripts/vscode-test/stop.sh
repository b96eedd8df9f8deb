#!/usr/bin/env bash
# Stop start.sh's code-server on port $1 (or $CS_PORT) and wait until its whole process group is gone.
PORT="${1:-${CS_PORT:-}}"; [ -n "$PORT" ] || { echo "usage: stop.sh PORT" >&2; exit 2; }
PIDF="$(cd "$(dirname "$0")/../.." && pwd)/.vscode-test-cs/run-$PORT/code-server.pid"; [ -f "$PIDF" ] || exit 0
PID="$(cat "$PIDF")"; kill -TERM -- "-$PID" 2>/dev/null || kill -TERM "$PID" 2>/dev/null || true
for _ in $(seq 1 75); do pgrep -g "$PID" >/dev/null || break; sleep 0.2; done
kill -KILL -- "-$PID" 2>/dev/null || true; rm -f "$PIDF"
