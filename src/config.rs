//! Configuration: which rules run, at which severity, with which thresholds.
//!
//! The same JSON shape is read by the CLI (`--config FILE`), the WASM package
//! (`new Checker(config)`) and the extension's options page:
//!
//! ```json
//! {
//!   "locale": "zh-CN",
//!   "rules": {
//!     "title-length": {"severity": "warn", "recommended": 26},
//!     "image-caption": "off",
//!     "prohibited": "review"
//!   },
//!   "allow": ["路口交通"],
//!   "builtinLexicon": true,
//!   "maxGap": 3
//! }
//! ```
//!
//! A rule's setting is `"off"`, `false`, `true`, a severity (`"block"`, `"review"`, `"warn"`,
//! `"info"`), or an object with `enabled`, `severity` and the rule's own options. Unknown rules,
//! unknown options and values of the wrong type are errors, named in the message.

use crate::finding::Severity;
use crate::lexicon::DEFAULT_MAX_GAP;
use crate::rules::{OptionKind, RuleMeta};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Language of messages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    #[serde(rename = "zh-CN", alias = "zh", alias = "zh-cn")]
    ZhCn,
    #[serde(rename = "en", alias = "en-US")]
    En,
}

/// A rule option's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OptionValue {
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<String>),
}

/// A rule's setting as written in the configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RuleSetting {
    Enabled(bool),
    /// `"off"` or a severity.
    Level(String),
    Full {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        enabled: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        severity: Option<String>,
        #[serde(flatten)]
        options: BTreeMap<String, OptionValue>,
    },
}

/// The whole configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Config {
    pub locale: Locale,
    pub rules: BTreeMap<String, RuleSetting>,
    /// Extra allow-list terms (the user's own; they override banned terms they contain).
    pub allow: Vec<String>,
    /// Load the built-in default lexicon.
    pub builtin_lexicon: bool,
    /// Visible separators allowed between two characters of a lexicon term.
    pub max_gap: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config { locale: Locale::ZhCn, rules: BTreeMap::new(), allow: Vec::new(), builtin_lexicon: true, max_gap: DEFAULT_MAX_GAP }
    }
}

/// A configuration error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

/// A rule's effective settings after defaults are applied.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleConfig {
    pub enabled: bool,
    pub severity: Severity,
    /// Set when the configuration named a severity explicitly (it then overrides per-entry
    /// severities of lexicon rules).
    pub severity_overridden: bool,
    pub options: BTreeMap<&'static str, OptionValue>,
}

impl RuleConfig {
    pub fn number(&self, key: &str) -> f64 {
        match self.options.get(key) {
            Some(OptionValue::Number(n)) => *n,
            _ => panic!("option {key} is not a number option"),
        }
    }

    pub fn boolean(&self, key: &str) -> bool {
        matches!(self.options.get(key), Some(OptionValue::Bool(true)))
    }

    pub fn list(&self, key: &str) -> &[String] {
        match self.options.get(key) {
            Some(OptionValue::List(l)) => l,
            _ => &[],
        }
    }

    /// A severity option (validated when the configuration was resolved).
    pub fn severity_option(&self, key: &str) -> Severity {
        match self.options.get(key) {
            Some(OptionValue::Text(s)) => Severity::parse(s).unwrap_or(self.severity),
            _ => self.severity,
        }
    }

    /// The severity to report: the configured one when it was set explicitly, else `own`.
    pub fn severity_or(&self, own: Option<Severity>) -> Severity {
        if self.severity_overridden {
            self.severity
        } else {
            own.unwrap_or(self.severity)
        }
    }
}

fn parse_severity(rule: &str, s: &str) -> Result<Severity, ConfigError> {
    Severity::parse(s).ok_or_else(|| {
        ConfigError(format!("rule '{rule}': unknown severity '{}' (use off, block, review, warn or info)", quote_str(s)))
    })
}

