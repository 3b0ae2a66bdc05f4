//! JS values into the Rust model, before any Rust state is touched.
//!
//! Nothing here can throw a JS exception through Rust frames: every JS operation that can
//! throw (a getter, a Proxy trap, `Array.isArray` on a revoked Proxy) is imported with
//! `catch`, so it comes back as an `Err`. Depth and size are bounded: the article is read
//! field by field along its schema (unknown fields are never visited, so a cycle or a
//! 100,000-deep object in one of them costs nothing), the configuration through a walk with
//! a depth limit and a node budget. Errors are `TypeError`s (wrong types) or `RangeError`s
//! (too large, too deep) naming the path of the offending value.

use crate::config::quote_str;
use crate::finding::Field;
use crate::model::{Align, Article, Block, ImageBlock, TextBlock, TextStyle};
use js_sys::{JsString, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The most body blocks an article may have.
pub const MAX_BLOCKS: usize = 1_000_000;
/// The most UTF-16 code units all the texts of an article may have together (64 Mi: 1,300
/// times WeChat's 50,000-character body limit).
pub const MAX_ARTICLE_UNITS: usize = 64 << 20;
/// How deep a configuration may nest (the deepest valid one nests 4 levels).
pub const MAX_CONFIG_DEPTH: usize = 16;
/// The most values (objects, arrays, strings, numbers…) a configuration may hold.
pub const MAX_CONFIG_NODES: usize = 1_000_000;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn try_is_array(v: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn try_keys(v: &JsValue) -> Result<js_sys::Array, JsValue>;
    /// A JS string, seen as having `isWellFormed`.
    type MaybeWellFormed;
    /// `String.prototype.isWellFormed` (ES2024: Chrome 111, Firefox 119, Safari 16.4, Node 20);
    /// an `Err` where the engine lacks it.
    #[wasm_bindgen(catch, method, js_name = isWellFormed)]
    fn try_is_well_formed(this: &MaybeWellFormed) -> Result<JsValue, JsValue>;
}

/// Whether a JS string holds a lone surrogate (which the copy into Rust replaces with U+FFFD,
/// so that the original must be kept to map offsets back). Asked of the engine, one call per
/// string; where it cannot tell, only a copy containing U+FFFD is examined, unit by unit.
fn is_ill_formed(js: &JsString, copy: &str) -> bool {
    match js.unchecked_ref::<MaybeWellFormed>().try_is_well_formed().ok().and_then(|v| v.as_bool()) {
        Some(well_formed) => !well_formed,
        None => copy.contains('\u{FFFD}') && !js.is_valid_utf16(),
    }
}

pub fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

pub fn range_error(message: &str) -> JsValue {
    js_sys::RangeError::new(message).into()
}

/// What a value is, for messages: `a number (42)`, `an array`, `null`…
pub fn describe(v: &JsValue) -> String {
    if v.is_null() {
        return "null".into();
    }
    if v.is_undefined() {
        return "undefined".into();
    }
    if let Some(s) = v.as_string() {
        return format!("a string (\"{}\")", quote_str(&s));
    }
    if let Some(n) = v.as_f64() {
        return format!("a number ({n})");
    }
    if let Some(b) = v.as_bool() {
        return format!("a boolean ({b})");
    }
    if v.is_object() {
        return if try_is_array(v).unwrap_or(false) { "an array".into() } else { "an object".into() };
    }
    v.js_typeof().as_string().map(|t| format!("a {t}")).unwrap_or_else(|| "a value".into())
}

/// The message of a thrown JS value (a getter or Proxy trap that threw).
fn thrown(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => quote_str(&String::from(err.message())),
        None => describe(e),
    }
}

/// The JS string of a property name, created once per name and thread (creating it from Rust
/// for every read of every block cost more than the read).
fn key(name: &'static str) -> JsValue {
    thread_local! {
        static KEYS: std::cell::RefCell<Vec<(&'static str, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        if let Some((_, v)) = keys.iter().find(|(k, _)| *k == name) {
            return v.clone();
        }
        let v = JsValue::from_str(name);
        keys.push((name, v.clone()));
        v
    })
}

/// A value's place in the article (`blocks[3].style.color`), formatted only for an error.
#[derive(Clone, Copy)]
struct Path<'a> {
    block: Option<usize>,
    parts: [&'a str; 2],
}

