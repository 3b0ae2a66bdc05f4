//! HTML front end: a saved published article page, a saved editor page (old UEditor or new
//! ProseMirror generation), or any HTML fragment, turned into an [`Article`].
//!
//! Where each field is found is decided here, with every selector in the `selectors` module;
//! how a body element becomes blocks is in `walk`, images and figure captions in `image`;
//! inline CSS is read by `style`; `nesting` keeps pathological nesting from making the
//! parser quadratic.
//!
//! Body root, first match wins:
//! 1. `#js_content` (a published article);
//! 2. the body `div.ProseMirror` of the new editor: not the title one (inside
//!    `.title-editor__input` / `#js_title_main`, or with the title placeholder), preferably
//!    inside `.mock-iframe-body` / `.rich_media_content` / `#ueditor_0`;
//! 3. `#ueditor_0`: an old-editor `iframe` whose document was saved inline (`srcdoc` or its
//!    raw content), or a `div` holding the body;
//! 4. `body.view` (the old editor's iframe document saved on its own);
//! 5. the whole `<body>` (a fragment).

mod image;
pub(crate) mod nesting;
mod style;
mod walk;

use scraper::{ElementRef, Html, Selector};

use crate::model::Article;
use walk::{text_of, walk, Mode};

/// Every selector the HTML front end uses, in one place: the editor's markup changes, so
/// these are hints to keep up to date (see the editor reference).
pub(crate) mod selectors {
    /// Body of a published article.
    pub const PUBLISHED_BODY: &str = "#js_content";
    /// Title of a published article.
    pub const PUBLISHED_TITLE: &str = "#activity-name";
    pub const OG_TITLE: &str = r#"meta[property="og:title"]"#;
    pub const META_AUTHOR: &str = r#"meta[name="author"]"#;
    /// Author line of a published article, when the meta tag is missing.
    pub const PUBLISHED_AUTHOR: &str = "#js_author_name";
    pub const META_DESCRIPTION: &str = r#"meta[name="description"]"#;
    pub const OG_DESCRIPTION: &str = r#"meta[property="og:description"]"#;
    /// The new editor's title ProseMirror, in order of preference.
    pub const EDITOR_TITLE_PROSEMIRROR: &[&str] = &[
        ".title-editor__input .ProseMirror",
        "#js_title_main .ProseMirror",
        r#"div.ProseMirror[data-placeholder="请在这里输入标题"]"#,
    ];
    /// The title placeholder text of the new editor's title ProseMirror.
    pub const TITLE_PLACEHOLDER: &str = "请在这里输入标题";
    /// Classes and ids of the areas holding the title ProseMirror.
    pub const TITLE_AREA_CLASS: &str = "title-editor__input";
    pub const TITLE_AREA_ID: &str = "js_title_main";
    /// Title form fields: the new editor's hidden textarea, the old editor's input.
    pub const TITLE_TEXTAREA: &str = "textarea#title";
    pub const TITLE_INPUT: &str = "input#title";
    pub const AUTHOR_INPUT: &str = "input#author, input.js_author";
    pub const DIGEST_TEXTAREA: &str = "textarea#js_description, textarea.js_desc, textarea[name=digest]";
    /// Any ProseMirror editing surface.
    pub const PROSEMIRROR: &str = "div.ProseMirror";
    /// Classes and ids of the containers the body ProseMirror sits in.
    pub const BODY_CONTAINER_CLASSES: &[&str] = &["mock-iframe-body", "rich_media_content"];
    pub const BODY_CONTAINER_ID: &str = "ueditor_0";
    /// The old editor's body iframe (a `div` in the new editor).
    pub const UEDITOR_FRAME: &str = "#ueditor_0";
    pub const RICH_MEDIA_CONTENT: &str = ".rich_media_content";
    /// The old editor's iframe document body.
    pub const UEDITOR_BODY: &str = "body.view";
    pub const BODY: &str = "body";
    pub const H1: &str = "h1";
    pub const DOCUMENT_TITLE: &str = "title";
}

