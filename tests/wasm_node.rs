//! The WASM bindings under Node.js: `wasm-pack test --node -- --test wasm_node`.
//! The cases are shared with `wasm_browser.rs` (see `wasm_common/cases.rs`).
#![cfg(target_arch = "wasm32")]

include!("wasm_common/cases.rs");

#[wasm_bindgen_test]
fn runs_in_node() {
    // Node.js has `process`; a browser page does not.
    let process = js_sys::Reflect::get(&js_sys::global(), &"process".into()).unwrap();
    assert!(!process.is_undefined(), "this file is meant for `wasm-pack test --node`");
}
