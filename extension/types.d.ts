// Types of the extension's scripts, for `tsc --checkJs --noEmit` (scripts/test.sh, step `types`).
// The checker's own types (Finding, Article, RuleMeta…) come from the `.d.ts` wasm-pack
// generates (pkg/wxlint.d.ts): renaming a field there makes the scripts that use it fail the
// type check.
import type { Config } from '../pkg/wxlint';

declare global {
  type Finding = import('../pkg/wxlint').Finding;
  type Article = import('../pkg/wxlint').Article;
  type Block = import('../pkg/wxlint').Block;
  type RuleMeta = import('../pkg/wxlint').RuleMeta;
  type Severity = import('../pkg/wxlint').Severity;

  /** A field of the editor: a contenteditable surface, or an <input> / <textarea>. */
  type Field =
    | { kind: 'dom'; root: HTMLElement; readonly?: boolean }
    | { kind: 'input'; el: HTMLInputElement | HTMLTextAreaElement; readonly?: boolean };

  interface Editor {
    site: 'wechat' | 'xiumi' | 'e135' | 'selection';
    kind: string;
    generation: string;
    body: { roots: HTMLElement[]; doc: Document; win: Window; frame: HTMLIFrameElement | null; shadowRoot: ShadowRoot | null } | null;
    title: Field | null;
    author: Field | null;
    digest: Field | null;
    recognised: { body: boolean; title: boolean; author: boolean; digest: boolean };
  }

  /** A segment of a block's text: a DOM text node (or <br>) at a UTF-16 offset. */
  interface Seg { node: Node | null; start: number; length: number; br?: boolean; virtual?: boolean }
  type FieldMap = { kind: 'input'; el: HTMLInputElement | HTMLTextAreaElement; readonly: boolean } | { kind: 'dom'; el: HTMLElement; segs: Seg[]; readonly: boolean };
  interface BlockMap { type: 'text' | 'image'; el: Element; segs: Seg[]; captionEl?: Element | null }
  interface ArticleMap {
    title: FieldMap | null;
    author: FieldMap | null;
    digest: FieldMap | null;
    blocks: BlockMap[];
    body: Editor['body'] | null;
  }

  type Target =
    | { kind: 'range'; range: Range; doc: Document }
    | { kind: 'input'; el: HTMLInputElement | HTMLTextAreaElement; start: number; end: number }
    | { kind: 'element'; el: Element };

  interface Item { id: number; finding: Finding; ignored: boolean; where: string; target: Target | null; overlay?: boolean; rects?: Rect[] }
  /** Identical findings (same rule, severity, text, message) shown on one panel row. */
  interface Row { key: string; finding: Finding; items: Item[] }
  interface Rect { left: number; top: number; right: number; bottom: number }

  interface CheckResult { findings: Finding[]; map: ArticleMap | null; article: Article | null; ms: number | null; at: number }

  interface OverrideItem { rule: string; severity: Severity; field: string; block?: number | null; text: string; message: string; where?: string; reason?: string }
  interface OverrideRecord {
    id: string;
    at: string;
    reason: string;
    button: string;
    step: string;
    outcome: 'pending' | 'published' | 'cancelled';
    block: OverrideItem[];
    review: OverrideItem[];
    articleKey?: string;
    url?: string;
    title?: string;
    settledAt?: string;
  }

  interface CrossCheck {
    at: number;
    title: { editor: number; extracted: number; ok: boolean } | null;
    body: { editor: number; extracted: number; ok: boolean } | null;
  }

  interface MainState {
    editor: Editor | null;
    watcher: any;
    observers: MutationObserver[];
    result: CheckResult | null;
    items: Item[];
    error: string | null;
    dirty: boolean;
    timer: any;
    inflight: Promise<any> | null;
    rerun: boolean;
    composing: boolean;
    lastInputAt: number | null;
    revision: number | null;
    rules: RuleMeta[];
    ruleIndex: Map<string, RuleMeta>;
    ignored: Set<string>;
    overrides: OverrideRecord[];
    history: Map<string, Map<string, any>>;
    articleKey: string | null;
    pageId: string;
    stats: { checks: number; lastMs: number | null; latencies: number[]; last: any; errors: number };
    noticeShown: boolean;
    /** 秀米 / 135编辑器: the text of the copy / sync button found ('' none, null not looked for yet). */
    syncButton: string | null;
    cursor: Map<string, number>;
    crossCheck: CrossCheck | null;
    mismatchStreak: { title: number; body: number };
    lastJump?: { rule: string; field: string; block: number | null; start: number; text: string };
  }

  interface GuardHooks {
    fresh: () => { ready: true; result: CheckResult } | { ready: false; promise: Promise<CheckResult | { error: string }> };
    onOverride: ((r: OverrideRecord) => void) | null;
    onOutcome: ((id: string, outcome: 'published' | 'cancelled') => void) | null;
    ruleName: (id: string) => string;
    describe: (f: Finding) => { where: string; ignored: boolean };
    onBack: ((f: Finding) => void) | null;
    onJump: ((f: Finding) => void) | null;
  }

  interface HighlightHooks {
    ruleName: (id: string) => string;
    onIgnore: ((it: Item) => void) | null;
    onAllow: ((it: Item) => void) | null;
    canAllow: (f: Finding) => boolean;
    panelRect: () => DOMRect | null;
    bars: () => { top: number; bottom: number };
    collapsePanel: (() => void) | null;
    occluders: () => Rect[];
  }

  interface PanelPlace { mode: 'auto' | 'float'; left: number | null; top: number | null; width: number | null; height: number | null; collapsed: boolean | null }
  interface PanelHandlers {
    onRecheck: (() => void) | null;
    onSelect: ((row: Row) => void) | null;
    onOptions: (() => void) | null;
    onSheet: (() => Promise<any>) | null;
    onIgnore: ((row: Row) => void) | null;
    onUnignore: ((row: Row) => void) | null;
    onAllow: ((row: Row) => void) | null;
    canAllow: (f: Finding) => boolean;
    ruleName: (id: string) => string;
    ruleOrder: (id: string) => number;
    column: () => { left: number; right: number; top: number } | null;
    bars: () => { top: number; bottom: number };
  }
  interface PanelState {
    rows: Row[];
    ignoredRows: Row[];
    counts: Record<string, number>;
    status: {
      site?: string; recognised?: boolean; generation?: string | null; checking?: boolean; checked?: boolean;
      error?: string | null; guarded?: boolean; notes?: string[]; ignoredBlocks?: number;
    };
  }

  /** Messages to the background and their answers (extension/background.js). */
  interface BackgroundMessages {
    check: { req: { type: 'check'; article: Article; revision?: number | null }; res: { findings: Finding[]; ms: number } | { error: string } };
    rules: { req: { type: 'rules' }; res: { rules: RuleMeta[]; version: string; locale: string } | { error: string } };
    addAllow: { req: { type: 'addAllow'; text: string }; res: { ok: true; allow: string[]; revision: number | null } | { error: string } };
    removeAllow: { req: { type: 'removeAllow'; text: string }; res: { ok: true; allow: string[]; revision: number | null } | { error: string } };
    badge: { req: { type: 'badge'; counts: Record<string, number> }; res: { ok: true } | { error: string } };
    openOptions: { req: { type: 'openOptions' }; res: { ok: true } | { error: string } };
    openReviewSheet: { req: { type: 'openReviewSheet'; sheet: any }; res: { ok: true; id: string } | { error: string } };
  }

  interface WxlintNs {
    api: typeof chrome;
    started?: boolean;
    t: (key: string, subs?: unknown) => string;
    h: ((tag: string, props?: Record<string, any> | null, ...children: any[]) => any) & { doc?: Document };
    throttle: <F extends (...a: any[]) => void>(fn: F, ms: number) => () => void;
    ellipsis: (s: unknown, n: number) => string;
    alive: () => boolean;
    send: <K extends keyof BackgroundMessages>(msg: BackgroundMessages[K]['req'] & { type: K }) => Promise<BackgroundMessages[K]['res'] | { error: string }>;
    SEVERITIES: Severity[];
    severityRank: (s: Severity | string) => number;
    selectors: any;
    sel: (list: string | string[]) => string;
    queryFirst: (scope: ParentNode, list: string | string[]) => HTMLElement | null;
    closestAny: (el: Element, list: string[]) => boolean;
    COLORS: Record<Severity, string>;
    UI_COLORS: Record<string, string>;
    highlightCss: string;
    uiCss: string;
    ui: {
      ensure: () => ShadowRoot;
      part: (name: string, className?: string) => HTMLElement;
      readonly host: HTMLElement | null;
      readonly shadow: ShadowRoot | null;
      isOwn: (node: Node | null | undefined) => boolean;
      setModal: (v: boolean) => void;
      setPageModal: (v: boolean) => void;
      pageModal: () => boolean;
    };
    adapters: {
      detect: () => Editor | null;
      watch: (onChange: (e: Editor | null) => void, isOwnNode?: (n: Node) => boolean) => { current: () => Editor | null; recheck: () => void; stop: () => void };
      sameEditor: (a: Editor | null, b: Editor | null) => boolean;
      isEditorUrl: () => boolean;
      shadowOf: (host: Element) => ShadowRoot | null;
      site: () => string;
      visible: (el: Element | null) => boolean;
    };
    extract: {
      extractArticle: (editor: Editor | null) => { article: Article; map: ArticleMap };
      walk: (root: Element, mode: 'body' | 'text') => { blocks: Block[]; maps: BlockMap[] };
      flatten: (el: Element, separator: string) => { text: string; segs: Seg[] };
      locate: (f: Finding, map: ArticleMap | null) => Target | null;
      rangeFor: (segs: Seg[], start: number, end: number) => Range | null;
      pointAt: (segs: Seg[], pos: number, isEnd: boolean) => [Node, number] | null;
    };
    highlight: {
      draw: (list: Item[], bodyShadowRoot?: ShadowRoot | null) => void;
      clear: () => void;
      layout: () => void;
      flash: (it: Item, select?: boolean) => void;
      watchDocument: (doc: Document) => void;
      configure: (h: Partial<HighlightHooks>) => void;
      hideCard: () => void;
      frameOffset: (doc: Document) => { x: number; y: number; clip: Rect | null };
      visibleArea: (el: Element) => Rect;
      items: () => Item[];
      setForceOverlay: (v: boolean) => void;
      info: () => any;
    };
    panel: {
      init: (h: Partial<PanelHandlers> & { kind?: string; expanded?: boolean }) => Promise<void>;
      render: (s: PanelState) => void;
      message: (text: string | null) => void;
      toast: (text: string, undo?: () => void) => void;
      hideToast: () => void;
      place: (fresh?: boolean) => void;
      checking: () => void;
      rect: () => DOMRect | null;
      collapse: () => void;
      element: () => HTMLElement | null;
    };
    guard: {
      install: (h: Partial<GuardHooks>) => void;
      watchWindow: (win: Window) => void;
      setEnabled: (v: boolean) => void;
      isOpen: () => boolean;
    };
    bridge?: { ask: (what: string[]) => Promise<{ titleLength?: number; content?: string } | null> };
    state?: MainState;
    main?: any;
    selection?: any;
  }

  interface WxlintShared {
    api: typeof chrome;
    KEYS: Record<string, string>;
    SETTINGS_KEYS: string[];
    SEVERITIES: Severity[];
    CATEGORIES: string[];
    RULE_CHOICES: Record<string, Record<string, string[]>>;
    NO_ALLOW_RULES: string[];
    SITES: Record<string, { origins: string[]; matches: string[] }>;
    getStored: (keys: string | string[] | null, area?: chrome.storage.StorageArea) => Promise<Record<string, any>>;
    checkerLocale: () => 'zh-CN' | 'en';
    buildConfig: (stored: Record<string, any>, managed?: ManagedSettings | null) => Config & { locale: string };
    parseCsv: (text: string) => { fields: string[]; line: number }[];
    csvToLexicon: (csv: string, options?: { lenient?: boolean }) => { text: string; lineMap: number[]; errors: (Error & { csvLine: number; code: string })[] };
    decodeWordFile: (buffer: ArrayBuffer) => string;
    ignoreKey: (f: Finding) => string;
    canAllowRule: (meta: RuleMeta | undefined) => boolean;
    parseManaged: (raw: unknown) => ManagedSettings | null;
    readManaged: () => Promise<ManagedSettings | null>;
    exportSettings: (stored: Record<string, any>) => any;
    parseSettingsFile: (text: string) => { rules: Record<string, any>; allow: string[]; lexicons: { name: string; category: string; text: string }[]; sites: Record<string, boolean> };
    sheetStorage: () => chrome.storage.StorageArea;
    bodyTexts: (article: Article) => string[];
    canonicalText: (article: Article) => string;
    articleStats: (article: Article) => { chars: number; images: number };
    findingExcerpt: (article: Article, f: Finding, radius?: number) => { before: string; match: string; after: string; cutBefore: boolean; cutAfter: boolean } | null;
  }

  interface ManagedSettings {
    org: string;
    rules: Record<string, { enabled?: boolean; severity?: Severity; options?: Record<string, unknown> }>;
    allow: string[];
    lexicons: { name: string; label: string; category: string; text: string }[];
    lock: boolean;
    maxGap?: number;
    builtinLexicon?: boolean;
    errors: string[];
  }

  var wxlint: WxlintNs;
  var wxlintShared: WxlintShared;
  var browser: typeof chrome | undefined;
  interface Window {
    __wxlintBridge?: boolean;
    __mpTitleEditor?: { getContent?: () => string; getContentLength?: () => number };
    __MP_Editor_JSAPI__?: { invoke: (o: { apiName: string; apiParam?: unknown; sucCb?: (r: any) => void; errCb?: (e: any) => void }) => void };
  }
}

export {};
