//! The checker: configuration + lexicons + rules.

use crate::config::{resolve, Config, ConfigError, RuleConfig};
use crate::finding::{sort_findings, Finding};
use crate::lexicon::{builtin_base, parse, Base, Lexicon, LexiconError, LoadStats, Matcher, ScanBuffers, GLOBAL_RULE};
use crate::model::Article;
use crate::normalize::key_of;
use crate::rules::{Context, FieldHit, RULES};

/// The name of the list built from [`Config::allow`].
const CONFIG_ALLOW_LIST: &str = "config:allow";

/// A configured checker. Building one compiles the lexicons; checking is then cheap and does
/// not mutate the checker, so one instance serves every check.
pub struct Checker {
    config: Config,
    rule_configs: Vec<RuleConfig>,
    /// User lists, in load order (the built-in lists and the config allow-list are not here).
    user_lists: Vec<Lexicon>,
    /// The built-in lists, compiled once per process and shared (`None`: not loaded).
    builtin: Option<std::sync::Arc<Base>>,
    matcher: Matcher,
}

impl std::fmt::Debug for Checker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Checker").field("config", &self.config).field("matcher", &self.matcher).finish()
    }
}

fn resolve_all(config: &Config) -> Result<Vec<RuleConfig>, ConfigError> {
    for id in config.rules.keys() {
        if !RULES.iter().any(|r| r.meta().id == id) {
            let known: Vec<_> = RULES.iter().map(|r| r.meta().id).collect();
            return Err(ConfigError(format!("unknown rule '{}' (known: {})", crate::config::quote_str(id), known.join(", "))));
        }
    }
    RULES.iter().map(|r| resolve(r.meta(), config.rules.get(r.meta().id))).collect()
}

fn allow_list(config: &Config) -> Result<Lexicon, ConfigError> {
    let mut text = String::from("@allow\n");
    for term in &config.allow {
        if term.contains(['\n', '\r', '|']) || term.trim_start().starts_with(['#', '@']) {
            return Err(ConfigError(format!(
                "allow-list term '{}' may not contain line breaks or '|', nor start with '#' or '@'",
                crate::config::quote_str(term)
            )));
        }
        text.push_str(term);
        text.push('\n');
    }
    let mut list = parse(CONFIG_ALLOW_LIST, &text, None).map_err(|e| ConfigError(format!("allow-list: {}", e.reason)))?;
    // The user's allow-list applies to the findings of every lexicon rule.
    let global: std::sync::Arc<str> = std::sync::Arc::from(GLOBAL_RULE);
    list.entries.iter_mut().for_each(|e| e.rule = global.clone());
    Ok(list)
}

impl Checker {
    /// A checker with the given configuration (and, unless disabled, the built-in lexicon).
    pub fn new(config: Config) -> Result<Checker, ConfigError> {
        let rule_configs = resolve_all(&config)?;
        let builtin = config.builtin_lexicon.then(builtin_base);
        let mut checker = Checker { config, rule_configs, user_lists: Vec::new(), builtin, matcher: Matcher::default() };
        checker.matcher = checker.compile(&[]).map_err(|e| ConfigError(e.to_string()))?;
        Ok(checker)
    }

    /// The configuration in force.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Replaces the configuration. On error the previous configuration stays in force.
    pub fn set_config(&mut self, config: Config) -> Result<(), ConfigError> {
        let rule_configs = resolve_all(&config)?;
        let builtin_changed = config.builtin_lexicon != self.config.builtin_lexicon;
        let old = std::mem::replace(&mut self.config, config);
        if builtin_changed {
            self.builtin = self.config.builtin_lexicon.then(builtin_base);
        }
        match self.compile(&[]) {
            Ok(m) => {
                self.matcher = m;
                self.rule_configs = rule_configs;
                Ok(())
            }
            Err(e) => {
                self.config = old;
                if builtin_changed {
                    self.builtin = self.config.builtin_lexicon.then(builtin_base);
                }
                Err(ConfigError(e.to_string()))
            }
        }
    }

    /// Compiles the user lists (those named in `extra` replaced by them), `extra` and the
    /// configuration's allow-list into one matcher over the built-in lists (which are compiled
    /// once per process, not here).
    fn compile(&self, extra: &[Lexicon]) -> Result<Matcher, LexiconError> {
        let allow = allow_list(&self.config).map_err(|e| LexiconError::new(CONFIG_ALLOW_LIST, 0, e.0.clone(), e.0))?;
        let mut lists: Vec<&Lexicon> = Vec::with_capacity(self.user_lists.len() + extra.len() + 1);
        lists.extend(self.user_lists.iter().filter(|l| !extra.iter().any(|x| x.name == l.name)));
        lists.extend(extra);
        lists.push(&allow);
        Matcher::with_base(self.builtin.as_ref(), &lists)
    }

