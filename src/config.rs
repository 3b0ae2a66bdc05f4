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
        ConfigError(format!("rule '{rule}': unknown severity '{s}' (use off, block, review, warn or info)"))
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
                        "rule '{id}': unknown option '{key}' (known: {})",
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
    /// Parses JSON (native only, and in unit tests; the WASM package passes JS objects directly).
    #[cfg(any(not(target_arch = "wasm32"), test))]
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        serde_json::from_str(text).map_err(|e| ConfigError(format!("invalid configuration: {e}")))
    }
}
