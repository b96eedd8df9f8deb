# Sourced by the test scripts: paths and a free loopback port.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VT="$ROOT/.vscode-test-cs"
D="$ROOT/scripts/vscode-test"
NODE24="$VT/node24/node_modules/.bin/node"
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
