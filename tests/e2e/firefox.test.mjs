// Firefox: `web-ext lint` of the packaged extension (always), and a smoke test in Firefox ESR
// driven by geckodriver (skipped, with the reason, when geckodriver or Firefox is missing).
//
// Firefox cannot route requests like Playwright: the fixtures are served on http://127.0.0.1:PORT
// by a server in this process, and the add-on is a TEST-ONLY copy of the extension whose manifest
// also matches http://127.0.0.1/cgi-bin/appmsg* (the shipped manifest.json is never changed).
// Every request that is not for 127.0.0.1 goes to a local recording proxy that refuses it (nothing
// leaves the machine), and the test asserts that the page and the add-on sent none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT, FIXTURES, waitFor } from './harness.mjs';

const TIMEOUT = 60_000;

function which(names) {
  for (const n of names) {
    if (n.includes('/')) { if (fs.existsSync(n)) return n; continue; }
    for (const dir of (process.env.PATH || '').split(':').concat([path.join(os.homedir(), '.cargo/bin')])) {
      const p = path.join(dir, n);
      if (dir && fs.existsSync(p)) return p;
    }
  }
  return null;
}

// GECKODRIVER / FIREFOX: explicit paths (the test is skipped when they do not exist).
const GECKODRIVER = process.env.GECKODRIVER ? which([process.env.GECKODRIVER]) : which(['geckodriver']);
const FIREFOX = process.env.FIREFOX ? which([process.env.FIREFOX]) : which(['/usr/bin/firefox-esr', '/usr/bin/firefox', 'firefox-esr', 'firefox']);
const WEB_EXT = path.join(ROOT, 'node_modules/.bin/web-ext');

