// The toolbar popup: is the current tab being checked, counts by severity, link to the options.
(function () {
  'use strict';
  const { api } = globalThis.wxlintShared;
  const t = (k, s) => api.i18n.getMessage(k, s) || k;
  const $ = (id) => document.getElementById(id);

  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  document.documentElement.lang = t('checkerLocale');
  document.title = t('actionTitle');

  function setState(text, cls) {
    $('state').textContent = text;
    $('state').className = `state ${cls || ''}`;
  }

  function showCounts(counts) {
    const box = $('counts');
    box.replaceChildren();
    for (const sev of ['block', 'review', 'warn', 'info']) {
      const n = counts[sev] || 0;
      const cell = document.createElement('div');
      cell.className = `count ${sev}${n ? '' : ' zero'}`;
      cell.dataset.severity = sev;
      const b = document.createElement('b');
      b.textContent = String(n);
      const s = document.createElement('span');
      s.textContent = t(`severity_${sev}`);
      cell.append(b, s);
      box.append(cell);
    }
    box.hidden = false;
  }

  async function activeTab() {
    // popup.html?tabId=N reports on tab N (for tests, which cannot open the real popup).
    const forced = Number(new URLSearchParams(location.search).get('tabId'));
    if (forced) return { id: forced };
    const tabs = await api.tabs.query({ active: true, currentWindow: true });
    return tabs && tabs[0];
  }

  async function ask(tab, msg) {
    try {
      return await api.tabs.sendMessage(tab.id, msg);
    } catch (_) {
      return null; // no content script in this tab
    }
  }

  function show(status, stats) {
    if (!status) {
      setState(t('popupNotWeChat'), 'muted');
      $('counts').hidden = true;
      $('recheck').hidden = true;
      return;
    }
    if (!status.recognised) {
      setState(t('popupNoEditor'), 'muted');
      $('counts').hidden = true;
      $('recheck').hidden = true;
      return;
    }
    $('recheck').hidden = false;
    if (status.error) {
      setState(t('checkFailed', [status.error]), 'error');
    } else if (!status.checked) {
      setState(t('popupNotChecked'), 'muted');
    } else {
      setState(`${t('popupChecking')} · ${status.generation === 'ueditor' ? t('editorOld') : t('editorNew')}`, 'ok');
    }
    showCounts(status.counts || {});
    if (stats && stats.last && Number.isFinite(stats.last.totalMs)) {
      $('detail').textContent = t('popupLatency', [String(Math.round(stats.last.totalMs))]);
    }
  }

  async function refresh() {
    const tab = await activeTab();
    const status = tab ? await ask(tab, { type: 'status' }) : null;
    const stats = status ? await ask(tab, { type: 'stats' }) : null;
    show(status, stats);
    return tab;
  }

  $('options').addEventListener('click', () => { api.runtime.openOptionsPage(); window.close(); });
  $('recheck').addEventListener('click', async () => {
    const tab = await activeTab();
    if (!tab) return;
    setState(t('checking'), 'muted');
    const status = await ask(tab, { type: 'recheck' });
    const stats = status ? await ask(tab, { type: 'stats' }) : null;
    show(status, stats);
  });

  refresh();
  api.runtime.sendMessage({ type: 'status' }).then((s) => {
    if (!s) return;
    if (s.error) $('version').textContent = t('popupBackgroundError', [s.error]);
    else if (s.version) $('version').textContent = t('popupVersion', [s.version]);
  }, (e) => { $('version').textContent = t('popupBackgroundError', [String(e && e.message || e)]); });
})();
