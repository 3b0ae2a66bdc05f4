//! `official-wording`: fixed official phrases and idioms written one character off
//! (警钟常鸣 → 警钟长鸣, 扫黑险恶 → 扫黑除恶, 再接再励 → 再接再厉).
//!
//! The entries come from the built-in list generated from `lexicons/official/` (see
//! `crate::lexicon::official`): the canonical phrases are allow-list entries, so correct text is
//! never reported; their one-off variants (same-pinyin and shape-similar characters, adjacent
//! swaps) are reported with the canonical phrase as the suggestion. Official formulations and
//! names are `block`, idioms `warn`. User lists can add entries with `@rule official-wording`.
//! Also the closed list of the 56 ethnic groups' names (`crate::wording::name_slips`, `block`).

use super::{Context, OptionDefault, OptionMeta, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};

pub struct OfficialWording;

/// Category of idiom entries (the others are official formulations and names).
const IDIOM: &str = "idiom";

static META: RuleMeta = RuleMeta {
    id: "official-wording",
    name_zh: "规范表述",
    name_en: "Official wording",
    description_zh: "固定的规范表述、机构名称和常用成语写错一个字或颠倒两个字，如“警钟常鸣”（警钟长鸣）、“扫黑险恶”（扫黑除恶）、“再接再励”（再接再厉）。正确的表述从不报告。",
    description_en: "Fixed official phrases, names of institutions and common idioms written one character off or with two characters swapped, e.g. 警钟常鸣 for 警钟长鸣, 扫黑险恶 for 扫黑除恶, 再接再励 for 再接再厉. Correct wording is never reported.",
    default_severity: Severity::Block,
    enabled_by_default: true,
    uses_lexicon: true,
    options: &[OptionMeta {
        key: "idioms",
        default: OptionDefault::Bool(true),
        description_zh: "检查成语用字（级别为提醒）",
        description_en: "Also check idioms (reported as warnings)",
    }],
};

impl Rule for OfficialWording {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        let idioms = cfg.boolean("idioms");
        for hit in ctx.lexicon_hits(META.id) {
            let idiom = &*hit.entry.category == IDIOM;
            if idiom && !idioms {
                continue;
            }
            let wrong = hit.text;
            let message = match (hit.entry.suggestion.as_deref(), idiom) {
                (Some(right), false) => ctx.msg(
                    format!("规范表述有误：“{wrong}”应为“{right}”"),
                    format!("Official wording misspelt: \"{wrong}\" should be \"{right}\""),
                ),
                (Some(right), true) => ctx.msg(
                    format!("成语用字有误：“{wrong}”应为“{right}”"),
                    format!("Idiom misspelt: \"{wrong}\" should be \"{right}\""),
                ),
                (None, _) => ctx.msg(format!("规范表述有误：“{wrong}”"), format!("Official wording misspelt: \"{wrong}\"")),
            };
            out.push(hit.finding(&META, cfg, message));
        }
        ethnic_names(ctx, cfg, out);
    }
}

