//! Rules. A rule is a file: metadata ([`RuleMeta`]: id, default severity, descriptions,
//! options) and a `check` that appends [`Finding`]s.
//!
//! Rules judge the [`Article`] only through a [`Context`], which also holds the lexicon hits of
//! every field, computed once per check and shared by all lexicon-based rules.

mod ad_law;
mod author_length;
mod clickbait_title;
mod compounds;
pub mod context;
mod digest_length;
mod expression;
mod image_caption;
mod image_resolution;
mod official_wording;
mod personal_data;
mod placeholder;
mod prohibited;
mod secrecy;
mod sign_off_topic;
pub mod spam;
mod title_length;
mod typo;

use crate::config::{Locale, OptionValue, RuleConfig};
use crate::finding::{Field, Finding, Severity};
use crate::lexicon::{Entry, Hit, Matcher};
use crate::model::Article;
use serde::Serialize;

/// The default value of a rule option; its variant also fixes the option's type.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum OptionDefault {
    Number { value: f64, min: f64, max: f64 },
    Bool(bool),
    Text(&'static str),
    List(&'static [&'static str]),
    Severity(Severity),
}

impl OptionDefault {
    pub fn value(&self) -> OptionValue {
        match *self {
            OptionDefault::Number { value, .. } => OptionValue::Number(value),
            OptionDefault::Bool(b) => OptionValue::Bool(b),
            OptionDefault::Text(t) => OptionValue::Text(t.to_string()),
            OptionDefault::List(l) => OptionValue::List(l.iter().map(|s| s.to_string()).collect()),
            OptionDefault::Severity(s) => OptionValue::Text(s.as_str().to_string()),
        }
    }
}

/// The type of an option, for validation and messages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OptionKind {
    Number { min: f64, max: f64 },
    Bool,
    Text,
    List,
    Severity,
}

impl OptionKind {
    pub fn describe(&self) -> String {
        match self {
            OptionKind::Number { min, max } => format!("a number from {min} to {max}"),
            OptionKind::Bool => "true or false".into(),
            OptionKind::Text => "a string".into(),
            OptionKind::List => "a list of strings".into(),
            OptionKind::Severity => "one of block, review, warn, info".into(),
        }
    }
}

/// One configurable option of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OptionMeta {
    pub key: &'static str,
    pub default: OptionDefault,
    pub description_zh: &'static str,
    pub description_en: &'static str,
}

impl OptionMeta {
    pub fn kind(&self) -> OptionKind {
        match self.default {
            OptionDefault::Number { min, max, .. } => OptionKind::Number { min, max },
            OptionDefault::Bool(_) => OptionKind::Bool,
            OptionDefault::Text(_) => OptionKind::Text,
            OptionDefault::List(_) => OptionKind::List,
            OptionDefault::Severity(_) => OptionKind::Severity,
        }
    }
}

/// What a rule is, for configuration, documentation and the options page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleMeta {
    pub id: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub description_zh: &'static str,
    pub description_en: &'static str,
    pub default_severity: Severity,
    pub enabled_by_default: bool,
    /// Whether the rule reports lexicon entries (entries with `@rule <id>`).
    pub uses_lexicon: bool,
    pub options: &'static [OptionMeta],
}

/// A rule.
pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>);
}

/// Lexicon hits in one text of the article.
#[derive(Debug, Clone, Copy)]
pub struct FieldHit {
    pub field: Field,
    pub block: Option<usize>,
    pub hit: Hit,
}

/// A lexicon hit of one rule's entries, with the original text it covers.
#[derive(Debug, Clone, Copy)]
pub struct LexiconHit<'a> {
    pub at: &'a FieldHit,
    pub entry: &'a Entry,
    /// The original text of the match, separators included.
    pub text: &'a str,
}

impl LexiconHit<'_> {
    /// A finding for this hit: the entry's severity unless the configuration overrides it, its
    /// category and suggestion, and the hit's own UTF-16 offsets (no rescan of the text).
    pub fn finding(&self, meta: &RuleMeta, cfg: &RuleConfig, message: String) -> Finding {
        Finding {
            rule: meta.id.to_string(),
            severity: cfg.severity_or(self.entry.severity),
            category: Some(self.entry.category.to_string()),
            field: self.at.field,
            block: self.at.block,
            start: self.at.hit.utf16_start as usize,
            end: self.at.hit.utf16_end as usize,
            text: self.text.to_string(),
            message,
            suggestion: self.entry.suggestion.as_deref().map(str::to_owned),
        }
    }
}

