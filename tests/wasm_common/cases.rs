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
        "blocks": [{"type": "text", "text": "😀欢迎来到网上\u200b赌场代理"}]}"#);
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
    assert_eq!(m, "invalid article: `blocks[0]`: missing field `type`");
    assert!(e.is_instance_of::<js_sys::TypeError>());
    let e = checker.check(article(r#"{"title": 42}"#)).unwrap_err();
    let m = error_message(&e);
    assert_eq!(m, "invalid article: `title` must be a string, got a number (42)");
    let e = checker.check(article(r#"{"blocks": [{"type": "video"}]}"#)).unwrap_err();
    assert!(error_message(&e).contains("video"));
}

#[wasm_bindgen_test]
fn a_malformed_lexicon_throws_with_the_line_and_keeps_the_old_list() {
    let checker = Checker::new(config(r#"{"builtinLexicon": false}"#)).unwrap();
    let stats: JsValue = checker.load_lexicon("赌球\n@allow\n赌球场馆\n".into(), Some("gambling".into()), Some("mine".into())).unwrap().into();
    assert_eq!((number(&stats, "entries"), number(&stats, "allowed"), number(&stats, "total")), (1.0, 1.0, 2.0));
    let a = js(r#"{"title": "标题", "blocks": [{"type": "text", "text": "赌球和网赌"}]}"#);
    let before = of_rule(&findings(&checker, &a), "prohibited");
    assert_eq!(before.len(), 1);
    assert_eq!(string(&before[0], "text"), "赌球");
    assert_eq!(string(&before[0], "category"), "gambling");

    let e = checker.load_lexicon("网赌\n@severity extreme\n".into(), None, Some("mine".into())).unwrap_err();
    let m = error_message(&e);
    assert!(m.contains("词库 mine 第 2 行") && m.contains("unknown severity 'extreme'"), "{m}");
    assert_eq!(get(&e, "line").as_f64(), Some(2.0));
    assert_eq!(get(&e, "source").as_string().as_deref(), Some("mine"));

    // Nothing changed.
    let after = of_rule(&findings(&checker, &a), "prohibited");
    assert_eq!(after.len(), 1);
    assert_eq!(string(&after[0], "text"), "赌球");
    assert_eq!(checker.lexicon_names().unwrap(), ["mine"]);

    // The name defaults to the category; a list with no category goes to "custom".
    checker.load_lexicon("网赌".into(), Some("gambling".into()), None).unwrap();
    checker.load_lexicon("代理".into(), Some(JsValue::NULL), Some(JsValue::UNDEFINED)).unwrap();
    assert_eq!(checker.lexicon_names().unwrap(), ["mine", "gambling", "custom"]);
    assert_eq!(of_rule(&findings(&checker, &a), "prohibited").len(), 2);
    assert!(checker.remove_lexicon("mine".into()).unwrap());
    assert!(!checker.remove_lexicon("mine".into()).unwrap());
    let left = of_rule(&findings(&checker, &a), "prohibited");
    assert_eq!(left.len(), 1);
    assert_eq!(string(&left[0], "text"), "网赌");

    // A whole-list error has line 0.
    let e = checker.load_lexicon("x".into(), Some("Not Valid".into()), None).unwrap_err();
    assert_eq!(get(&e, "line").as_f64(), Some(0.0));
}

#[wasm_bindgen_test]
fn configuration_errors_throw_and_set_config_keeps_the_old_one() {
    for (json, expect) in [
        (r#"{"rules": {"no-such-rule": "off"}}"#, "unknown rule 'no-such-rule'"),
        (r#"{"rules": {"title-length": {"max": "long"}}}"#, "must be a number"),
        (r#"{"rules": {"title-length": "loud"}}"#, "unknown severity"),
        (r#"{"rulez": {}}"#, "invalid configuration: unknown field `rulez`"),
        (r#"{"maxGap": "three"}"#, "invalid configuration: `maxGap`: expected a non-negative integer, got \"three\""),
        (r#"{"rules": {"title-length": 5}}"#, "`rules.title-length`: expected"),
        (r#"{"rules": {"title-length": {"enabled": "yes"}}}"#, "`rules.title-length.enabled`: expected true or false"),
        (r#"["en", {"title-length": "off"}, [], false]"#, "expected an object"),
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
    let checker = Checker::new(config(
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

/// A JS value made by a snippet of JS (`return …`).
fn eval(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body).call0(&JsValue::NULL).unwrap_or_else(|e| panic!("{body}: {e:?}"))
}

/// Articles with a cycle or a 100,000-deep object in fields wxlint does not read: these used
/// to kill the module; they are valid articles.
fn hostile_but_valid_articles() -> Vec<(&'static str, JsValue)> {
    vec![
        ("cycle in an unknown field", eval("const a = {title: '网上赌场', blocks: []}; a.self = a; a.blocks.push({type: 'text', text: 'x', more: a}); return [a]")),
        ("100,000-deep unknown field", eval("let d = {}; for (let i = 0; i < 100000; i++) d = {d}; return [{title: '网上赌场', extra: d, blocks: [{type: 'text', text: 'x', style: {deep: d}}]}]")),
    ]
}

/// The calls that used to kill the module or the checker, and other hostile ones. Each must
/// throw an `Error`, never trap.
fn hostile_values() -> Vec<(&'static str, JsValue)> {
    vec![
        ("block is the article", eval("const a = {title: 't', blocks: []}; a.blocks.push(a); return [a]")),
        ("getter that throws", eval("return [{get title() { throw new Error('boom'); }}]")),
        ("proxy that throws", eval("return [new Proxy({}, {get() { throw new RangeError('trap'); }})]")),
        ("revoked proxy", eval("const r = Proxy.revocable({}, {}); r.revoke(); return [r.proxy]")),
        ("revoked proxy as blocks", eval("const r = Proxy.revocable([], {}); r.revoke(); return [{blocks: r.proxy}]")),
        ("huge array length", eval("return [{blocks: new Proxy([], {get(t, k) { return k === 'length' ? 4294967295 : t[k]; }})}]")),
        ("number", eval("return [42]")),
        ("string", eval("return ['文章']")),
        ("null", eval("return [null]")),
        ("array", eval("return [[{type: 'text', text: 'x'}]]")),
        ("function", eval("return [function () {}]")),
        ("symbol title", eval("return [{title: Symbol('t')}]")),
        ("bigint width", eval("return [{blocks: [{type: 'image', width: 10n}]}]")),
        ("blocks not an array", eval("return [{blocks: {length: 2, 0: {type: 'text'}}}]")),
        ("null block", eval("return [{blocks: [null]}]")),
        ("bad style", eval("return [{blocks: [{type: 'text', text: 'x', style: {align: 'middle'}}]}]")),
        ("negative width", eval("return [{blocks: [{type: 'image', width: -1}]}]")),
        // Refused before the string is copied into WebAssembly memory.
        ("too large", eval("return [{title: 'x'.repeat((1 << 26) + 1)}]")),
    ]
}

fn hostile_configs() -> Vec<(&'static str, JsValue)> {
    vec![
        ("100,000-deep configuration", eval("let d = {}; for (let i = 0; i < 100000; i++) d = {d}; return {rules: {'title-length': d}}")),
        ("cycle", eval("const c = {rules: {}}; c.rules.x = c; return c")),
        ("array", eval("return ['en', {'title-length': 'off'}, [], false]")),
        ("proxy that throws on keys", eval("return new Proxy({}, {ownKeys() { throw new Error('keys'); }})")),
        ("getter that throws", eval("return {get rules() { throw new Error('boom'); }}")),
        ("bigint", eval("return {maxGap: 3n}")),
        ("function", eval("return {rules: {'title-length': () => 1}}")),
        ("NaN", eval("return {maxGap: NaN}")),
        ("number", eval("return 42")),
        ("wide", eval("const r = {}; for (let i = 0; i < 2000; i++) r['r' + i] = 'off'; return {rules: r}")),
    ]
}

fn thrown_error<T: std::fmt::Debug>(r: Result<T, JsValue>, what: &str) -> JsValue {
    match r {
        Ok(v) => panic!("{what}: accepted: {v:?}"),
        Err(e) => {
            assert!(e.is_instance_of::<js_sys::Error>(), "{what}: threw a non-Error {e:?}");
            let m = error_message(&e);
            assert!(!m.contains("unreachable") && !m.contains("out of bounds") && !m.contains("recursive use"), "{what}: {m}");
            assert!(m.chars().count() < 400, "{what}: a long message: {m}");
            e
        }
    }
}

#[wasm_bindgen_test]
fn wrong_argument_types_throw_type_errors() {
    let checker = Checker::new(config(r#"{"builtinLexicon": false}"#)).unwrap();
    let num = JsValue::from(42);
    let obj: JsValue = js_sys::Object::new().into();
    for (what, r) in [
        ("loadLexicon(42)", checker.load_lexicon(num.clone(), None, None)),
        ("loadLexicon({})", checker.load_lexicon(obj.clone(), None, None)),
        ("loadLexicon(undefined)", checker.load_lexicon(JsValue::UNDEFINED, None, None)),
        ("loadLexicon('x', 5)", checker.load_lexicon("x".into(), Some(num.clone()), None)),
        ("loadLexicon('x', null, {})", checker.load_lexicon("x".into(), Some(JsValue::NULL), Some(obj.clone()))),
    ] {
        let e = thrown_error(r, what);
        assert!(e.is_instance_of::<js_sys::TypeError>(), "{what}: {e:?}");
    }
    let e = thrown_error(checker.remove_lexicon(num.clone()), "removeLexicon(5)");
    assert!(e.is_instance_of::<js_sys::TypeError>());
    assert_eq!(error_message(&e), "removeLexicon(name): `name` must be a string, got a number (42)");
    let e = thrown_error(checker.load_lexicon(obj, None, None), "loadLexicon({})");
    assert_eq!(error_message(&e), "loadLexicon(text, category, name): `text` must be a string, got an object");
    // Nothing was loaded, and the checker works.
    assert!(checker.lexicon_names().unwrap().is_empty());
    checker.load_lexicon("赌球".into(), Some("gambling".into()), None).unwrap();
    assert_eq!(checker.lexicon_names().unwrap(), ["gambling"]);
}

/// The reference article of the hostile-call test and the JSON of its findings.
fn normal_call(checker: &Checker) -> String {
    let a = js(r#"{"title": "网上賭場开业", "blocks": [{"type": "text", "text": "欢迎来到网上赌场代理，xx镇"}]}"#);
    let out: JsValue = checker.check(a.unchecked_into()).expect("a normal check").into();
    String::from(JSON::stringify(&out).unwrap())
}

#[wasm_bindgen_test]
fn ten_thousand_hostile_calls_leave_every_checker_usable() {
    let checker = Checker::new(None).unwrap();
    let expected = normal_call(&checker);
    assert!(expected.contains("prohibited") && expected.contains("placeholder"), "{expected}");
    let articles = hostile_values();
    let valid = hostile_but_valid_articles();
    let configs = hostile_configs();
    let wrong: Vec<JsValue> = vec![42.into(), js_sys::Object::new().into(), JsValue::NULL, eval("return Symbol('s')"), eval("return 5n")];
    let mut hostile = 0;
    let mut i = 0usize;
    while hostile < 10_000 {
        let what;
        match i % 4 {
            0 if i % 20 == 0 => {
                let (w, v) = &valid[(i / 20) % valid.len()];
                what = *w;
                let found = findings(&checker, &Array::from(v).get(0));
                assert_eq!(of_rule(&found, "prohibited").len(), 1, "{what}: {found:?}");
            }
            0 => {
                let (w, v) = &articles[(i / 4) % articles.len()];
                what = *w;
                // A hostile article is passed to `check` as the first element of an array.
                let v = Array::from(v).get(0);
                thrown_error(checker.check(v.unchecked_into()), what);
            }
            1 => {
                let (w, v) = &configs[(i / 4) % configs.len()];
                what = *w;
                thrown_error(checker.set_config(Some(v.clone().unchecked_into())), what);
                // A construction with the same configuration fails the same way.
                if i % 40 == 1 {
                    thrown_error(Checker::new(Some(v.clone().unchecked_into())).map(|_| ()), what);
                }
            }
            2 => {
                what = "loadLexicon(wrong type)";
                thrown_error(checker.load_lexicon(wrong[(i / 4) % wrong.len()].clone(), None, None), what);
            }
            _ => {
                what = "removeLexicon(wrong type)";
                thrown_error(checker.remove_lexicon(wrong[(i / 4) % wrong.len()].clone()), what);
            }
        }
        hostile += 1;
        i += 1;
        // After each hostile call: the module and the checker still work.
        assert_eq!(version(), env!("CARGO_PKG_VERSION"), "after {what}");
        let fresh = Checker::new(config(r#"{"builtinLexicon": false, "rules": {"placeholder": "off"}}"#)).unwrap_or_else(|e| panic!("after {what}: {e:?}"));
        let empty = findings(&fresh, &js(r#"{"title": ""}"#));
        assert_eq!(of_rule(&empty, "title-length").len(), 1, "after {what}: {empty:?}");
        drop(fresh);
        if hostile % 10 == 0 {
            assert_eq!(normal_call(&checker), expected, "after {hostile} hostile calls, the last {what}");
        }
    }
    // The configuration and lists set before stay in force, and can still change.
    checker.set_config(config(r#"{"rules": {"placeholder": "off"}}"#)).unwrap();
    assert!(!normal_call(&checker).contains("placeholder"));
    checker.set_config(None).unwrap();
    assert_eq!(normal_call(&checker), expected);
    drop(checker);
    let checker = Checker::new(None).unwrap();
    assert_eq!(normal_call(&checker), expected);
}

#[wasm_bindgen_test]
fn lone_surrogates_findings_text_is_the_exact_slice() {
    let checker = Checker::new(None).unwrap();
    // Lone surrogates inside and around terms and placeholders, in every field.
    let a = eval(
        r#"return {title: '\uD800网上赌场\uDC00', author: 'xx\uDFFF', digest: '网上\uD83D赌场',
            blocks: [{type: 'text', text: '欢迎\uDC00来到网上\uD800赌场代理，xx\uD800镇，😀xx镇'},
                     {type: 'image', src: 'a.png', caption: '\uD800图为xx镇'}]}"#,
    );
    let all = findings(&checker, &a);
    let mut with_surrogate = 0;
    for f in &all {
        let (s, e) = (number(f, "start") as u32, number(f, "end") as u32);
        let field = string(f, "field");
        let source: JsString = if field == "body" {
            let block = Array::from(&get(&a, "blocks")).get(number(f, "block") as u32);
            let key = if string(&block, "type") == "image" { "caption" } else { "text" };
            get(&block, key).unchecked_into()
        } else {
            get(&a, &field).unchecked_into()
        };
        let slice = source.slice(s, e);
        assert_eq!(JsValue::from(slice.clone()), get(f, "text"), "{f:?}");
        if !slice.is_valid_utf16() {
            with_surrogate += 1;
        }
    }
    assert!(with_surrogate >= 2, "findings spanning a lone surrogate: {with_surrogate} in {all:?}");
}
