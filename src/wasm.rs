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
use crate::Config;
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

/**
 * The article to check. `title`, `author` or `digest` left out (or null) is a field the caller
 * does not know: nothing is reported for it (pass `""` for a field that is known to be empty,
 * e.g. to get 标题不能为空). Missing `blocks`: no body.
 */
export interface Article {
  title?: string | null;
  author?: string | null;
  /** 摘要 */
  digest?: string | null;
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

export interface Checker {
  /**
   * Loads a lexicon (format: lexicons/FORMAT.md) under `name` (default: `category`, else
   * `custom`), replacing a list loaded before under that name. `category` is the category of
   * entries before any `@category` line. On error nothing changes, and the thrown `Error` has
   * `line` (1-based; 0 for the whole list) and `source` (the name). Arguments of the wrong
   * type throw a `TypeError`.
   */
  loadLexicon(text: string, category?: string | null, name?: string | null): LoadStats;
  /**
   * Loads several lexicons at once, compiling the matcher once (`loadLexicon` called per list
   * compiles all user lists again each time). Each item is as `loadLexicon`'s arguments; a
   * later item replaces an earlier one of the same name. All or nothing: on the first error
   * nothing changes and the thrown `Error` has `line`, `source` and `index` (of the item
   * that failed; -1 when the lists parsed but did not compile together).
   */
  loadLexicons(lists: LexiconSource[]): LoadStats[];
}

/** One list for `loadLexicons`. */
export interface LexiconSource {
  text: string;
  category?: string | null;
  name?: string | null;
}

/** The error `loadLexicon` throws. `line` is 1-based, 0 for the whole list. */
export interface LexiconLoadError extends Error {
  line: number;
  source: string;
  /** `loadLexicons` only: the index of the list that failed (-1: they did not compile together). */
  index?: number;
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

mod convert;

use convert::{describe, type_error};
use std::cell::{Cell, RefCell};

fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| {
        let value = JsValue::from(e);
        let message = value.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
        error(&format!("internal error: {message}"))
    })
}

/// Turns a Rust panic into a thrown JS `Error` carrying the panic message (instead of an
/// opaque `unreachable` trap). Installed by every entry point; a panic is a bug in wxlint,
/// never an expected outcome of any input. The checker that panicked rebuilds its state on
/// its next call (see [`Checker`]).
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            wasm_bindgen::throw_str(&format!("wxlint 内部错误，请报告（internal error, please report it）: {info}"));
        }))
    });
}

fn config_from(value: Option<JsConfig>) -> Result<Config, JsValue> {
    let value: JsValue = match value {
        Some(v) if !v.is_undefined() && !v.is_null() => v.into(),
        _ => return Ok(Config::default()),
    };
    let json = convert::config_json(&value)?;
    Config::from_value(&json).map_err(|e| type_error(&e.0))
}

/// An optional string argument: undefined or null is `None`, a string `Some`, anything else a
/// `TypeError`.
fn optional_string(v: Option<&JsValue>, call: &str, arg: &str) -> Result<Option<String>, JsValue> {
    let Some(v) = v.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(None);
    };
    v.as_string().map(Some).ok_or_else(|| type_error(&format!("{call}: `{arg}` must be a string, got {}", describe(v))))
}

fn lexicon_error(e: &LexiconError) -> JsValue {
    let err = js_sys::Error::new(&format!("{} ({})", e.message_zh(), e.reason));
    // Reflect.set on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &"line".into(), &(e.line as f64).into());
    let _ = js_sys::Reflect::set(&err, &"source".into(), &e.source.as_str().into());
    err.into()
}

/// What a checker was built from: enough to rebuild it.
#[derive(Clone)]
struct Recipe {
    config: Config,
    /// `(name, text, category)` of the loaded lists, in load order.
    lists: Vec<(String, String, Option<String>)>,
}

