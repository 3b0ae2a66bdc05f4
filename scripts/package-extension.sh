#!/usr/bin/env bash
# Packages the browser extension, after pkg/ has been built
# (wasm-pack build --release --target web --out-dir pkg):
#   dist/extension/            staging directory (the unpacked extension, only what ships)
#   dist/wxlint-chrome.zip     for Chrome / Edge (chrome://extensions, or the stores)
#   dist/wxlint-firefox.zip    for Firefox, built by `web-ext build`
# and runs `web-ext lint` on the staging directory (fails on any error).
#
# The repository root is itself the unpacked extension for development (manifest.json at
# the root, code in extension/, the checker from pkg/).
#
# Usage: bash scripts/package-extension.sh
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

for f in pkg/wxlint.js pkg/wxlint_bg.wasm; do
    if [ ! -f "$f" ]; then
        echo "package-extension.sh: $f is missing; build it first: wasm-pack build --release --target web --out-dir pkg" >&2
        exit 1
    fi
done
if [ ! -x node_modules/.bin/web-ext ]; then
    echo "package-extension.sh: web-ext is missing; run npm ci (or npm install)" >&2
    exit 1
fi

stage=dist/extension
step "staging $stage"
rm -rf "$stage"
mkdir -p "$stage/pkg" "$stage/icons"
cp manifest.json "$stage/"
cp -R _locales "$stage/"
cp -R extension "$stage/"
cp pkg/wxlint.js pkg/wxlint_bg.wasm "$stage/pkg/"
cp icons/*.png "$stage/icons/"
# Nothing else ships: no dotfiles, no notes, no sources of the icons.
find "$stage" -name '.*' -prune -exec rm -rf {} + 2>/dev/null || true
find "$stage" -name '*.md' -delete
# The type declarations are for the type check (tsconfig.json), not for the browser.
find "$stage" -name '*.d.ts' -delete

# Every file the manifest names must exist in the staging directory.
node -e '
const fs = require("fs"), path = require("path");
const dir = process.argv[1];
const m = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
const files = [m.background.service_worker, ...m.background.scripts, m.options_ui.page, m.action.default_popup,
  ...Object.values(m.icons), ...Object.values(m.action.default_icon), ...m.content_scripts.flatMap((c) => c.js || []),
  ...(m.storage && m.storage.managed_schema ? [m.storage.managed_schema] : [])];
const missing = files.filter((f) => !fs.existsSync(path.join(dir, f)));
if (missing.length) { console.error("missing files named by manifest.json:", missing.join(", ")); process.exit(1); }
' "$stage"

step "dist/wxlint-chrome.zip"
rm -f dist/wxlint-chrome.zip
(cd "$stage" && zip -q -r -X ../wxlint-chrome.zip manifest.json _locales extension pkg icons)
unzip -l dist/wxlint-chrome.zip | tail -1

step "web-ext lint --source-dir $stage"
node_modules/.bin/web-ext lint --source-dir "$stage" --no-config-discovery

step "web-ext build (dist/wxlint-firefox.zip)"
node_modules/.bin/web-ext build --source-dir "$stage" --artifacts-dir dist --filename wxlint-firefox.zip \
    --overwrite-dest --no-config-discovery
ls -l dist/wxlint-chrome.zip dist/wxlint-firefox.zip
