// Organisation-wide settings (storage.managed, extension/managed-schema.json) pushed by enterprise
// policy, in Debian's Chromium: a policy file in /etc/chromium/policies/managed/ for a copy of the
// extension staged at a unique path (so the policy names an extension id nothing else has; the
// file is removed afterwards). The policy's word list, allow-list and rule levels apply in the
// editor, and the options page shows them locked. A second policy (a second staged copy, its own
// id and policy file) sets only `configJson` (rule options, a level, a rule off, an allow-list)
// and `lockUserSettings`: the user's own rules, allow-list and word lists, though stored, are not
// used, and every setting on the options page is locked. Skipped, with the reason, where the
// policy directory cannot be written. (Firefox reads the same settings from a managed-storage manifest:
// tests/e2e/firefox.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  launch, openEditor, openOptions, waitFor, panel, highlightTexts, caretAtEnd, typeText, ROOT,
  assertOnlyFixtureTraffic,
} from './harness.mjs';

const POLICY_DIR = '/etc/chromium/policies/managed';
const ORG = '柳河镇党委宣传办';
const MANAGED = {
  organization: ORG,
  rules: { 'ad-law': { severity: 'block' }, 'image-caption': { enabled: false } },
  allow: ['出售冰毒'],
  lexicons: [{ name: '本镇专用词', category: 'custom', text: '@severity review\n测试单位禁用词\n' }],
};

function writable(dir) {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch (_) {
    return false;
  }
}

/** The id Chromium gives an unpacked extension: the SHA-256 of its path, as letters a–p. */
function unpackedId(dir) {
  const hex = crypto.createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

function stage(dir) {
  fs.mkdirSync(path.join(dir, 'pkg'), { recursive: true });
  for (const d of ['_locales', 'extension', 'icons']) fs.cpSync(path.join(ROOT, d), path.join(dir, d), { recursive: true });
  for (const f of ['wxlint.js', 'wxlint_bg.wasm']) fs.copyFileSync(path.join(ROOT, 'pkg', f), path.join(dir, 'pkg', f));
  fs.copyFileSync(path.join(ROOT, 'manifest.json'), path.join(dir, 'manifest.json'));
}

const skip = !writable(POLICY_DIR) && `cannot write ${POLICY_DIR} (needs root): the policy cannot be set`;
/** Every staged copy and policy file, removed at the end. */
const cleanup = [];

/** A staged copy of the extension with `policy` pushed to it; a browser running it. */
async function withPolicy(policy) {
  const extDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'wxlint-managed-')));
  cleanup.push(extDir);
  stage(extDir);
  const id = unpackedId(extDir);
  const policyFile = path.join(POLICY_DIR, `wxlint-e2e-${id}.json`);
  cleanup.push(policyFile);
  fs.writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }, null, 2));
  const e = await launch({ extensionDir: extDir });
  assert.equal(e.extensionId, id, 'the computed id is the loaded extension\'s');
  return e;
}

let env;
/** The browser with the second policy (configJson + lockUserSettings), started by its first test. */
let lockedEnv;

before(async () => {
  if (skip) return;
  env = await withPolicy(MANAGED);
});

after(async () => {
  await env?.close();
  await lockedEnv?.close();
  for (const f of cleanup) fs.rmSync(f, { recursive: true, force: true });
});

test('managed: the organisation\'s word list, allow-list and rule levels apply in the editor', { skip }, async () => {
  const sw = await env.serviceWorker();
  const managed = await waitFor(async () => {
    const m = await sw.evaluate(async () => chrome.storage.managed.get(null));
    return m && m.organization ? m : null;
  }, { message: 'the policy in storage.managed' });
  assert.equal(managed.organization, ORG);
  assert.deepEqual(managed.allow, ['出售冰毒']);
  const page = await openEditor(env, 'prosemirror');
  // The default fixture has an image without a caption: the policy turned that rule off.
  let p = await panel(page);
  assert.deepEqual(p.items.filter((i) => i.rule === 'image-caption'), []);
  await caretAtEnd(page, '#wxlint-fixture-last');
  await typeText(page, '。测试单位禁用词，出售冰毒，全县最好的幼儿园');
  p = await waitFor(async () => {
    const x = await panel(page);
    return x.items.some((i) => i.text === '“测试单位禁用词”') && x.items.some((i) => i.rule === 'ad-law') ? x : null;
  }, { message: 'the managed word list and rule levels in use' });
  assert.equal(p.items.find((i) => i.text === '“测试单位禁用词”').severity, 'review', 'the level written in the managed list');
  assert.equal(p.items.find((i) => i.rule === 'ad-law').severity, 'block', 'the managed level of ad-law');
  assert.deepEqual(await highlightTexts(page, 'wxlint-block').then((x) => x.filter((t) => t === '出售冰毒')), [], 'the managed allow-list term is not reported');
  await page.close();
});

test('managed: the options page shows the organisation\'s settings locked, and the user\'s own stay editable', { skip }, async () => {
  const options = await openOptions(env);
  assert.match(await options.locator('#managed-banner').textContent(), new RegExp(`部分设置由${ORG}统一下发`));
  const adLaw = options.locator('.rule[data-rule="ad-law"]');
  assert.match(await adLaw.locator('.lock').textContent(), /单位统一设置/);
  assert.equal(await adLaw.locator('select.severity').isDisabled(), true);
  assert.equal(await adLaw.locator('select.severity').inputValue(), 'block');
  assert.equal(await options.locator('.rule[data-rule="image-caption"] input.enabled').isChecked(), false);
  assert.equal(await options.locator('.rule[data-rule="image-caption"] input.enabled').isDisabled(), true);
  assert.equal(await options.locator('.rule[data-rule="title-length"] select.severity').isDisabled(), false, 'a rule the policy does not set stays the user\'s');
  assert.match(await options.locator('#allow-managed').innerText(), /出售冰毒/);
  assert.equal(await options.locator('#allow-text').isDisabled(), false);
  assert.match(await options.locator('#lex-body tr.locked').innerText(), /本镇专用词/);
  await options.close();
});