/// A configured checker. Build one, then call `check` as often as needed; call `free()` when
/// done with it (each holds its compiled lexicon, a few MB of WebAssembly memory that the JS
/// garbage collector does not see).
///
/// A checker stays usable after any error it throws: arguments are converted and checked
/// before its state is touched, and its state is taken out for the duration of a call and put
/// back after, so a call that died half-way (a panic, which would be a bug) leaves no state
/// behind; the next call rebuilds it from the configuration and lists that last succeeded.
#[wasm_bindgen]
pub struct Checker {
    state: Cell<Option<Box<crate::Checker>>>,
    recipe: RefCell<Recipe>,
}

impl Checker {
    /// The state, taken out; rebuilt when a call before died with it.
    fn take(&self) -> Result<Box<crate::Checker>, JsValue> {
        if let Some(state) = self.state.take() {
            return Ok(state);
        }
        let recipe = self.recipe.try_borrow().map_err(|_| error("wxlint: checker busy"))?.clone();
        let mut inner = crate::Checker::new(recipe.config).map_err(|e| error(&e.0))?;
        let lists: Vec<(&str, &str, Option<&str>)> =
            recipe.lists.iter().map(|(n, t, c)| (n.as_str(), t.as_str(), c.as_deref())).collect();
        inner.load_lexicons(&lists).map_err(|e| lexicon_error(&e))?;
        Ok(Box::new(inner))
    }

    fn put(&self, state: Box<crate::Checker>) {
        self.state.set(Some(state));
    }
}

#[wasm_bindgen]
impl Checker {
    /// Builds a checker. `config` undefined or null: the defaults. Throws an `Error` naming
    /// the problem when the configuration is invalid (a `TypeError` for a value of the wrong
    /// type, naming its key path; a `RangeError` when it nests too deep or is too large).
    #[wasm_bindgen(constructor)]
    pub fn new(config: Option<JsConfig>) -> Result<Checker, JsValue> {
        install_panic_hook();
        let config = config_from(config)?;
        let inner = crate::Checker::new(config.clone()).map_err(|e| error(&e.0))?;
        Ok(Checker { state: Cell::new(Some(Box::new(inner))), recipe: RefCell::new(Recipe { config, lists: Vec::new() }) })
    }

    /// Checks an article. Findings are sorted by field, block and position; none is about a
    /// title, author or digest the article leaves out (undefined or null). Throws a
    /// `TypeError` when the article does not have the `Article` shape (naming the path of the
    /// offending value), a `RangeError` when it is too large.
    pub fn check(&self, article: JsArticle) -> Result<JsFindings, JsValue> {
        install_panic_hook();
        let (article, originals, unknown) = convert::article(&article)?;
        let inner = self.take()?;
        let mut findings = inner.check(&article);
        self.put(inner);
        // A field the caller left out is not known to be empty: no finding about it.
        findings.retain(|f| !unknown.contains(&f.field));
        // One JSON string and JSON.parse build the result objects much faster than setting
        // every property of every finding across the JS boundary.
        let json = serde_json::to_string(&findings).map_err(|e| error(&format!("internal error: {e}")))?;
        let out = js_sys::JSON::parse(&json)?;
        // Texts with lone surrogates: Rust read U+FFFD for each; `text` is the original slice.
        if !originals.0.is_empty() {
            let array: &js_sys::Array = out.unchecked_ref();
            for (i, f) in findings.iter().enumerate() {
                if f.start == f.end {
                    continue;
                }
                if let Some((_, _, original)) = originals.0.iter().find(|(field, block, _)| *field == f.field && *block == f.block) {
                    let text = original.slice(f.start as u32, f.end as u32);
                    let _ = js_sys::Reflect::set(&array.get(i as u32), &"text".into(), &text);
                }
            }
        }
        Ok(out.unchecked_into())
    }

