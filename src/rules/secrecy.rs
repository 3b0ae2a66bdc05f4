//! `secrecy`: secrecy markings. (Being implemented: reports nothing yet.)

use super::{Context, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};

pub struct Secrecy;

static META: RuleMeta = RuleMeta {
    id: "secrecy",
    name_zh: "涉密标识",
    name_en: "Secrecy markings",
    description_zh: "涉密标识（实现中）",
    description_en: "Secrecy markings (in progress)",
    default_severity: Severity::Block,
    enabled_by_default: true,
    uses_lexicon: false,
    options: &[],
};

impl Rule for Secrecy {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _cfg: &RuleConfig, _out: &mut Vec<Finding>) {}
}