/** The files that ship (as scripts/package-extension.sh stages them), into `dir`. */
function stage(dir, { testMatches = false } = {}) {
  fs.mkdirSync(path.join(dir, 'pkg'), { recursive: true });
  for (const d of ['_locales', 'extension', 'icons']) fs.cpSync(path.join(ROOT, d), path.join(dir, d), { recursive: true });
  for (const f of ['wxlint.js', 'wxlint_bg.wasm']) fs.copyFileSync(path.join(ROOT, 'pkg', f), path.join(dir, 'pkg', f));
  for (const f of fs.readdirSync(path.join(dir, 'extension'))) if (f.endsWith('.md') || f.endsWith('.d.ts')) fs.rmSync(path.join(dir, 'extension', f));
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
  if (testMatches) {
    // Test-only: also match the local fixture server (match patterns ignore the port).
    manifest.host_permissions = [...manifest.host_permissions, 'http://127.0.0.1/*'];
    for (const cs of manifest.content_scripts) cs.matches = [...cs.matches, 'http://127.0.0.1/cgi-bin/appmsg*'];
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wxlint-firefox-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('firefox: web-ext lint of the staged extension reports 0 errors', { skip: !fs.existsSync(WEB_EXT) && 'web-ext is not installed (npm ci)' }, (t) => {
  const dir = stage(path.join(tmp, 'lint'));
  let out;
  try {
    out = execFileSync(WEB_EXT, ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    out = e.stdout; // web-ext exits non-zero on errors; the JSON says which
  }
  const report = JSON.parse(out.slice(out.indexOf('{')));
  t.diagnostic(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${report.warnings.map((w) => w.code).join(', ')})`);
  assert.deepEqual(report.errors.map((e) => `${e.code}: ${e.message}`), []);
  assert.equal(report.summary.errors, 0);
});

// ---- Firefox smoke test -------------------------------------------------------------------------

const missing = !GECKODRIVER ? 'geckodriver not found (cargo install geckodriver)'
  : !FIREFOX ? 'Firefox not found (apt-get install -y firefox-esr)' : null;

let server;
let proxy;
let driver;
const pageRequests = [];
const proxied = [];

function serveFixtures() {
  const types = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.html': 'text/html; charset=utf-8' };
  server = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://127.0.0.1');
    pageRequests.push(u.pathname + u.search);
    let file = null;
    if (u.pathname === '/cgi-bin/appmsg') file = u.searchParams.get('t') === 'media/appmsg_edit' ? 'ueditor-editor.html' : 'prosemirror-editor.html';
    else if (/^\/wxlint-e2e\/[\w.-]+$/.test(u.pathname)) file = u.pathname.slice('/wxlint-e2e/'.length);
    else if (u.pathname.startsWith('/mmbiz/')) file = 'photo.png';
    if (!file || !fs.existsSync(path.join(FIXTURES, file))) { res.writeHead(404); res.end(); return; }
    let body = fs.readFileSync(path.join(FIXTURES, file));
    const ext = path.extname(file);
    // The fixture's images point at https://mmbiz.qpic.cn/: serve them from here instead.
    if (ext === '.html' || ext === '.js') body = Buffer.from(body.toString('utf8').replaceAll('https://mmbiz.qpic.cn/', '/mmbiz/'));
    res.writeHead(200, { 'content-type': types[ext], 'content-security-policy': "script-src 'self'", 'cache-control': 'no-store' });
    res.end(body);
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server.address().port)));
}

/** A proxy that records and refuses every request Firefox would send elsewhere. */
function recordingProxy() {
  proxy = net.createServer((sock) => {
    sock.once('data', (d) => {
      proxied.push(d.toString('latin1').split('\r\n')[0]);
      sock.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
    });
    sock.on('error', () => {});
  });
  return new Promise((r) => proxy.listen(0, '127.0.0.1', () => r(proxy.address().port)));
}

async function wd(method, url, body) {
  const res = await fetch(`${driver.base}${url}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (json.value && json.value.error) throw new Error(`${method} ${url}: ${json.value.error}: ${json.value.message}`);
  return json.value;
}

const script = (fn, ...args) => wd('POST', `/session/${driver.session}/execute/sync`, { script: `return (${fn}).apply(null, arguments);`, args });

before(async () => {
  if (missing) return;
  const port = await serveFixtures();
  const proxyPort = await recordingProxy();
  const addonDir = stage(path.join(tmp, 'addon'), { testMatches: true });
  const xpi = path.join(tmp, 'wxlint-test.zip');
  execFileSync('zip', ['-q', '-r', '-X', xpi, '.'], { cwd: addonDir });

  const wdPort = await new Promise((r) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });
  // Organisation-wide settings in Firefox: a managed-storage manifest in ~/.mozilla/managed-storage/
  // (here a HOME of the test's own, so nothing of the machine's is touched).
  const home = path.join(tmp, 'home');
  fs.mkdirSync(path.join(home, '.mozilla', 'managed-storage'), { recursive: true });
  fs.writeFileSync(path.join(home, '.mozilla', 'managed-storage', 'wxlint@wxlint.invalid.json'), JSON.stringify({
    name: 'wxlint@wxlint.invalid',
    description: 'wxlint e2e: organisation-wide settings',
    type: 'storage',
    data: { organization: '测试单位', lexicons: [{ name: '单位词库', text: '测试单位禁用词\n' }] },
  }));
  const proc = spawn(GECKODRIVER, ['--host', '127.0.0.1', '--port', String(wdPort), '--log', 'warn'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: home } });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  driver = { proc, base: `http://127.0.0.1:${wdPort}`, port, log: () => log };
  await waitFor(() => fetch(`${driver.base}/status`).then((r) => r.ok, () => false), { timeout: 20_000, message: 'geckodriver' });

  const local = { type: 1, http: '127.0.0.1', port: proxyPort };
  const session = await wd('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'firefox',
        acceptInsecureCerts: false,
        'moz:firefoxOptions': {
          binary: FIREFOX,
          args: ['-headless'],
          prefs: {
            // Everything not for 127.0.0.1 goes to the recording proxy (refused there).
            'network.proxy.type': local.type,
            'network.proxy.http': local.http,
            'network.proxy.http_port': local.port,
            'network.proxy.ssl': local.http,
            'network.proxy.ssl_port': local.port,
            'network.proxy.share_proxy_settings': true,
            'network.proxy.no_proxies_on': '127.0.0.1',
            'network.proxy.allow_hijacking_localhost': false,
            'network.dns.disablePrefetch': true,
            'network.prefetch-next': false,
            'network.http.speculative-parallel-limit': 0,
            'network.captive-portal-service.enabled': false,
            'network.connectivity-service.enabled': false,
            'browser.safebrowsing.malware.enabled': false,
            'browser.safebrowsing.phishing.enabled': false,
            'browser.safebrowsing.downloads.enabled': false,
            'browser.safebrowsing.provider.mozilla.updateURL': '',
            'extensions.update.enabled': false,
            'extensions.getAddons.cache.enabled': false,
            'extensions.systemAddon.update.enabled': false,
            'app.update.disabledForTesting': true,
            'datareporting.policy.dataSubmissionEnabled': false,
            'toolkit.telemetry.enabled': false,
            'toolkit.telemetry.unified': false,
            'services.settings.server': `http://127.0.0.1:${proxyPort}/remote-settings`,
            'browser.region.network.url': '',
            'geo.provider.network.url': '',
            'intl.locale.requested': 'zh-CN',
            'extensions.blocklist.enabled': false,
            'security.remote_settings.intermediates.enabled': false,
            'security.remote_settings.crlite_filters.enabled': false,
            'services.settings.poll_interval': 86400 * 365,
            'browser.newtabpage.enabled': false,
            'browser.startup.homepage_override.mstone': 'ignore',
            'privacy.query_stripping.enabled': false,
            'messaging-system.rsexperimentloader.enabled': false,
            'app.normandy.enabled': false,
            'browser.topsites.contile.enabled': false,
          },
        },
      },
    },
  });
  driver.session = session.sessionId;
  driver.caps = session.capabilities;
  const addon = fs.readFileSync(xpi).toString('base64');
  driver.addonId = await wd('POST', `/session/${driver.session}/moz/addon/install`, { addon, temporary: true });
});

