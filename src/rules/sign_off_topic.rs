//! `sign-off-topic`: topics needing sign-off. (Being implemented: reports nothing yet.)

use super::{Context, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};

pub struct SignOffTopic;

static META: RuleMeta = RuleMeta {
    id: "sign-off-topic",
    name_zh: "需领导审核的选题",
    name_en: "Topics needing sign-off",
    description_zh: "需领导审核的选题（实现中）",
    description_en: "Topics needing sign-off (in progress)",
    default_severity: Severity::Review,
    enabled_by_default: true,
    uses_lexicon: false,
    options: &[],
};

impl Rule for SignOffTopic {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _cfg: &RuleConfig, _out: &mut Vec<Finding>) {}
}
