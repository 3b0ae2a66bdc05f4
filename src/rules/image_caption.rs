//! `image-caption`: images without a caption (图片说明).
//!
//! WeChat has no caption field; by convention a caption is the short paragraph right after the
//! image (centred, small or grey, or starting with ▲ / △ / 图： / 图为), text in the same
//! paragraph as the image, or an explicit `<figcaption>`. A run of consecutive images followed
//! by one caption is one captioned group, and an uncaptioned group is one finding.

use super::{image_finding, Context, OptionDefault, OptionMeta, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};
use crate::model::{Align, Block, ImageBlock, TextBlock};
use crate::style::{is_grey, parse_color};

pub struct ImageCaption;

static META: RuleMeta = RuleMeta {
    id: "image-caption",
    name_zh: "图片说明",
    name_en: "Image caption",
    description_zh: "图片（或连续的一组图片）下方应有简短的图片说明：居中、小字号或灰色的短段落，或以“▲”“图为”等开头。",
    description_en: "An image (or a run of images) should have a short caption: a short centred, small or grey paragraph right after it, or one starting with ▲ or 图为.",
    default_severity: Severity::Warn,
    enabled_by_default: true,
    uses_lexicon: false,
    options: &[
        OptionMeta {
            key: "maxCaptionLength",
            default: OptionDefault::Number { value: 80.0, min: 1.0, max: 1000.0 },
            description_zh: "图片说明的最大字数（更长的段落视为正文）",
            description_en: "Longest paragraph still taken as a caption, in characters",
        },
        OptionMeta {
            key: "captionFontSize",
            default: OptionDefault::Number { value: 14.0, min: 1.0, max: 100.0 },
            description_zh: "不大于此字号（px）的短段落视为图片说明",
            description_en: "A short paragraph at or below this font size (px) is a caption",
        },
        OptionMeta {
            key: "ignoreSmallerThan",
            default: OptionDefault::Number { value: 120.0, min: 0.0, max: 10000.0 },
            description_zh: "宽或高小于此值（px）的图片（分隔线、图标）不要求说明",
            description_en: "Images narrower or shorter than this (px) — dividers, icons — need no caption",
        },
    ],
};

/// Prefixes that mark a caption whatever its style.
const CAPTION_MARKS: &[&str] = &["▲", "△", "▼", "▽", "↑", "☝", "图：", "图:", "图为", "图片：", "图片:", "图片来源", "（图", "(图", "【图", "摄影", "供图", "摄／", "摄/"];

fn is_caption_like(t: &TextBlock, cfg: &RuleConfig) -> bool {
    let text = t.text.trim();
    let chars = text.chars().count();
    if chars == 0 || chars > cfg.number("maxCaptionLength") as usize {
        return false;
    }
    if CAPTION_MARKS.iter().any(|m| text.starts_with(m)) || text.ends_with("摄") || text.ends_with("供图") {
        return true;
    }
    let s = &t.style;
    s.with_image
        || s.align == Some(Align::Center)
        || s.font_size.is_some_and(|px| px > 0.0 && px <= cfg.number("captionFontSize") as f32)
        || s.color.as_deref().and_then(parse_color).is_some_and(is_grey)
}

fn is_blank(b: &Block) -> bool {
    matches!(b, Block::Text(t) if t.text.trim().is_empty())
}

fn is_decorative(img: &ImageBlock, min: u32) -> bool {
    img.width.is_some_and(|w| w < min) || img.height.is_some_and(|h| h < min)
}

impl Rule for ImageCaption {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        let blocks = &ctx.article.blocks;
        let min = cfg.number("ignoreSmallerThan") as u32;
        let mut i = 0;
        while i < blocks.len() {
            let Block::Image(_) = &blocks[i] else {
                i += 1;
                continue;
            };
            // The group: images separated only by blank text blocks.
            let first = i;
            let mut images = Vec::new();
            let mut j = i;
            while j < blocks.len() {
                match &blocks[j] {
                    Block::Image(img) => images.push(img),
                    b if is_blank(b) => {}
                    _ => break,
                }
                j += 1;
            }
            let last_image = (first..j).rev().find(|&k| matches!(blocks[k], Block::Image(_))).unwrap_or(first);
            i = j;

            if images.iter().all(|img| is_decorative(img, min)) {
                continue;
            }
            let explicit = images.iter().any(|img| img.caption.as_deref().is_some_and(|c| !c.trim().is_empty()));
            let beside = first
                .checked_sub(1)
                .and_then(|p| match &blocks[p] {
                    Block::Text(t) => Some(t.style.with_image && !t.text.trim().is_empty()),
                    _ => None,
                })
                .unwrap_or(false);
            let after = blocks[last_image + 1..]
                .iter()
                .find(|b| !is_blank(b))
                .is_some_and(|b| matches!(b, Block::Text(t) if is_caption_like(t, cfg)));
            if explicit || beside || after {
                continue;
            }
            let n = images.iter().filter(|img| !is_decorative(img, min)).count();
            let message = if n == 1 {
                ctx.msg("图片缺少图片说明".into(), "The image has no caption".into())
            } else {
                ctx.msg(format!("这组 {n} 张图片缺少图片说明"), format!("This group of {n} images has no caption"))
            };
            let suggestion = ctx.msg(
                "在图片下方添加简短说明，如“▲ 学生在操场参加升旗仪式”".into(),
                "Add a short caption below, e.g. \"▲ Pupils at the flag-raising ceremony\"".into(),
            );
            out.push(image_finding(&META, cfg.severity, first, message, suggestion));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Align, Block, ImageBlock, TextBlock, TextStyle};
    use crate::rules::testing::check;
    use crate::{Article, Severity};