    /// Loads a lexicon (format: `lexicons/FORMAT.md`) under `name`, replacing a list loaded
    /// earlier under the same name. `category` is the category of entries before any
    /// `@category` line (so a plain word list goes into it). On error nothing changes.
    pub fn load_lexicon(&mut self, name: &str, text: &str, category: Option<&str>) -> Result<LoadStats, LexiconError> {
        let mut stats = self.load_lexicons(&[(name, text, category)])?;
        Ok(stats.remove(0))
    }

    /// Loads several lexicons at once, `(name, text, category)` each as in
    /// [`Checker::load_lexicon`], compiling the matcher once. Within the batch a later list
    /// replaces an earlier one of the same name. On any error nothing changes.
    pub fn load_lexicons(&mut self, lists: &[(&str, &str, Option<&str>)]) -> Result<Vec<LoadStats>, LexiconError> {
        self.load_lexicons_indexed(lists).map_err(|(_, e)| e)
    }

    /// [`Checker::load_lexicons`], with the index of the list that failed to parse (`None`
    /// when the lists parsed but did not compile together).
    pub fn load_lexicons_indexed(
        &mut self, lists: &[(&str, &str, Option<&str>)],
    ) -> Result<Vec<LoadStats>, (Option<usize>, LexiconError)> {
        let mut parsed: Vec<Lexicon> = Vec::with_capacity(lists.len());
        for (i, (name, text, category)) in lists.iter().enumerate() {
            let lex = parse(name, text, *category).map_err(|e| (Some(i), e))?;
            parsed.retain(|l| l.name != lex.name);
            parsed.push(lex);
        }
        let matcher = self.compile(&parsed).map_err(|e| (None, e))?;
        let total = matcher.entry_count();
        let stats = lists
            .iter()
            .map(|(name, _, _)| {
                let lex = parsed.iter().find(|l| l.name == *name).expect("every list was parsed");
                LoadStats { entries: lex.banned_count(), allowed: lex.allowed_count(), total }
            })
            .collect();
        self.user_lists.retain(|l| !parsed.iter().any(|x| x.name == l.name));
        self.user_lists.extend(parsed);
        self.matcher = matcher;
        Ok(stats)
    }

    /// Removes a list loaded with [`Checker::load_lexicon`]. Returns whether it existed.
    pub fn remove_lexicon(&mut self, name: &str) -> bool {
        let before = self.user_lists.len();
        self.user_lists.retain(|l| l.name != name);
        if self.user_lists.len() == before {
            return false;
        }
        self.matcher = self.compile(&[]).expect("lists that compiled before still compile");
        true
    }

    /// Names of the lists loaded with [`Checker::load_lexicon`], in load order.
    pub fn lexicon_names(&self) -> Vec<&str> {
        self.user_lists.iter().map(|l| l.name.as_str()).collect()
    }

    /// The compiled lexicon.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Checks an article. Findings are sorted by field, block and position.
    pub fn check(&self, article: &Article) -> Vec<Finding> {
        let hits = self.lexicon_hits(article);
        let enabled: Vec<bool> = self.rule_configs.iter().map(|c| c.enabled).collect();
        let ctx = Context { article, locale: self.config.locale, matcher: &self.matcher, hits: &hits, enabled: &enabled };
        let mut findings = Vec::new();
        for (rule, cfg) in RULES.iter().zip(&self.rule_configs) {
            if cfg.enabled {
                rule.check(&ctx, cfg, &mut findings);
            }
        }
        // The user's allow-list also covers findings that rules produce by code (placeholders,
        // numbers, markings): a finding whose text is, once normalised, an allowed term goes.
        if !self.config.allow.is_empty() {
            let allowed: std::collections::HashSet<String> = self.config.allow.iter().map(|t| key_of(t)).collect();
            findings.retain(|f| f.text.is_empty() || !allowed.contains(&key_of(&f.text)));
        }
        sort_findings(&mut findings);
        findings
    }

