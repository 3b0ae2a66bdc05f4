// End-to-end test of `wxlint report`: the HTML report of tests/fixtures/report opens in headless
// Chromium (Debian's /usr/bin/chromium, driven by playwright-core) without console or page
// errors and without loading anything, shows the summary and the highlighted matches, and its
// anchors work. Saves screenshots for a look by eye (screen and A4 print layouts):
// target/report-screenshot.png and target/report-print.png. A second test opens the report of
// tests/fixtures/health (saved articles of several accounts and statistics exports), checks that
// each chart has one bar per week of its table and that weeks under the minimum are told apart by
// pattern, not colour, and keeps screenshots of the charts: target/report-cadence.png,
// target/report-feedback.png, and the print layout in greys, target/report-charts-print-bw.png.
//
// The binary: $WXLINT_BIN, else the newest of <target>/release/wxlint and <target>/debug/wxlint
// that knows `report` (<target> is $CARGO_TARGET_DIR or ./target), else `cargo build -q` first.
// Chinese text in the screenshots needs a CJK font (Debian: fonts-wqy-microhei).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = 'tests/fixtures/report';
const CHROMIUM = process.env.WXLINT_CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = Number(process.env.WXLINT_E2E_TIMEOUT || 30_000);
const EXE = process.platform === 'win32' ? 'wxlint.exe' : 'wxlint';
const EXTENSIONS = ['.html', '.htm', '.md', '.markdown', '.txt'];

function knowsReport(bin) {
  return spawnSync(bin, ['report', '--help'], { encoding: 'utf8' }).status === 0;
}

function findBinary() {
  if (process.env.WXLINT_BIN) return process.env.WXLINT_BIN;
  const targetDir = path.resolve(ROOT, process.env.CARGO_TARGET_DIR || 'target');
  const found = ['release', 'debug']
    .map((profile) => path.join(targetDir, profile, EXE))
    .filter((p) => fs.existsSync(p) && knowsReport(p))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (found.length > 0) return found[0];
  const build = spawnSync('cargo', ['build', '-q', '--bin', 'wxlint'], { cwd: ROOT, stdio: 'inherit' });
  assert.equal(build.status, 0, 'cargo build failed');
  return path.join(targetDir, 'debug', EXE);
}

/** The fixture files the report should have read as articles: what `report` looks for, minus the non-UTF-8 ones. */
function expectedArticles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...expectedArticles(p));
    else if (EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(p));
        out.push(p);
      } catch { /* listed as unreadable */ }
    }
  }
  return out;
}

