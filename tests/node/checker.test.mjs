// JS tests of the built npm packages: pkg-node/ (wasm-pack --target nodejs) and, when built,
// pkg/ (--target web, the published package). Run: node --test tests/node/
// (scripts/test.sh builds both packages first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const nodePkg = join(root, 'pkg-node', 'wxlint.js');
if (!existsSync(nodePkg)) {
  throw new Error('pkg-node/ is not built: run `wasm-pack build --release --target nodejs --out-dir pkg-node`');
}
const { Checker, version } = require(nodePkg);

const fixtures = join(root, 'tests', 'fixtures', 'cli');
const fixture = (name) => join(fixtures, name);

/** The text a finding points into. */
function fieldText(article, f) {
  if (f.field !== 'body') return article[f.field];
  const block = article.blocks[f.block];
  return block.type === 'text' ? block.text : block.caption;
}

/** Every finding with a span: text.slice(start, end) === finding.text. */
function assertOffsets(article, findings) {
  for (const f of findings) {
    assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end) && f.start <= f.end, JSON.stringify(f));
    if (f.start !== f.end) {
      assert.equal(fieldText(article, f).slice(f.start, f.end), f.text, JSON.stringify(f));
    }
  }
}

/** An article from a plain-text fixture: first line the title, other non-empty lines paragraphs. */
function articleFromText(text) {
  const [title, ...rest] = text.split('\n');
  return {
    title,
    blocks: rest.filter((l) => l.trim() !== '').map((text) => ({ type: 'text', text })),
  };
}

test('version and construction', () => {
  assert.match(version(), /^\d+\.\d+\.\d+/);
  for (const config of [undefined, null, {}, { rules: { 'image-caption': 'off' } }]) {
    const c = new Checker(config);
    assert.ok(Array.isArray(c.check({ title: '标题', blocks: [] })));
    c.free();
  }
  assert.ok(Array.isArray(new Checker().check({})));
});

test('a title, author or digest left out (or null) is not known: nothing is reported about it; an empty string is checked', () => {
  const c = new Checker({ rules: { 'author-length': { max: 2 } } });
  const body = [{ type: 'text', text: '在线赌场' }];
  const fields = (article) => c.check(article).filter((f) => f.field !== 'body').map((f) => `${f.field}:${f.rule}`);
  // Left out (the extension leaves out a field it did not recognise on the page).
  assert.deepEqual(fields({ blocks: body }), []);
  assert.deepEqual(fields({ title: null, author: null, digest: null, blocks: body }), []);
  assert.deepEqual(fields({ title: undefined, blocks: body }), []);
  // Known and empty: 标题不能为空.
  assert.deepEqual(fields({ title: '', blocks: body }), ['title:title-length']);
  // Known fields are checked as before; the body is checked either way.
  assert.deepEqual(fields({ title: '标题', author: '某某县教育局', blocks: body }), ['author:author-length']);
  assert.ok(c.check({ blocks: body }).some((f) => f.field === 'body' && f.rule === 'prohibited'));
  assert.ok(c.check({}).every((f) => f.field === 'body'));
  c.free();
});

test('UTF-16 offsets match JS String.prototype.slice (emoji, zero-width char, traditional form)', () => {
  const article = {
    title: '😀网上賭場',
    author: '张三',
    blocks: [
      { type: 'text', text: '😀欢迎来到网上\u200b赌场代理' },
      { type: 'image', src: 'a.png', width: 1080, height: 608, caption: null },
    ],
  };
  const findings = new Checker().check(article);
  const hits = findings.filter((f) => f.rule === 'prohibited');
  assert.equal(hits.length, 2, JSON.stringify(findings));
  assert.deepEqual(
    [hits[0].field, hits[0].start, hits[0].end, hits[0].text],
    ['title', 2, 6, '网上賭場'],
  );
  assert.deepEqual(
    [hits[1].field, hits[1].block, hits[1].start, hits[1].end, hits[1].text, hits[1].category],
    ['body', 0, 6, 11, '网上\u200b赌场', 'gambling'],
  );
  assert.equal(article.blocks[0].text.slice(hits[1].start, hits[1].end), hits[1].text);
  assertOffsets(article, findings);
  // Plain data: survives a JSON round trip unchanged, and absent options are absent keys.
  assert.deepEqual(JSON.parse(JSON.stringify(findings)), findings);
  assert.ok(!('block' in hits[0]) && !('suggestion' in hits[0]));
});