    fn lexicon_hits(&self, article: &Article) -> Vec<FieldHit> {
        let mut out = Vec::new();
        let mut buf = ScanBuffers::default();
        let mut hits = Vec::new();
        for (field, block, text) in article.texts() {
            hits.clear();
            self.matcher.scan(text, self.config.max_gap, &mut buf, &mut hits);
            out.extend(hits.iter().map(|&hit| FieldHit { field, block, hit }));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Field;

    #[test]
    fn unknown_rules_and_bad_options_are_errors() {
        let e = Checker::new(Config::from_json(r#"{"rules":{"no-such-rule":"off"}}"#).unwrap()).unwrap_err();
        assert!(e.0.contains("unknown rule 'no-such-rule'"), "{e}");
        let e = Checker::new(Config::from_json(r#"{"rules":{"title-length":{"maxx":3}}}"#).unwrap()).unwrap_err();
        assert!(e.0.contains("unknown option 'maxx'") && e.0.contains("recommended"), "{e}");
        let e = Checker::new(Config::from_json(r#"{"rules":{"title-length":{"max":"long"}}}"#).unwrap()).unwrap_err();
        assert!(e.0.contains("must be a number"), "{e}");
        let e = Checker::new(Config::from_json(r#"{"rules":{"title-length":"loud"}}"#).unwrap()).unwrap_err();
        assert!(e.0.contains("unknown severity"), "{e}");
        assert!(Config::from_json(r#"{"rulez":{}}"#).is_err());
    }

    #[test]
    fn a_malformed_list_changes_nothing() {
        let mut c = Checker::new(Config { builtin_lexicon: false, ..Config::default() }).unwrap();
        c.load_lexicon("mine", "赌球", Some("gambling")).unwrap();
        let a = Article::from_paragraphs("标题", ["赌球和网赌"]);
        assert_eq!(c.check(&a).iter().filter(|f| f.rule == "prohibited").count(), 1);
        let e = c.load_lexicon("mine", "网赌\n@severity extreme\n", None).unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(c.check(&a).iter().filter(|f| f.rule == "prohibited").count(), 1);
        assert_eq!(c.lexicon_names(), ["mine"]);
        // Reloading under the same name replaces the list.
        let stats = c.load_lexicon("mine", "网赌", Some("gambling")).unwrap();
        assert_eq!((stats.entries, stats.total), (1, 1));
        let f: Vec<_> = c.check(&a).into_iter().filter(|f| f.rule == "prohibited").collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "网赌");
        assert!(c.remove_lexicon("mine"));
        assert!(!c.remove_lexicon("mine"));
    }

    #[test]
    fn a_batch_loads_together_or_not_at_all() {
        let mut c = Checker::new(Config { builtin_lexicon: false, ..Config::default() }).unwrap();
        let a = Article::from_paragraphs("标题", ["赌球和网赌"]);
        let e = c.load_lexicons(&[("one", "赌球", Some("gambling")), ("two", "网赌\n@bad", None)]).unwrap_err();
        assert_eq!((e.source.as_str(), e.line), ("two", 2));
        assert!(c.lexicon_names().is_empty());
        let stats = c.load_lexicons(&[("one", "赌球", Some("gambling")), ("two", "网赌", Some("gambling"))]).unwrap();
        assert_eq!(stats.iter().map(|s| (s.entries, s.total)).collect::<Vec<_>>(), [(1, 2), (1, 2)]);
        assert_eq!(c.lexicon_names(), ["one", "two"]);
        assert_eq!(c.check(&a).iter().filter(|f| f.rule == "prohibited").count(), 2);
    }

    #[test]
    fn set_config_keeps_the_old_one_on_error() {
        let mut c = Checker::new(Config::default()).unwrap();
        let bad = Config { allow: vec!["a|b".into()], ..Config::default() };
        assert!(c.set_config(bad).is_err());
        assert!(c.config().allow.is_empty());
        let good = Config::from_json(r#"{"rules":{"title-length":"off"}}"#).unwrap();
        c.set_config(good).unwrap();
        assert!(c.check(&Article::default()).iter().all(|f| f.rule != "title-length"));
    }

    #[test]
    fn the_user_allow_list_covers_code_rules_too() {
        let a = Article::from_paragraphs("标题", ["请于xx月xx日前报名"]);
        let c = Checker::new(Config::default()).unwrap();
        assert!(c.check(&a).iter().any(|f| f.rule == "placeholder"), "{:?}", c.check(&a));
        let c = Checker::new(Config { allow: vec!["xx月xx日".into()], ..Config::default() }).unwrap();
        assert!(c.check(&a).iter().all(|f| f.rule != "placeholder"));
    }

    #[test]
    fn findings_are_sorted_by_position() {
        let c = Checker::new(Config::default()).unwrap();
        let a = Article { title: String::new(), digest: "字".repeat(130), ..Article::from_paragraphs("", ["网上赌场代理招募"]) };
        let f = c.check(&a);
        let keys: Vec<_> = f.iter().map(|f| f.position_key()).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
        assert_eq!(f[0].field, Field::Title);
    }
}
