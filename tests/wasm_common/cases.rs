// Test cases of the WASM bindings, shared by `tests/wasm_node.rs` (Node.js) and
// `tests/wasm_browser.rs` (headless Chromium): `include!`d there, so every case runs on both.
// Everything crosses the JS boundary: articles and configurations are built with `JSON.parse`,
// results are read back with `Reflect`, offsets are checked with JS `String.prototype.slice`.

use js_sys::{Array, JsString, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use wxlint::wasm::{version, Checker, JsArticle, JsConfig};

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap_or_else(|e| panic!("bad test JSON {json}: {e:?}"))
}

fn article(json: &str) -> JsArticle {
    js(json).unchecked_into()
}

fn config(json: &str) -> Option<JsConfig> {
    Some(js(json).unchecked_into())
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn string(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_else(|| panic!("{key} is not a string"))
}

fn number(v: &JsValue, key: &str) -> f64 {
    get(v, key).as_f64().unwrap_or_else(|| panic!("{key} is not a number"))
}

fn has(v: &JsValue, key: &str) -> bool {
    Reflect::has(v, &key.into()).unwrap()
}

fn findings(checker: &Checker, a: &JsValue) -> Vec<JsValue> {
    let out: JsValue = checker.check(a.clone().unchecked_into()).expect("check").into();
    assert!(Array::is_array(&out), "check() returns an array");
    Array::from(&out).iter().collect()
}

fn of_rule(all: &[JsValue], rule: &str) -> Vec<JsValue> {
    all.iter().filter(|f| string(f, "rule") == rule).cloned().collect()
}

/// The text of the field a finding is in, read back from the JS article.
fn field_text(a: &JsValue, f: &JsValue) -> JsString {
    let field = string(f, "field");
    let v = if field == "body" {
        let block = Array::from(&get(a, "blocks")).get(number(f, "block") as u32);
        get(&block, "text")
    } else {
        get(a, &field)
    };
    v.dyn_into::<JsString>().expect("a string field")
}

fn error_message(e: &JsValue) -> String {
    assert!(e.is_instance_of::<js_sys::Error>(), "thrown value is an Error: {e:?}");
    String::from(e.unchecked_ref::<js_sys::Error>().message())
}

#[wasm_bindgen_test]
fn prohibited_term_with_emoji_and_zero_width_char_has_utf16_offsets() {
    // JSON.parse turns the \u200b escape into a real zero-width space.
    let a = js(r#"{"title": "😀网上賭場", "author": "张三", "digest": "摘要",
        "blocks": [{"type": "text", "text": "😀欢迎加入网上\u200b赌场代理"}]}"#);
    let checker = Checker::new(None).unwrap();
    let all = findings(&checker, &a);
    let hits = of_rule(&all, "prohibited");
    assert_eq!(hits.len(), 2, "{all:?}");

    // In the title: the traditional form, after a surrogate pair.
    let t = &hits[0];
    assert_eq!(string(t, "field"), "title");
    assert!(!has(t, "block"), "no block key for a title finding");
    assert_eq!((number(t, "start"), number(t, "end")), (2.0, 6.0));
    assert_eq!(string(t, "text"), "网上賭場");
    let title = field_text(&a, t);
    assert_eq!(String::from(title.slice(2, 6)), "网上賭場");

    // In the body: the zero-width char inside the match is kept in `text`.
    let b = &hits[1];
    assert_eq!(string(b, "field"), "body");
    assert_eq!(number(b, "block"), 0.0);
    assert_eq!((number(b, "start"), number(b, "end")), (6.0, 11.0));
    assert_eq!(string(b, "text"), "网上\u{200b}赌场");
    assert_eq!(string(b, "category"), "gambling");
    assert!(string(b, "message").contains("网上\u{200b}赌场"));
    let body = field_text(&a, b);
    let sliced = body.slice(number(b, "start") as u32, number(b, "end") as u32);
    assert_eq!(JsValue::from(sliced), get(b, "text"), "JS slice(start, end) equals finding.text");

    // Every finding with a span satisfies the invariant.
    for f in &all {
        let (s, e) = (number(f, "start") as u32, number(f, "end") as u32);
        if s != e {
            assert_eq!(String::from(field_text(&a, f).slice(s, e)), string(f, "text"), "{f:?}");
        }
        assert!(["block", "review", "warn", "info"].contains(&string(f, "severity").as_str()));
    }
}

#[wasm_bindgen_test]
fn findings_are_plain_objects_without_absent_options() {
    let checker = Checker::new(None).unwrap();
    let all = findings(&checker, &js(r#"{"title": "", "blocks": []}"#));
    let t = of_rule(&all, "title-length");
    assert_eq!(t.len(), 1);
    let keys: Vec<String> = js_sys::Object::keys(t[0].unchecked_ref::<js_sys::Object>()).iter().filter_map(|k| k.as_string()).collect();
    for absent in ["block", "category", "suggestion"] {
        assert!(!keys.iter().any(|k| k == absent), "{absent} present in {keys:?}");
    }
    for present in ["rule", "severity", "field", "start", "end", "text", "message"] {
        assert!(keys.iter().any(|k| k == present), "{present} missing in {keys:?}");
    }
    assert_eq!(js_sys::Object::get_prototype_of(&t[0]), js_sys::Object::get_prototype_of(&js_sys::Object::new()));
}

#[wasm_bindgen_test]
fn article_shapes_with_nulls_and_images_are_accepted() {
    let checker = Checker::new(None).unwrap();
    let a = js(r#"{"title": "校园开放日", "author": "教务处", "digest": "",
        "blocks": [
          {"type": "text", "text": "正文", "style": {"align": null, "fontSize": 15, "color": null}},
          {"type": "image", "src": "a.png", "alt": null, "width": 1080, "height": 608, "caption": null},
          {"type": "text", "text": "图为开放日现场", "style": {"align": "center", "fontSize": 12, "color": "rgb(136,136,136)", "withImage": false}}
        ],
        "somethingTheExtensionAdds": 1}"#);
    let all = findings(&checker, &a);
    assert!(of_rule(&all, "prohibited").is_empty(), "{all:?}");
}

#[wasm_bindgen_test]
fn an_invalid_article_throws_a_clear_error() {
    let checker = Checker::new(None).unwrap();
    let e = checker.check(article(r#"{"title": "t", "blocks": [{"text": "no type"}]}"#)).unwrap_err();
    let m = error_message(&e);
    assert_eq!(m, "invalid article: missing field `type`");
    let e = checker.check(article(r#"{"title": 42}"#)).unwrap_err();
    let m = error_message(&e);
    assert!(m.starts_with("invalid article: invalid type") && m.contains("string"), "{m}");
    let e = checker.check(article(r#"{"blocks": [{"type": "video"}]}"#)).unwrap_err();
    assert!(error_message(&e).contains("video"));
}

#[wasm_bindgen_test]
fn a_malformed_lexicon_throws_with_the_line_and_keeps_the_old_list() {
    let mut checker = Checker::new(config(r#"{"builtinLexicon": false}"#)).unwrap();
    let stats: JsValue = checker.load_lexicon("赌球\n@allow\n赌球场馆\n", Some("gambling".into()), Some("mine".into())).unwrap().into();
    assert_eq!((number(&stats, "entries"), number(&stats, "allowed"), number(&stats, "total")), (1.0, 1.0, 2.0));
    let a = js(r#"{"title": "标题", "blocks": [{"type": "text", "text": "赌球和网赌"}]}"#);
    let before = of_rule(&findings(&checker, &a), "prohibited");
    assert_eq!(before.len(), 1);
    assert_eq!(string(&before[0], "text"), "赌球");
    assert_eq!(string(&before[0], "category"), "gambling");

    let e = checker.load_lexicon("网赌\n@severity extreme\n", None, Some("mine".into())).unwrap_err();
    let m = error_message(&e);
    assert!(m.contains("词库 mine 第 2 行") && m.contains("unknown severity 'extreme'"), "{m}");
    assert_eq!(get(&e, "line").as_f64(), Some(2.0));
    assert_eq!(get(&e, "source").as_string().as_deref(), Some("mine"));

    // Nothing changed.
    let after = of_rule(&findings(&checker, &a), "prohibited");
    assert_eq!(after.len(), 1);
    assert_eq!(string(&after[0], "text"), "赌球");
    assert_eq!(checker.lexicon_names(), ["mine"]);

    // The name defaults to the category; a list with no category goes to "custom".
    checker.load_lexicon("网赌", Some("gambling".into()), None).unwrap();
    checker.load_lexicon("代理", None, None).unwrap();
    assert_eq!(checker.lexicon_names(), ["mine", "gambling", "custom"]);
    assert_eq!(of_rule(&findings(&checker, &a), "prohibited").len(), 2);
    assert!(checker.remove_lexicon("mine"));
    assert!(!checker.remove_lexicon("mine"));
    let left = of_rule(&findings(&checker, &a), "prohibited");
    assert_eq!(left.len(), 1);
    assert_eq!(string(&left[0], "text"), "网赌");

    // A whole-list error has line 0.
    let e = checker.load_lexicon("x", Some("Not Valid".into()), None).unwrap_err();
    assert_eq!(get(&e, "line").as_f64(), Some(0.0));
}

#[wasm_bindgen_test]
fn configuration_errors_throw_and_set_config_keeps_the_old_one() {
    for (json, expect) in [
        (r#"{"rules": {"no-such-rule": "off"}}"#, "unknown rule 'no-such-rule'"),
        (r#"{"rules": {"title-length": {"max": "long"}}}"#, "must be a number"),
        (r#"{"rules": {"title-length": "loud"}}"#, "unknown severity"),
        (r#"{"rulez": {}}"#, "invalid configuration: unknown field `rulez`"),
        (r#"{"maxGap": "three"}"#, "invalid configuration: invalid type"),
        (r#"{"allow": ["a|b"]}"#, "allow-list"),
        (r#"{"rules": {}, "builtinLexion": false}"#, "unknown field `builtinLexion`"),
        (r#"[]"#, "expected an object"),
        (r#""strict""#, "expected an object"),
    ] {
        let e = Checker::new(config(json)).err().unwrap_or_else(|| panic!("{json} was accepted"));
        let m = error_message(&e);
        assert!(m.contains(expect), "{json}: {m}");
    }

    // Undefined and null mean the defaults.
    let empty = js(r#"{"title": ""}"#);
    for c in [None, Some(JsValue::UNDEFINED.unchecked_into()), Some(JsValue::NULL.unchecked_into())] {
        let checker = Checker::new(c).unwrap();
        assert_eq!(of_rule(&findings(&checker, &empty), "title-length").len(), 1);
    }

    // Every kind of rule setting goes through serde-wasm-bindgen.
    let mut checker = Checker::new(config(
        r#"{"locale": "en", "maxGap": 2, "allow": ["路口交通"],
            "rules": {"title-length": {"severity": "warn", "recommended": 26, "max": 64},
                      "image-caption": "off", "author-length": false, "digest-length": true,
                      "prohibited": {"ignoreCategories": ["insults"]}}}"#,
    ))
    .unwrap();
    let f = of_rule(&findings(&checker, &empty), "title-length");
    assert_eq!(string(&f[0], "severity"), "warn");
    assert_eq!(string(&f[0], "message"), "The title is empty");

    let e = checker.set_config(config(r#"{"rules": {"title-length": {"maxx": 3}}}"#)).unwrap_err();
    assert!(error_message(&e).contains("unknown option 'maxx'"));
    let f = of_rule(&findings(&checker, &empty), "title-length");
    assert_eq!(string(&f[0], "severity"), "warn", "the old configuration stays");

    checker.set_config(config(r#"{"rules": {"title-length": "off"}}"#)).unwrap();
    assert!(of_rule(&findings(&checker, &empty), "title-length").is_empty());
    checker.set_config(None).unwrap();
    let f = of_rule(&findings(&checker, &empty), "title-length");
    assert_eq!((string(&f[0], "severity"), string(&f[0], "message")), ("block".to_string(), "标题不能为空".to_string()));
}

#[wasm_bindgen_test]
fn rules_lists_every_rule_with_metadata() {
    let rules: JsValue = Checker::rules().unwrap().into();
    assert!(Array::is_array(&rules));
    let rules: Vec<JsValue> = Array::from(&rules).iter().collect();
    let ids: Vec<String> = rules.iter().map(|r| string(r, "id")).collect();
    for id in ["prohibited", "title-length", "image-caption", "author-length", "digest-length"] {
        assert!(ids.iter().any(|i| i == id), "{id} missing from {ids:?}");
    }
    for r in &rules {
        assert!(!string(r, "nameZh").is_empty() && !string(r, "descriptionEn").is_empty());
        assert!(["block", "review", "warn", "info"].contains(&string(r, "defaultSeverity").as_str()));
        assert!(get(r, "enabledByDefault").as_bool().is_some());
        assert!(Array::is_array(&get(r, "options")));
    }
    let title = rules.iter().find(|r| string(r, "id") == "title-length").unwrap();
    let max = Array::from(&get(title, "options")).iter().find(|o| string(o, "key") == "max").unwrap();
    let default = get(&max, "default");
    assert_eq!((number(&default, "value"), number(&default, "min")), (64.0, 1.0));
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}
