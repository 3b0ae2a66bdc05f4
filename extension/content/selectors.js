// Every selector the content script uses, in one place, per site. The editors' markup changes
// without notice (see the editor reference): these are hints to keep up to date, each list tried
// in order. Sources (public 2023–26 automation code, helper extensions and userscripts) are named
// in the e2e fixtures that reproduce each DOM (tests/e2e/fixtures/README.md).
(function () {
  'use strict';
  const ns = (globalThis.wxlint = globalThis.wxlint || /** @type {any} */ ({}));

  /** Elements left out of the article with everything inside them. */
  const skipTags = ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'TEXTAREA', 'SELECT',
    'IFRAME', 'OBJECT', 'DATALIST', 'FRAMESET', 'NOEMBED', 'NOFRAMES', 'INPUT', 'BUTTON'];
  /** Elements that start and end a text block. */
  const blockTags = ['ADDRESS', 'ARTICLE', 'ASIDE', 'AUDIO', 'BLOCKQUOTE', 'BODY', 'CANVAS', 'CAPTION', 'CENTER', 'DD',
    'DETAILS', 'DIALOG', 'DIR', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
    'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI',
    'LISTING', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
    'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'VIDEO', 'XMP'];

  /** The WeChat Official Account editor (mp.weixin.qq.com), both generations. */
  const wechat = Object.freeze({
    // ---- Body ----------------------------------------------------------------------------
    /** Old editor: the body iframe (a same-origin document). */
    ueditorFrame: 'iframe#ueditor_0',
    /** Old editor: the editable body inside that iframe, in order of preference. */
    ueditorBody: ['body.view[contenteditable]', 'body[contenteditable]', 'body.view'],
    /** New editor: any ProseMirror surface (body, title, picture-post text… are all ProseMirrors). */
    proseMirror: 'div.ProseMirror',
    /** New editor: hosts whose open shadow root may hold the body ProseMirror. */
    shadowHosts: ['.edui-editor-iframeholder .editor-v-root', '.editor-v-root'],
    /**
     * New editor: where the body ProseMirror lives, best first. 2025–26 pages show
     * `#ueditor_0` as a div > .mock-iframe-document > .mock-iframe-body > .rich_media_content >
     * .ProseMirror (no `.view` class; older builds had `.view.rich_media_content`).
     */
    bodyProseMirror: [
      '#ueditor_0 .mock-iframe-body .rich_media_content > .ProseMirror',
      '.mock-iframe-body .rich_media_content > .ProseMirror',
      '#ueditor_0 .mock-iframe-body .ProseMirror',
      '.mock-iframe-body .ProseMirror',
      '#edui1_iframeholder .ProseMirror',
      '.rich_media_content > .ProseMirror',
    ],
    /**
     * ProseMirrors and editable areas that are never the body: the title, the picture-post
     * editor's text and guide words (createType=8), the 原创 / 转载 areas.
     */
    notBody: [
      '.title-editor__input', '.title-editor-overlay', '#js_title_main', '.share-text__input',
      '#guide_words_main', '.original_primary_tips_input', '.js_reprint_recommend_content',
      '#js_original_area', '#js_reprint_area', '.weui-desktop-dialog', '.weui-desktop-dialog__wrp',
    ],

    // ---- Title / author / digest ----------------------------------------------------------
    /** New editor: the title ProseMirror, in order of preference. */
    titleProseMirror: [
      '.title-editor__input .ProseMirror',
      '.title-editor-overlay .ProseMirror',
      '#js_title_main .ProseMirror',
      'div.ProseMirror[data-placeholder="请在这里输入标题"]',
    ],
    titlePlaceholder: '请在这里输入标题',
    /**
     * The title field itself: every 2025–26 source shows `#title` as a textarea (`.js_title`,
     * `.js_article_title`, name=title); visible in the old editor and the picture-post editor,
     * hidden and kept in sync beside the title ProseMirror in the new one. `input#title` is the
     * pre-2024 editor.
     */
    titleField: ['textarea#title', 'textarea.js_article_title', 'textarea.js_title', 'textarea[name=title]', 'input#title', 'input.js_title'],
    author: ['input#author', 'input.js_author', 'input[name=author]'],
    digest: ['textarea#js_description', 'textarea.js_desc', 'textarea[name=digest]'],
    /** The picture-post editor (createType=8): its text is a ProseMirror; #js_description only mirrors it. */
    pictureText: ['.share-text__input .ProseMirror'],
    /** The account's name in the back end's header (for the review sheet; blank when absent). */
    accountName: ['.weui-desktop-account__nickname', '.weui-desktop_name', '.account_nickname', '#js_account_name'],

    // ---- Publishing -----------------------------------------------------------------------
    /**
     * The toolbar's publish button: `#js_send` (a span wrapping button.mass_send >
     * span.send_wording 发表; the old editor's 保存并群发).
     */
    submitButtons: ['#js_send', 'button.mass_send', '.js_send_btn'],
    /** Never intercepted: saving a draft, autosave, preview. */
    neverBlock: ['#js_submit', '#js_continue_save', '#js_autosave', '#js_preview', '.js_preview', '.js_save_draft'],
    /**
     * Texts of the buttons that go on publishing, in every step of both wordings:
     * the mass-send dialog's 发表 / 群发, the popover's confirmation, 创作来源's 无需声明并发表 /
     * 无需声明并群发, the double check's 继续发表 / 继续群发, and older 确认发表 / 保存并群发.
     */
    confirmTexts: ['发表', '群发', '确认发表', '确认群发', '继续发表', '继续群发', '无需声明并发表', '无需声明并群发', '保存并群发', '发送', '确认发送'],
    /** Texts that only count inside a publish dialog or popover that speaks of publishing. */
    confirmTextsInContext: ['确定', '确认'],
    /** Texts of buttons that leave the publish flow without publishing. */
    cancelTexts: ['取消', '返回', '返回修改', '关闭', '去声明', '暂不发表', '我再想想'],
    /** Close icons of the weui dialogs (no text). */
    closeButtons: ['.weui-desktop-dialog__close-btn', '.weui-desktop-icon-btn.weui-desktop-dialog__close-btn', '[aria-label="关闭"]'],
    /** What counts as a button when matching by text. */
    buttonLike: 'button, a, [role="button"], .weui-desktop-btn, .btn',
    /**
     * The dialogs of the publish flow: `.new_mass_send_dialog` (发表 / 群发 settings),
     * `.weui-desktop-popover__wrp` (a confirmation popover some accounts get), the 创作来源
     * prompt, `.double_check_dialog` (继续发表), `.safe_check` (the QR verification), and the
     * generic weui containers they are built from (older: `.mass_send_dialog`, `.dialog_wrp`).
     */
    publishDialogs: [
      '.new_mass_send_dialog', '.double_check_dialog', '.mass_send_dialog', '.safe_check',
      '.weui-desktop-popover__wrp', '.weui-desktop-popover', '.weui-desktop-dialog__wrp',
      '.weui-desktop-dialog', '.dialog_wrp', '.dialog', '[role="dialog"]', '[aria-modal="true"]',
    ],
    /** A dialog whose text says it is about publishing (for the generic containers). */
    publishWords: /发表|群发|创作来源|原创声明|扫码|验证/,
    /**
     * Modal dialogs and masks of the site: while one is shown, the extension hides its panel,
     * boxes and cards (they would sit above the site's dark backdrop).
     */
    modalDialogs: ['.weui-desktop-dialog__wrp', '.weui-desktop-mask', '.new_mass_send_dialog', '.double_check_dialog',
      '.mass_send_dialog', '.dialog_wrp', '.safe_check', '[aria-modal="true"]'],
    /** Fixed bars of the site drawn over the article: overlay boxes are clipped under them. */
    fixedBars: ['#js_bot_bar', '.tool_area', '.tool_bar', '.appmsg_edit_footer', '.weui-desktop-layout__hd',
      '.weui-desktop-popover', '.weui-desktop-popover__wrp'],

    // ---- Layout ---------------------------------------------------------------------------
    /** The article column (the panel docks beside it): best first. */
    column: ['.appmsg_edit_container', '#js_article_box', '.col_main', '#js_appmsg_editor', '.main_bd'],
    /** The editor's official API and title counter (page globals, read from the MAIN world). */
    jsapi: '__MP_Editor_JSAPI__',
    titleCounter: '__mpTitleEditor',

    // ---- Extraction -----------------------------------------------------------------------
    /** Nodes that are not article text (placeholders, ProseMirror widgets and separators). */
    placeholders: [
      '.editor_content_placeholder', '#edui1_contentplaceholder', '.ProseMirror-widget',
      '.ProseMirror-separator', 'br.ProseMirror-trailingBreak', '[data-placeholder][contenteditable="false"]',
      '.ProseMirror-gapcursor',
    ],
  });

  /**
   * 秀米 (https://xiumi.us/studio/v5#/paper…): an Angular app in the top page, each block of the
   * article a `[contenteditable="true"]`; title `input.title`, author `input.author`, digest
   * `textarea.desc`; images are blocks hosted on img.xiumi.us; the copy button says 拷贝到公众号.
   */
  const xiumi = Object.freeze({
    /** The paper (the article), best first. */
    paper: ['.paper-content', '.tn-paper-content', '.paper', '[ng-view] .paper', 'main'],
    /** The editable blocks of the article. */
    blocks: '[contenteditable="true"]',
    /** Never article blocks: inputs, menus, toolbars, dialogs. */
    notBody: ['.toolbar', '.side-bar', '.modal', '.tn-modal', '.dropdown-menu', '.title', '.author', '.desc', 'header', 'nav'],
    title: ['input.title', 'input[ng-model*="title"]', 'input[placeholder*="标题"]'],
    author: ['input.author', 'input[ng-model*="author"]', 'input[placeholder*="作者"]'],
    digest: ['textarea.desc', 'textarea[ng-model*="desc"]', 'textarea[placeholder*="摘要"]'],
    /** Buttons that copy or sync the article to WeChat: a warning badge sits on them. */
    syncButtons: ['拷贝到公众号', '同步到公众号', '复制到公众号', '拷贝'],
    column: ['.paper-content', '.tn-paper-content', '.paper'],
    /** Not article text inside the paper: the blocks' own toolbars and handles. */
    placeholders: ['.tn-comp-toolbar', '.tn-comp-handle', '.placeholder[contenteditable="false"]', '[class*="toolbar"][contenteditable="false"]'],
    fixedBars: ['.toolbar', 'header', '#tn_xiumi_header_navbar_nav'],
    modalDialogs: ['.modal.in', '.modal-backdrop', '.tn-modal'],
  });

  /**
   * 135编辑器 (https://www.135editor.com/beautify_editor.html): UEditor
   * (`UE.getEditor('WxMsgContent')`), the body in the same-origin `iframe#ueditor_0`. Its title
   * and sync button are not documented publicly: the hints below are tried in order and the
   * panel says which fields were recognised.
   */
  const e135 = Object.freeze({
    ueditorFrame: 'iframe#ueditor_0',
    ueditorBody: ['body.view[contenteditable]', 'body[contenteditable]', 'body.view'],
    title: ['input#title', 'input[name=title]', 'input.title', 'input[placeholder*="标题"]'],
    author: ['input#author', 'input[name=author]', 'input[placeholder*="作者"]'],
    digest: ['textarea#digest', 'textarea[name=digest]', 'textarea[placeholder*="摘要"]'],
    syncButtons: ['同步到公众号', '同步微信', '同步', '复制', '保存同步'],
    column: ['#WxMsgContent', '.edui-editor', '#edui1'],
    placeholders: [],
    fixedBars: ['.toolbar', 'header', '.header', '.navbar'],
    modalDialogs: ['.modal.in', '.layui-layer-shade', '.modal-backdrop'],
  });

  ns.selectors = Object.freeze({
    wechat,
    xiumi,
    e135,
    skipTags,
    blockTags,
    /** Inline `display` values that make an element block-level. */
    blockDisplays: ['block', 'flex', 'grid', 'list-item', 'table', 'table-row', 'table-cell', 'flow-root'],
    headingTags: ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'],
    buttonLike: wechat.buttonLike,
  });

  /** @param {string | string[]} list */
  ns.sel = (list) => (Array.isArray(list) ? list.join(', ') : list);

  /**
   * The first element matching one of `list`, tried in order, in `scope`.
   * @param {ParentNode} scope
   * @param {string | string[]} list
   * @returns {HTMLElement | null}
   */
  ns.queryFirst = (scope, list) => {
    for (const css of Array.isArray(list) ? list : [list]) {
      try {
        const el = scope.querySelector(css);
        if (el) return /** @type {HTMLElement} */ (el);
      } catch (_) { /* an invalid selector in a hint list must not break the rest */ }
    }
    return null;
  };

  /**
   * Whether `el` is inside (or is) an element matching one of `list`.
   * @param {Element} el
   * @param {string[]} list
   */
  ns.closestAny = (el, list) => list.some((css) => { try { return !!el.closest(css); } catch (_) { return false; } });
})();
