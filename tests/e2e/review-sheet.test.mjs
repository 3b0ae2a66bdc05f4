// End-to-end test of the review sheet (审核单): from the new-editor fixture (served at the real
// address with `script-src 'self'`) through 仍要发表 in the publish guard to the printable
// sheet the panel's 生成审核单 opens in a new tab. Saves a full-page screenshot of the sheet
// (target/review-sheet.png) and A4 PDFs as Chromium prints them (target/review-sheet*.pdf), whose
// pages are read back with pdftotext (poppler-utils): the running title and 第 N 页 / 共 M 页 on
// every page, and a last page that holds more than the footer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  launch, openEditor, waitFor, highlightTexts, guardDialog, markers, caretAtEnd, typeText, ROOT, TIMEOUT,
} from './harness.mjs';

const BODY = '.mock-iframe-body .ProseMirror';
const LAST = '#wxlint-fixture-last';
const P2 = `${BODY} > p:nth-of-type(2)`;
const APPMSGID = 7373;
const REASON = '已报分管领导王主任审核同意：系禁毒宣传中引用的案例原文';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** The article as the page has it, read from the main world without the extension's help. */
async function pageArticle(page) {
  return page.evaluate((bodySel) => {
    const visible = /[^\s\u200B-\u200D\u2060\uFEFF]/;
    const title = document.querySelector('.title-editor__input .ProseMirror').textContent;
    const author = document.querySelector('input#author').value;
    const digest = document.querySelector('textarea#js_description').value;
    const body = document.querySelector(bodySel);
    const blocks = [...body.querySelectorAll('p')].map((p) => {
      const c = p.cloneNode(true);
      c.querySelectorAll('.ProseMirror-widget, .ProseMirror-separator').forEach((x) => x.remove());
      return c.textContent;
    }).filter((text) => visible.test(text));
    const images = body.querySelectorAll('img:not(.ProseMirror-separator)').length;
    return { title, author, digest, blocks, images };
  }, BODY);
}

/** Everything the sheet shows, read from its DOM. */
async function readSheet(sheet) {
  return sheet.evaluate(() => {
    const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : null);
    const rows = (sel) => [...document.querySelectorAll(sel)].map((tr) => ({
      rule: tr.dataset.rule,
      severity: tr.dataset.severity,
      state: tr.dataset.state,
      cells: [...tr.children].map((td) => text(td)),
      mark: text(tr.querySelector('mark')),
      stateText: text(tr.querySelector('.state')),
      reason: text(tr.querySelector('.reason')),
    }));
    return {
      docTitle: document.title,
      heading: text(document.querySelector('h1')),
      account: text(document.getElementById('account')),
      date: text(document.getElementById('date')),
      title: text(document.getElementById('title')),
      author: text(document.getElementById('author')),
      digest: text(document.getElementById('digest')),
      checkedAt: text(document.getElementById('checked-at')),
      chars: text(document.getElementById('chars')),
      images: text(document.getElementById('images')),
      fingerprint: text(document.getElementById('fingerprint')),
      fingerprintRow: text(document.getElementById('fingerprint')?.parentElement),
      summary: text(document.getElementById('summary')),
      findings: rows('#findings tbody tr'),
      review: rows('#review tbody tr'),
      reviewNone: text(document.getElementById('review-none')),
      signatureHead: [...document.querySelectorAll('#signatures thead th')].map(text),
      signatures: [...document.querySelectorAll('#signatures tbody tr')].map((tr) => ({
        group: tr.dataset.group,
        stage: text(tr.querySelector('th[scope="row"]:not(.group)')),
        cells: [...tr.querySelectorAll('td')].map(text),
      })),
      records: [...document.querySelectorAll('#records li')].map(text),
      footer: text(document.querySelector('footer')),
      sheetWidth: document.getElementById('sheet').getBoundingClientRect().width,
      printDisabled: document.getElementById('print').disabled,
    };
  });
}

/** The text of each page of a PDF (pdftotext, one call per page). */
function pdfPages(file) {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const n = Number((info.match(/^Pages:\s+(\d+)/m) || [])[1]);
  assert.ok(n >= 1, info);
  return Array.from({ length: n }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], { encoding: 'utf8' }));
}

