//! The WebAssembly bindings (npm package `wxlint`, browser extension).
//!
//! A thin layer: JS values in and out through `serde-wasm-bindgen`, errors as JS `Error`s.
//! Every judgement stays in the Rust core ([`crate::Checker`]).
//!
//! ```js
//! import init, { Checker } from './pkg/wxlint.js';
//! await init();
//! const checker = new Checker({ rules: { 'image-caption': 'off' } });
//! const findings = checker.check({ title: '标题', blocks: [{ type: 'text', text: '正文' }] });
//! ```

use crate::lexicon::LexiconError;
use crate::{Article, Config};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** How serious a finding is: `block` must be fixed, `review` needs a leader's sign-off. */
export type Severity = "block" | "review" | "warn" | "info";
/** The field of the article a finding is in. */
export type Field = "title" | "author" | "digest" | "body";
export type Align = "left" | "center" | "right" | "justify";

/** Presentation hints of a text block; all optional. */
export interface TextStyle {
  align?: Align | null;
  /** Font size in CSS pixels. */
  fontSize?: number | null;
  /** CSS colour as written (`#888`, `rgb(136, 136, 136)`, `gray`…). */
  color?: string | null;
  /** The text sits in the same paragraph as an image. */
  withImage?: boolean;
  /** The block is a heading. */
  heading?: boolean;
}

/** A paragraph-like run of body text. */
export interface TextBlock {
  type: "text";
  text: string;
  style?: TextStyle;
}

/** An image in the body. */
export interface ImageBlock {
  type: "image";
  src?: string;
  alt?: string | null;
  width?: number | null;
  height?: number | null;
  /** A caption the markup states explicitly (`<figcaption>`). */
  caption?: string | null;
}

export type Block = TextBlock | ImageBlock;

/** The article to check. Missing fields are empty. */
export interface Article {
  title?: string;
  author?: string;
  /** 摘要 */
  digest?: string;
  blocks?: Block[];
}

/**
 * One problem found. `start`/`end` are UTF-16 offsets (as JS strings count) into the text of
 * `field` (for the body: of block `block`, or of an image block's caption), and
 * `text.slice(start, end) === finding.text`.
 */
export interface Finding {
  rule: string;
  severity: Severity;
  /** Lexicon category (`gambling`…), for lexicon rules. */
  category?: string;
  field: Field;
  /** Index into `article.blocks`, for body findings. */
  block?: number;
  start: number;
  end: number;
  text: string;
  message: string;
  suggestion?: string;
}

/** A rule's setting: on/off, a severity, or an object with the rule's own options. */
export type RuleSetting =
  | boolean
  | "off"
  | Severity
  | { enabled?: boolean; severity?: Severity | "off"; [option: string]: unknown };

/** The configuration (the same JSON as `wxlint check --config FILE`). */
export interface Config {
  locale?: "zh-CN" | "en";
  rules?: { [ruleId: string]: RuleSetting };
  /** Extra allow-list terms. */
  allow?: string[];
  /** Load the built-in lexicon (default true). */
  builtinLexicon?: boolean;
  /** Visible separators allowed between two characters of a term (default 3). */
  maxGap?: number;
}

/** A rule option's metadata. */
export interface OptionMeta {
  key: string;
  default: { value: number; min: number; max: number } | boolean | string | string[];
  descriptionZh: string;
  descriptionEn: string;
}

/** A rule's metadata, as `Checker.rules()` lists it. */
export interface RuleMeta {
  id: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  defaultSeverity: Severity;
  enabledByDefault: boolean;
  usesLexicon: boolean;
  options: OptionMeta[];
}

/** What `loadLexicon` added. */
export interface LoadStats {
  /** Banned entries in the list. */
  entries: number;
  /** Allow-list entries in the list. */
  allowed: number;
  /** Entries in the compiled matcher, all lists together. */
  total: number;
}

/** The error `loadLexicon` throws. `line` is 1-based, 0 for the whole list. */
export interface LexiconLoadError extends Error {
  line: number;
  source: string;
}
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "Article")]
    #[derive(Debug, Clone)]
    pub type JsArticle;
    #[wasm_bindgen(typescript_type = "Config")]
    #[derive(Debug, Clone)]
    pub type JsConfig;
    #[wasm_bindgen(typescript_type = "Finding[]")]
    #[derive(Debug, Clone)]
    pub type JsFindings;
    #[wasm_bindgen(typescript_type = "LoadStats")]
    #[derive(Debug, Clone)]
    pub type JsLoadStats;
    #[wasm_bindgen(typescript_type = "RuleMeta[]")]
    #[derive(Debug, Clone)]
    pub type JsRuleMetas;
}

fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// The message of a serde-wasm-bindgen error (its `Display` adds JS's "Error: " prefix).
fn serde_message(e: serde_wasm_bindgen::Error) -> String {
    let value = JsValue::from(e);
    match value.dyn_ref::<js_sys::Error>() {
        Some(err) => err.message().into(),
        None => value.as_string().unwrap_or_else(|| format!("{value:?}")),
    }
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| error(&format!("internal error: {}", serde_message(e))))
}