let browser;
let tmp;
let bin;
before(async () => {
  bin = findBinary(); // may build: no timeout here
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wxlint-report-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    timeout: TIMEOUT,
  });
});
after(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('report: the HTML report opens cleanly in Chromium, with the summary, highlights and working anchors', { timeout: 4 * TIMEOUT }, async () => {
  const out = path.join(tmp, 'report.html');
  const run = spawnSync(bin, ['report', '--out', out, FIXTURES], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 1, `exit status (the fixtures have a block finding)\n${run.stderr}`);
  assert.match(run.stderr, /^报告已写入 .*report\.html：\d+ 篇文章，必须修改 \d+/);

  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  const requests = [];
  page.on('console', (msg) => { if (msg.type() === 'error' || msg.type() === 'warning') errors.push(`console.${msg.type()}: ${msg.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => { errors.push(`dialog: ${d.message()}`); await d.dismiss(); });
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(out).href;
  await page.goto(url, { waitUntil: 'load' });

  assert.deepEqual(errors, [], 'no console errors, page errors or dialogs');
  assert.deepEqual(requests, [url], 'the report loads nothing but itself');
  assert.equal(await page.title(), '公众号文章自查报告');

  // The summary: article count in the card, one row per article in the table, one section each.
  const n = expectedArticles(path.join(ROOT, FIXTURES)).length;
  assert.ok(n >= 5, `fixture articles: ${n}`);
  assert.equal((await page.locator('#n-articles').textContent()).trim(), String(n));
  assert.equal(await page.locator('#articles table tbody tr').count(), n);
  assert.equal(await page.locator('article.article').count(), n);
  const block = Number(await page.locator('#n-block').textContent());
  assert.ok(block > 0);
  assert.equal(await page.locator('#details tr.r-block').count(), block, 'one row per block finding');
  assert.ok(await page.locator('#details mark.m-block').count() > 0, 'block matches are highlighted');
  assert.ok(await page.locator('#unreadable').isVisible(), 'the unreadable file is listed');
  assert.match(await page.locator('#unreadable').textContent(), /gbk-notice\.txt[\s\S]*UTF-8/);

  // The title with <script> is text, not markup.
  assert.equal(await page.locator('script').count(), 0);
  assert.ok((await page.locator('#details .atitle').allTextContents()).some((t) => t.includes('<script>alert("xss")</script>')));

  // The first article link leads to its section.
  const link = page.locator('#articles tbody tr:first-child a');
  const target = await link.getAttribute('href');
  assert.equal(target, '#article-1');
  await link.click();
  await page.waitForFunction(() => location.hash === '#article-1');
  assert.ok(await page.locator('#article-1').isVisible());

  // Screenshots, for a look by eye.
  await page.evaluate(() => window.scrollTo(0, 0));
  const shot = path.join(ROOT, 'target', 'report-screenshot.png');
  fs.mkdirSync(path.dirname(shot), { recursive: true });
  await page.screenshot({ path: shot, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  const printShot = path.join(ROOT, 'target', 'report-print.png');
  await page.screenshot({ path: printShot, fullPage: true });
  assert.deepEqual(errors, []);
  console.log(`screenshot: ${shot}\nprint layout: ${printShot}`);
  await page.close();
});

test('report: account-health charts, one bar per week, readable in black and white', { timeout: 4 * TIMEOUT }, async () => {
  const out = path.join(tmp, 'health.html');
  const stats = [
    '--stats', '阳光小学=stats/sunshine-trend.xlsx', '--stats', '阳光小学=stats/sunshine-interactions.xls',
    '--stats', '柳河镇人民政府=stats/liuhe-notified.xls', '--stats', '柳河镇人民政府=stats/liuhe-interactions.csv',
    '--stats', 'stats/corrupt.xlsx',
  ];
  const run = spawnSync(bin, ['report', '--out', out, ...stats, 'articles'], {
    cwd: path.join(ROOT, 'tests/fixtures/health'), encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1775000000' },
  });
  assert.equal(run.status, 0, run.stderr);

  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  const requests = [];
  page.on('console', (msg) => { if (msg.type() === 'error' || msg.type() === 'warning') errors.push(`console.${msg.type()}: ${msg.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(out).href;
  await page.goto(url, { waitUntil: 'load' });
  assert.deepEqual(errors, []);
  assert.deepEqual(requests, [url], 'the charts load nothing');

  // Cadence: every account's chart has one bar per row of its week table, in the same order, drawn.
  const accounts = page.locator('#cadence .account-health');
  assert.equal(await accounts.count(), 3);
  for (let i = 0; i < 3; i++) {
    const account = accounts.nth(i);
    const weeks = await account.locator('table.weeks tbody tr').evaluateAll((rows) => rows.map((r) => [r.dataset.week, Number(r.dataset.count)]));
    const bars = await account.locator('svg.chart rect.bar').evaluateAll((rects) => rects.map((r) => {
      const box = r.getBoundingClientRect();
      return { key: r.dataset.key, value: Number(r.dataset.value), height: box.height, fill: r.getAttribute('fill') };
    }));
    assert.equal(bars.length, weeks.length, `account ${i + 1}: one bar per week`);
    assert.deepEqual(bars.map((b) => [b.key, b.value]), weeks);
    for (const b of bars) assert.equal(b.height > 0, b.value > 0, `${b.key}: a bar is drawn exactly when the week has posts`);
    // Under the minimum: a hatch pattern; otherwise a solid grey. Told apart without colour.
    const below = await account.locator('table.weeks tbody tr.below').evaluateAll((rows) => rows.map((r) => r.dataset.week));
    for (const b of bars) assert.equal(b.fill.startsWith('url(#'), below.includes(b.key), `${b.key} fill ${b.fill}`);
    assert.ok(await account.locator('svg.chart .reference').count() === 1, 'the minimum line');
    assert.match(await account.locator('.summary-line').textContent(), /^周期内共发布 \d+ 篇，周均 [\d.]+ 篇，不达标周 \d+ 个，最长间隔 \d+ 天$/);
  }
  // The hatch pattern really renders (the pattern element is found by the bars' url()).
  const patternOk = await page.evaluate(() => [...document.querySelectorAll('#cadence rect.bar')]
    .filter((r) => r.getAttribute('fill').startsWith('url(#'))
    .every((r) => document.getElementById(r.getAttribute('fill').slice(5, -1)) instanceof SVGPatternElement));
  assert.ok(patternOk);

  // Feedback: a reads chart with one bar per row of its table, and a rates chart, per account.
  const feedback = page.locator('#feedback .account-health');
  assert.equal(await feedback.count(), 2);
  for (let i = 0; i < 2; i++) {
    const block = feedback.nth(i);
    const rows = await block.locator('table.feedback-weeks tbody tr').evaluateAll((r) => r.map((x) => x.dataset.week));
    const bars = await block.locator(`svg#reads-${i + 1} rect.bar`).evaluateAll((r) => r.map((x) => x.dataset.key));
    assert.deepEqual(bars, rows);
    assert.ok(await block.locator(`svg#rates-${i + 1} path.line`).count() === 2, 'likes and comments as two lines');
  }
  assert.match(await page.locator('#feedback .stats-issues').textContent(), /liuhe-interactions\.csv 第 5 行“留言数”列/);

  // Screenshots of the charts, and the print layout in greys.
  fs.mkdirSync(path.join(ROOT, 'target'), { recursive: true });
  const cadenceShot = path.join(ROOT, 'target', 'report-cadence.png');
  const feedbackShot = path.join(ROOT, 'target', 'report-feedback.png');
  await page.locator('#cadence').screenshot({ path: cadenceShot });
  await page.locator('#feedback').screenshot({ path: feedbackShot });
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.addStyleTag({ content: 'html{filter:grayscale(1)}' });
  const bw = path.join(ROOT, 'target', 'report-charts-print-bw.png');
  await page.locator('#cadence .account-health').first().screenshot({ path: bw });
  assert.deepEqual(errors, []);
  console.log(`charts: ${cadenceShot}\n${feedbackShot}\nprint, greys: ${bw}`);
  await page.close();
});