test('coined obscene compounds: found through WASM at exact UTF-16 offsets, off by option', () => {
  const article = {
    title: '标题',
    author: '',
    blocks: [{ type: 'text', text: '😀\u200b最新美女蜜\u200b穴图，按揉四白穴，騷比' }],
  };
  const coined = (c) => c.check(article).filter((f) => f.rule === 'prohibited' && f.message.includes('生造词'));
  const found = coined(new Checker());
  assert.deepEqual(found.map((f) => [f.text, f.severity, f.category]), [
    ['蜜\u200b穴图', 'review', 'pornography'],
    ['騷比', 'review', 'pornography'],
  ]);
  assertOffsets(article, found);
  assert.deepEqual(coined(new Checker({ rules: { prohibited: { compounds: false } } })), []);
});

const cliFixtures = ['lexicon-block.txt', 'flagged.txt', 'clean.txt'].every((f) => existsSync(fixture(f)));
test('fixture: a user lexicon and a flagged article', { skip: !cliFixtures && 'no tests/fixtures/cli' }, () => {
  const c = new Checker();
  const stats = c.loadLexicon(readFileSync(fixture('lexicon-block.txt'), 'utf8'), null, 'cli-test');
  assert.ok(stats.entries >= 1 && stats.total >= stats.entries, JSON.stringify(stats));
  assert.deepEqual(c.lexiconNames(), ['cli-test']);
  const flagged = articleFromText(readFileSync(fixture('flagged.txt'), 'utf8'));
  const findings = c.check(flagged);
  assertOffsets(flagged, findings);
  const hit = findings.find((f) => f.rule === 'prohibited' && f.category === 'cli-test');
  assert.ok(hit, JSON.stringify(findings));
  assert.equal(hit.severity, 'block');
  assert.ok(hit.suggestion, 'the entry has a suggestion');
  const clean = articleFromText(readFileSync(fixture('clean.txt'), 'utf8'));
  assert.deepEqual(c.check(clean).filter((f) => f.rule === 'prohibited'), []);
  assert.equal(c.removeLexicon('cli-test'), true);
  assert.equal(c.check(flagged).filter((f) => f.category === 'cli-test').length, 0);
});

test('loadLexicon: a malformed list throws an Error with line and source; the old list stays', () => {
  const c = new Checker({ builtinLexicon: false });
  assert.deepEqual(c.loadLexicon('赌球\n', 'gambling', 'mine'), { entries: 1, allowed: 0, total: 1 });
  const article = { title: '标题', blocks: [{ type: 'text', text: '赌球和网赌' }] };
  assert.throws(
    () => c.loadLexicon('# list\n网赌\n@severity extreme\n', undefined, 'mine'),
    (e) => {
      assert.ok(e instanceof Error);
      assert.equal(e.line, 3);
      assert.equal(e.source, 'mine');
      assert.match(e.message, /词库 mine 第 3 行/);
      assert.match(e.message, /unknown severity 'extreme'/);
      return true;
    },
  );
  const hits = c.check(article).filter((f) => f.rule === 'prohibited');
  assert.deepEqual(hits.map((f) => f.text), ['赌球']);
  assert.deepEqual(c.lexiconNames(), ['mine']);
  if (existsSync(fixture('lexicon-bad.txt'))) {
    assert.throws(
      () => c.loadLexicon(readFileSync(fixture('lexicon-bad.txt'), 'utf8'), null, 'bad.txt'),
      (e) => e instanceof Error && Number.isInteger(e.line) && e.line > 0 && e.source === 'bad.txt',
    );
    assert.deepEqual(c.lexiconNames(), ['mine']);
  }
});