/// What a rule sees.
pub struct Context<'a> {
    pub article: &'a Article,
    pub locale: Locale,
    pub matcher: &'a Matcher,
    /// Lexicon hits of every field and text block, in field and text order.
    pub hits: &'a [FieldHit],
    /// Which of [`RULES`] are enabled, in their order.
    pub enabled: &'a [bool],
}

impl Context<'_> {
    /// Picks the message for the configured locale.
    pub fn msg(&self, zh: String, en: String) -> String {
        match self.locale {
            Locale::ZhCn => zh,
            Locale::En => en,
        }
    }

    /// The text of a field, of a body text block, or the caption of an image block.
    pub fn text_of(&self, field: Field, block: Option<usize>) -> &str {
        self.article.text_of(field, block)
    }

    /// The lexicon hits of entries that belong to rule `rule`, in field and text order.
    pub fn lexicon_hits<'s>(&'s self, rule: &'s str) -> impl Iterator<Item = LexiconHit<'s>> + 's {
        self.hits.iter().filter_map(move |fh| {
            let entry = self.matcher.entry(fh.hit.entry);
            if &*entry.rule != rule {
                return None;
            }
            let text = &self.text_of(fh.field, fh.block)[fh.hit.byte_start as usize..fh.hit.byte_end as usize];
            Some(LexiconHit { at: fh, entry, text })
        })
    }

    /// The lexicon hits of rule `rule` whose category the configuration does not ignore
    /// (option `ignoreCategories`, when the rule has it).
    pub fn reported_hits<'s>(&'s self, rule: &'s str, cfg: &'s RuleConfig) -> impl Iterator<Item = LexiconHit<'s>> + 's {
        let ignored = cfg.list("ignoreCategories");
        self.lexicon_hits(rule).filter(move |h| !ignored.iter().any(|c| **c == *h.entry.category))
    }

    /// Is rule `id` enabled in this check?
    pub fn rule_enabled(&self, id: &str) -> bool {
        RULES.iter().zip(self.enabled).any(|(r, &on)| on && r.meta().id == id)
    }

    /// The display label of a category (Chinese), or its id.
    pub fn category_label<'c>(&'c self, category: &'c str) -> &'c str {
        match self.locale {
            Locale::ZhCn => self.matcher.label(category).unwrap_or(category),
            Locale::En => category,
        }
    }
}

/// Every rule, in documentation order.
pub static RULES: &[&dyn Rule] = &[
    &prohibited::Prohibited,
    &spam::Spam,
    &title_length::TitleLength,
    &author_length::AuthorLength,
    &digest_length::DigestLength,
    &image_caption::ImageCaption,
    &official_wording::OfficialWording,
    &typo::Typo,
    &expression::Expression,
    &secrecy::Secrecy,
    &personal_data::PersonalData,
    &placeholder::Placeholder,
    &sign_off_topic::SignOffTopic,
    &ad_law::AdLaw,
    &clickbait_title::ClickbaitTitle,
    &image_resolution::ImageResolution,
];

/// The rules that report entries of a lexicon: the ids a lexicon's `@rule` line may name.
/// A rule that reads lexicon hits (`ctx.lexicon_hits` / `ctx.reported_hits`) adds its id here;
/// the lexicon parser rejects any other id, with the line.
pub const LEXICON_RULES: &[&str] =
    &["prohibited", "spam", "official-wording", "typo", "expression", "secrecy", "sign-off-topic", "ad-law", "clickbait-title", context::CONTEXT_RULE];

/// Whether a lexicon's `@rule` may name `id` (see [`LEXICON_RULES`]).
pub fn is_lexicon_rule(id: &str) -> bool {
    LEXICON_RULES.contains(&id)
}

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|r| r.meta().id == id)
}

/// Metadata of every rule.
pub fn all_meta() -> Vec<&'static RuleMeta> {
    RULES.iter().map(|r| r.meta()).collect()
}

/// A finding about a whole image block (no text span).
pub(crate) fn image_finding(rule: &RuleMeta, severity: Severity, block: usize, message: String, suggestion: String) -> Finding {
    Finding {
        rule: rule.id.to_string(),
        severity,
        category: None,
        field: Field::Body,
        block: Some(block),
        start: 0,
        end: 0,
        text: String::new(),
        message,
        suggestion: Some(suggestion),
    }
}

/// Spans sorted by start, each end replaced by the furthest end so far: one binary search then
/// tells whether a span overlaps or covers a range ([`overlaps`], [`covers`]).
pub(crate) fn running_max(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut max = 0;
    for s in spans.iter_mut() {
        max = max.max(s.1);
        s.1 = max;
    }
    spans
}

