// Every selector the content script uses, in one place. The WeChat editor's markup changes
// without notice (see the editor reference): these are hints to keep up to date. Both
// generations are covered: the old UEditor (body in an iframe) and the new ProseMirror one.
(function () {
  'use strict';
  const ns = (globalThis.wxlint = globalThis.wxlint || {});

  ns.selectors = Object.freeze({
    // ---- Body ----------------------------------------------------------------------------
    /** Old editor: the body iframe (a same-origin document). */
    ueditorFrame: 'iframe#ueditor_0',
    /** Old editor: the editable body inside that iframe, in order of preference. */
    ueditorBody: ['body.view[contenteditable]', 'body.view', 'body[contenteditable]'],
    /** New editor: any ProseMirror surface (body and title are both ProseMirrors). */
    proseMirror: 'div.ProseMirror',
    /** New editor: hosts whose open shadow root may hold the body ProseMirror. */
    shadowHosts: ['.edui-editor-iframeholder .editor-v-root', '.editor-v-root'],
    /** New editor: containers of the body ProseMirror (used to prefer the right one). */
    bodyContainers: ['.mock-iframe-body', '.rich_media_content', '#ueditor_0', '#edui1_iframeholder'],

    // ---- Title / author / digest ----------------------------------------------------------
    /** New editor: the title ProseMirror, in order of preference. */
    titleProseMirror: [
      '.title-editor__input .ProseMirror',
      '#js_title_main .ProseMirror',
      'div.ProseMirror[data-placeholder="请在这里输入标题"]',
    ],
    /** Areas holding the title ProseMirror: a ProseMirror inside one is never the body. */
    titleAreas: ['.title-editor__input', '#js_title_main'],
    titlePlaceholder: '请在这里输入标题',
    /** Old editor: the title input. */
    titleInput: ['input#title', 'input.js_title'],
    /** New editor: the hidden textarea kept in sync with the title ProseMirror (fallback). */
    titleTextarea: ['textarea#title', 'textarea.js_article_title'],
    author: ['input#author', 'input.js_author'],
    digest: ['textarea#js_description', 'textarea.js_desc', 'textarea[name=digest]'],
    /** The account's name in the back end's header (for the review sheet; blank when absent). */
    accountName: ['.weui-desktop-account__nickname', '.weui-desktop_name', '.account_nickname', '#js_account_name'],

    // ---- Buttons --------------------------------------------------------------------------
    /** Publish buttons of the toolbar (both generations). */
    submitButtons: ['#js_send', 'button.mass_send'],
    /** Save as draft: never intercepted. */
    neverBlock: ['#js_submit'],
    /** Texts of the confirmation buttons in the publish dialogs. */
    confirmTexts: ['确认发表', '无需声明并发表', '发表', '保存并群发'],
    /** What counts as a button when matching by text. */
    buttonLike: 'button, a, [role="button"], .weui-desktop-btn, .btn',
    /** Dialog containers the confirmation buttons sit in. */
    dialogs: [
      '.weui-desktop-dialog', '.weui-desktop-dialog__wrp', '[role="dialog"]', '[aria-modal="true"]',
      '.dialog_wrp', '.dialog', '.weui-desktop-popover', '.popover', '.mass_send_dialog',
    ],

    // ---- Extraction -----------------------------------------------------------------------
    /** Nodes that are not article text (placeholders, ProseMirror widgets and separators). */
    placeholders: [
      '.editor_content_placeholder', '#edui1_contentplaceholder', '.ProseMirror-widget',
      '.ProseMirror-separator', 'br.ProseMirror-trailingBreak', '[data-placeholder]',
    ],
    /** Elements left out with everything inside them. */
    skipTags: ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'TEXTAREA', 'SELECT',
      'IFRAME', 'OBJECT', 'DATALIST', 'FRAMESET', 'NOEMBED', 'NOFRAMES'],
    /** Elements that start and end a text block. */
    blockTags: ['ADDRESS', 'ARTICLE', 'ASIDE', 'AUDIO', 'BLOCKQUOTE', 'BODY', 'CANVAS', 'CAPTION', 'CENTER', 'DD',
      'DETAILS', 'DIALOG', 'DIR', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
      'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI',
      'LISTING', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
      'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'VIDEO', 'XMP'],
    /** Inline `display` values that make an element block-level. */
    blockDisplays: ['block', 'flex', 'grid', 'list-item', 'table', 'table-row', 'table-cell', 'flow-root'],
    headingTags: ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'],
  });

  /** Join a list of selectors into one selector list. */
  ns.sel = (list) => (Array.isArray(list) ? list.join(', ') : list);

  /** The first element matching one of `list`, tried in order, in `scope`. */
  ns.queryFirst = (scope, list) => {
    for (const css of Array.isArray(list) ? list : [list]) {
      try {
        const el = scope.querySelector(css);
        if (el) return el;
      } catch (_) { /* an invalid selector in a hint list must not break the rest */ }
    }
    return null;
  };
})();