test('loadLexicons: one batch, all or nothing, the failing list named by index', () => {
  const c = new Checker({ builtinLexicon: false });
  // One term a paragraph: three together would be one spam-chain finding.
  const article = { title: '标题', blocks: ['他说赌球。', '还有网赌。', '代开发票，微信联系。'].map((text) => ({ type: 'text', text })) };
  assert.throws(
    () => c.loadLexicons([{ text: '赌球', category: 'gambling', name: 'one' }, { text: '网赌\n@bad', name: 'two' }]),
    (e) => e instanceof Error && e.line === 2 && e.source === 'two' && e.index === 1,
  );
  assert.deepEqual(c.lexiconNames(), []);
  assert.deepEqual(c.check(article).filter((f) => f.rule === 'prohibited'), []);
  const stats = c.loadLexicons([
    { text: '赌球', category: 'gambling', name: 'one' },
    { text: '网赌\n代开发票', category: 'gambling', name: 'two' },
  ]);
  assert.deepEqual(stats, [{ entries: 1, allowed: 0, total: 3 }, { entries: 2, allowed: 0, total: 3 }]);
  assert.deepEqual(c.lexiconNames(), ['one', 'two']);
  assert.deepEqual(c.check(article).filter((f) => f.rule === 'prohibited').map((f) => f.text), ['赌球', '网赌', '代开发票']);
  for (const bad of [42, {}, [42], [{}], [{ text: 1 }], [{ text: 'x', name: 3 }]]) {
    assert.throws(() => c.loadLexicons(bad), TypeError, JSON.stringify(bad));
  }
  assert.deepEqual(c.lexiconNames(), ['one', 'two']);
  // With the built-in lexicon the user lists are compiled alone over it: a user entry
  // redefines a built-in one and the built-in lexicon's other entries stay.
  const b = new Checker();
  const before = b.check(article).filter((f) => f.rule === 'prohibited');
  b.loadLexicons([{ text: '代开发票|suggestion=找税务机关代开', category: 'fraud', name: 'mine' }]);
  const after = b.check(article).filter((f) => f.rule === 'prohibited');
  const invoice = after.find((f) => f.text === '代开发票');
  assert.ok(invoice && invoice.suggestion === '找税务机关代开', JSON.stringify(after));
  assert.ok(before.some((f) => f.text === '代开发票' && f.suggestion !== '找税务机关代开'), JSON.stringify(before));
  assert.equal(after.length, before.length, JSON.stringify({ before, after }));
});

test('configuration errors throw; setConfig keeps the old configuration on error', () => {
  assert.throws(() => new Checker({ rules: { 'no-such-rule': 'off' } }), /unknown rule 'no-such-rule'/);
  assert.throws(() => new Checker({ rulez: {} }), /unknown field `rulez`/);
  assert.throws(() => new Checker({ maxGap: 'x' }), (e) => e instanceof Error && /invalid configuration/.test(e.message));
  if (existsSync(fixture('config-unknown-rule.json'))) {
    const bad = JSON.parse(readFileSync(fixture('config-unknown-rule.json'), 'utf8'));
    assert.throws(() => new Checker(bad), Error);
  }
  const c = new Checker({ rules: { 'title-length': 'warn' } });
  assert.throws(() => c.setConfig({ rules: { 'title-length': { max: 'long' } } }), /must be a number/);
  const severity = () => c.check({ title: '' }).find((f) => f.rule === 'title-length').severity;
  assert.equal(severity(), 'warn');
  c.setConfig(null);
  assert.equal(severity(), 'block');
});

test('an invalid article throws a clear Error', () => {
  const c = new Checker();
  assert.throws(() => c.check({ blocks: [{ text: 'no type' }] }), /^TypeError: invalid article: `blocks\[0\]`: missing field `type`/);
  assert.throws(() => c.check({ title: 5 }), /invalid article/);
});

test('wrong argument types throw TypeErrors, and the checker keeps working', () => {
  const c = new Checker({ builtinLexicon: false });
  for (const call of [() => c.loadLexicon(42), () => c.loadLexicon({}), () => c.removeLexicon(5), () => c.check(42), () => c.check(null)]) {
    assert.throws(call, TypeError);
  }
  const deep = {};
  let d = deep;
  for (let i = 0; i < 100000; i++) d = d.d = {};
  assert.throws(() => c.setConfig({ rules: { 'title-length': deep } }), RangeError);
  const cyclic = { title: '' };
  cyclic.self = cyclic;
  assert.equal(c.check(cyclic).filter((f) => f.rule === 'title-length').length, 1);
  assert.equal(c.loadLexicon('赌球').entries, 1);
  assert.deepEqual(c.lexiconNames(), ['custom']);
  assert.equal(c.check({ title: '标题', blocks: [{ type: 'text', text: '赌球' }] }).filter((f) => f.rule === 'prohibited').length, 1);
  c.free();
});

test('5,000 checkers that were never freed do not exhaust the module (the built-in lexicon is shared)', () => {
  // Issue 12 found ~1,000 unfreed checkers exhausting the 4 GB address space (4.1 MB each).
  // The generated JS also frees a collected Checker (FinalizationRegistry); this test does not
  // rely on a collection, it keeps every checker alive.
  const article = { title: '运动会', blocks: [{ type: 'text', text: '本届运动会圆满结束，网上赌场。'.repeat(20) }] };
  const expected = JSON.stringify(new Checker().check(article));
  assert.ok(JSON.parse(expected).some((f) => f.rule === 'prohibited'), expected);
  const kept = [];
  for (let i = 0; i < 5000; i++) {
    const c = new Checker();
    if (i % 500 === 0) assert.equal(JSON.stringify(c.check(article)), expected, `checker ${i}`);
    kept.push(c);
  }
  assert.equal(JSON.stringify(kept[4999].check(article)), expected);
  assert.equal(JSON.stringify(new Checker().check(article)), expected);
  assert.equal(typeof version(), 'string');
  for (const c of kept) c.free();
});