impl<'a> Path<'a> {
    fn top(name: &'a str) -> Path<'a> {
        Path { block: None, parts: [name, ""] }
    }

    fn block(i: usize) -> Path<'a> {
        Path { block: Some(i), parts: ["", ""] }
    }

    fn with(self, name: &'a str) -> Path<'a> {
        let mut p = self;
        match p.parts.iter_mut().find(|s| s.is_empty()) {
            Some(slot) => *slot = name,
            None => unreachable!("article paths are at most two names deep"),
        }
        p
    }
}

impl std::fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut first = true;
        if let Some(i) = self.block {
            write!(f, "blocks[{i}]")?;
            first = false;
        }
        for part in self.parts.iter().filter(|p| !p.is_empty()) {
            if !first {
                f.write_str(".")?;
            }
            f.write_str(part)?;
            first = false;
        }
        Ok(())
    }
}

fn get(obj: &JsValue, name: &'static str, what: &str, path: &dyn std::fmt::Display) -> Result<JsValue, JsValue> {
    Reflect::get(obj, &key(name))
        .map_err(|e| type_error(&format!("{what}: reading `{}` threw: {}", quote_str(&path.to_string()), thrown(&e))))
}

fn is_object(v: &JsValue) -> bool {
    v.is_object() && !v.is_function()
}

fn is_array(v: &JsValue, what: &str, path: &str) -> Result<bool, JsValue> {
    try_is_array(v).map_err(|e| type_error(&format!("{what}: `{}` threw: {}", quote_str(path), thrown(&e))))
}

/// The length of an array, bounded.
fn array_len(v: &JsValue, what: &str, path: &str, max: usize) -> Result<usize, JsValue> {
    let len = get(v, "length", what, &path)?.as_f64().unwrap_or(0.0);
    if len.is_nan() || len < 0.0 || len > max as f64 {
        return Err(range_error(&format!("{what}: `{}` has {len} items (at most {max})", quote_str(path))));
    }
    Ok(len as usize)
}

/// Strings of an article that are not valid UTF-16 (lone surrogates): Rust sees U+FFFD in
/// their place (same length in UTF-16, so offsets hold), and a finding's `text` is then
/// sliced from the original JS string.
#[derive(Default)]
pub struct Originals(pub Vec<(Field, Option<usize>, JsString)>);

struct ArticleReader {
    units: usize,
    originals: Originals,
}

const ARTICLE: &str = "invalid article";

impl ArticleReader {
    /// A string field: undefined or null is `None`.
    fn string(&mut self, v: JsValue, path: Path, at: Option<(Field, Option<usize>)>) -> Result<Option<String>, JsValue> {
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        if !v.is_string() {
            return Err(type_error(&format!("{ARTICLE}: `{path}` must be a string, got {}", describe(&v))));
        }
        // The length is checked before the string is copied into WebAssembly memory (a JS
        // string of 500 M units would not fit).
        self.units += v.unchecked_ref::<JsString>().length() as usize;
        if self.units > MAX_ARTICLE_UNITS {
            return Err(range_error(&format!(
                "{ARTICLE}: the article is too large (over {MAX_ARTICLE_UNITS} UTF-16 code units of text)"
            )));
        }
        let s = v.as_string().unwrap_or_default();
        if let Some(at) = at {
            let js: JsString = v.unchecked_into();
            if is_ill_formed(&js, &s) {
                self.originals.0.push((at.0, at.1, js));
            }
        }
        Ok(Some(s))
    }

    fn number(&self, v: JsValue, path: Path) -> Result<Option<f64>, JsValue> {
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        match v.as_f64() {
            Some(n) => Ok(Some(n)),
            None => Err(type_error(&format!("{ARTICLE}: `{path}` must be a number, got {}", describe(&v)))),
        }
    }

    fn pixels(&self, v: JsValue, path: Path) -> Result<Option<u32>, JsValue> {
        match self.number(v, path)? {
            None => Ok(None),
            Some(n) if n >= 0.0 && n <= u32::MAX as f64 && n.fract() == 0.0 => Ok(Some(n as u32)),
            Some(n) => Err(type_error(&format!("{ARTICLE}: `{path}` must be a whole number of pixels, got {n}"))),
        }
    }

