//! `placeholder`: unfilled placeholders. (Being implemented: reports nothing yet.)

use super::{Context, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};

pub struct Placeholder;

static META: RuleMeta = RuleMeta {
    id: "placeholder",
    name_zh: "未填写的模板占位符",
    name_en: "Unfilled placeholders",
    description_zh: "未填写的模板占位符（实现中）",
    description_en: "Unfilled placeholders (in progress)",
    default_severity: Severity::Block,
    enabled_by_default: true,
    uses_lexicon: false,
    options: &[],
};

impl Rule for Placeholder {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _cfg: &RuleConfig, _out: &mut Vec<Finding>) {}
}
