//! `typo`: typos. (Being implemented: reports nothing yet.)

use super::{Context, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};

pub struct Typo;

static META: RuleMeta = RuleMeta {
    id: "typo",
    name_zh: "错别字",
    name_en: "Typos",
    description_zh: "错别字（实现中）",
    description_en: "Typos (in progress)",
    default_severity: Severity::Warn,
    enabled_by_default: true,
    uses_lexicon: false,
    options: &[],
};

impl Rule for Typo {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _cfg: &RuleConfig, _out: &mut Vec<Finding>) {}
}
