#!/usr/bin/env bash
# Builds everything on a fresh machine, then runs the CLI on the bundled sample article:
#   target/release/wxlint   the CLI
#   pkg/                    the npm package `wxlint` (ES module for browsers and bundlers, with
#                           the editor plugins wxlint/prosemirror and wxlint/codemirror)
#   pkg-node/               the same for Node.js (CommonJS), used by tests/node/
#   dist/                   the browser extension packages (Chrome/Edge zip, Firefox zip)
# Installs the tools it needs first (scripts/ensure-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "tools"
source scripts/ensure-tools.sh

step "cargo build --release (the CLI)"
cargo build --release

step "wasm-pack build --release --target web --out-dir pkg (the npm package)"
wasm-pack build --release --target web --out-dir pkg

step "the npm package's editor plugins: wxlint/prosemirror, wxlint/codemirror (scripts/npm-extras.mjs)"
node scripts/npm-extras.mjs pkg

step "wasm-pack build --release --target nodejs --out-dir pkg-node"
wasm-pack build --release --target nodejs --out-dir pkg-node

raw=$(wc -c < pkg/wxlint_bg.wasm)
gz=$(gzip -9 -c pkg/wxlint_bg.wasm | wc -c)
echo "pkg/wxlint_bg.wasm: $raw bytes, $gz bytes gzipped"

step "browser extension: dist/wxlint-chrome.zip, dist/wxlint-firefox.zip (web-ext lint)"
bash scripts/package-extension.sh

sample=examples/sample-article.html
step "target/release/wxlint check $sample"
if [ ! -f "$sample" ]; then
    echo "build.sh: $sample is missing" >&2
    exit 1
fi
# Exit 1 means the checker found a problem that must be fixed: expected for the sample.
# Exit 2 (or anything else) means the CLI itself failed.
status=0
target/release/wxlint check "$sample" || status=$?
case "$status" in
    0) echo "build.sh: the CLI found nothing to fix in the sample (exit 0)" ;;
    1) echo "build.sh: the CLI found problems that must be fixed in the sample (exit 1, expected)" ;;
    *) echo "build.sh: the CLI failed with exit code $status" >&2; exit "$status" ;;
esac

step "done"
echo "CLI:         target/release/wxlint"
echo "npm package: pkg/ (web), pkg-node/ (Node.js)"
echo "extension:   the repository root (unpacked), dist/wxlint-chrome.zip, dist/wxlint-firefox.zip"