fn config_from(value: Option<JsConfig>) -> Result<Config, JsValue> {
    let value: JsValue = match value {
        Some(v) if !v.is_undefined() && !v.is_null() => v.into(),
        _ => return Ok(Config::default()),
    };
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(error("invalid configuration: expected an object"));
    }
    // serde-wasm-bindgen reads only the known fields of a struct, so `deny_unknown_fields`
    // never fires (serde-wasm-bindgen issue #39). Check the keys against those of the default
    // configuration, so a misspelt key is an error here as it is in the CLI.
    let known = js_sys::Object::keys(to_js(&Config::default())?.unchecked_ref::<js_sys::Object>());
    for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
        if !known.includes(&key, 0) {
            let expected: Vec<String> = known.iter().filter_map(|k| k.as_string()).map(|k| format!("`{k}`")).collect();
            let key = key.as_string().unwrap_or_default();
            return Err(error(&format!("invalid configuration: unknown field `{key}`, expected one of {}", expected.join(", "))));
        }
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| error(&format!("invalid configuration: {}", serde_message(e))))
}

fn lexicon_error(e: &LexiconError) -> JsValue {
    let err = js_sys::Error::new(&format!("{} ({})", e.message_zh(), e.reason));
    // Reflect.set on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &"line".into(), &(e.line as f64).into());
    let _ = js_sys::Reflect::set(&err, &"source".into(), &e.source.as_str().into());
    err.into()
}

/// A configured checker. Build one, then call `check` as often as needed.
#[wasm_bindgen]
pub struct Checker {
    inner: crate::Checker,
}

#[wasm_bindgen]
impl Checker {
    /// Builds a checker. `config` undefined or null: the defaults. Throws an `Error` naming
    /// the problem when the configuration is invalid.
    #[wasm_bindgen(constructor)]
    pub fn new(config: Option<JsConfig>) -> Result<Checker, JsValue> {
        let config = config_from(config)?;
        let inner = crate::Checker::new(config).map_err(|e| error(&e.0))?;
        Ok(Checker { inner })
    }

    /// Checks an article. Findings are sorted by field, block and position. Throws an `Error`
    /// when the article does not have the `Article` shape.
    pub fn check(&self, article: JsArticle) -> Result<JsFindings, JsValue> {
        let article: Article =
            serde_wasm_bindgen::from_value(article.into()).map_err(|e| error(&format!("invalid article: {}", serde_message(e))))?;
        // One JSON string and JSON.parse build the result objects much faster than setting
        // every property of every finding across the JS boundary.
        let json = serde_json::to_string(&self.inner.check(&article)).map_err(|e| error(&format!("internal error: {e}")))?;
        Ok(js_sys::JSON::parse(&json)?.unchecked_into())
    }

    /// Loads a lexicon (format: lexicons/FORMAT.md) under `name` (default: `category`, else
    /// `custom`), replacing a list loaded before under that name. `category` is the category
    /// of entries before any `@category` line. On error nothing changes, and the thrown `Error`
    /// has `line` (1-based; 0 for the whole list) and `source` (the name).
    #[wasm_bindgen(js_name = loadLexicon)]
    pub fn load_lexicon(&mut self, text: &str, category: Option<String>, name: Option<String>) -> Result<JsLoadStats, JsValue> {
        let category = category.filter(|c| !c.is_empty());
        let name = name.filter(|n| !n.is_empty()).or_else(|| category.clone()).unwrap_or_else(|| "custom".to_string());
        let stats = self.inner.load_lexicon(&name, text, category.as_deref()).map_err(|e| lexicon_error(&e))?;
        Ok(to_js(&stats)?.unchecked_into())
    }

    /// Removes a list loaded with `loadLexicon`. Returns whether it existed.
    #[wasm_bindgen(js_name = removeLexicon)]
    pub fn remove_lexicon(&mut self, name: &str) -> bool {
        self.inner.remove_lexicon(name)
    }

    /// Names of the lists loaded with `loadLexicon`, in load order.
    #[wasm_bindgen(js_name = lexiconNames)]
    pub fn lexicon_names(&self) -> Vec<String> {
        self.inner.lexicon_names().into_iter().map(String::from).collect()
    }

    /// Replaces the configuration (undefined or null: the defaults). Throws on error; the
    /// previous configuration then stays in force.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&mut self, config: Option<JsConfig>) -> Result<(), JsValue> {
        let config = config_from(config)?;
        self.inner.set_config(config).map_err(|e| error(&e.0))
    }

    /// Metadata of every rule: id, names, descriptions, default severity, options.
    pub fn rules() -> Result<JsRuleMetas, JsValue> {
        Ok(to_js(&crate::rules::all_meta())?.unchecked_into())
    }
}

/// The version of wxlint.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