/// Whether a span of `spans` ([`running_max`]) overlaps `start..end`: starts before its end
/// and reaches past its start.
pub(crate) fn overlaps(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let before = spans.partition_point(|s| s.0 < end);
    before > 0 && spans[before - 1].1 > start
}

/// Whether a span of `spans` ([`running_max`]) contains `start..end`.
pub(crate) fn covers(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let before = spans.partition_point(|s| s.0 <= start);
    before > 0 && spans[before - 1].1 >= end
}

/// A text of the article: its field and block.
pub(crate) type TextId = (Field, Option<usize>);

/// The lexicon hits of each text, in text order, in one pass over the hits: a rule that visits
/// every text does not walk all the article's hits once per text (quadratic in the number of
/// paragraphs).
pub(crate) fn hits_by_text<'c>(ctx: &'c Context<'_>) -> std::collections::HashMap<TextId, Vec<&'c FieldHit>> {
    let mut by_text: std::collections::HashMap<TextId, Vec<&FieldHit>> = std::collections::HashMap::new();
    for h in ctx.hits {
        by_text.entry((h.field, h.block)).or_default().push(h);
    }
    by_text
}

/// Spans grouped by text, each group in [`running_max`] form.
pub(crate) fn spans_by_text(spans: impl IntoIterator<Item = (TextId, (usize, usize))>) -> std::collections::HashMap<TextId, Vec<(usize, usize)>> {
    let mut by_text: std::collections::HashMap<TextId, Vec<(usize, usize)>> = std::collections::HashMap::new();
    for (text, span) in spans {
        by_text.entry(text).or_default().push(span);
    }
    for spans in by_text.values_mut() {
        *spans = running_max(std::mem::take(spans));
    }
    by_text
}

/// A finding over a span of a field's text, given in bytes: computes the UTF-16 offsets.
#[allow(clippy::too_many_arguments)]
pub(crate) fn span_finding(
    rule: &RuleMeta,
    severity: Severity,
    field: Field,
    block: Option<usize>,
    text: &str,
    bytes: (usize, usize),
    message: String,
    suggestion: Option<String>,
) -> Finding {
    let start = crate::text::byte_to_utf16(text, bytes.0);
    let end = start + crate::text::utf16_len(&text[bytes.0..bytes.1]);
    Finding {
        rule: rule.id.to_string(),
        severity,
        category: None,
        field,
        block,
        start,
        end,
        text: text[bytes.0..bytes.1].to_string(),
        message,
        suggestion,
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for rule tests: run the real checker with one rule's findings.
    use crate::{Article, Checker, Config, Finding};

    pub fn check_with(config: Config, article: &Article, rule: &str) -> Vec<Finding> {
        let checker = Checker::new(config).expect("config");
        checker.check(article).into_iter().filter(|f| f.rule == rule).collect()
    }

    pub fn check(article: &Article, rule: &str) -> Vec<Finding> {
        check_with(Config::default(), article, rule)
    }

    pub fn config(json: &str) -> Config {
        Config::from_json(json).expect("test config")
    }

    /// Offsets of every finding map back to the original text, whatever it holds.
    pub fn offsets_hold(rule: &str, tokens: &[&str]) {
        let checker = crate::Checker::new(crate::Config::default()).unwrap();
        let (mut seed, mut seen) = (0x2545_f491_4f6c_dd1d_u64, 0);
        for _ in 0..400 {
            let mut s = String::new();
            for _ in 0..20 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(tokens[(seed % tokens.len() as u64) as usize]);
            }
            let a = crate::Article::from_paragraphs(&s, [s.as_str()]);
            let units: Vec<u16> = s.encode_utf16().collect();
            for f in checker.check(&a).into_iter().filter(|f| f.rule == rule) {
                assert_eq!(String::from_utf16(&units[f.start..f.end]).unwrap(), f.text, "{s:?}");
                seen += 1;
            }
        }
        assert!(seen > 20, "only {seen} findings: the tokens do not exercise {rule}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_documented() {
        let mut ids: Vec<_> = RULES.iter().map(|r| r.meta().id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
        for r in RULES {
            let m = r.meta();
            assert!(crate::lexicon::is_valid_id(m.id));
            assert!(!m.description_zh.is_empty() && !m.description_en.is_empty() && !m.name_zh.is_empty());
            for o in m.options {
                assert!(!o.description_zh.is_empty(), "{}.{}", m.id, o.key);
            }
        }
    }
}