/// A selector from [`selectors`] (constants checked by the tests), parsed once per process: a
/// batch of 10,000 pages would otherwise parse each selector 10,000 times.
fn sel(css: &'static str) -> &'static Selector {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static PARSED: OnceLock<Mutex<HashMap<&'static str, &'static Selector>>> = OnceLock::new();
    let mut parsed = PARSED.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    // Leaked on purpose: one per built-in selector constant, a bounded set.
    parsed.entry(css).or_insert_with(|| {
        Box::leak(Box::new(Selector::parse(css).unwrap_or_else(|e| panic!("invalid built-in selector {css:?}: {e:?}"))))
    })
}

fn first<'a>(scope: &'a Html, css: &'static str) -> Option<ElementRef<'a>> {
    scope.select(sel(css)).next()
}

/// An attribute, trimmed.
fn attr_of(el: ElementRef<'_>, name: &str) -> String {
    el.attr(name).unwrap_or_default().trim().to_string()
}

/// Parse a document after limiting its nesting depth.
fn parse(content: &str) -> Html {
    Html::parse_document(&nesting::limit_nesting(content))
}

/// Turn an HTML page or fragment into an article.
pub fn extract_html(content: &str) -> Article {
    let doc = parse(content);
    let (root, is_fragment) = match body_root(&doc) {
        Root::Element(el, is_fragment) => (el, is_fragment),
        Root::Frame(inner) => {
            let inner_doc = parse(&inner);
            let root = first(&inner_doc, selectors::UEDITOR_BODY)
                .or_else(|| first(&inner_doc, selectors::BODY))
                .unwrap_or_else(|| inner_doc.root_element());
            let mut article = fields(&doc);
            article.blocks = walk(root, &[], Mode::Body);
            return article;
        }
    };
    let mut article = fields(&doc);
    let title_h1 = if article.title.is_empty() && is_fragment { first_h1(root) } else { None };
    if let Some((h1, title)) = title_h1 {
        article.title = title;
        article.blocks = walk(root, &[h1], Mode::Body);
    } else {
        if article.title.is_empty() && is_fragment {
            article.title = first(&doc, selectors::DOCUMENT_TITLE).map(|t| text_of(t, " ")).unwrap_or_default();
        }
        article.blocks = walk(root, &[], Mode::Body);
    }
    article
}

/// The body blocks of an HTML fragment (raw HTML inside Markdown), with no title handling.
pub(crate) fn html_blocks(fragment: &str) -> Vec<crate::model::Block> {
    let doc = parse(fragment);
    let root = first(&doc, selectors::BODY).unwrap_or_else(|| doc.root_element());
    walk(root, &[], Mode::Body)
}

/// Where the body is.
enum Root<'a> {
    /// A body element; `true` when it is the whole `<body>` of a fragment.
    Element(ElementRef<'a>, bool),
    /// The old editor's iframe, whose document was saved inline: its HTML.
    Frame(String),
}

fn body_root(doc: &Html) -> Root<'_> {
    if let Some(el) = first(doc, selectors::PUBLISHED_BODY) {
        return Root::Element(el, false);
    }
    let candidates: Vec<ElementRef<'_>> = doc.select(sel(selectors::PROSEMIRROR)).filter(|e| !is_title_prosemirror(*e)).collect();
    if let Some(el) = candidates.iter().find(|e| in_body_container(**e)).or(candidates.first()) {
        return Root::Element(*el, false);
    }
    if let Some(frame) = first(doc, selectors::UEDITOR_FRAME) {
        if frame.value().name() == "iframe" {
            let srcdoc = frame.attr("srcdoc").unwrap_or_default();
            let inline: String = if srcdoc.trim().is_empty() { frame.text().collect() } else { srcdoc.to_string() };
            if inline.contains('<') {
                return Root::Frame(inline);
            }
        } else {
            let inner = frame.select(sel(selectors::RICH_MEDIA_CONTENT)).next().unwrap_or(frame);
            return Root::Element(inner, false);
        }
    }
    if let Some(el) = first(doc, selectors::UEDITOR_BODY) {
        return Root::Element(el, false);
    }
    Root::Element(first(doc, selectors::BODY).unwrap_or_else(|| doc.root_element()), true)
}

/// Whether a ProseMirror is the new editor's title field.
fn is_title_prosemirror(el: ElementRef<'_>) -> bool {
    el.attr("data-placeholder") == Some(selectors::TITLE_PLACEHOLDER)
        || el.ancestors().filter_map(ElementRef::wrap).any(|a| {
            a.value().id() == Some(selectors::TITLE_AREA_ID) || a.value().classes().any(|c| c == selectors::TITLE_AREA_CLASS)
        })
}

