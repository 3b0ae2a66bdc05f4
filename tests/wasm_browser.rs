//! The WASM bindings in a browser: `wasm-pack test --headless --chrome -- --test wasm_browser`.
//! The cases are shared with `wasm_node.rs` (see `wasm_common/cases.rs`).
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

include!("wasm_common/cases.rs");

#[wasm_bindgen_test]
fn runs_in_a_browser() {
    let document = js_sys::Reflect::get(&js_sys::global(), &"document".into()).unwrap();
    assert!(!document.is_undefined(), "this file is meant for `wasm-pack test --headless --chrome`");
}

#[wasm_bindgen_test]
fn a_long_article_is_checked() {
    // A realistic size for one article: 200 paragraphs, one with a term near the end.
    let mut blocks: Vec<String> = (0..200).map(|i| format!(r#"{{"type":"text","text":"第{i}段：本校举行了丰富多彩的校园活动😀。"}}"#)).collect();
    blocks.push(r#"{"type":"text","text":"结尾 在 线 赌 场"}"#.to_string());
    let a = js(&format!(r#"{{"title":"校园新闻","author":"办公室","blocks":[{}]}}"#, blocks.join(",")));
    let checker = Checker::new(None).unwrap();
    let hits = of_rule(&findings(&checker, &a), "prohibited");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(number(&hits[0], "block"), 200.0);
    assert_eq!(string(&hits[0], "text"), "在 线 赌 场");
    assert_eq!((number(&hits[0], "start"), number(&hits[0], "end")), (3.0, 10.0));
}
