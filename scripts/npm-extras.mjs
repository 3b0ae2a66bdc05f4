// Adds the editor plugins to the npm package wasm-pack generated in pkg/ (its package.json is
// rewritten by every `wasm-pack build`): copies npm/*.js and npm/*.d.ts into pkg/ and declares
// them as entry points (`wxlint/prosemirror`, `wxlint/codemirror`) with their optional peer
// dependencies. Run by scripts/build.sh and scripts/test.sh after `wasm-pack build --target web`.
//
//   node scripts/npm-extras.mjs [pkg-dir]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.resolve(process.argv[2] || path.join(root, 'pkg'));
const manifestPath = path.join(pkg, 'package.json');
if (!fs.existsSync(manifestPath)) {
  console.error(`npm-extras: ${manifestPath} is missing: run wasm-pack build --release --target web --out-dir pkg first`);
  process.exit(1);
}

const ENTRIES = ['prosemirror', 'codemirror'];
for (const name of ENTRIES) {
  for (const ext of ['js', 'd.ts']) fs.copyFileSync(path.join(root, 'npm', `${name}.${ext}`), path.join(pkg, `${name}.${ext}`));
}

const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const main = manifest.module || manifest.main || 'wxlint.js';
const types = manifest.types || 'wxlint.d.ts';
manifest.exports = {
  '.': { types: `./${types}`, default: `./${main}` },
  ...Object.fromEntries(ENTRIES.map((n) => [`./${n}`, { types: `./${n}.d.ts`, default: `./${n}.js` }])),
  './wxlint_bg.wasm': './wxlint_bg.wasm',
  './package.json': './package.json',
};
manifest.files = [...new Set([...(manifest.files || []), ...ENTRIES.flatMap((n) => [`${n}.js`, `${n}.d.ts`])])];
manifest.peerDependencies = {
  'prosemirror-state': '^1.4.0',
  'prosemirror-view': '^1.30.0',
  '@codemirror/lint': '^6.0.0',
  '@codemirror/state': '^6.0.0',
  '@codemirror/view': '^6.0.0',
};
manifest.peerDependenciesMeta = Object.fromEntries(Object.keys(manifest.peerDependencies).map((k) => [k, { optional: true }]));
fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`npm-extras: ${ENTRIES.map((n) => `wxlint/${n}`).join(', ')} added to ${path.relative(root, pkg) || pkg}`);