const LOCKED_ORG = '柳河镇中心学校';
const LOCKED = {
  organization: LOCKED_ORG,
  lockUserSettings: true,
  // As `wxlint check --config FILE` reads it: a rule's option, a level, a rule off, an allow-list.
  configJson: JSON.stringify({
    rules: { typo: { ignoreCategories: ['doubled'] }, 'ad-law': 'review', 'image-caption': 'off' },
    allow: ['出售冰毒'],
  }),
};

test('managed (second policy): configJson\'s rule options, level, rule off and allow-list apply; with lockUserSettings the user\'s own stored rules, allow-list and word list are not used', { skip }, async () => {
  lockedEnv = await withPolicy(LOCKED);
  const sw = await lockedEnv.serviceWorker();
  const managed = await waitFor(async () => {
    const m = await sw.evaluate(async () => chrome.storage.managed.get(null));
    return m && m.organization ? m : null;
  }, { message: 'the second policy in storage.managed' });
  assert.equal(managed.lockUserSettings, true);
  // The user's own settings, as the options page would have stored them: each would change what
  // is reported if it were used.
  await sw.evaluate(() => chrome.storage.local.set({
    'wxlint.rules': { typo: { enabled: false }, 'ad-law': { enabled: false } },
    'wxlint.allow': ['全县最好的幼儿园'],
    'wxlint.lexicons': [{ name: 'user-words.txt', category: 'custom', text: '测试用户禁用词\n', entries: 1, allowed: 0, importedAt: Date.now() }],
    'wxlint.revision': Date.now(),
  }));
  const page = await openEditor(lockedEnv, 'prosemirror');
  await caretAtEnd(page, '#wxlint-fixture-last');
  await typeText(page, '。我们们很震憾，出售冰毒，全县最好的幼儿园，测试用户禁用词');
  const p = await waitFor(async () => {
    const x = await panel(page);
    return x.items.some((i) => i.rule === 'ad-law') && x.items.some((i) => i.rule === 'typo') ? x : null;
  }, { message: 'the locked policy\'s findings' });
  const texts = p.items.map((i) => `${i.rule}:${i.text}`);
  // The user turned typo and ad-law off, and allow-listed the ad-law phrase: not used.
  assert.ok(p.items.some((i) => i.rule === 'typo' && i.text.includes('震憾')), `typo 震憾 reported: ${texts}`);
  const adLaw = p.items.find((i) => i.rule === 'ad-law');
  assert.ok(adLaw && adLaw.text.includes('全县最好的幼儿园'), `ad-law reported: ${texts}`);
  assert.equal(adLaw.severity, 'review', 'configJson\'s level of ad-law');
  // configJson's option of typo (ignoreCategories doubled), its rule off and its allow-list.
  assert.ok(!p.items.some((i) => i.text.includes('我们们')), `我们们 (doubled) not reported: ${texts}`);
  assert.deepEqual(p.items.filter((i) => i.rule === 'image-caption'), [], 'image-caption off');
  assert.deepEqual(await highlightTexts(page, 'wxlint-block').then((x) => x.filter((t) => t === '出售冰毒')), [], 'configJson\'s allow-list term is not reported');
  // The user's word list is not loaded.
  assert.ok(!p.items.some((i) => i.text.includes('测试用户禁用词')), `the user's own word list not used: ${texts}`);
  await page.close();
});

test('managed (second policy): with lockUserSettings every setting on the options page is locked and says so', { skip }, async () => {
  assert.ok(lockedEnv, 'needs the previous test');
  const options = await openOptions(lockedEnv);
  assert.match(await options.locator('#managed-banner').textContent(), new RegExp(`所有设置都由${LOCKED_ORG}统一下发，不能在这里修改`));
  assert.doesNotMatch(await options.locator('#managed-banner').textContent(), /无法使用|configJson/, 'configJson parsed without errors');
  const enabledBoxes = await options.locator('.rule input.enabled').evaluateAll((els) => els.map((e) => [e.id, e.disabled]));
  assert.ok(enabledBoxes.length >= 10);
  assert.deepEqual(enabledBoxes.filter(([, d]) => !d), [], 'every rule locked');
  assert.equal(await options.locator('.rule[data-rule="typo"] .lock').count(), 1);
  // What applies is shown: configJson's option and level, not the user's stored typo off.
  assert.equal(await options.locator('.rule[data-rule="typo"] input.enabled').isChecked(), true);
  assert.equal(await options.locator('.rule[data-rule="typo"] input[value="doubled"]').isChecked(), true);
  assert.equal(await options.locator('.rule[data-rule="typo"] input[value="doubled"]').isDisabled(), true);
  assert.equal(await options.locator('.rule[data-rule="ad-law"] select.severity').inputValue(), 'review');
  assert.equal(await options.locator('.rule[data-rule="image-caption"] input.enabled').isChecked(), false);
  assert.equal(await options.locator('#allow-text').isDisabled(), true, 'the allow-list cannot be edited');
  assert.match(await options.locator('#allow-managed').innerText(), /出售冰毒/);
  assert.equal(await options.locator('#lex-import').isDisabled(), true, 'no word list can be imported');
  await options.close();
});

test('managed: no request leaves the intercepted fixture routes', { skip }, async (t) => {
  await assertOnlyFixtureTraffic(env, t);
  if (lockedEnv) await assertOnlyFixtureTraffic(lockedEnv, t);
});
