//! `official-wording`: official wording. (Being implemented: reports nothing yet.)

use super::{Context, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};

pub struct OfficialWording;

static META: RuleMeta = RuleMeta {
    id: "official-wording",
    name_zh: "规范表述",
    name_en: "Official wording",
    description_zh: "规范表述（实现中）",
    description_en: "Official wording (in progress)",
    default_severity: Severity::Block,
    enabled_by_default: true,
    uses_lexicon: false,
    options: &[],
};

impl Rule for OfficialWording {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _cfg: &RuleConfig, _out: &mut Vec<Finding>) {}
}