/// Resolves the setting of one rule against its metadata.
pub fn resolve(meta: &RuleMeta, setting: Option<&RuleSetting>) -> Result<RuleConfig, ConfigError> {
    let mut cfg = RuleConfig {
        enabled: meta.enabled_by_default,
        severity: meta.default_severity,
        severity_overridden: false,
        options: meta.options.iter().map(|o| (o.key, o.default.value())).collect(),
    };
    let id = meta.id;
    match setting {
        None => {}
        Some(RuleSetting::Enabled(b)) => cfg.enabled = *b,
        Some(RuleSetting::Level(l)) if l == "off" => cfg.enabled = false,
        Some(RuleSetting::Level(l)) => {
            cfg.enabled = true;
            cfg.severity = parse_severity(id, l)?;
            cfg.severity_overridden = true;
        }
        Some(RuleSetting::Full { enabled, severity, options }) => {
            cfg.enabled = enabled.unwrap_or(true);
            if let Some(s) = severity {
                if s == "off" {
                    cfg.enabled = false;
                } else {
                    cfg.severity = parse_severity(id, s)?;
                    cfg.severity_overridden = true;
                }
            }
            for (key, value) in options {
                let Some(opt) = meta.options.iter().find(|o| o.key == key) else {
                    let known: Vec<_> = meta.options.iter().map(|o| o.key).collect();
                    return Err(ConfigError(format!(
                        "rule '{id}': unknown option '{}' (known: {})",
                        quote_str(key),
                        if known.is_empty() { "none".to_string() } else { known.join(", ") }
                    )));
                };
                let ok = match (&opt.kind(), value) {
                    (OptionKind::Number { min, max }, OptionValue::Number(n)) => n.is_finite() && *n >= *min && *n <= *max,
                    (OptionKind::Bool, OptionValue::Bool(_)) => true,
                    (OptionKind::Text, OptionValue::Text(_)) => true,
                    (OptionKind::List, OptionValue::List(_)) => true,
                    (OptionKind::Severity, OptionValue::Text(s)) => Severity::parse(s).is_some(),
                    _ => false,
                };
                if !ok {
                    return Err(ConfigError(format!("rule '{id}': option '{key}' must be {}", opt.kind().describe())));
                }
                cfg.options.insert(opt.key, value.clone());
            }
        }
    }
    Ok(cfg)
}

impl Config {
    /// Parses JSON (native only, and in unit tests; the WASM package converts JS objects into a
    /// [`serde_json::Value`] and calls [`Config::from_value`]). serde_json's recursion limit
    /// (128) bounds the nesting depth.
    #[cfg(any(not(target_arch = "wasm32"), test))]
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            ConfigError(format!("配置不是有效的 JSON（invalid configuration: {e}）"))
        })?;
        Config::from_value(&value)
    }

    /// Reads a configuration from a JSON value, strictly: it must be an object; unknown keys
    /// and values of the wrong type are errors naming their key path (`rules.title-length`),
    /// quoting at most [`QUOTE_MAX`] characters of the value.
    pub fn from_value(value: &serde_json::Value) -> Result<Config, ConfigError> {
        use serde_json::Value;
        let Value::Object(map) = value else {
            return Err(type_error("", "一个对象（{…}）", "an object ({…})", value));
        };
        let mut config = Config::default();
        for (key, v) in map {
            match key.as_str() {
                "locale" => {
                    config.locale = match v.as_str() {
                        Some("zh-CN" | "zh" | "zh-cn") => Locale::ZhCn,
                        Some("en" | "en-US") => Locale::En,
                        _ => return Err(type_error("locale", "\"zh-CN\" 或 \"en\"", "\"zh-CN\" or \"en\"", v)),
                    }
                }
                "rules" => {
                    let Value::Object(rules) = v else {
                        return Err(type_error("rules", "一个对象（规则 ID → 设置）", "an object (rule id → setting)", v));
                    };
                    for (id, setting) in rules {
                        config.rules.insert(id.clone(), rule_setting(id, setting)?);
                    }
                }
                "allow" => config.allow = string_list("allow", v)?,
                "builtinLexicon" => {
                    config.builtin_lexicon =
                        v.as_bool().ok_or_else(|| type_error("builtinLexicon", "true 或 false", "true or false", v))?
                }
                "maxGap" => {
                    config.max_gap = v
                        .as_u64()
                        .and_then(|n| u32::try_from(n).ok())
                        .ok_or_else(|| type_error("maxGap", "非负整数", "a non-negative integer", v))?
                }
                other => {
                    return Err(ConfigError(format!(
                        "配置中有未知的键 {k}（invalid configuration: unknown field `{k}`, expected one of `locale`, `rules`, `allow`, `builtinLexicon`, `maxGap`）",
                        k = quote_str(other)
                    )))
                }
            }
        }
        Ok(config)
    }
}