/** Every page has the running title and its number; the last one is not the footer alone. */
function checkPages(file, title) {
  const pages = pdfPages(file);
  const squash = (x) => x.replace(/\s+/g, '');
  pages.forEach((text, i) => {
    assert.ok(squash(text).includes(squash(`审核单：${title}`.slice(0, 40))), `page ${i + 1} has the running title:\n${text}`);
    assert.ok(squash(text).includes(`第${i + 1}页/共${pages.length}页`), `page ${i + 1} has its number:\n${text}`);
  });
  const lastPage = squash(pages[pages.length - 1]);
  assert.ok(lastPage.includes('终审') && lastPage.includes('本单由wxlint'), `the signatures and the footer end the sheet together:\n${pages[pages.length - 1]}`);
  return pages;
}

test('review sheet: 仍要发表 with a reason, then 生成审核单 opens a printable sheet with the findings, their states, the sign-off items, the signature rows and the text fingerprint', async () => {
  // A saved article (appmsgid) whose image-caption finding the user ignored earlier.
  const sw = await env.serviceWorker();
  await sw.evaluate(async (key) => {
    await chrome.storage.local.set({ 'wxlint.ignored': { [key]: ['image-caption\u0001body\u0001'] } });
  }, `appmsgid:${APPMSGID}`);
  const page = await openEditor(env, 'prosemirror', { appmsgid: APPMSGID });

  // A word found by one check and deleted again: 已修改 on the sheet.
  await caretAtEnd(page, P2);
  await typeText(page, '有人代购大麻');
  await waitFor(async () => (await highlightTexts(page, 'wxlint-block')).includes('代购大麻'), { message: 'the first word highlighted' });
  for (let i = 0; i < 6; i += 1) await page.keyboard.press('Backspace');
  await waitFor(async () => !(await highlightTexts(page, 'wxlint-block')).includes('代购大麻'), { message: 'the deleted word to lose its highlight' });

  // A prohibited word (block) and a sign-off topic (review); an emoji so that characters ≠ UTF-16 units.
  await caretAtEnd(page, LAST);
  await typeText(page, '。出售冰毒👍，召开党委会议');
  await waitFor(async () => (await highlightTexts(page, 'wxlint-block')).includes('出售冰毒')
    && (await highlightTexts(page, 'wxlint-review')).includes('党委会议'), { message: 'the block and review highlights' });

  // 发表 → the guard's dialog → a reason → 仍要发表.
  await page.click('#js_send');
  await waitFor(async () => { const d = await guardDialog(page); return d && !d.waiting; }, { message: 'the guard dialog' });
  const dialog = page.locator('#wxlint-extension-root .dialog');
  await dialog.locator('textarea.reason').fill(REASON);
  await dialog.locator('button.publish').click();
  await waitFor(async () => (await markers(page)).sendClicks === 1, { message: 'the publish click to reach the page' });
  await page.locator('.new_mass_send_dialog .weui-desktop-btn_primary').click();
  await page.locator('.double_check_dialog .weui-desktop-btn_primary').click();
  await waitFor(async () => (await markers(page)).published === 1, { message: '继续发表 to reach the page' });
  // The record is settled as published once the flow's last dialog (the QR check) is gone.
  await waitFor(async () => {
    const all = await sw.evaluate(async () => (await chrome.storage.local.get('wxlint.overrides'))['wxlint.overrides']);
    return Object.values(all || {}).flat().some((r) => r.outcome === 'published');
  }, { message: 'the record settled as published' });

  // 生成审核单 in the panel opens the sheet in a new tab.
  const button = page.locator('#wxlint-extension-root .panel button.sheet');
  assert.equal((await button.textContent()).trim(), '生成审核单');
  const [sheet] = await Promise.all([
    env.context.waitForEvent('page', { timeout: TIMEOUT }),
    button.click(),
  ]);
  const sheetErrors = [];
  sheet.on('pageerror', (e) => sheetErrors.push(String(e)));
  await sheet.waitForLoadState('load');
  assert.equal(sheet.url().split('?')[0], env.extensionUrl('extension/review-sheet.html'));
  await sheet.waitForFunction(() => ['ready', 'missing'].includes(document.documentElement.dataset.state), null, { timeout: TIMEOUT });
  await sheet.setViewportSize({ width: 1000, height: 1200 });
  const s = await readSheet(sheet);

  // The form and the article's data.
  assert.equal(s.heading, '公众号文章发布审核单');
  assert.equal(s.title, '柳河镇中心幼儿园举办“亲子阅读月”启动仪式');
  assert.equal(s.docTitle, '审核单 - 柳河镇中心幼儿园举办“亲子阅读月”启动仪式');
  assert.equal(s.author, '柳河幼儿园');
  assert.equal(s.account, '柳河镇中心幼儿园', 'the account name from the back end\'s header');
  assert.match(s.digest, /未填写/);
  assert.match(s.date, /^\d{4}年\d{1,2}月\d{1,2}日$/);
  assert.match(s.checkedAt, /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/);
  const art = await pageArticle(page);
  const chars = art.blocks.reduce((n, b) => n + Array.from(b.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')).length, 0);
  const units = art.blocks.reduce((n, b) => n + b.length, 0);
  assert.notEqual(chars, units, 'the fixture text has characters outside the BMP');
  assert.equal(s.chars, `${chars} 字`);
  assert.equal(s.images, `${art.images} 张`);
  assert.equal(art.images, 2);

  // The fingerprint: the first 16 hex digits of the SHA-256 of the canonical text, grouped by 4.
  assert.match(s.fingerprint, /^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
  const canonical = `${art.title}\n${art.author}\n${art.digest}\n${art.blocks.join('\n')}`;
  const expected = crypto.createHash('sha256').update(canonical, 'utf8').digest('hex');
  assert.equal(s.fingerprint.replace(/ /g, ''), expected.slice(0, 16));
  assert.match(s.fingerprintRow, /可用于核对打印稿与发布稿是否一致/);

  // Every finding with its rule, severity, text in context and state.
  const prohibited = s.findings.find((r) => r.rule === 'prohibited' && r.state !== 'fixed');
  assert.ok(prohibited, JSON.stringify(s.findings));
  assert.equal(prohibited.severity, 'block');
  assert.equal(prohibited.cells[1], '必须修改');
  assert.equal(prohibited.cells[2], '违禁内容');
  assert.equal(prohibited.cells[3], '正文第 6 段');
  assert.equal(prohibited.mark, '出售冰毒');
  assert.match(prohibited.cells[4], /中心幼儿园。出售冰毒👍，召开党委会议/, 'the text in its context');
  assert.equal(prohibited.state, 'override');
  assert.equal(prohibited.stateText, '仍要发表');
  // The one reason is written once, in the records; the item refers to it.
  assert.equal(prohibited.reason, '见“仍要发表”记录 1');
  assert.equal(s.records.length, 1);
  assert.match(s.records[0], new RegExp(`“出售冰毒”.*理由：${REASON}`));
  assert.doesNotMatch(s.records[0], /党委会议/, 'the sign-off finding is not part of the publish-anyway record');

  const fixed = s.findings.find((r) => r.state === 'fixed');
  assert.ok(fixed, 'the deleted word is listed as fixed');
  assert.equal(fixed.rule, 'prohibited');
  assert.equal(fixed.mark, '代购大麻');
  assert.equal(fixed.stateText, '已修改');

  const caption = s.findings.find((r) => r.rule === 'image-caption');
  assert.ok(caption, JSON.stringify(s.findings));
  assert.equal(caption.cells[1], '建议修改');
  assert.equal(caption.cells[2], '图片说明');
  assert.equal(caption.stateText, '已忽略');

  const signOff = s.findings.find((r) => r.rule === 'sign-off-topic');
  assert.ok(signOff, JSON.stringify(s.findings));
  assert.equal(signOff.cells[1], '需领导审核');
  assert.equal(signOff.state, 'open', 'a sign-off item is not "published anyway": it still needs the leader');
  assert.equal(signOff.stateText, '待领导审核');
  assert.equal(signOff.reason, null, 'the block finding\'s reason is not copied onto it');
  assert.match(s.summary, /必须修改 1 处，需领导审核 1 处/);
  assert.match(s.summary, /已修改 1 处/);

  // The sign-off items, with why they need the leader.
  assert.equal(s.reviewNone, null);
  assert.equal(s.review.length, 1, JSON.stringify(s.review));
  assert.equal(s.review[0].rule, 'sign-off-topic');
  assert.equal(s.review[0].mark, '党委会议');
  assert.match(s.review[0].cells[3], /分管领导审核/);
  assert.equal(s.review[0].stateText, '待领导审核');
  assert.equal(s.review[0].reason, null);

  // The signature table for 三审三校: 一校/二校/三校, 初审/复审/终审, and the publisher; each
  // with name, opinion, signature and date to fill in by hand.
  assert.deepEqual(s.signatureHead, ['审核环节', '姓名', '审核意见', '签字', '日期']);
  assert.deepEqual(s.signatures.map((r) => r.stage), ['一校', '二校', '三校', '初审（部门负责人）', '复审（分管领导）', '终审（单位主要负责人）', '发布（管理员）']);
  assert.deepEqual(s.signatures.map((r) => r.group), ['三校', '三校', '三校', '三审', '三审', '三审', '']);
  for (const r of s.signatures) assert.deepEqual(r.cells, ['', '', '', '']);
  assert.match(s.footer, /wxlint 0\.1\.0（检查器 \d+\.\d+\.\d+）/);
  assert.equal(s.printDisabled, false);

  // A4 on screen (210 mm at 96 dpi), and on paper: the print style hides the buttons.
  assert.ok(Math.abs(s.sheetWidth - (210 / 25.4) * 96) < 2, `sheet width ${s.sheetWidth}`);
  fs.mkdirSync(path.join(ROOT, 'target'), { recursive: true });
  const shot = path.join(ROOT, 'target/review-sheet.png');
  await sheet.screenshot({ path: shot, fullPage: true });
  fs.mkdirSync(path.join(ROOT, 'target/e2e-screenshots'), { recursive: true });
  await sheet.screenshot({ path: path.join(ROOT, 'target/e2e-screenshots/review-sheet.jpg'), type: 'jpeg', quality: 78 });
  console.log(`review sheet screenshot: ${shot}`);
  await sheet.emulateMedia({ media: 'print' });
  assert.equal(await sheet.evaluate(() => getComputedStyle(document.getElementById('toolbar')).display), 'none');
  const pdf = path.join(ROOT, 'target/review-sheet.pdf');
  await sheet.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const pdfText = fs.readFileSync(pdf, 'latin1');
  const box = pdfText.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  assert.ok(box, 'a page size in the PDF');
  assert.ok(Math.abs(Number(box[1]) - 595.3) < 2 && Math.abs(Number(box[2]) - 841.9) < 2, `A4 pages (${box[1]} × ${box[2]} pt)`);
  checkPages(pdf, s.title);
  console.log(`review sheet PDF: ${pdf}`);
  await sheet.emulateMedia({ media: 'screen' });

  // The data key was one-time: gone from storage, yet a reload of the sheet still shows it.
  const left = await sw.evaluate(async () => Object.keys(await (chrome.storage.session || chrome.storage.local).get(null)).filter((k) => k.startsWith('wxlint.sheet.')));
  assert.deepEqual(left, []);
  await sheet.reload();
  await sheet.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: TIMEOUT });
  assert.equal((await readSheet(sheet)).fingerprint, s.fingerprint);

  // Another tab with the same (spent) id: a clear message, no data.
  const stale = await env.context.newPage();
  await stale.goto(sheet.url());
  await stale.waitForFunction(() => document.documentElement.dataset.state === 'missing', null, { timeout: TIMEOUT });
  assert.match(await stale.locator('#missing').textContent(), /重新点击“生成审核单”/);
  await stale.close();

  assert.deepEqual(sheetErrors, []);
  assert.deepEqual(page.e2eErrors, []);
  await sheet.close();
  await page.close();
});

/**
 * The school article (record `appmsgid`) with its block findings drawn, 发表 clicked, and the guard
 * dialog switched to one reason per item: the page, the dialog, its reason fields and their count
 * (at least 5, one per block finding).
 */
async function guardWithPerItemReasons(appmsgid) {
  const page = await openEditor(env, 'prosemirror', { article: 'school', appmsgid });
  await waitFor(async () => (await highlightTexts(page, 'wxlint-block')).length >= 5, { message: 'the school article\'s block findings' });
  await page.click('#js_send');
  await waitFor(async () => { const d = await guardDialog(page); return d && !d.waiting; }, { message: 'the guard dialog' });
  const dialog = page.locator('#wxlint-extension-root .dialog');
  await dialog.locator('input.per-item').check();
  const own = dialog.locator('input.own-reason');
  const n = await own.count();
  assert.ok(n >= 5, `one field per block finding (${n})`);
  return { page, dialog, own, n };
}

/** Waits until the stored record of `appmsgid` is one 仍要发表 entry settled with `outcome`. */
async function settled(sw, appmsgid, outcome) {
  await waitFor(async () => {
    const all = await sw.evaluate(async () => (await chrome.storage.local.get('wxlint.overrides'))['wxlint.overrides']);
    const list = (all && all[`appmsgid:${appmsgid}`]) || [];
    return list.length === 1 && list[0].outcome === outcome;
  }, { message: `the record settled as ${outcome}` });
}

/** Opens the review sheet from the panel and waits until it is ready. */
async function openSheet(page) {
  const [sheet] = await Promise.all([
    env.context.waitForEvent('page', { timeout: TIMEOUT }),
    page.locator('#wxlint-extension-root .panel button.sheet').click(),
  ]);
  await sheet.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: TIMEOUT });
  return sheet;
}

