# Sourced by the runtime scripts: paths, the editor runtimes, a free loopback port, a clean npm environment.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VT="$ROOT/.vscode-test-cs"
D="$ROOT/scripts/vscode-test"

# The two editor runtimes, both from npm. stable: the newest VS Code; min: the oldest VS Code that
# package.json's engines.vscode claims (code-server 4.20.0 embeds VS Code 1.85.1 and wants Node 18; Node
# 18.18 is the newest 18 whose headers still build its native addons, and npm 11 refuses Node < 18.19, so
# that runtime brings npm 10 along).
#   runtime NAME -> CS_VERSION, VSCODE_VERSION, NODE_VERSION, NPM_PKG, CS_DIR (code-server's prefix),
#                   NODE_BIN (the folder with its node, and npm when NPM_PKG is set), CS_BIN (code-server)
runtime() {
  case "$1" in
    stable) CS_VERSION=4.139.1; VSCODE_VERSION=1.139.1; NODE_VERSION=24.21.0; NPM_PKG=""; CS_DIR="$VT/cs"; NODE_DIR="$VT/node24" ;;
    min) CS_VERSION=4.20.0; VSCODE_VERSION=1.85.1; NODE_VERSION=18.18.2; NPM_PKG="npm@10.8.2"; CS_DIR="$VT/cs-min"; NODE_DIR="$VT/node18" ;;
    *) echo "unknown editor runtime '$1' (stable or min)" >&2; return 2 ;;
  esac
  NODE_BIN="$NODE_DIR/node_modules/.bin"; CS_BIN="$CS_DIR/node_modules/.bin/code-server"
}
installed() { runtime "$1" && [ -f "$CS_DIR/.installed" ]; }
RUNTIMES_ALL="min stable"

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# Run a command the way it runs when typed in a fresh shell, not as a child of `npm start` / `npm test`.
# The outer npm exports its own identity to every script: npm_config_user_agent (".. node/v20 .."; code-server's
# postinstall takes the Node version from it and refuses to install), npm_config_node_gyp / nodedir / prefix /
# global_prefix / local_prefix / globalconfig / userconfig / cache / npm_version, npm_node_execpath,
# npm_execpath, NODE, INIT_CWD, npm_package_*, npm_lifecycle_*, npm_command — and a nested npm reads every
# npm_config_* as configuration, which beats what it would detect or read from .npmrc itself. So all lowercase
# npm_* variables and NODE/INIT_CWD go (the nested npm reads the user's .npmrc again on its own), except the
# transport settings a user may have exported by hand (registry, proxies, CA), and PATH loses the directories
# npm prepends (node_modules/.bin of the project and its parents, npm's node-gyp-bin).
fresh_env() {
  local v args=()
  for v in $(compgen -e); do
    case "$v" in
      npm_config_registry|npm_config_proxy|npm_config_https_proxy|npm_config_noproxy|npm_config_cafile|npm_config_strict_ssl) ;;
      npm_*|NODE|INIT_CWD) args+=(-u "$v") ;;
    esac
  done
  local path; path="$(printf '%s' "$PATH" | tr ':' '\n' | grep -vE '/node_modules/\.bin/?$|/node-gyp-bin/?$' | paste -sd: -)"
  env "${args[@]}" PATH="$path" "$@"
}
