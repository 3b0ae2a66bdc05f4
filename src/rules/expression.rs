//! `expression`: non-standard expressions. (Being implemented: reports nothing yet.)

use super::{Context, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};

pub struct Expression;

static META: RuleMeta = RuleMeta {
    id: "expression",
    name_zh: "不规范用语",
    name_en: "Non-standard expressions",
    description_zh: "不规范用语（实现中）",
    description_en: "Non-standard expressions (in progress)",
    default_severity: Severity::Warn,
    enabled_by_default: true,
    uses_lexicon: false,
    options: &[],
};

impl Rule for Expression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _cfg: &RuleConfig, _out: &mut Vec<Finding>) {}
}