    /// Loads a lexicon (format: lexicons/FORMAT.md) under `name` (default: `category`, else
    /// `custom`), replacing a list loaded before under that name. `category` is the category
    /// of entries before any `@category` line. On error nothing changes, and the thrown `Error`
    /// has `line` (1-based; 0 for the whole list) and `source` (the name). Arguments of the
    /// wrong type throw a `TypeError`.
    // Typed in TS_TYPES (`interface Checker`): wasm-bindgen cannot type an optional argument.
    #[wasm_bindgen(js_name = loadLexicon, skip_typescript)]
    pub fn load_lexicon(&self, text: JsValue, category: Option<JsValue>, name: Option<JsValue>) -> Result<JsLoadStats, JsValue> {
        install_panic_hook();
        const CALL: &str = "loadLexicon(text, category, name)";
        let Some(text) = text.as_string() else {
            return Err(type_error(&format!("{CALL}: `text` must be a string, got {}", describe(&text))));
        };
        let category = optional_string(category.as_ref(), CALL, "category")?.filter(|c| !c.is_empty());
        let name = optional_string(name.as_ref(), CALL, "name")?.filter(|n| !n.is_empty()).or_else(|| category.clone()).unwrap_or_else(|| "custom".to_string());
        let mut inner = self.take()?;
        let result = inner.load_lexicon(&name, &text, category.as_deref());
        self.put(inner);
        let stats = result.map_err(|e| lexicon_error(&e))?;
        let mut recipe = self.recipe.try_borrow_mut().map_err(|_| error("wxlint: checker busy"))?;
        recipe.lists.retain(|(n, _, _)| *n != name);
        recipe.lists.push((name, text, category));
        drop(recipe);
        to_js(&stats).map(JsCast::unchecked_into)
    }

    /// Loads several lexicons at once, compiling the matcher once: `lists` is an array of
    /// `{ text, category?, name? }` (as `loadLexicon`'s arguments). All or nothing.
    #[wasm_bindgen(js_name = loadLexicons, skip_typescript)]
    pub fn load_lexicons(&self, lists: JsValue) -> Result<js_sys::Array, JsValue> {
        install_panic_hook();
        const CALL: &str = "loadLexicons(lists)";
        /// More lists than anyone loads; bounds the work of one call.
        const MAX_LISTS: u32 = 10_000;
        if !js_sys::Array::is_array(&lists) {
            return Err(type_error(&format!("{CALL}: `lists` must be an array, got {}", describe(&lists))));
        }
        let array: &js_sys::Array = lists.unchecked_ref();
        if array.length() > MAX_LISTS {
            return Err(js_sys::RangeError::new(&format!("{CALL}: at most {MAX_LISTS} lists, got {}", array.length())).into());
        }
        let mut items: Vec<(String, String, Option<String>)> = Vec::with_capacity(array.length() as usize);
        for (i, item) in array.iter().enumerate() {
            if !item.is_object() {
                return Err(type_error(&format!("{CALL}: `lists[{i}]` must be an object, got {}", describe(&item))));
            }
            let get = |key: &str| js_sys::Reflect::get(&item, &key.into());
            let text = get("text")?;
            let Some(text) = text.as_string() else {
                return Err(type_error(&format!("{CALL}: `lists[{i}].text` must be a string, got {}", describe(&text))));
            };
            let field = format!("lists[{i}].category");
            let category = optional_string(Some(&get("category")?), CALL, &field)?.filter(|c| !c.is_empty());
            let field = format!("lists[{i}].name");
            let name = optional_string(Some(&get("name")?), CALL, &field)?
                .filter(|n| !n.is_empty())
                .or_else(|| category.clone())
                .unwrap_or_else(|| "custom".to_string());
            items.push((name, text, category));
        }
        let refs: Vec<(&str, &str, Option<&str>)> = items.iter().map(|(n, t, c)| (n.as_str(), t.as_str(), c.as_deref())).collect();
        let mut inner = self.take()?;
        let result = inner.load_lexicons_indexed(&refs);
        self.put(inner);
        let stats = result.map_err(|(index, e)| {
            let err = lexicon_error(&e);
            // -1: the lists parsed but did not compile together.
            let _ = js_sys::Reflect::set(&err, &"index".into(), &index.map_or(-1.0, |i| i as f64).into());
            err
        })?;
        let mut recipe = self.recipe.try_borrow_mut().map_err(|_| error("wxlint: checker busy"))?;
        for item in items {
            recipe.lists.retain(|(n, _, _)| *n != item.0);
            recipe.lists.push(item);
        }
        drop(recipe);
        let out = js_sys::Array::new();
        for s in &stats {
            out.push(&to_js(s)?);
        }
        Ok(out)
    }

