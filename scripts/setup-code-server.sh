#!/usr/bin/env bash
# Installs code-server (VS Code 1.100.3 server + web workbench) from the npm registry without any
# download from GitHub or Microsoft: native modules are built from source, ripgrep comes from Debian.
# Idempotent; installs into .vscode-test/code-server-<version> (gitignored).
set -euo pipefail
CS_VERSION="${CS_VERSION:-4.100.3}"
DEST="${1:-.vscode-test/code-server-$CS_VERSION}"
if [ -f "$DEST/.ok" ]; then echo "code-server $CS_VERSION already at $DEST"; exit 0; fi
command -v rg >/dev/null || { echo "ripgrep is required (apt-get install -y ripgrep)" >&2; exit 1; }
rm -rf "$DEST"; mkdir -p "$DEST"
tgz="$(cd "$DEST" && npm pack "code-server@$CS_VERSION" --silent)"
tar xzf "$DEST/$tgz" -C "$DEST" --strip-components=1 && rm "$DEST/$tgz"
cd "$DEST"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
npm rebuild argon2 --loglevel=error
cd lib/vscode
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
mods=$(find node_modules -maxdepth 3 -name binding.gyp -not -path '*/node_modules/*/node_modules/*' | sed 's#^node_modules/##; s#/binding.gyp$##' | grep -vE '^(kerberos|@vscode/windows-)')
npm_config_yes=true npm rebuild $mods --loglevel=error
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --no-audit --no-fund --loglevel=error)
cd ../..
node out/node/entry.js --version
touch .ok