    fn boolean(&self, v: JsValue, path: Path) -> Result<bool, JsValue> {
        if v.is_undefined() || v.is_null() {
            return Ok(false);
        }
        v.as_bool().ok_or_else(|| type_error(&format!("{ARTICLE}: `{path}` must be a boolean, got {}", describe(&v))))
    }

    fn style(&mut self, v: JsValue, path: Path) -> Result<TextStyle, JsValue> {
        if v.is_undefined() || v.is_null() {
            return Ok(TextStyle::default());
        }
        if !is_object(&v) {
            return Err(type_error(&format!("{ARTICLE}: `{path}` must be an object, got {}", describe(&v))));
        }
        let field = |name: &'static str| get(&v, name, ARTICLE, &path.with(name));
        let align = match self.string(field("align")?, path.with("align"), None)?.as_deref() {
            None => None,
            Some("left") => Some(Align::Left),
            Some("center") => Some(Align::Center),
            Some("right") => Some(Align::Right),
            Some("justify") => Some(Align::Justify),
            Some(other) => {
                return Err(type_error(&format!(
                    "{ARTICLE}: `{path}.align`: unknown variant `{}`, expected one of `left`, `center`, `right`, `justify`",
                    quote_str(other)
                )))
            }
        };
        Ok(TextStyle {
            align,
            font_size: self.number(field("fontSize")?, path.with("fontSize"))?.map(|n| n as f32),
            color: self.string(field("color")?, path.with("color"), None)?,
            with_image: self.boolean(field("withImage")?, path.with("withImage"))?,
            heading: self.boolean(field("heading")?, path.with("heading"))?,
        })
    }

    fn block(&mut self, v: JsValue, i: usize) -> Result<Block, JsValue> {
        let path = Path::block(i);
        if !is_object(&v) {
            return Err(type_error(&format!("{ARTICLE}: `{path}` must be an object, got {}", describe(&v))));
        }
        let field = |name: &'static str| get(&v, name, ARTICLE, &path.with(name));
        let kind = field("type")?;
        if kind.is_undefined() {
            return Err(type_error(&format!("{ARTICLE}: `{path}`: missing field `type`")));
        }
        let at = Some((Field::Body, Some(i)));
        match kind.as_string().as_deref() {
            Some("text") => {
                let text = self.string(field("text")?, path.with("text"), at)?.unwrap_or_default();
                let style = self.style(field("style")?, path.with("style"))?;
                Ok(Block::Text(TextBlock { text, style }))
            }
            Some("image") => Ok(Block::Image(ImageBlock {
                src: self.string(field("src")?, path.with("src"), None)?.unwrap_or_default(),
                alt: self.string(field("alt")?, path.with("alt"), None)?,
                width: self.pixels(field("width")?, path.with("width"))?,
                height: self.pixels(field("height")?, path.with("height"))?,
                caption: self.string(field("caption")?, path.with("caption"), at)?,
            })),
            Some(other) => Err(type_error(&format!(
                "{ARTICLE}: `{path}.type`: unknown variant `{}`, expected `text` or `image`",
                quote_str(other)
            ))),
            None => Err(type_error(&format!("{ARTICLE}: `{path}.type` must be a string, got {}", describe(&kind)))),
        }
    }
}

