// Organisation-wide settings (storage.managed, extension/managed-schema.json) pushed by enterprise
// policy, in Debian's Chromium: a policy file in /etc/chromium/policies/managed/ for a copy of the
// extension staged at a unique path (so the policy names an extension id nothing else has; the
// file is removed afterwards). The policy's word list, allow-list and rule levels apply in the
// editor, and the options page shows them locked. Skipped, with the reason, where the policy
// directory cannot be written. (Firefox reads the same settings from a managed-storage manifest:
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
let env;
let policyFile;
let extDir;

before(async () => {
  if (skip) return;
  extDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'wxlint-managed-')));
  stage(extDir);
  const id = unpackedId(extDir);
  policyFile = path.join(POLICY_DIR, `wxlint-e2e-${id}.json`);
  fs.writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: MANAGED } } }, null, 2));
  env = await launch({ extensionDir: extDir });
  assert.equal(env.extensionId, id, 'the computed id is the loaded extension\'s');
});

after(async () => {
  await env?.close();
  if (policyFile) fs.rmSync(policyFile, { force: true });
  if (extDir) fs.rmSync(extDir, { recursive: true, force: true });
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

test('managed: no request leaves the intercepted fixture routes', { skip }, async (t) => {
  await assertOnlyFixtureTraffic(env, t);
});