    fn img() -> Block {
        Block::Image(ImageBlock { src: "https://mmbiz.qpic.cn/x.png".into(), width: Some(1080), height: Some(720), ..Default::default() })
    }

    fn text(t: &str) -> Block {
        Block::Text(TextBlock { text: t.into(), style: TextStyle::default() })
    }

    fn styled(t: &str, style: TextStyle) -> Block {
        Block::Text(TextBlock { text: t.into(), style })
    }

    fn article(blocks: Vec<Block>) -> Article {
        Article { title: "标题".into(), blocks, ..Default::default() }
    }

    const BODY: &str = "今天上午，学校在操场隆重举行新学期开学典礼，全体师生参加。校长在讲话中勉励同学们珍惜时光、勤奋学习，争做新时代好少年。随后，各班代表依次上台发言，表达了新学期的决心和目标。";

    #[test]
    fn image_followed_by_body_text_has_no_caption() {
        let f = check(&article(vec![text(BODY), img(), text(BODY)]), "image-caption");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].block, f[0].severity, f[0].start, f[0].end), (Some(1), Severity::Warn, 0, 0));
        let f = check(&article(vec![text(BODY), img()]), "image-caption");
        assert_eq!(f.len(), 1, "image at the end");
    }

    #[test]
    fn caption_conventions_are_recognised() {
        let cases = vec![
            text("▲ 学生在操场参加升旗仪式"),
            text("图为志愿者在社区开展服务"),
            styled("学生在操场参加升旗仪式", TextStyle { align: Some(Align::Center), ..Default::default() }),
            styled("学生在操场参加升旗仪式", TextStyle { font_size: Some(12.0), ..Default::default() }),
            styled("学生在操场参加升旗仪式", TextStyle { color: Some("rgb(136, 136, 136)".into()), ..Default::default() }),
        ];
        for c in cases {
            let f = check(&article(vec![text(BODY), img(), c.clone(), text(BODY)]), "image-caption");
            assert!(f.is_empty(), "{c:?}");
        }
        // A long centred paragraph is body text, not a caption.
        let long = styled(&BODY.repeat(2), TextStyle { align: Some(Align::Center), ..Default::default() });
        assert_eq!(check(&article(vec![img(), long]), "image-caption").len(), 1);
        // A plain short line without any caption style is not a caption either.
        assert_eq!(check(&article(vec![img(), text("活动现场")]), "image-caption").len(), 1);
    }

    #[test]
    fn figcaption_and_same_paragraph_text_count() {
        let with_cap = Block::Image(ImageBlock { caption: Some("开学典礼现场".into()), width: Some(1080), ..Default::default() });
        assert!(check(&article(vec![with_cap, text(BODY)]), "image-caption").is_empty());
        let beside = styled("开学典礼现场", TextStyle { with_image: true, ..Default::default() });
        assert!(check(&article(vec![beside.clone(), img(), text(BODY)]), "image-caption").is_empty());
        assert!(check(&article(vec![img(), beside, text(BODY)]), "image-caption").is_empty());
    }

    #[test]
    fn a_run_of_images_is_one_group() {
        let cap = text("▲ 运动会精彩瞬间");
        assert!(check(&article(vec![img(), img(), text(" "), img(), cap]), "image-caption").is_empty());
        let f = check(&article(vec![text(BODY), img(), img(), img(), text(BODY), img()]), "image-caption");
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].block, Some(1));
        assert!(f[0].message.contains('3'));
        assert_eq!(f[1].block, Some(5));
    }

    #[test]
    fn decorative_images_need_no_caption() {
        let divider = Block::Image(ImageBlock { width: Some(1080), height: Some(40), ..Default::default() });
        assert!(check(&article(vec![text(BODY), divider, text(BODY)]), "image-caption").is_empty());
        let unknown = Block::Image(ImageBlock::default());
        assert_eq!(check(&article(vec![unknown, text(BODY)]), "image-caption").len(), 1);
    }
}