/// The closed list of the 56 ethnic groups' names (`crate::wording::name_slips`), `block`.
fn ethnic_names(ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
    let mut found = Vec::new();
    for (field, block, text) in ctx.article.texts() {
        if field == crate::finding::Field::Author {
            continue;
        }
        found.clear();
        crate::wording::name_slips(text, &mut found);
        for s in &found {
            let wrong = &text[s.start..s.end];
            let right = s.name;
            let message = ctx.msg(
                format!("民族名称有误：“{wrong}”应为“{right}”"),
                format!("Name of an ethnic group misspelt: \"{wrong}\" should be \"{right}\""),
            );
            let mut f = super::span_finding(&META, cfg.severity_or(Some(Severity::Block)), field, block, text, (s.start, s.end), message, Some(right.to_string()));
            f.category = Some("ethnic-group".to_string());
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, check_with, config};
    use crate::{Article, Severity};

    const ID: &str = "official-wording";

    /// Findings of this rule in one paragraph, with a checker built once for the module.
    fn findings(text: &str) -> Vec<crate::Finding> {
        static CHECKER: std::sync::OnceLock<crate::Checker> = std::sync::OnceLock::new();
        let checker = CHECKER.get_or_init(|| crate::Checker::new(crate::Config::default()).unwrap());
        checker.check(&Article::from_paragraphs("标题", [text])).into_iter().filter(|f| f.rule == ID).collect()
    }

    #[test]
    fn reports_the_known_slips_with_the_canonical_phrase() {
        for (text, wrong, right, severity) in [
            ("我们要警钟常鸣，常抓不懈。", "警钟常鸣", "警钟长鸣", Severity::Block),
            ("深入推进扫黑险恶专项斗争", "扫黑险恶", "扫黑除恶", Severity::Block),
            ("希望同学们再接再励，取得更好成绩。", "再接再励", "再接再厉", Severity::Warn),
            ("工作要按步就班地推进", "按步就班", "按部就班", Severity::Warn),
            ("我们将一如即往地支持", "一如即往", "一如既往", Severity::Warn),
            ("不能默守成规", "默守成规", "墨守成规", Severity::Warn),
            ("践行社会主义核心价植观", "社会主义核心价植观", "社会主义核心价值观", Severity::Block),
        ] {
            let f = findings(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].text, wrong);
            assert_eq!(f[0].suggestion.as_deref(), Some(right));
            assert_eq!(f[0].severity, severity);
            assert!(f[0].message.contains(&format!("“{wrong}”应为“{right}”")), "{}", f[0].message);
        }
        assert_eq!(findings("警钟常鸣")[0].message, "规范表述有误：“警钟常鸣”应为“警钟长鸣”");
        assert_eq!(findings("再接再励")[0].message, "成语用字有误：“再接再励”应为“再接再厉”");
    }

    #[test]
    fn offsets_cover_the_original_text_with_separators_and_traditional_characters() {
        let f = findings("😀要警鐘 常鳴");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].start, f[0].end, f[0].text.as_str()), (3, 8, "警鐘 常鳴"));
        assert_eq!(f[0].suggestion.as_deref(), Some("警钟长鸣"));
    }

    #[test]
    fn every_canonical_phrase_written_correctly_produces_nothing() {
        let (list, _, _) = crate::lexicon::official::data();
        let all: Vec<String> = list.phrases.iter().map(|p| format!("我们要坚持{}。", p.text)).collect();
        let f = check(&Article::from_paragraphs("标题", all.iter().map(String::as_str)), ID);
        assert!(f.is_empty(), "{f:?}");
        // Also run together, without punctuation between them.
        let joined: String = list.phrases.iter().map(|p| p.text.as_str()).collect();
        assert!(findings(&joined).is_empty());
    }

    #[test]
    fn a_page_of_official_prose_produces_nothing() {
        let f = check(&Article::from_paragraphs("我校召开2025年秋季学期开学工作会议", PROSE.iter().copied()), ID);
        assert!(f.is_empty(), "{f:?}");
        let chars: usize = PROSE.iter().map(|p| p.chars().count()).sum();
        assert!(chars >= 1000, "{chars}");
    }

    #[test]
    fn idioms_can_be_turned_off_and_severity_overridden() {
        let a = Article::from_paragraphs("t", ["再接再励，警钟常鸣"]);
        let f = check_with(config(r#"{"rules":{"official-wording":{"idioms":false}}}"#), &a, ID);
        assert_eq!(f.iter().map(|f| f.text.as_str()).collect::<Vec<_>>(), ["警钟常鸣"]);
        let f = check_with(config(r#"{"rules":{"official-wording":"warn"}}"#), &a, ID);
        assert!(f.len() == 2 && f.iter().all(|f| f.severity == Severity::Warn));
        assert!(check_with(config(r#"{"rules":{"official-wording":"off"}}"#), &a, ID).is_empty());
        assert!(check_with(config(r#"{"builtinLexicon":false}"#), &a, ID).is_empty());
    }

    #[test]
    fn ethnic_group_names_one_character_off_are_blocked_with_the_exact_name() {
        let f = findings("黔东南苗族桐族自治州召开民族团结进步表彰大会");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].text.as_str(), f[0].suggestion.as_deref(), f[0].severity), ("桐族", Some("侗族"), Severity::Block));
        assert_eq!(f[0].message, "民族名称有误：“桐族”应为“侗族”");
        assert_eq!(f[0].category.as_deref(), Some("ethnic-group"));
        assert!(findings("黔东南苗族侗族自治州、新疆维吾尔自治区").is_empty());
        let a = Article::from_paragraphs("t", ["丽江纳溪族东巴文化"]);
        assert!(check_with(config(r#"{"rules":{"official-wording":"off"}}"#), &a, ID).is_empty());
        assert_eq!(check_with(config(r#"{"rules":{"official-wording":"warn"}}"#), &a, ID)[0].severity, Severity::Warn);
    }

    #[test]
    fn english_messages() {
        let a = Article::from_paragraphs("t", ["警钟常鸣"]);
        let f = check_with(config(r#"{"locale":"en"}"#), &a, ID);
        assert_eq!(f[0].message, "Official wording misspelt: \"警钟常鸣\" should be \"警钟长鸣\"");
    }

    /// About 1,300 characters of realistic school and township news, full of correct
    /// formulations, institutions and leaders' titles.
    const PROSE: &[&str] = &[
        "9月1日上午，我校隆重举行2025年秋季学期开学典礼暨升国旗仪式。校党支部书记、校长王建国同志作了题为《不忘初心、牢记使命，为党育人、为国育才》的国旗下讲话。他指出，全校教职工要以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神，认真学习领会习近平总书记关于教育的重要论述，全面贯彻党的教育方针，落实立德树人根本任务，坚持五育并举，促进学生德智体美劳全面发展。",
        "会上，分管安全工作的副校长就校园安全作了具体部署。她强调，安全工作警钟长鸣，各年级要扎实开展防溺水安全教育、交通安全、消防安全和食品安全教育，常态化开展隐患排查，切实做到守土有责、守土尽责，建设平安校园。学校将严格落实“双减”政策和五项管理要求，提升课后服务质量，减轻学生过重作业负担，让教育回归育人本位。",
        "教务处主任介绍了本学期的教育教学工作安排。学校将围绕核心素养，深化课程改革，落实新课程标准，加强劳动教育、心理健康教育和家庭教育指导，推进家校共育，提高教学质量。全体教师要以身作则、为人师表，加强师德师风建设，做到爱岗敬业、无私奉献，做学生健康成长的引路人。",
        "少先队大队辅导员宣读了新学期少先队工作计划。中国少年先锋队是中国共产党创立和领导的少年儿童组织，学校将通过主题队会、入队仪式、学雷锋志愿服务等活动，引导少先队员听党话、跟党走，厚植爱国主义情怀，赓续红色基因。",
        "同日下午，镇党委召开理论学习中心组学习会议，传达学习中共中央、国务院关于全面推进乡村振兴的决策部署，以及市委、市政府有关会议精神。镇党委书记主持会议并讲话。会议指出，要坚持以人民为中心的发展思想，完整、准确、全面贯彻新发展理念，推动高质量发展，扎实推进共同富裕；要持续巩固拓展脱贫攻坚成果，深入开展农村人居环境整治，建设宜居宜业和美乡村。",
        "会议强调，全镇党员干部要增强“四个意识”、坚定“四个自信”、做到“两个维护”，深刻领悟“两个确立”的决定性意义。要坚持全面从严治党，落实主体责任和一岗双责，加强党风廉政建设和作风建设，严格执行中央八项规定精神，坚决反对形式主义、官僚主义。要常态化推进扫黑除恶斗争，完善网格化管理，坚持和发展新时代枫桥经验，推进平安建设和法治宣传教育，提升基层治理水平。",
        "会议要求，要统筹发展和安全，抓好安全生产和防汛抗旱、森林防火工作，压实责任、狠抓落实；要积极培育和践行社会主义核心价值观，深化精神文明建设和新时代文明实践中心建设，巩固全国文明城市创建成果，持续推进垃圾分类和爱国卫生运动。镇人大主席、镇长及镇人民政府班子成员，镇纪委、人武部、团委、妇联、总工会负责同志参加会议。",
        "据悉，县教育局、县人力资源和社会保障局、县卫生健康委员会和县市场监督管理局近日联合印发通知，要求各校认真贯彻落实《中华人民共和国未成年人保护法》，做好学生营养餐和校园周边环境治理工作。全国人民代表大会常务委员会、国务院办公厅此前也就相关工作作出部署。全体师生表示，将踔厉奋发、勇毅前行，一如既往地努力学习，以优异成绩向中华人民共和国成立76周年献礼，为实现中华民族伟大复兴的中国梦贡献力量。",
    ];
}
