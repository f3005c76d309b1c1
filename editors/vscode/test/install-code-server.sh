#!/usr/bin/env bash
# Installs code-server (a real VS Code, served to a browser) for the
# end-to-end test, from the npm registry only: the package's own postinstall
# would download prebuilt binaries and Node headers, which CI cannot reach, so
# it is replaced by the same steps done offline. Native modules are built with
# node-gyp against the Node headers Debian ships in /usr/include/node, and
# VS Code's ripgrep is Debian's.
#
# Usage: install-code-server.sh [DIR]   (default: editors/vscode/test/.code-server)
# Needs: node 20 and npm; Debian packages build-essential python3 pkg-config
# libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep.
# Prints the path of the code-server entry point on its last line.
set -euo pipefail

# 4.100.3 (VS Code 1.100.3) is the newest code-server whose engines.node is 20,
# the Node that Debian and this project's machines have.
version=4.100.3
dir=${1:-"$(cd "$(dirname "$0")" && pwd)/.code-server"}
pkg=$dir/node_modules/code-server

if [ -f "$pkg/.statusls-installed" ] && [ "$(cat "$pkg/.statusls-installed")" = "$version" ]; then
  echo "$pkg/out/node/entry.js"
  exit 0
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || { echo "code-server $version needs Node 20, found $(node --version)" >&2; exit 1; }
[ -f /usr/include/node/node.h ] || { echo "Node headers missing in /usr/include/node (Debian: apt-get install nodejs)" >&2; exit 1; }
command -v rg >/dev/null || { echo "ripgrep missing (Debian: apt-get install ripgrep)" >&2; exit 1; }

mkdir -p "$dir"
# A project of its own, or npm would install into the nearest ancestor that
# has a package.json: the extension's.
[ -f "$dir/package.json" ] || echo '{ "name": "statusls-code-server", "private": true }' > "$dir/package.json"
npm_install() { npm install --ignore-scripts --no-audit --no-fund --loglevel=error "$@"; }

echo "--- npm: code-server $version" >&2
(cd "$dir" && npm_install --no-save "code-server@$version")
echo "--- npm: VS Code's dependencies" >&2
(cd "$pkg/lib/vscode" && npm_install --omit=dev)
(cd "$pkg/lib/vscode/extensions" && npm_install --omit=dev)

# What postinstall.sh would link.
ln -sfn node_modules "$pkg/lib/vscode/node_modules.asar"
ln -sfn code-linux.sh "$pkg/lib/vscode/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$pkg/lib/vscode/bin/helpers/browser.sh"
mkdir -p "$pkg/lib/vscode/node_modules/@vscode/ripgrep/bin"
ln -sfn "$(command -v rg)" "$pkg/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"

echo "--- node-gyp: native modules" >&2
gyp=$(dirname "$(command -v npm)")/../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js
[ -f "$gyp" ] || gyp=/usr/share/nodejs/npm/node_modules/node-gyp/bin/node-gyp.js
[ -f "$gyp" ] || gyp=$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js
build() {
  echo "    $1" >&2
  (cd "$1" && node "$gyp" rebuild --nodedir=/usr --jobs=max --loglevel=error >/dev/null)
}
# argon2 places its binary where node-pre-gyp says, so node-pre-gyp drives
# node-gyp for it; npm may have hoisted it above code-server.
argon2=$(cd "$pkg" && node -p 'require("path").dirname(require.resolve("argon2/package.json"))')
pregyp=$(cd "$argon2" && node -p 'require.resolve("@mapbox/node-pre-gyp/bin/node-pre-gyp")')
echo "    $argon2" >&2
(cd "$argon2" && npm_config_node_gyp=$gyp node "$pregyp" rebuild --build-from-source --nodedir=/usr --loglevel=error >/dev/null)
for m in node-pty @vscode/spdlog @vscode/deviceid native-watchdog kerberos; do
  build "$pkg/lib/vscode/node_modules/$m"
done

echo "$version" > "$pkg/.statusls-installed"
echo "$pkg/out/node/entry.js"
