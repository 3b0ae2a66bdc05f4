//! `clickbait-title`: clickbait title. (Being implemented: reports nothing yet.)

use super::{Context, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};

pub struct ClickbaitTitle;

static META: RuleMeta = RuleMeta {
    id: "clickbait-title",
    name_zh: "标题党",
    name_en: "Clickbait title",
    description_zh: "标题党（实现中）",
    description_en: "Clickbait title (in progress)",
    default_severity: Severity::Warn,
    enabled_by_default: true,
    uses_lexicon: false,
    options: &[],
};

impl Rule for ClickbaitTitle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _cfg: &RuleConfig, _out: &mut Vec<Finding>) {}
}
