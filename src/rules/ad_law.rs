//! `ad-law`: advertising law absolutes. (Being implemented: reports nothing yet.)

use super::{Context, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};

pub struct AdLaw;

static META: RuleMeta = RuleMeta {
    id: "ad-law",
    name_zh: "广告法禁用语",
    name_en: "Advertising Law absolutes",
    description_zh: "广告法禁用语（实现中）",
    description_en: "Advertising Law absolutes (in progress)",
    default_severity: Severity::Warn,
    enabled_by_default: true,
    uses_lexicon: false,
    options: &[],
};

impl Rule for AdLaw {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _cfg: &RuleConfig, _out: &mut Vec<Finding>) {}
}