test('lone surrogates: finding.text is exactly the slice of the input', () => {
  const article = { title: '\uD800网上赌场\uDC00', blocks: [{ type: 'text', text: '欢迎来到网上\uD800赌场代理，xx\uDFFF镇' }] };
  // The engine is asked (String.prototype.isWellFormed, once per string) …
  const own = Object.getOwnPropertyDescriptor(String.prototype, 'isWellFormed');
  assert.ok(own, 'this Node has isWellFormed');
  let asked = 0;
  Object.defineProperty(String.prototype, 'isWellFormed', { ...own, value() { asked++; return own.value.call(this); } });
  let findings;
  try {
    findings = new Checker().check(article);
  } finally {
    Object.defineProperty(String.prototype, 'isWellFormed', own);
  }
  assert.equal(asked, 2, 'the title and the block');
  assert.ok(findings.some((f) => /[\uD800-\uDFFF]/.test(f.text)), JSON.stringify(findings));
  assertOffsets(article, findings);
  // … and an engine without it (before ES2024) gives the same findings, by the fallback that
  // examines the copied text.
  delete String.prototype.isWellFormed;
  try {
    assert.deepEqual(new Checker().check(article), findings);
  } finally {
    Object.defineProperty(String.prototype, 'isWellFormed', own);
  }
});

test('Checker.rules() lists every rule with metadata', () => {
  const rules = Checker.rules();
  const ids = rules.map((r) => r.id);
  for (const id of ['prohibited', 'title-length', 'image-caption', 'author-length', 'digest-length']) {
    assert.ok(ids.includes(id), `${id} in ${ids}`);
  }
  for (const r of rules) {
    assert.equal(typeof r.nameZh, 'string');
    assert.ok(['block', 'review', 'warn', 'info'].includes(r.defaultSeverity));
    assert.ok(Array.isArray(r.options));
  }
});

test('TypeScript declarations are typed, not any', () => {
  const files = [join(root, 'pkg-node', 'wxlint.d.ts'), join(root, 'pkg', 'wxlint.d.ts')].filter(existsSync);
  assert.ok(files.length >= 1);
  for (const file of files) {
    const dts = readFileSync(file, 'utf8');
    for (const decl of [
      'export interface Article {',
      'export interface TextBlock {',
      'export interface ImageBlock {',
      'export interface TextStyle {',
      'export interface Finding {',
      'export interface Config {',
      'export interface RuleMeta {',
      'export interface LoadStats {',
      'export type Severity = "block" | "review" | "warn" | "info";',
      'export type Field = "title" | "author" | "digest" | "body";',
      'constructor(config?: Config | null);',
      'check(article: Article): Finding[];',
      'loadLexicon(text: string, category?: string | null, name?: string | null): LoadStats;',
      'loadLexicons(lists: LexiconSource[]): LoadStats[];',
      'removeLexicon(name: string): boolean;',
      'setConfig(config?: Config | null): void;',
      'lexiconNames(): string[];',
      'static rules(): RuleMeta[];',
      'export function version(): string;',
    ]) {
      assert.ok(dts.includes(decl), `${file} lacks: ${decl}`);
    }
    const klass = dts
      .slice(dts.indexOf('export class Checker'), dts.indexOf('export function version'))
      .replace(/\/\*[\s\S]*?\*\//g, ''); // without the doc comments
    assert.doesNotMatch(klass, /\bany\b/, `${file}: the Checker class has an 'any'`);
  }
});

test('the web package (pkg/) loads in Node with initSync', { skip: !existsSync(join(root, 'pkg', 'wxlint.js')) }, async () => {
  const web = await import(join(root, 'pkg', 'wxlint.js'));
  web.initSync({ module: readFileSync(join(root, 'pkg', 'wxlint_bg.wasm')) });
  const findings = new web.Checker().check({ title: '', blocks: [{ type: 'text', text: '在线赌场' }] });
  assert.deepEqual(findings.map((f) => f.rule).sort(), ['prohibited', 'title-length']);
  assert.equal(web.version(), version());
});
