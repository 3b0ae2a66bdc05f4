//! `image-resolution`: image resolution. (Being implemented: reports nothing yet.)

use super::{Context, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};

pub struct ImageResolution;

static META: RuleMeta = RuleMeta {
    id: "image-resolution",
    name_zh: "图片清晰度",
    name_en: "Image resolution",
    description_zh: "图片清晰度（实现中）",
    description_en: "Image resolution (in progress)",
    default_severity: Severity::Info,
    enabled_by_default: true,
    uses_lexicon: false,
    options: &[],
};

impl Rule for ImageResolution {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _cfg: &RuleConfig, _out: &mut Vec<Finding>) {}
}
