// The start-up snapshot cache of the background: the compiled built-in lexicon and the typo
// statistics (wxlint's `startupSnapshot()`), kept in the extension's own IndexedDB under the
// module's build id, so that a restarted service worker restores them (tens of milliseconds)
// instead of building them again (several hundred). Only this build's snapshot is kept; a
// snapshot the module refuses (another build, damaged) is deleted and everything is built as
// without a cache. Nothing here can stop checking: every failure only means "build".

const DB = 'wxlint-startup';
const STORE = 'snapshots';

/** @returns {Promise<IDBDatabase>} */
function open() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Runs `fn(store)` in one transaction; resolves with the request's result once it commits. */
async function withStore(mode, fn) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req ? req.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/**
 * Restores this build's snapshot, if one is stored. Returns what happened: `{snapshot:
 * 'restored' | 'none' | 'refused' | 'unavailable', ms, error?}`.
 * @param {{ buildId(): string, restoreStartupSnapshot(b: Uint8Array): {lexicon: boolean, statistics: boolean} }} wx
 */
export async function restoreSnapshot(wx) {
  const t0 = performance.now();
  let bytes;
  try {
    bytes = await withStore('readonly', (s) => s.get(wx.buildId()));
  } catch (e) {
    return { snapshot: 'unavailable', ms: performance.now() - t0, error: String(e && e.message || e) };
  }
  if (!(bytes instanceof Uint8Array)) return { snapshot: 'none', ms: performance.now() - t0 };
  try {
    wx.restoreStartupSnapshot(bytes);
    return { snapshot: 'restored', ms: performance.now() - t0, bytes: bytes.length };
  } catch (e) {
    await withStore('readwrite', (s) => s.clear()).catch(() => {});
    return { snapshot: 'refused', ms: performance.now() - t0, error: String(e && e.message || e) };
  }
}

/**
 * Stores this build's snapshot (replacing any other build's). Call once both parts are built
 * (after a first check), when the worker is idle. Returns `{snapshot: 'saved' | 'unavailable', ms}`.
 * @param {{ buildId(): string, startupSnapshot(): Uint8Array }} wx
 */
export async function saveSnapshot(wx) {
  const t0 = performance.now();
  try {
    const bytes = wx.startupSnapshot();
    await withStore('readwrite', (s) => {
      s.clear();
      return s.put(bytes, wx.buildId());
    });
    return { snapshot: 'saved', ms: performance.now() - t0, bytes: bytes.length };
  } catch (e) {
    return { snapshot: 'unavailable', ms: performance.now() - t0, error: String(e && e.message || e) };
  }
}