test('review sheet: 仍要发表 with a reason for each item, really published: each item shows its own reason on the sheet itself', async () => {
  const sw = await env.serviceWorker();
  const { page, dialog, own, n } = await guardWithPerItemReasons(7375);
  /** The reason typed for each finding's text (the field's label: “text”的理由). */
  const reasons = new Map();
  for (let i = 0; i < n; i += 1) {
    const label = await own.nth(i).getAttribute('aria-label');
    const text = /^“(.*)”的理由$/.exec(label)[1];
    const reason = reasons.get(text) || `第 ${reasons.size + 1} 项已核实：${text}`;
    reasons.set(text, reason);
    await own.nth(i).fill(reason);
  }
  await dialog.locator('button.publish').click();
  await waitFor(async () => (await markers(page)).sendClicks === 1, { message: 'the publish click to reach the page' });
  await page.locator('.new_mass_send_dialog .weui-desktop-btn_primary').click();
  await page.locator('.double_check_dialog .weui-desktop-btn_primary').click();
  await waitFor(async () => (await markers(page)).published === 1, { message: '继续发表 to reach the page' });
  await settled(sw, 7375, 'published');

  const sheet = await openSheet(page);
  const s = await readSheet(sheet);
  const overridden = s.findings.filter((f) => f.state === 'override');
  assert.equal(overridden.length, n, `every block finding is 仍要发表 (${JSON.stringify(s.findings.map((f) => [f.mark, f.state]))})`);
  for (const f of overridden) {
    assert.equal(f.stateText, '仍要发表');
    const text = [...reasons.keys()].find((x) => x === f.mark || (x.endsWith('…') && f.mark.startsWith(x.slice(0, -1))));
    assert.ok(text, `a reason was typed for “${f.mark}”`);
    // Its own reason, on the item's row — not a reference to the record.
    assert.equal(f.reason, `理由：${reasons.get(text)}`, `“${f.mark}”`);
    assert.doesNotMatch(f.reason, /见“仍要发表”记录/);
  }
  // The record says the reasons were given item by item, without repeating them.
  assert.equal(s.records.length, 1);
  assert.match(s.records[0], /各项分别填写了理由/);
  await sheet.close();
  await page.close();
});

