//! `personal-data`: personal data. (Being implemented: reports nothing yet.)

use super::{Context, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};

pub struct PersonalData;

static META: RuleMeta = RuleMeta {
    id: "personal-data",
    name_zh: "个人信息",
    name_en: "Personal data",
    description_zh: "个人信息（实现中）",
    description_en: "Personal data (in progress)",
    default_severity: Severity::Block,
    enabled_by_default: true,
    uses_lexicon: false,
    options: &[],
};

impl Rule for PersonalData {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _cfg: &RuleConfig, _out: &mut Vec<Finding>) {}
}
