// Issue 12's floor, reported (not asserted): every input shape that once grew faster than its
// size, at about 1 MB, checked by the release CLI — wall time, CPU time and peak memory (RSS).
// The floor: under 1 s and under 200 MB on this machine for 1 MB of any shape.
//
//   cargo build --release && node bench/shapes.mjs [--mb 1] [--runs 3]
//
// A .txt file's first line is the title, the rest paragraphs (one per line).
// Each shape is generated into a temporary file (UTF-8, at least --mb MiB), then
// `wxlint check --format F FILE` runs under /usr/bin/time (GNU time: %e wall, %U+%S CPU, %M peak
// RSS in KB) --runs times; the best run is printed (the machine is shared). The exit status of
// the CLI is shown too (0 clean, 1 a block finding, 2 refused): none of these may crash (101) or
// be killed. tests/complexity.rs asserts the same shapes stay linear (a ratio of times, in CI).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const MB = Number(opt('--mb', 1));
const RUNS = Number(opt('--runs', 3));
const BIN = process.env.WXLINT_BIN || path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'release', 'wxlint');
const BYTES = Math.ceil(MB * 1024 * 1024);

if (!fs.existsSync(BIN)) throw new Error(`${BIN} is not built: run cargo build --release`);
if (!fs.existsSync('/usr/bin/time')) throw new Error('GNU time (/usr/bin/time) is needed for CPU time and peak RSS');

/** `unit(i)` repeated until the text has at least BYTES bytes (UTF-8). */
function repeat(unit, head = '', tail = '') {
  const parts = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; size < BYTES; i++) {
    const u = unit(i);
    parts.push(u);
    size += Buffer.byteLength(u);
  }
  parts.push(tail);
  return parts.join('');
}

const FILLER = '本届运动会圆满结束同学们积极参加各项比赛展现了良好风貌';
// [name, file extension, text, output format]
const SHAPES = [
  ['<li><dd>x repeated', 'html', () => repeat(() => '<li><dd>x', '<h1>题</h1>'), 'json'],
  ['<li><dd>x inside a Markdown HTML block', 'md', () => repeat(() => '<li><dd>x', '# 题\n\n<div>\n', '\n</div>\n'), 'json'],
  ['<div><b id=N></div> repeated', 'html', () => repeat((i) => `<div><b id=${i}></div>`, '<h1>题</h1>'), 'json'],
  ['distinct tag names past depth 512', 'html', () => repeat((i) => `<t${i}>字`, '<h1>题</h1>' + '<div>'.repeat(600)), 'json'],
  ['differently coloured spans in one paragraph', 'html', () => repeat((i) => `<span style="color:#${(i % 0xffffff).toString(16).padStart(6, '0')}">字</span>`, '<h1>题</h1><p>', '</p>'), 'json'],
  ['attributes on one element', 'html', () => repeat((i) => ` a${i}="v"`, '<h1>题</h1><p', '>正文</p>'), 'json'],
  ['500 nested <figure> around a long caption', 'html', () => '<h1>题</h1>' + '<figure><img src="a.png"><figcaption>'.repeat(500) + repeat(() => FILLER) + '</figcaption></figure>'.repeat(500), 'json'],
  ['placeholder: "x:" repeated', 'txt', () => repeat(() => 'x:', '题\n'), 'json'],
  ['placeholder: "x!!!!…"', 'txt', () => repeat(() => '!', '题\nx'), 'json'],
  ['placeholder: "(x)" repeated', 'txt', () => repeat(() => '(x)', '题\n'), 'json'],
  ['placeholder: "[x]" repeated', 'txt', () => repeat(() => '[x]', '题\n'), 'json'],
  ['banned term inside an allowed phrase, repeated (出口交付)', 'txt', () => repeat(() => '出口交付', '题\n'), 'json'],
  ['1,000 findings on one 1 MB line, text output', 'txt', () => repeat(() => '网上赌场' + FILLER.repeat(12), '题\n'), 'text'],
  ['1,000 findings on one 1 MB line, SARIF output', 'txt', () => repeat(() => '网上赌场' + FILLER.repeat(12), '题\n'), 'sarif'],
  ['30,000 findings on one line, text output', 'txt', () => repeat(() => '网上赌场，' + FILLER.slice(0, 6), '题\n'), 'text'],
  ['30,000 findings on one line, SARIF output', 'txt', () => repeat(() => '网上赌场，' + FILLER.slice(0, 6), '题\n'), 'sarif'],
  ['one paragraph, no markup (baseline)', 'txt', () => repeat(() => FILLER + '。', '题\n'), 'json'],
];

function measure(file, format) {
  let best = null;
  for (let r = 0; r < RUNS; r++) {
    const p = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', BIN, 'check', '--format', format, file], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const lines = p.stderr.trim().split('\n');
    const [wall, user, sys, rss] = lines[lines.length - 1].split(' ').map(Number);
    const m = { wall, cpu: user + sys, rssMb: rss / 1024, exit: p.status, findings: countFindings(p.stdout, format) };
    if (!best || m.wall < best.wall) best = m;
  }
  return best;
}

function countFindings(out, format) {
  if (format === 'json') {
    try { return JSON.parse(out).reduce((n, r) => n + r.findings.length, 0); } catch { return NaN; }
  }
  if (format === 'sarif') {
    try { return JSON.parse(out).runs[0].results.length; } catch { return NaN; }
  }
  return out.split('\n').filter((l) => /^\S+:\S+:\d+\s/.test(l)).length;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxlint-shapes-'));
try {
  console.log(`${BIN}, ${RUNS} runs each (best shown), inputs of at least ${MB} MiB`);
  console.log('| shape | input | output | wall s | CPU s | peak RSS MB | exit | findings |');
  console.log('|---|---|---|---|---|---|---|---|');
  let worst = { wall: 0, rssMb: 0 };
  for (const [name, ext, make, format] of SHAPES) {
    const file = path.join(dir, `shape.${ext}`);
    fs.writeFileSync(file, make());
    const size = fs.statSync(file).size;
    const m = measure(file, format);
    worst = { wall: Math.max(worst.wall, m.wall), rssMb: Math.max(worst.rssMb, m.rssMb) };
    console.log(`| ${name} | ${(size / 1048576).toFixed(2)} MiB .${ext} | ${format} | ${m.wall.toFixed(2)} | ${m.cpu.toFixed(2)} | ${m.rssMb.toFixed(0)} | ${m.exit} | ${m.findings} |`);
  }
  console.log(`\nworst: ${worst.wall.toFixed(2)} s wall, ${worst.rssMb.toFixed(0)} MB peak RSS (floor: 1 s, 200 MB)`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
