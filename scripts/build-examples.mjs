// Builds the editor-plugin demo pages (examples/*.html + examples/*-demo.js) into
// target/examples/: each demo bundled with esbuild (ProseMirror, TipTap and CodeMirror come from
// the npm dev dependencies), `wxlint` resolved to the built package in pkg/ (run
// scripts/npm-extras.mjs after wasm-pack first), the WASM file copied next to the bundles.
// Serve target/examples/ with any static server to try them. Used by tests/e2e/plugins.test.mjs
// and bench/plugins-latency.mjs.
//
//   node scripts/build-examples.mjs
import esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'target', 'examples');
const pkg = path.join(root, 'pkg');

export async function buildExamples() {
  for (const f of ['wxlint.js', 'wxlint_bg.wasm', 'prosemirror.js', 'codemirror.js']) {
    if (!fs.existsSync(path.join(pkg, f))) throw new Error(`build-examples: pkg/${f} is missing: build pkg/ and run node scripts/npm-extras.mjs`);
  }
  fs.mkdirSync(out, { recursive: true });
  // `wxlint` and `wxlint/<entry>` are the package in pkg/, as a user's bundler would find them.
  const wxlint = {
    name: 'wxlint-pkg',
    setup(build) {
      build.onResolve({ filter: /^wxlint(\/[\w-]+)?$/ }, (args) => {
        const sub = args.path.slice('wxlint'.length).replace(/^\//, '');
        return { path: path.join(pkg, `${sub || 'wxlint'}.js`) };
      });
    },
  };
  const demos = fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('-demo.js'));
  await esbuild.build({
    entryPoints: demos.map((f) => path.join(root, 'examples', f)),
    outdir: out,
    entryNames: '[name].bundle',
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: false,
    sourcemap: false,
    logLevel: 'warning',
    plugins: [wxlint],
  });
  for (const f of fs.readdirSync(path.join(root, 'examples')).filter((x) => x.endsWith('.html') && x !== 'sample-article.html')) {
    fs.copyFileSync(path.join(root, 'examples', f), path.join(out, f));
  }
  fs.copyFileSync(path.join(pkg, 'wxlint_bg.wasm'), path.join(out, 'wxlint_bg.wasm'));
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildExamples().then((dir) => console.log(`build-examples: ${path.relative(root, dir)}`), (e) => { console.error(e.message || e); process.exit(1); });
}