/// The most characters of an offending value an error message quotes.
pub const QUOTE_MAX: usize = 80;

/// `s` for an error message: at most [`QUOTE_MAX`] characters, `…` when cut.
pub fn quote_str(s: &str) -> String {
    match s.char_indices().nth(QUOTE_MAX) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// A JSON value for an error message, in Chinese and in English: short, whatever its size.
fn describe_value(v: &serde_json::Value) -> (String, String) {
    use serde_json::Value;
    match v {
        Value::Null => ("null".into(), "null".into()),
        Value::Bool(b) => (b.to_string(), b.to_string()),
        Value::Number(n) => (quote_str(&n.to_string()), quote_str(&n.to_string())),
        Value::String(s) => (format!("\"{}\"", quote_str(s)), format!("\"{}\"", quote_str(s))),
        Value::Array(a) => (format!("含 {} 项的数组", a.len()), format!("an array of {} items", a.len())),
        Value::Object(o) => (format!("含 {} 个键的对象", o.len()), format!("an object with {} keys", o.len())),
    }
}

fn type_error(path: &str, want_zh: &str, want_en: &str, got: &serde_json::Value) -> ConfigError {
    let (got_zh, got) = describe_value(got);
    if path.is_empty() {
        ConfigError(format!("配置应为{want_zh}，实际为{got_zh}（invalid configuration: expected {want_en}, got {got}）"))
    } else {
        let path = quote_str(path);
        ConfigError(format!("配置项 {path} 应为{want_zh}，实际为 {got_zh}（invalid configuration: `{path}`: expected {want_en}, got {got}）"))
    }
}

fn string_list(path: &str, v: &serde_json::Value) -> Result<Vec<String>, ConfigError> {
    let serde_json::Value::Array(items) = v else {
        return Err(type_error(path, "字符串数组", "an array of strings", v));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| item.as_str().map(str::to_string).ok_or_else(|| type_error(&format!("{path}[{i}]"), "字符串", "a string", item)))
        .collect()
}

fn rule_setting(id: &str, v: &serde_json::Value) -> Result<RuleSetting, ConfigError> {
    use serde_json::Value;
    let path = format!("rules.{id}");
    match v {
        Value::Bool(b) => Ok(RuleSetting::Enabled(*b)),
        Value::String(s) => Ok(RuleSetting::Level(s.clone())),
        Value::Object(map) => {
            let (mut enabled, mut severity, mut options) = (None, None, BTreeMap::new());
            for (key, value) in map {
                let here = format!("{path}.{key}");
                match key.as_str() {
                    "enabled" => enabled = Some(value.as_bool().ok_or_else(|| type_error(&here, "true 或 false", "true or false", value))?),
                    "severity" => {
                        severity = Some(
                            value
                                .as_str()
                                .ok_or_else(|| type_error(&here, "\"off\" 或级别", "\"off\" or a severity", value))?
                                .to_string(),
                        )
                    }
                    _ => {
                        let option = match value {
                            Value::Bool(b) => OptionValue::Bool(*b),
                            Value::Number(n) => OptionValue::Number(n.as_f64().unwrap_or(f64::NAN)),
                            Value::String(s) => OptionValue::Text(s.clone()),
                            Value::Array(_) => OptionValue::List(string_list(&here, value)?),
                            _ => return Err(type_error(&here, "布尔值、数字、字符串或字符串数组", "a boolean, number, string or array of strings", value)),
                        };
                        options.insert(key.clone(), option);
                    }
                }
            }
            Ok(RuleSetting::Full { enabled, severity, options })
        }
        _ => Err(type_error(&path, "true/false、\"off\"、级别或对象", "true/false, \"off\", a severity or an object", v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(json: &str) -> String {
        Config::from_json(json).expect_err(json).0
    }

    #[test]
    fn a_configuration_must_be_an_object() {
        for json in [r#"["en",{"title-length":"off"},[],false]"#, "null", "42", r#""strict""#] {
            let m = err(json);
            assert!(m.contains("expected an object"), "{json}: {m}");
        }
        assert_eq!(Config::from_json("{}").unwrap(), Config::default());
    }

    #[test]
    fn type_errors_name_the_key_path() {
        for (json, path) in [
            (r#"{"rules": {"title-length": 5}}"#, "`rules.title-length`"),
            (r#"{"rules": {"title-length": null}}"#, "`rules.title-length`"),
            (r#"{"rules": {"title-length": {"enabled": "yes"}}}"#, "`rules.title-length.enabled`"),
            (r#"{"rules": {"title-length": {"severity": 3}}}"#, "`rules.title-length.severity`"),
            (r#"{"rules": {"prohibited": {"ignoreCategories": [1]}}}"#, "`rules.prohibited.ignoreCategories[0]`"),
            (r#"{"rules": []}"#, "`rules`"),
            (r#"{"allow": ["a", 2]}"#, "`allow[1]`"),
            (r#"{"maxGap": -1}"#, "`maxGap`"),
            (r#"{"maxGap": "three"}"#, "`maxGap`"),
            (r#"{"builtinLexicon": "no"}"#, "`builtinLexicon`"),
            (r#"{"locale": "fr"}"#, "`locale`"),
        ] {
            let m = err(json);
            assert!(m.contains(path) && m.starts_with("配置项"), "{json}: {m}");
            assert!(!m.contains("untagged"), "{m}");
        }
        let m = err(r#"{"rulez": {}}"#);
        assert!(m.contains("unknown field `rulez`"), "{m}");
    }

    #[test]
    fn error_messages_quote_at_most_80_characters() {
        let long = "长".repeat(1_000_000);
        for json in [
            format!(r#"{{"rules": {{"title-length": {{"enabled": "{long}"}}}}}}"#),
            format!(r#"{{"{long}": 1}}"#),
            format!(r#"{{"locale": "{long}"}}"#),
        ] {
            let m = err(&json);
            assert!(m.chars().count() < 400, "{} chars: {}", m.chars().count(), &m[..200]);
            assert!(m.contains(&format!("{}…", "长".repeat(QUOTE_MAX))), "{}", &m[..200]);
        }
        // Errors found later, against the rule metadata, are short too.
        for json in [
            format!(r#"{{"rules": {{"title-length": "{long}"}}}}"#),
            format!(r#"{{"rules": {{"title-length": {{"{long}": 1}}}}}}"#),
            format!(r#"{{"rules": {{"{long}": "off"}}}}"#),
            format!(r##"{{"allow": ["#{long}"]}}"##),
        ] {
            let e = crate::Checker::new(Config::from_json(&json).unwrap()).unwrap_err().0;
            assert!(e.chars().count() < 1000, "{} chars", e.chars().count());
        }
    }

    #[test]
    fn every_setting_kind_is_read() {
        let c = Config::from_json(
            r#"{"locale": "en", "maxGap": 2, "allow": ["路口交通"], "builtinLexicon": false,
                "rules": {"title-length": {"severity": "warn", "recommended": 26, "enabled": true},
                          "image-caption": "off", "author-length": false,
                          "prohibited": {"ignoreCategories": ["insults"]}}}"#,
        )
        .unwrap();
        assert_eq!((c.locale, c.max_gap, c.builtin_lexicon), (Locale::En, 2, false));
        assert_eq!(c.allow, ["路口交通"]);
        assert_eq!(c.rules["image-caption"], RuleSetting::Level("off".into()));
        assert_eq!(c.rules["author-length"], RuleSetting::Enabled(false));
        let RuleSetting::Full { enabled, severity, options } = &c.rules["title-length"] else { panic!() };
        assert_eq!((*enabled, severity.as_deref()), (Some(true), Some("warn")));
        assert_eq!(options["recommended"], OptionValue::Number(26.0));
        assert!(crate::Checker::new(c).is_ok());
    }
}
