// Benchmark of `wxlint report` on a large batch: 10,000 saved articles of 4 accounts over two
// years, and a year of daily statistics (the back end's data-trend export: every day × 8 channel
// rows), as in issue 13's floor ("10,000 articles and a year of daily statistics produce the
// report in under 2 s"). Not a test: prints the timings.
//
//   cargo build --release && node bench/report-bench.mjs [--runs 5] [--format html|json] [--md] [--keep]
//
// The inputs are generated deterministically (mulberry32, bench/data.mjs) into a temporary
// folder: saved published pages with the real page structure (title, #js_name, #js_content with
// 12 paragraphs of ~1,500 characters, 6 images with captions, and the `var ct` / `var nickname`
// script variables), ~7 KB each; with --md, Markdown files with front matter instead. The
// statistics are a CSV (366 days × 8 rows) and the same as an .xlsx is not generated here (no
// spreadsheet writer in the dev dependencies); the CSV path and the aggregation are what scale.
// Each run is the whole command (start-up, reading 10,000 files, checking, cadence, statistics,
// rendering, writing); the median and the spread of --runs runs are printed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from './data.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const RUNS = Number(opt('--runs', 5));
const FORMAT = opt('--format', 'html');
const MARKDOWN = args.includes('--md');
const ARTICLES = Number(opt('--articles', 10_000));
const BIN = process.env.WXLINT_BIN || path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'release', 'wxlint');

// Everyday sentences, and a few that the rules flag (a typo, a phone number, a sign-off topic),
// mixed in rarely: most articles of a real batch are clean or nearly so.
const SENTENCES = [
  '为进一步丰富校园文化生活，学校组织开展了系列主题活动。', '活动现场气氛热烈，同学们积极参与，展现了良好的精神风貌。',
  '校长在讲话中对全体师生提出了殷切希望。', '本次活动由德育处牵头，各年级组协同配合。', '家长代表也应邀参加并发表了感言。',
  '各村（社区）要压实责任，确保各项措施落到实处。', '工作人员耐心细致地为群众讲解相关政策。',
  '下一步，我们将继续完善工作机制，推动工作常态化。', '天气转暖，请广大家长加强对孩子的安全教育。',
  '本次检查共发现问题三处，已全部整改到位。', '学生们在老师的带领下认真学习消防知识。',
];
const FLAGGED = ['联系电话：13907381526。', '活动原那么上每月举办一次。', '镇党委、政府高度重视此项工作，多次召开专题会议研究部署。'];
const ACCOUNTS = ['阳光小学', '柳河镇人民政府', '城南中学', '县总工会'];

function paragraph(rng) {
  let p = '';
  while (p.length < 110) p += rng.below(200) === 0 ? FLAGGED[rng.below(FLAGGED.length)] : SENTENCES[rng.below(SENTENCES.length)];
  return p;
}

function page(rng, i, account, ts) {
  const title = `${account}第${i}期工作简报：${SENTENCES[rng.below(SENTENCES.length)].slice(0, 14)}`;
  const parts = [];
  for (let k = 0; k < 12; k++) {
    parts.push(`<p style="font-size: 15px;">${paragraph(rng)}</p>`);
    if (k % 2 === 1) {
      parts.push(`<p style="text-align:center"><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/bench${i}_${k}/640" data-w="1080" data-ratio="0.66"></p>`);
      parts.push('<p style="text-align:center;font-size:12px;color:rgb(136,136,136)">图为活动现场</p>');
    }
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title><meta property="og:title" content="${title}"></head>
<body id="activity-detail"><div id="img-content" class="rich_media_wrp"><h1 class="rich_media_title" id="activity-name">${title}</h1>
<div id="meta_content" class="rich_media_meta_list"><span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" id="js_name">${account}</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text"></em></div>
<div class="rich_media_content" id="js_content">${parts.join('\n')}</div></div>
<script type="text/javascript">var nickname = "${account}"; var ct = "${ts}"; var user_name = "gh_bench";</script></body></html>
`;
}

function markdown(rng, i, account, date) {
  const lines = ['---', `title: ${account}第${i}期工作简报`, `date: ${date}`, `account: ${account}`, '---', '', `# ${account}第${i}期工作简报`, ''];
  for (let k = 0; k < 12; k++) {
    lines.push(paragraph(rng), '');
    if (k % 2 === 1) lines.push(`![活动现场](https://mmbiz.qpic.cn/bench${i}_${k}/640)`, '', '*图为活动现场*', '');
  }
  return lines.join('\n');
}

function generate(dir) {
  const rng = new Rng(20260301);
  const start = Date.UTC(2024, 0, 1, 2, 0, 0) / 1000; // 10:00 Beijing
  let bytes = 0;
  for (let i = 0; i < ARTICLES; i++) {
    const account = ACCOUNTS[i % ACCOUNTS.length];
    // Two years of days, several articles a day per account, with holes.
    const day = Math.floor((i / ARTICLES) * 730) + (rng.below(3) === 0 ? 1 : 0);
    const ts = start + day * 86400 + rng.below(36000);
    const date = new Date((ts + 8 * 3600) * 1000).toISOString().slice(0, 10);
    const sub = path.join(dir, 'articles', account, date.slice(0, 7));
    fs.mkdirSync(sub, { recursive: true });
    const text = MARKDOWN ? markdown(rng, i, account, date) : page(rng, i, account, ts);
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(sub, `${String(i).padStart(5, '0')}.${MARKDOWN ? 'md' : 'html'}`), text);
  }
  // A year of daily statistics of the first account: every day, the 全部 row and 7 channels.
  const channels = ['全部', '公众号消息', '聊天会话', '朋友圈', '推荐', '搜一搜', '公众号主页', '其他'];
  const rows = ['日期,渠道,阅读次数,阅读人数,分享次数,分享人数,阅读原文次数,阅读原文人数,收藏次数,收藏人数,群发篇数'];
  for (let d = 0; d < 366; d++) {
    const date = new Date(Date.UTC(2025, 0, 1) + d * 86400_000).toISOString().slice(0, 10);
    for (const ch of channels) {
      const n = () => rng.below(300);
      rows.push([date, ch, n(), n(), n(), n(), n(), n(), n(), n(), ch === '全部' ? 1 + rng.below(3) : ''].join(','));
    }
  }
  fs.writeFileSync(path.join(dir, 'trend-2025.csv'), rows.join('\r\n') + '\r\n');
  return { bytes, statsRows: rows.length - 1 };
}

