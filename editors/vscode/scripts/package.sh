#!/usr/bin/env bash
# Builds the platform packages of the extension: one .vsix per VS Code
# target, each carrying the statusls binary cross-compiled for it, so that
# users need no Go. With no target, builds them all.
#
# Usage: scripts/package.sh [TARGET...]    e.g. scripts/package.sh linux-x64
# Output: dist/statusls-TARGET.vsix, or $DIST/statusls-TARGET.vsix
# With STATUSLS_BIN set, that binary is bundled instead of a fresh build
# (the end-to-end test packages the binary it has just built).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(cd ../.. && pwd)

# VS Code target → GOOS/GOARCH.
declare -A goos=(
  [linux-x64]=linux/amd64 [linux-arm64]=linux/arm64 [linux-armhf]=linux/arm
  [alpine-x64]=linux/amd64 [alpine-arm64]=linux/arm64
  [darwin-x64]=darwin/amd64 [darwin-arm64]=darwin/arm64
  [win32-x64]=windows/amd64 [win32-arm64]=windows/arm64
)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(linux-x64 linux-arm64 linux-armhf alpine-x64 alpine-arm64 darwin-x64 darwin-arm64 win32-x64 win32-arm64)

[ -d node_modules ] || npm ci --no-audit --no-fund
dist=${DIST:-dist}
mkdir -p "$dist"
for target in "${targets[@]}"; do
  pair=${goos[$target]:-}
  [ -n "$pair" ] || { echo "unknown target $target; known: ${!goos[*]}" >&2; exit 2; }
  rm -rf server && mkdir server
  exe=statusls; [ "${pair%/*}" = windows ] && exe=statusls.exe
  if [ -n "${STATUSLS_BIN:-}" ]; then
    cp "$STATUSLS_BIN" "server/$exe"
  else
    # CGO off: the binaries must run on any libc, musl (alpine) included.
    (cd "$root" && CGO_ENABLED=0 GOOS=${pair%/*} GOARCH=${pair#*/} GOARM=7 \
      go build -trimpath -ldflags='-s -w' -o "editors/vscode/server/$exe" .)
  fi
  # Images in the README are relative to this directory, not the repository root.
  npx vsce package --target "$target" --out "$dist/statusls-$target.vsix" --skip-license \
    --baseImagesUrl https://github.com/statusls/statusls/raw/HEAD/editors/vscode \
    --baseContentUrl https://github.com/statusls/statusls/blob/HEAD/editors/vscode
done
rm -rf server