after(async () => {
  if (driver && driver.session) await wd('DELETE', `/session/${driver.session}`).catch(() => {});
  if (driver) driver.proc.kill('SIGTERM');
  if (server) server.close();
  if (proxy) proxy.close();
});

test('firefox: the add-on checks the new-editor fixture (panel, highlight of a typed word; the organisation\'s managed word list) in Firefox ESR', { skip: missing || false, timeout: 180_000 }, async (t) => {
  t.diagnostic(`${driver.caps.browserName} ${driver.caps.browserVersion}, add-on ${driver.addonId}`);
  await wd('POST', `/session/${driver.session}/url`, { url: `http://127.0.0.1:${driver.port}/cgi-bin/appmsg?t=media/appmsg_edit_v2&action=edit&type=77&lang=zh_CN` });

  const panelState = () => script(() => {
    const sr = document.getElementById('wxlint-extension-root')?.shadowRoot;
    const p = sr && sr.querySelector('.panel');
    if (!p) return null;
    return {
      hidden: p.hidden,
      status: sr.querySelector('.panel .status').textContent,
      rules: [...sr.querySelectorAll('.panel .group')].map((g) => g.dataset.rule),
      items: [...sr.querySelectorAll('.panel li.item .text')].map((e) => e.textContent),
      block: Number(sr.querySelector('.panel .badge[data-severity="block"]')?.dataset.count ?? 0),
    };
  });
  const first = await waitFor(async () => { const s = await panelState(); return s && s.rules.includes('image-caption') ? s : null; }, { timeout: TIMEOUT, message: 'the panel with the image-caption finding' });
  assert.equal(first.hidden, false);
  assert.equal(first.block, 0);

  // Type a prohibited word at the end of the last paragraph: caret there, then key actions.
  await script(() => {
    const t = document.querySelector('#wxlint-fixture-last span[leaf]').firstChild;
    t.parentElement.closest('[contenteditable="true"]').focus();
    getSelection().collapse(t, t.length);
  });
  await wd('POST', `/session/${driver.session}/actions`, {
    actions: [{ type: 'key', id: 'keyboard', actions: [...'出售冰毒'].flatMap((c) => [{ type: 'keyDown', value: c }, { type: 'keyUp', value: c }]) }],
  });

  const hl = await waitFor(async () => {
    const r = await script(() => {
      const h = CSS.highlights && CSS.highlights.get('wxlint-block');
      return h ? [...h].map((x) => x.toString()) : null;
    });
    return r && r.length ? r : null;
  }, { timeout: TIMEOUT, message: 'the block highlight in Firefox' });
  assert.deepEqual(hl, ['出售冰毒']);
  const after2 = await panelState();
  assert.equal(after2.block, 1);
  assert.ok(after2.rules.includes('prohibited'));
  assert.ok(after2.items.some((x) => x.includes('出售冰毒')), JSON.stringify(after2));
  assert.deepEqual(await script(() => document.querySelector('#wxlint-fixture-last').innerHTML), '<span leaf="">供稿：柳河镇中心幼儿园出售冰毒</span>');

  // The managed word list (from the managed-storage manifest) applies in Firefox too.
  await wd('POST', `/session/${driver.session}/actions`, {
    actions: [{ type: 'key', id: 'keyboard', actions: [...'，测试单位禁用词'].flatMap((c) => [{ type: 'keyDown', value: c }, { type: 'keyUp', value: c }]) }],
  });
  const managed = await waitFor(async () => {
    const r = await script(() => {
      const h = CSS.highlights && CSS.highlights.get('wxlint-block');
      return h ? [...h].map((x) => x.toString()) : null;
    });
    return r && r.includes('测试单位禁用词') ? r : null;
  }, { timeout: TIMEOUT, message: 'the managed word list applied in Firefox' });
  assert.deepEqual(managed.sort(), ['出售冰毒', '测试单位禁用词'].sort());

  // Nothing but the local fixture server: the proxy (which refuses everything, so nothing leaves
  // the machine) saw no request from the page or the add-on. Firefox's own services (remote
  // settings on *.mozilla.com) still knock despite the prefs: listed, not counted against the add-on.
  const firefoxOwn = /^CONNECT ([\w-]+\.)*(mozilla\.(com|org|net)|firefox\.com|mozaws\.net):\d+ /;
  const own = proxied.filter((l) => firefoxOwn.test(l));
  t.diagnostic(`fixture server: ${pageRequests.length} requests (${[...new Set(pageRequests.map((p) => p.split('?')[0]))].join(', ')}); refused by the local proxy: ${proxied.length} (Firefox's own: ${[...new Set(own)].join('; ') || 'none'})`);
  assert.deepEqual(proxied.filter((l) => !firefoxOwn.test(l)), [], 'requests outside 127.0.0.1 (other than Firefox\'s own services)');
});