/// Reads an article: `title`, `author`, `digest`, `blocks` and the blocks' known fields;
/// anything else on the objects is never read.
pub fn article(v: &JsValue) -> Result<(Article, Originals, Vec<Field>), JsValue> {
    if !is_object(v) || is_array(v, ARTICLE, "article")? {
        return Err(type_error(&format!("{ARTICLE}: the article must be an object, got {}", describe(v))));
    }
    let mut r = ArticleReader { units: 0, originals: Originals::default() };
    let mut a = Article::default();
    // Title, author or digest left out (undefined or null): the front end does not know it
    // (e.g. the extension did not recognise the field on the page). It is checked as empty
    // text (so rules reading several fields see no text there) and its findings are dropped.
    let mut unknown = Vec::new();
    for (key, field) in [("title", Field::Title), ("author", Field::Author), ("digest", Field::Digest)] {
        let text = r.string(get(v, key, ARTICLE, &key)?, Path::top(key), Some((field, None)))?;
        if text.is_none() {
            unknown.push(field);
        }
        let text = text.unwrap_or_default();
        match field {
            Field::Title => a.title = text,
            Field::Author => a.author = text,
            _ => a.digest = text,
        }
    }
    let blocks = get(v, "blocks", ARTICLE, &"blocks")?;
    if !(blocks.is_undefined() || blocks.is_null()) {
        if !is_object(&blocks) || !is_array(&blocks, ARTICLE, "blocks")? {
            return Err(type_error(&format!("{ARTICLE}: `blocks` must be an array, got {}", describe(&blocks))));
        }
        let len = array_len(&blocks, ARTICLE, "blocks", MAX_BLOCKS)?;
        a.blocks.reserve(len.min(4096));
        for i in 0..len {
            let item = Reflect::get_u32(&blocks, i as u32)
                .map_err(|e| type_error(&format!("{ARTICLE}: reading `blocks[{i}]` threw: {}", thrown(&e))))?;
            let block = r.block(item, i)?;
            a.blocks.push(block);
        }
    }
    Ok((a, r.originals, unknown))
}

const CONFIG: &str = "invalid configuration";

/// Reads a configuration into JSON with bounded depth and size; [`crate::Config::from_value`]
/// then checks its shape. Members whose value is `undefined` are left out (as
/// `JSON.stringify` does).
pub fn config_json(v: &JsValue) -> Result<serde_json::Value, JsValue> {
    let mut budget = MAX_CONFIG_NODES;
    json(v, &mut String::new(), 0, &mut budget)
}

fn json(v: &JsValue, path: &mut String, depth: usize, budget: &mut usize) -> Result<serde_json::Value, JsValue> {
    use serde_json::Value;
    let at = |path: &str| if path.is_empty() { "the configuration".to_string() } else { format!("`{}`", quote_str(path)) };
    if *budget == 0 {
        return Err(range_error(&format!("{CONFIG}: more than {MAX_CONFIG_NODES} values")));
    }
    *budget -= 1;
    if v.is_null() || v.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(s) = v.as_string() {
        return Ok(Value::String(s));
    }
    if let Some(n) = v.as_f64() {
        let number = if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
            if n >= 0.0 {
                serde_json::Number::from(n as u64)
            } else {
                serde_json::Number::from(n as i64)
            }
        } else {
            serde_json::Number::from_f64(n).ok_or_else(|| type_error(&format!("{CONFIG}: {} is {n}, not a finite number", at(path))))?
        };
        return Ok(Value::Number(number));
    }
    if !is_object(v) {
        return Err(type_error(&format!("{CONFIG}: {} is {}, not JSON data", at(path), describe(v))));
    }
    if depth >= MAX_CONFIG_DEPTH {
        return Err(range_error(&format!("{CONFIG}: {} nests more than {MAX_CONFIG_DEPTH} levels deep", at(path))));
    }
    let len = path.len();
    if is_array(v, CONFIG, path)? {
        let n = array_len(v, CONFIG, path, *budget)?;
        let mut items = Vec::with_capacity(n.min(4096));
        for i in 0..n {
            let item = Reflect::get_u32(v, i as u32)
                .map_err(|e| type_error(&format!("{CONFIG}: reading {}[{i}] threw: {}", at(path), thrown(&e))))?;
            path.push_str(&format!("[{i}]"));
            items.push(json(&item, path, depth + 1, budget)?);
            path.truncate(len);
        }
        return Ok(Value::Array(items));
    }
    let keys = try_keys(v).map_err(|e| type_error(&format!("{CONFIG}: listing the keys of {} threw: {}", at(path), thrown(&e))))?;
    let mut map = serde_json::Map::new();
    for key in keys.iter() {
        let Some(key) = key.as_string() else { continue };
        if path.len() > 4096 {
            return Err(range_error(&format!("{CONFIG}: key path too long at {}", at(path))));
        }
        let item = Reflect::get(v, &JsValue::from_str(&key))
            .map_err(|e| type_error(&format!("{CONFIG}: reading {}.{} threw: {}", at(path), quote_str(&key), thrown(&e))))?;
        if item.is_undefined() {
            continue;
        }
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(&key);
        let value = json(&item, path, depth + 1, budget)?;
        path.truncate(len);
        map.insert(key, value);
    }
    Ok(Value::Object(map))
}