test('review sheet: a long article prints on several pages, each with the title and its number; 仍要发表 then 取消 in WeChat\'s own confirmation is not recorded as published', async () => {
  const sw = await env.serviceWorker();
  const { page, dialog, own, n } = await guardWithPerItemReasons(7374);
  for (let i = 0; i < n; i += 1) await own.nth(i).fill(`第 ${i + 1} 项已核实`);
  await dialog.locator('button.publish').click();
  await waitFor(async () => (await markers(page)).sendClicks === 1, { message: 'the click to reach the page' });
  await page.locator('.new_mass_send_dialog .weui-desktop-btn_primary').click();
  // WeChat's own double check: 取消.
  await page.locator('.double_check_dialog .weui-desktop-btn_default', { hasText: '取消' }).click();
  await settled(sw, 7374, 'cancelled');
  assert.equal((await markers(page)).published, 0, 'the page did not publish');

  const sheet = await openSheet(page);
  const s = await readSheet(sheet);
  assert.ok(s.findings.length >= 10, `the school article's findings (${s.findings.length})`);
  assert.deepEqual(s.findings.filter((f) => f.state === 'override'), [], 'nothing is "published anyway": WeChat\'s confirmation was cancelled');
  assert.deepEqual(s.records, []);
  assert.ok(s.findings.filter((f) => f.severity === 'block').every((f) => f.stateText === '未处理'));
  await sheet.emulateMedia({ media: 'print' });
  const pdf = path.join(ROOT, 'target/review-sheet-long.pdf');
  await sheet.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const pages = checkPages(pdf, s.title);
  assert.ok(pages.length >= 2, `several pages (${pages.length})`);
  console.log(`review sheet PDF (${pages.length} pages): ${pdf}`);
  await sheet.close();
  await page.close();
});
