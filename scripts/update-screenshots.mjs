// Copies the screenshots the end-to-end tests took (target/e2e-screenshots/*.jpg) that the README
// shows into docs/screenshots/. Run after `node --test tests/e2e/`:
//   node scripts/update-screenshots.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.join(root, 'target/e2e-screenshots');
const to = path.join(root, 'docs/screenshots');
const SHOWN = ['panel-1280', 'panel-1024', 'panel-1280-zoom150', 'review-sheet', 'xiumi', 'e135', 'selection', 'plugin-prosemirror', 'plugin-codemirror'];
fs.mkdirSync(to, { recursive: true });
const missing = [];
for (const name of SHOWN) {
  const src = path.join(from, `${name}.jpg`);
  if (!fs.existsSync(src)) { missing.push(name); continue; }
  fs.copyFileSync(src, path.join(to, `${name}.jpg`));
}
console.log(`update-screenshots: ${SHOWN.length - missing.length} copied to docs/screenshots/${missing.length ? `; missing (run the e2e tests first): ${missing.join(', ')}` : ''}`);
process.exitCode = missing.length ? 1 : 0;