/// Whether an element sits inside one of the containers of the editor body.
fn in_body_container(el: ElementRef<'_>) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|a| {
        a.value().id() == Some(selectors::BODY_CONTAINER_ID)
            || a.value().classes().any(|c| selectors::BODY_CONTAINER_CLASSES.contains(&c))
    })
}

/// The first `h1` of a fragment with text, and that text.
fn first_h1(root: ElementRef<'_>) -> Option<(ElementRef<'_>, String)> {
    root.select(sel(selectors::H1)).map(|h| (h, text_of(h, " "))).find(|(_, t)| !t.is_empty())
}

/// Title, author and digest from the page's fields (the fragment fallbacks for the title,
/// first `h1` then `<title>`, are applied by [`extract_html`], which knows the body root).
fn fields(doc: &Html) -> Article {
    let present = Present::of(doc);
    Article { title: title(doc, &present), author: author(doc, &present), digest: digest(doc, &present), blocks: Vec::new() }
}

/// What a page holds, from one pass over its elements, so that the field lookups skip the
/// selectors that cannot match: each lookup that finds nothing walks the whole document, and an
/// editor's fields (`<input>`, `<textarea>`) are absent from a saved page and the reverse. A
/// superset test (names and ids compared ignoring ASCII case, as selectors in quirks mode do):
/// when it says present, the selector still decides.
struct Present {
    textarea: bool,
    input: bool,
    meta: bool,
    author_id: bool,
}

impl Present {
    fn of(doc: &Html) -> Present {
        let mut p = Present { textarea: false, input: false, meta: false, author_id: false };
        let author_id = selectors::PUBLISHED_AUTHOR.trim_start_matches('#');
        // Every element node, as `Html::select` visits them.
        for el in doc.tree.nodes().filter_map(ElementRef::wrap) {
            let e = el.value();
            let name = e.name();
            p.textarea |= name.eq_ignore_ascii_case("textarea");
            p.input |= name.eq_ignore_ascii_case("input");
            p.meta |= name.eq_ignore_ascii_case("meta");
            p.author_id |= e.id().is_some_and(|id| id.eq_ignore_ascii_case(author_id));
        }
        p
    }
}

/// [`first`], when `possible`.
fn first_if<'a>(possible: bool, doc: &'a Html, css: &'static str) -> Option<ElementRef<'a>> {
    if possible {
        first(doc, css)
    } else {
        None
    }
}

fn title(doc: &Html, present: &Present) -> String {
    if let Some(t) = first(doc, selectors::PUBLISHED_TITLE).map(|el| text_of(el, " ")).filter(|t| !t.is_empty()) {
        return t;
    }
    if let Some(t) = first_if(present.meta, doc, selectors::OG_TITLE).map(|el| attr_of(el, "content")).filter(|t| !t.is_empty()) {
        return t;
    }
    for css in selectors::EDITOR_TITLE_PROSEMIRROR {
        if let Some(el) = first(doc, css) {
            let t = text_of(el, " ");
            if !t.is_empty() {
                return t;
            }
        }
    }
    if let Some(el) = first_if(present.textarea, doc, selectors::TITLE_TEXTAREA) {
        return el.text().collect::<String>().trim().to_string();
    }
    if let Some(el) = first_if(present.input, doc, selectors::TITLE_INPUT) {
        return attr_of(el, "value");
    }
    String::new()
}

fn author(doc: &Html, present: &Present) -> String {
    if let Some(el) = first_if(present.input, doc, selectors::AUTHOR_INPUT) {
        return attr_of(el, "value");
    }
    if let Some(a) = first_if(present.meta, doc, selectors::META_AUTHOR).map(|el| attr_of(el, "content")).filter(|a| !a.is_empty()) {
        return a;
    }
    first_if(present.author_id, doc, selectors::PUBLISHED_AUTHOR).map(|el| text_of(el, " ")).unwrap_or_default()
}

