// The toolbar popup: whether the current tab is being checked and what was found (labelled
// counts), 用 wxlint 检查选中的文字 (any page, with activeTab only), the state of the other
// editors (秀米, 135编辑器), and the options.
(function () {
  'use strict';
  const { api, SITES } = globalThis.wxlintShared;
  /** @param {string} k @param {unknown} [s] */
  const t = (k, s) => api.i18n.getMessage(k, s === undefined ? undefined : [].concat(s).map(String)) || k;
  /** @param {string} id */
  const $ = (id) => /** @type {any} */ (document.getElementById(id));

  for (const el of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-i18n]'))) el.textContent = t(el.dataset.i18n);
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

  function show(status) {
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
    if (status.error) setState(t('checkFailed', [status.error]), 'error');
    else if (status.checking || !status.checked) setState(t('popupCheckingNow'), 'muted');
    else setState(t('popupChecking'), 'ok');
    showCounts(status.counts || {});
    // Opened while a check is under way (the first one, or a keystroke's): ask again until it
    // is done, so that the popup does not keep saying 正在检查 after the check finished.
    clearTimeout(pollTimer);
    if (!status.error && (status.checking || !status.checked) && polls < MAX_POLLS) {
      polls += 1;
      pollTimer = setTimeout(refresh, 300);
    }
  }

  const MAX_POLLS = 200;
  let polls = 0;
  let pollTimer = 0;

  async function refresh() {
    const tab = await activeTab();
    const status = tab ? await ask(tab, { type: 'status' }) : null;
    show(status);
    return tab;
  }

  async function showSites() {
    const answer = await api.runtime.sendMessage({ type: 'sites' }).catch(() => null);
    const sites = (answer && answer.sites) || {};
    const on = Object.keys(SITES).filter((s) => sites[s] && sites[s].enabled && sites[s].granted).map((s) => t(`site_${s}`));
    $('sites').textContent = on.length ? t('popupSitesOn', [on.join('、')]) : t('popupSitesOff');
  }

  $('options').addEventListener('click', () => { api.runtime.openOptionsPage(); window.close(); });
  $('recheck').addEventListener('click', async () => {
    const tab = await activeTab();
    if (!tab) return;
    setState(t('popupCheckingNow'), 'muted');
    show(await ask(tab, { type: 'recheck' }));
  });
  $('check-selection').addEventListener('click', async () => {
    const tab = await activeTab();
    if (!tab) return;
    const answer = await api.runtime.sendMessage({ type: 'checkSelection', tabId: tab.id }).catch((e) => ({ error: String(e && e.message) }));
    if (answer && answer.error) setState(t('selectionFailed', [answer.error]), 'error');
    else window.close();
  });

  refresh();
  showSites();
  api.runtime.sendMessage({ type: 'status' }).then((s) => {
    if (!s) return;
    if (s.error) $('version').textContent = t('popupBackgroundError', [s.error]);
    else if (s.version) $('version').textContent = t('popupVersion', [s.version]);
  }, (e) => { $('version').textContent = t('popupBackgroundError', [String((e && e.message) || e)]); });
})();