if (!fs.existsSync(BIN)) {
  console.error(`no release binary at ${BIN}: run cargo build --release first (or set WXLINT_BIN)`);
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxlint-report-bench-'));
try {
  const t0 = process.hrtime.bigint();
  const { bytes, statsRows } = generate(dir);
  const genMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const out = path.join(dir, FORMAT === 'json' ? 'report.json' : 'report.html');
  const cmd = ['report', '--format', FORMAT, '--out', out, '--stats', `阳光小学=${path.join(dir, 'trend-2025.csv')}`, path.join(dir, 'articles')];
  console.log(`inputs: ${ARTICLES} ${MARKDOWN ? 'Markdown files' : 'saved pages'} (${(bytes / 1e6).toFixed(1)} MB), ${statsRows} rows of daily statistics; generated in ${(genMs / 1000).toFixed(1)} s`);
  console.log(`command: ${path.relative(ROOT, BIN) || BIN} ${cmd.map((a) => (a.includes(' ') ? JSON.stringify(a) : a)).join(' ')}`);
  // One untimed run warms the file cache.
  const warm = spawnSync(BIN, cmd, { encoding: 'utf8' });
  if (warm.status !== 0 && warm.status !== 1) {
    console.error(warm.stderr);
    process.exit(2);
  }
  console.log(warm.stderr.trim());
  // The peer in the same run: `wxlint check --format json` on the same files (reading, extracting
  // and checking, one thread), interleaved with the report runs.
  const files = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else files.push(p); } };
  walk(path.join(dir, 'articles'));
  const check = ['check', '--format', 'json', ...files];
  const time = (argv) => {
    const s = process.hrtime.bigint();
    const run = spawnSync(BIN, argv, { encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - s) / 1e6;
    if (run.status !== 0 && run.status !== 1) throw new Error(run.stderr);
    return ms;
  };
  const times = [];
  const checks = [];
  for (let r = 0; r < RUNS; r++) {
    times.push(time(cmd));
    checks.push(time(check));
  }
  const stats = (t) => {
    const v = [...t].sort((a, b) => a - b);
    return { median: v[Math.floor(v.length / 2)], min: v[0], max: v[v.length - 1] };
  };
  const s = (x) => `${(x / 1000).toFixed(2)} s`;
  const rep = stats(times);
  const chk = stats(checks);
  console.log(`report size: ${(fs.statSync(out).size / 1e6).toFixed(1)} MB; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  console.log(`report: median ${s(rep.median)} (min ${s(rep.min)}, max ${s(rep.max)}) over ${RUNS} runs`);
  console.log(`check --format json, same files: median ${s(chk.median)} (min ${s(chk.min)}, max ${s(chk.max)})`);
  console.log(`report / check: ${(rep.median / chk.median).toFixed(2)}× (medians)`);
} finally {
  // --keep leaves the generated inputs for profiling (the folder is printed).
  if (args.includes('--keep')) console.log(`inputs kept in ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