    /// Removes a list loaded with `loadLexicon`. Returns whether it existed.
    #[wasm_bindgen(js_name = removeLexicon)]
    pub fn remove_lexicon(&self, #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue) -> Result<bool, JsValue> {
        install_panic_hook();
        let Some(name) = name.as_string() else {
            return Err(type_error(&format!("removeLexicon(name): `name` must be a string, got {}", describe(&name))));
        };
        let mut inner = self.take()?;
        let removed = inner.remove_lexicon(&name);
        self.put(inner);
        if removed {
            let mut recipe = self.recipe.try_borrow_mut().map_err(|_| error("wxlint: checker busy"))?;
            recipe.lists.retain(|(n, _, _)| *n != name);
        }
        Ok(removed)
    }

    /// Names of the lists loaded with `loadLexicon`, in load order.
    #[wasm_bindgen(js_name = lexiconNames)]
    pub fn lexicon_names(&self) -> Result<Vec<String>, JsValue> {
        install_panic_hook();
        let recipe = self.recipe.try_borrow().map_err(|_| error("wxlint: checker busy"))?;
        Ok(recipe.lists.iter().map(|(n, _, _)| n.clone()).collect())
    }

    /// Replaces the configuration (undefined or null: the defaults). Throws on error (as the
    /// constructor does); the previous configuration then stays in force.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&self, config: Option<JsConfig>) -> Result<(), JsValue> {
        install_panic_hook();
        let config = config_from(config)?;
        let mut inner = self.take()?;
        let result = inner.set_config(config.clone());
        self.put(inner);
        result.map_err(|e| error(&e.0))?;
        let mut recipe = self.recipe.try_borrow_mut().map_err(|_| error("wxlint: checker busy"))?;
        recipe.config = config;
        Ok(())
    }

    /// Metadata of every rule: id, names, descriptions, default severity, options.
    pub fn rules() -> Result<JsRuleMetas, JsValue> {
        install_panic_hook();
        Ok(to_js(&crate::rules::all_meta())?.unchecked_into())
    }
}

/// The version of wxlint.
#[wasm_bindgen]
pub fn version() -> String {
    install_panic_hook();
    env!("CARGO_PKG_VERSION").to_string()
}

/// The build of wxlint this module is (16 hex digits): a start-up snapshot is accepted only by
/// the build that wrote it.
#[wasm_bindgen(js_name = buildId)]
pub fn build_id() -> String {
    install_panic_hook();
    crate::snapshot::build_id().to_string()
}

/// A start-up snapshot (about 13 MB): the compiled built-in lexicon and the typo statistics,
/// which this module otherwise builds on the first `new Checker()` and the first check (a few
/// hundred milliseconds). Builds them first if needed. Keep the bytes (IndexedDB, a file) and
/// pass them to `restoreStartupSnapshot` in a later instance of the same build.
#[wasm_bindgen(js_name = startupSnapshot)]
pub fn startup_snapshot() -> js_sys::Uint8Array {
    install_panic_hook();
    js_sys::Uint8Array::from(crate::snapshot::save().as_slice())
}

/// Installs a snapshot written by `startupSnapshot` of the same build, before the first
/// checker is built. Returns `{ lexicon, statistics }`: which parts were installed (`false`
/// for a part this instance had built already). Throws a `TypeError` unless `bytes` is a
/// `Uint8Array`, and an `Error` saying why for a snapshot of another build or damaged bytes;
/// nothing changes then and checkers build as usual.
#[wasm_bindgen(js_name = restoreStartupSnapshot, unchecked_return_type = "{ lexicon: boolean; statistics: boolean }")]
pub fn restore_startup_snapshot(#[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: JsValue) -> Result<JsValue, JsValue> {
    install_panic_hook();
    let Some(array) = bytes.dyn_ref::<js_sys::Uint8Array>() else {
        return Err(type_error(&format!("restoreStartupSnapshot(bytes): `bytes` must be a Uint8Array, got {}", describe(&bytes))));
    };
    let restored = crate::snapshot::restore(&array.to_vec()).map_err(|e| error(&format!("wxlint: {e}")))?;
    to_js(&restored)
}