fn digest(doc: &Html, present: &Present) -> String {
    if let Some(el) = first_if(present.textarea, doc, selectors::DIGEST_TEXTAREA) {
        return el.text().collect::<String>().trim().to_string();
    }
    [selectors::META_DESCRIPTION, selectors::OG_DESCRIPTION]
        .iter()
        .filter_map(|css| first_if(present.meta, doc, css))
        .map(|el| attr_of(el, "content"))
        .find(|d| !d.is_empty())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Align, Block, ImageBlock, TextBlock};

    fn texts(a: &Article) -> Vec<&str> {
        a.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Text(t) => Some(t.text.as_str()),
                Block::Image(_) => None,
            })
            .collect()
    }

    fn text(b: &Block) -> &TextBlock {
        match b {
            Block::Text(t) => t,
            Block::Image(i) => panic!("expected text, got {i:?}"),
        }
    }

    fn image(b: &Block) -> &ImageBlock {
        match b {
            Block::Image(i) => i,
            Block::Text(t) => panic!("expected image, got {t:?}"),
        }
    }

    #[test]
    fn built_in_selectors_parse() {
        use selectors::*;
        let all = [
            PUBLISHED_BODY, PUBLISHED_TITLE, OG_TITLE, META_AUTHOR, PUBLISHED_AUTHOR, META_DESCRIPTION,
            OG_DESCRIPTION, TITLE_TEXTAREA, TITLE_INPUT, AUTHOR_INPUT, DIGEST_TEXTAREA, PROSEMIRROR,
            UEDITOR_FRAME, RICH_MEDIA_CONTENT, UEDITOR_BODY, BODY, H1, DOCUMENT_TITLE,
        ];
        for css in all.iter().chain(EDITOR_TITLE_PROSEMIRROR) {
            assert!(Selector::parse(css).is_ok(), "{css}");
        }
    }

    /// [`Present`] skips a selector when the page lacks its element: each selector it gates must
    /// require that element in every alternative, or the skip would lose a match.
    #[test]
    fn selectors_gated_by_present_require_their_element() {
        use selectors::*;
        let gated = [
            ("meta", OG_TITLE),
            ("meta", META_AUTHOR),
            ("meta", META_DESCRIPTION),
            ("meta", OG_DESCRIPTION),
            ("textarea", TITLE_TEXTAREA),
            ("textarea", DIGEST_TEXTAREA),
            ("input", TITLE_INPUT),
            ("input", AUTHOR_INPUT),
        ];
        for (tag, css) in gated {
            for alternative in css.split(',') {
                let a = alternative.trim();
                let rest = a.strip_prefix(tag).unwrap_or_else(|| panic!("{css}: '{a}' does not require <{tag}>"));
                assert!(rest.starts_with(['#', '.', '[']) || rest.is_empty(), "{css}: '{a}' is not a <{tag}>");
            }
        }
        assert_eq!(PUBLISHED_AUTHOR.strip_prefix('#').map(|id| id.contains([' ', '.', '[', ','])), Some(false), "one id");
    }

    #[test]
    fn published_page() {
        let a = extract_html(include_str!("../../tests/fixtures/published.html"));
        assert_eq!(a.title, "阳光小学举行2025年春季田径运动会");
        assert_eq!(a.author, "阳光小学德育处");
        assert!(a.digest.starts_with("4月18日，阳光小学第十二届春季田径运动会"));
        let kinds: String = a.blocks.iter().map(|b| if matches!(b, Block::Image(_)) { 'I' } else { 'T' }).collect();
        assert_eq!(kinds, "TTITTTITTITT");
        assert!(texts(&a).iter().all(|t| !t.contains("msg_title") && !t.contains("阳光小学德育处")));

        let first = image(&a.blocks[2]);
        assert_eq!(first.src, "https://mmbiz.qpic.cn/mmbiz_jpg/Yx1aBcDeFg/640?wx_fmt=jpeg&from=appmsg");
        assert_eq!((first.width, first.height, first.caption.as_deref()), (Some(1080), Some(720), None));
        let triangle = text(&a.blocks[3]);
        assert_eq!(triangle.text, "▲ 运动员代表五年级（2）班张子涵宣誓");
        assert_eq!((triangle.style.align, triangle.style.font_size), (Some(Align::Center), Some(14.0)));

        assert_eq!((image(&a.blocks[6]).width, image(&a.blocks[6]).height), (Some(1280), Some(960)));
        let grey = text(&a.blocks[7]);
        assert_eq!(grey.text, "六年级学生在4×100米接力赛中奋力冲刺");
        assert_eq!(grey.style.align, Some(Align::Center));
        assert_eq!(grey.style.font_size, Some(12.0));
        assert_eq!(grey.style.color.as_deref(), Some("rgb(136, 136, 136)"));
        assert!(!grey.style.with_image && !grey.style.heading);

        assert_eq!(image(&a.blocks[9]).height, Some(608));
        let body = text(&a.blocks[10]);
        assert_eq!((body.style.align, body.style.font_size, body.style.color.as_deref()), (None, Some(15.0), None));
        assert_eq!(text(&a.blocks[11]).text, "供稿：德育处\u{3000}审核：李秀梅");
        assert_eq!(text(&a.blocks[11]).style.align, Some(Align::Right));
    }

    #[test]
    fn published_title_falls_back_to_og_title() {
        let a = extract_html(r#"<html><head><meta property="og:title" content="题 &amp; 目"><meta property="og:description" content="摘"></head><body><div id="js_content"><p>正文</p></div></body></html>"#);
        assert_eq!((a.title.as_str(), a.digest.as_str()), ("题 & 目", "摘"));
        assert_eq!(texts(&a), vec!["正文"]);
    }

    #[test]
    fn old_editor_page_with_inline_frame() {
        let a = extract_html(include_str!("../../tests/fixtures/editor-ueditor.html"));
        assert_eq!(a.title, "城南小学开展“安全教育月”系列活动");
        assert_eq!(a.author, "城南小学");
        assert_eq!(a.digest, "城南小学安全教育月：民警进校园、应急疏散演练。");
        assert_eq!(a.blocks.len(), 5);
        let img = image(&a.blocks[2]);
        assert_eq!((img.width, img.height), (Some(800), Some(600)));
        let caption = text(&a.blocks[3]);
        assert_eq!(caption.text, "民警为学生讲解交通安全知识");
        assert_eq!(caption.style.color.as_deref(), Some("#999999"));
        assert!(texts(&a).iter().all(|t| !t.contains("从这里开始写正文") && !t.contains("保存")));
    }

    #[test]
    fn old_editor_iframe_document_on_its_own() {
        let a = extract_html(
            r#"<html class="view"><head></head><body class="view" contenteditable="true"><p>正文一</p><p><br></p><p>正文二</p></body></html>"#,
        );
        assert_eq!(a.title, "");
        assert_eq!(texts(&a), vec!["正文一", "正文二"]);
    }

    #[test]
    fn old_editor_fields_without_body() {
        let a = extract_html(
            r#"<div id="js_title_main"><input id="title" class="js_title" value=" 标题 "></div><input id="author" value="作者"><textarea id="js_description">摘要</textarea><iframe id="ueditor_0" src="saved_resource.html"></iframe><div id="edui1_contentplaceholder">从这里开始写正文</div>"#,
        );
        assert_eq!((a.title.as_str(), a.author.as_str(), a.digest.as_str()), ("标题", "作者", "摘要"));
        assert!(a.blocks.is_empty(), "{:?}", a.blocks);
    }

    #[test]
    fn new_editor_page() {
        let a = extract_html(include_str!("../../tests/fixtures/editor-prosemirror.html"));
        assert_eq!(a.title, "柳河镇中心幼儿园举办“亲子阅读月”启动仪式");
        assert_eq!(a.author, "柳河幼儿园");
        assert_eq!(a.digest, "");
        let kinds: String = a.blocks.iter().map(|b| if matches!(b, Block::Image(_)) { 'I' } else { 'T' }).collect();
        assert_eq!(kinds, "TTITTT");
        assert!(texts(&a).iter().all(|t| !t.contains("输入“/”") && !t.contains("从这里开始") && !t.contains("柳河镇中心幼儿园举办")));
        assert_eq!((image(&a.blocks[2]).width, image(&a.blocks[2]).height), (Some(1200), Some(800)));
        let caption = text(&a.blocks[3]);
        assert_eq!(caption.text, "△ 大班小朋友表演绘本剧《小蝌蚪找妈妈》");
        assert_eq!(caption.style.font_size, Some(12.0));
        assert_eq!(text(&a.blocks[4]).text, "活动现场，大班小朋友表演了绘本剧，家长志愿者分享了亲子共读的经验。\u{200B}");
        assert!(!text(&a.blocks[4]).style.with_image, "the ProseMirror separator is not an image");
    }

    #[test]
    fn new_editor_title_prefers_prosemirror_then_textarea() {
        let page = |title_pm: &str| {
            format!(
                r#"<div class="title-editor__input"><div class="ProseMirror" data-placeholder="请在这里输入标题">{title_pm}</div></div><textarea id="title">备用标题</textarea><div class="mock-iframe-body"><div class="ProseMirror"><p><span leaf="">正文</span></p></div></div>"#
            )
        };
        let a = extract_html(&page(r#"<p><span leaf="">标题</span><br class="ProseMirror-trailingBreak"></p>"#));
        assert_eq!(a.title, "标题");
        assert_eq!(texts(&a), vec!["正文"]);
        let a = extract_html(&page(r#"<p><br class="ProseMirror-trailingBreak"></p>"#));
        assert_eq!(a.title, "备用标题");
    }

    #[test]
    fn body_prosemirror_is_not_the_title_one_even_when_first() {
        let a = extract_html(
            r#"<div id="js_title_main"><div class="ProseMirror"><p>标题</p></div></div><div class="ProseMirror"><p>正文</p></div>"#,
        );
        assert_eq!(a.title, "标题");
        assert_eq!(texts(&a), vec!["正文"]);
    }

    #[test]
    fn fragment_title_from_first_h1_then_document_title() {
        let a = extract_html("<h1> 镇政府 召开会议 </h1><h1>第二个</h1><p>正文</p>");
        assert_eq!(a.title, "镇政府 召开会议");
        assert_eq!(texts(&a), vec!["第二个", "正文"]);
        assert!(text(&a.blocks[0]).style.heading);
        let a = extract_html("<html><head><title>页面标题</title></head><body><p>正文</p></body></html>");
        assert_eq!(a.title, "页面标题");
        assert_eq!(extract_html("<p>正文</p>").title, "");
        assert_eq!(extract_html("").blocks, vec![]);
    }

    #[test]
    fn fragment_with_figure_and_inline_image() {
        let a = extract_html(
            r#"<figure><img src="a.jpg" alt="合影"><figcaption>图：全体教师合影</figcaption></figure><p>文字<img src="b.jpg">说明</p>"#,
        );
        assert_eq!(a.blocks.len(), 4);
        assert_eq!(image(&a.blocks[0]).caption.as_deref(), Some("图：全体教师合影"));
        assert_eq!(image(&a.blocks[0]).alt.as_deref(), Some("合影"));
        assert!(text(&a.blocks[1]).style.with_image);
        assert_eq!(image(&a.blocks[2]).src, "b.jpg");
        assert_eq!(text(&a.blocks[1]).text, "文字");
        assert_eq!(text(&a.blocks[3]).text, "说明");
        assert!(text(&a.blocks[3]).style.with_image);
    }

    #[test]
    fn very_deep_nesting_does_not_crash() {
        let depth = 200_000;
        let mut html = String::with_capacity(depth * 12);
        for _ in 0..depth {
            html.push_str("<div>");
        }
        html.push_str("深处的文字");
        for _ in 0..depth {
            html.push_str("</div>");
        }
        html.push_str("<p>之后</p>");
        let a = extract_html(&html);
        assert_eq!(texts(&a), vec!["深处的文字", "之后"]);
    }

    #[test]
    fn deep_inline_nesting_and_garbage_do_not_crash() {
        let deep_spans = "<span>".repeat(100_000) + "x";
        assert_eq!(texts(&extract_html(&deep_spans)), vec!["x"]);
        for junk in ["<", "<<<>>>", "</p></div>", "<div", "<img", "<table><td>", "\u{0}\u{FFFF}", "<svg><p>x</svg>", "<iframe id=ueditor_0><"] {
            let _ = extract_html(junk);
        }
    }

    #[test]
    fn html_blocks_ignore_title_rules() {
        let blocks = html_blocks("<h1>一</h1><p>二</p>");
        assert_eq!(blocks.len(), 2);
    }
}
