//! `image-resolution`: images too narrow to be sharp (house rule: 图片清晰).
//!
//! Judged from the model's `width` (front ends fill it from `data-w`, the natural width or the
//! `width` attribute). An image whose width is unknown is not judged. Decorative images
//! (dividers, icons: narrower or shorter than `ignoreSmallerThan`) are ignored, as the caption
//! rule ignores them.

use super::{image_finding, Context, OptionDefault, OptionMeta, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};
use crate::model::Block;

pub struct ImageResolution;

static META: RuleMeta = RuleMeta {
    id: "image-resolution",
    name_zh: "图片清晰度",
    name_en: "Image resolution",
    description_zh: "图片宽度过小（默认小于 400 像素）时在手机上显示模糊，建议换用清晰的原图。分隔线、图标等装饰性小图不检查。",
    description_en: "Images narrower than a minimum width (400 px by default) look blurred on phones; use a sharper original. Decorative images (dividers, icons) are ignored.",
    default_severity: Severity::Info,
    enabled_by_default: true,
    uses_lexicon: false,
    options: &[
        OptionMeta {
            key: "minWidth",
            default: OptionDefault::Number { value: 400.0, min: 1.0, max: 10000.0 },
            description_zh: "图片最小宽度（像素），更窄的图片提示换用清晰图片",
            description_en: "Minimum image width in pixels",
        },
        OptionMeta {
            key: "ignoreSmallerThan",
            default: OptionDefault::Number { value: 120.0, min: 0.0, max: 10000.0 },
            description_zh: "宽或高小于此值（像素）的图片（分隔线、图标）不检查",
            description_en: "Images narrower or shorter than this (px) — dividers, icons — are not judged",
        },
    ],
};

impl Rule for ImageResolution {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        let min_width = cfg.number("minWidth") as u32;
        let decorative = cfg.number("ignoreSmallerThan") as u32;
        for (i, block) in ctx.article.blocks.iter().enumerate() {
            let Block::Image(img) = block else { continue };
            let Some(width) = img.width else { continue };
            if width < decorative || img.height.is_some_and(|h| h < decorative) || width >= min_width {
                continue;
            }
            let message = ctx.msg(
                format!("图片宽度仅 {width} 像素，小于 {min_width} 像素，在手机上可能显示模糊"),
                format!("The image is only {width} px wide (under {min_width} px) and may look blurred"),
            );
            let suggestion = ctx.msg(
                format!("使用宽度不小于 {min_width} 像素的清晰图片"),
                format!("Use a sharp image at least {min_width} px wide"),
            );
            out.push(image_finding(&META, cfg.severity, i, message, suggestion));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Block, ImageBlock, TextBlock};
    use crate::rules::testing::{check, check_with, config};
    use crate::{Article, Field, Severity};

    fn img(width: Option<u32>, height: Option<u32>) -> Block {
        Block::Image(ImageBlock { src: "https://mmbiz.qpic.cn/a.png".into(), width, height, ..Default::default() })
    }

    fn article(blocks: Vec<Block>) -> Article {
        Article { title: "标题".into(), blocks, ..Default::default() }
    }

    #[test]
    fn narrow_images_are_reported_with_their_width() {
        let a = article(vec![
            Block::Text(TextBlock { text: "正文".into(), ..Default::default() }),
            img(Some(300), Some(200)),
            img(Some(1080), Some(720)),
            img(Some(399), None),
        ]);
        let f = check(&a, "image-resolution");
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].field, f[0].block, f[0].start, f[0].end, f[0].text.as_str()), (Field::Body, Some(1), 0, 0, ""));
        assert_eq!(f[0].severity, Severity::Info);
        assert!(f[0].message.contains("300"), "{}", f[0].message);
        assert_eq!(f[0].suggestion.as_deref(), Some("使用宽度不小于 400 像素的清晰图片"));
        assert_eq!(f[1].block, Some(3));
    }

    #[test]
    fn unknown_exact_and_decorative_sizes_are_not_reported() {
        let a = article(vec![img(None, Some(50)), img(None, None), img(Some(400), Some(300)), img(Some(100), Some(300)), img(Some(380), Some(20))]);
        assert!(check(&a, "image-resolution").is_empty());
    }

    #[test]
    fn thresholds_are_configurable() {
        let a = article(vec![img(Some(600), Some(400)), img(Some(100), Some(100))]);
        assert!(check(&a, "image-resolution").is_empty());
        let cfg = config(r#"{"rules":{"image-resolution":{"minWidth":640,"ignoreSmallerThan":50,"severity":"warn"}}}"#);
        let f = check_with(cfg, &a, "image-resolution");
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|f| f.severity == Severity::Warn));
        assert!(f[0].suggestion.as_deref().unwrap().contains("640"));
        let en = config(r#"{"locale":"en"}"#);
        let f = check_with(en, &article(vec![img(Some(200), Some(200))]), "image-resolution");
        assert!(f[0].message.contains("200 px"));
    }
}
