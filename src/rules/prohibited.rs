//! `prohibited`: terms of the prohibited-content lexicons (九不准), matched with evasions.

use super::compounds::{self, Compound};
use super::context::{is_report_or_lesson, judge, negated, specific_cue_near, title_is_a_lesson, Verdict};
use super::spam::chains;
use super::TextId;
use super::{Context, OptionDefault, OptionMeta, Rule, RuleMeta};
use crate::config::{Locale, RuleConfig};
use crate::finding::{Field, Finding, Severity};
use crate::lexicon::When;

pub struct Prohibited;

static META: RuleMeta = RuleMeta {
    id: "prohibited",
    name_zh: "违禁内容",
    name_en: "Prohibited content",
    description_zh: "九不准所列内容：赌博、毒品、色情、暴恐、枪爆、邪教迷信、诈骗、侮辱谩骂等词库命中，可识别繁体、全半角、插入符号或零宽字符等规避写法。",
    description_en: "Terms from the prohibited-content lexicons (gambling, drugs, pornography, violence and terror, weapons, cults and superstition, fraud, insults), matched through traditional characters, width and case, digit styles and inserted separators.",
    default_severity: Severity::Block,
    enabled_by_default: true,
    uses_lexicon: true,
    options: &[
        OptionMeta {
            key: "ignoreCategories",
            default: OptionDefault::List(&[]),
            description_zh: "不检查的词库分类（如 insults）",
            description_en: "Lexicon categories not to report (e.g. insults)",
        },
        OptionMeta {
            key: "context",
            default: OptionDefault::Bool(true),
            description_zh: "按上下文判断：警情通报、禁毒/反诈宣传中引用的词降为提示，否定（拒绝、远离）不报，招揽（加微信、日赚）升为必须修改",
            description_en: "Judge by context: terms quoted in police reports and prevention lessons become info, negated terms (拒绝, 远离) are not reported, solicitations (加微信, 日赚) become block",
        },
        OptionMeta {
            key: "compounds",
            default: OptionDefault::Bool(true),
            description_zh: "识别词库未收的色情生造词：淫、穴、骚、乳、奸等字与前后字都不成常用词语时（如“蜜穴”“淫毛”）报“需审核”",
            description_en: "Find obscene compounds no list names: 淫, 穴, 骚, 乳, 奸… forming no dictionary word with either neighbour (蜜穴, 淫毛) are reported for review",
        },
    ],
};

impl Rule for Prohibited {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        let use_context = cfg.boolean("context");
        // Spam chains (see `spam.rs`): the hits inside one are injected spam whatever the genre,
        // and an article carrying one is not excused as a report or lesson.
        let spam = if use_context { chains(ctx) } else { Vec::new() };
        // The article counts as a report or lesson only when it also discusses some prohibited
        // term in a reporting or teaching sentence or paragraph: a police account's article
        // about a lost grandmother does not excuse a drug offer injected below it.
        let discusses = use_context
            && spam.is_empty()
            && ctx.reported_hits(META.id, cfg).any(|h| specific_cue_near(ctx, h.at));
        let article_lowered = use_context && spam.is_empty() && (title_is_a_lesson(ctx) || (discusses && is_report_or_lesson(ctx)));
        // The chains' spans per text: one lookup per hit, not a walk over every chain.
        let spam_on = ctx.rule_enabled("spam");
        let chain_spans = super::spans_by_text(spam.iter().map(|c| ((c.field, c.block), (c.start, c.end))));
        let in_chain = |text: &TextId, start: usize, end: usize| spam_on && chain_spans.get(text).is_some_and(|s| super::covers(s, start, end));
        for hit in ctx.reported_hits(META.id, cfg) {
            let entry = hit.entry;
            // Inside a reported spam chain the `spam` finding covers it: one underline, not two.
            if in_chain(&(hit.at.field, hit.at.block), hit.at.hit.byte_start as usize, hit.at.hit.byte_end as usize) {
                continue;
            }
            let verdict = if !use_context || entry.when == When::Fixed {
                Verdict::Plain
            } else {
                judge(ctx, hit.at, article_lowered)
            };
            let severity = match (&verdict, entry.when) {
                (Verdict::Negated, _) => continue,
                // A plain name (冰毒, 百家乐) is reported only where it is solicited.
                (Verdict::Plain | Verdict::Lowered(_), When::Solicit) if use_context => continue,
                (Verdict::Lowered(_), _) => Some(Severity::Info),
                (Verdict::Raised(_), _) => Some(Severity::Block),
                (Verdict::Plain, _) => None,
            };
            let (label, matched) = (ctx.category_label(&entry.category), hit.text);
            let note = why(&verdict, ctx.locale).or_else(|| entry.note.as_deref().map(str::to_owned));
            let message = message(ctx.locale, label, matched, note.as_deref());
            let mut finding = hit.finding(&META, cfg, message);
            // A severity set explicitly in the configuration wins over the context.
            if let (Some(sev), false) = (severity, cfg.severity_overridden) {
                finding.severity = sev;
            }
            out.push(finding);
        }
        let ignored = cfg.list("ignoreCategories");
        if cfg.boolean("compounds") && !ignored.iter().any(|c| c == COMPOUND_CATEGORY) {
            report_compounds(ctx, cfg, &in_chain, article_lowered, use_context, out);
        }
    }
}

/// The category of coined obscene compounds ([`compounds`]).
const COMPOUND_CATEGORY: &str = "pornography";
/// The category of `lexicons/rules/context.txt` whose hits are the characters that
/// [`compounds::find`] looks at: only texts holding one are examined.
const COMPOUND_CORE: &str = "compound-core";

/// What the context says of a hit (see [`judge`]), for its message; `None` when nothing.
fn why(verdict: &Verdict, locale: Locale) -> Option<String> {
    match (verdict, locale) {
        (Verdict::Raised(c), Locale::ZhCn) => Some(format!("所在句子有招揽用语“{c}”")),
        (Verdict::Raised(c), Locale::En) => Some(format!("its sentence solicits: \"{c}\"")),
        (Verdict::Lowered(c), Locale::ZhCn) if c.is_empty() => Some("全文为案件通报或宣传教育，引用时请确认无需删除".to_string()),
        (Verdict::Lowered(c), Locale::En) if c.is_empty() => Some("the article reports or teaches against it; check the quotation is needed".to_string()),
        (Verdict::Lowered(c), Locale::ZhCn) => Some(format!("上下文为通报或宣传教育（“{c}”），引用时请确认无需删除")),
        (Verdict::Lowered(c), Locale::En) => Some(format!("reported or taught against (\"{c}\"); check the quotation is needed")),
        _ => None,
    }
}

/// The message of a finding of this rule. It can report hundreds of hits in a long text:
/// one locale only is formatted.
fn message(locale: Locale, label: &str, matched: &str, note: Option<&str>) -> String {
    match (locale, note) {
        (Locale::ZhCn, None) => format!("疑似违禁内容【{label}】：“{matched}”"),
        (Locale::ZhCn, Some(n)) => format!("疑似违禁内容【{label}】：“{matched}”（{n}）"),
        (Locale::En, None) => format!("Possibly prohibited content [{label}]: \"{matched}\""),
        (Locale::En, Some(n)) => format!("Possibly prohibited content [{label}]: \"{matched}\" ({n})"),
    }
}

/// Coined obscene compounds ([`compounds`]) that no lexicon hit of this rule or of `spam`
/// already reports, that no allow-list entry covers and that no reported spam chain holds.
/// `in_chain` tells whether a span of a text lies inside a spam chain that rule `spam` (enabled)
/// reports.
fn report_compounds(
    ctx: &Context<'_>, cfg: &RuleConfig, in_chain: &dyn Fn(&TextId, usize, usize) -> bool, article_lowered: bool, use_context: bool,
    out: &mut Vec<Finding>,
) {
    let mut found: Vec<Compound> = Vec::new();
    let label = ctx.category_label(COMPOUND_CATEGORY);
    // The lexicon hits of the compounds' characters, by text and byte offset: they gate which
    // texts are read, and the context of a compound is judged from its character's hit, with
    // the same cues as any lexicon hit (警方…抓获 lowers, 加微信 raises).
    let cores: std::collections::HashMap<(Field, Option<usize>, usize), &super::FieldHit> = ctx
        .lexicon_hits(super::context::CONTEXT_RULE)
        .filter(|h| &*h.entry.category == COMPOUND_CORE)
        .map(|h| ((h.at.field, h.at.block, h.at.hit.byte_start as usize), h.at))
        .collect();
    if cores.is_empty() {
        return;
    }
    let holding: std::collections::HashSet<TextId> = cores.keys().map(|&(f, b, _)| (f, b)).collect();
    // The byte spans of this rule's and `spam`'s hits, per text, in one pass over the hits.
    let listed = super::spans_by_text(
        ctx.hits
            .iter()
            .filter(|h| matches!(&*ctx.matcher.entry(h.hit.entry).rule, "prohibited" | "spam"))
            .map(|h| ((h.field, h.block), (h.hit.byte_start as usize, h.hit.byte_end as usize))),
    );
    for (field, block, text) in ctx.article.texts() {
        if !holding.contains(&(field, block)) {
            continue;
        }
        found.clear();
        compounds::find(text, &mut found);
        if found.is_empty() {
            continue;
        }
        let listed = listed.get(&(field, block)).map_or(&[][..], Vec::as_slice);
        let allowed = super::running_max(ctx.matcher.allowed_spans(text, META.id));
        let mut units = crate::normalize::Utf16Cursor::new(text);
        for c in &found {
            // A listed hit overlapping it; an allow-list match holding its obscene character,
            // which explains it as a dictionary word would (@allow 骚操作 spares 这波骚操作).
            if super::overlaps(listed, c.start, c.end) || super::covers(&allowed, c.core_at, c.core_at + c.core.len_utf8()) {
                continue;
            }
            if in_chain(&(field, block), c.start, c.end) {
                continue;
            }
            // Judged like a lexicon hit at its character; without that hit (a longer cue holds
            // the character), by negation and the article's genre only.
            let verdict = match (use_context, cores.get(&(field, block, c.core_at))) {
                (false, _) => Verdict::Plain,
                (true, Some(at)) => judge(ctx, at, article_lowered),
                (true, None) if negated(text, c.start) => Verdict::Negated,
                (true, None) if article_lowered => Verdict::Lowered(String::new()),
                (true, None) => Verdict::Plain,
            };
            let severity = match &verdict {
                Verdict::Negated => continue,
                Verdict::Lowered(_) => Severity::Info,
                Verdict::Raised(_) => Severity::Block,
                Verdict::Plain => Severity::Review,
            };
            let (matched, core) = (&text[c.start..c.end], c.core);
            let note = match (why(&verdict, ctx.locale), ctx.locale) {
                (Some(w), Locale::ZhCn) => format!("疑为色情生造词；{w}"),
                (Some(w), Locale::En) => format!("a coined obscene compound? {w}"),
                (None, Locale::ZhCn) => format!("“{core}”与前后字都不成常用词语，疑为色情生造词"),
                (None, Locale::En) => format!("\"{core}\" forms no ordinary word with its neighbours: a coined obscene compound?"),
            };
            let message = message(ctx.locale, label, matched, Some(&note));
            // A severity set explicitly in the configuration wins over the context.
            let severity = if cfg.severity_overridden { cfg.severity } else { severity };
            let (start, end) = (units.at(c.start), units.at(c.end));
            out.push(Finding {
                rule: META.id.to_string(),
                severity,
                category: Some(COMPOUND_CATEGORY.to_string()),
                field,
                block,
                start,
                end,
                text: matched.to_string(),
                message,
                suggestion: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, check_with, config};
    use crate::{Article, Checker, Config, Field, Severity};

    fn with_list(list: &str, cfg: Config, article: &Article) -> Vec<crate::Finding> {
        let mut c = Checker::new(Config { builtin_lexicon: false, ..cfg }).unwrap();
        c.load_lexicon("test", list, Some("gambling")).unwrap();
        c.check(article).into_iter().filter(|f| f.rule == "prohibited").collect()
    }

    /// The coined-compound findings of the built-in checker in one paragraph.
    fn coined(text: &str, cfg: &str) -> Vec<crate::Finding> {
        let a = Article::from_paragraphs("标题", [text]);
        check_with(config(cfg), &a, "prohibited").into_iter().filter(|f| f.message.contains("生造词")).collect()
    }

    #[test]
    fn coined_compounds_are_reviewed_at_exact_utf16_offsets() {
        let text = "😀\u{200b}最新美女蜜穴图，淫毛";
        let f = coined(text, "{}");
        assert_eq!(f.len(), 2, "{f:?}");
        let units: Vec<u16> = text.encode_utf16().collect();
        for (f, want) in f.iter().zip(["蜜穴图", "淫毛"]) {
            assert_eq!(f.text, want);
            assert_eq!(String::from_utf16(&units[f.start..f.end]).unwrap(), want);
            assert_eq!((f.severity, f.category.as_deref()), (Severity::Review, Some("pornography")));
        }
        assert!(f[0].message.contains("“穴”与前后字都不成常用词语"), "{}", f[0].message);
        // Off by option, by category, or with the rule.
        assert!(coined(text, r#"{"rules":{"prohibited":{"compounds":false}}}"#).is_empty());
        assert!(coined(text, r#"{"rules":{"prohibited":{"ignoreCategories":["pornography"]}}}"#).is_empty());
        assert!(coined(text, r#"{"rules":{"prohibited":"off"}}"#).is_empty());
        assert_eq!(coined(text, r#"{"rules":{"prohibited":"warn"}}"#)[0].severity, Severity::Warn);
    }

    #[test]
    fn coined_compounds_honour_allow_lists_lexicon_hits_and_context() {
        // Acupoints and slang of the built-in allow-list; the user's own allow-list.
        assert!(coined("第三节，按揉四白穴，再按足三里穴。这波骚操作，骚年们加油！测肛温。", "{}").is_empty());
        assert_eq!(coined("蜜穴", "{}").len(), 1);
        assert!(coined("蜜穴", r#"{"allow":["蜜穴"]}"#).is_empty());
        // A listed term covering it is reported once, by its entry.
        let a = Article::from_paragraphs("标题", ["舔穴"]);
        let all = check(&a, "prohibited");
        assert_eq!(all.len(), 1, "{all:?}");
        assert!(!all[0].message.contains("生造词"));
        // Negated, it is not reported; in a police report it is info.
        assert!(coined("严禁传播蜜穴", "{}").is_empty());
        let a = Article::from_paragraphs("警方通报", ["警方破获一起传播淫秽物品牟利案，涉案网站以“蜜穴”等字眼招揽，民警依法抓获嫌疑人。"]);
        let f: Vec<_> = check(&a, "prohibited").into_iter().filter(|f| f.message.contains("生造词")).collect();
        assert!(!f.is_empty() && f.iter().all(|f| f.severity == Severity::Info), "{f:?}");
        // The sentence's own cues, as for lexicon hits: a lure raises, a police account lowers.
        let f = coined("最新蜜穴图片，加微信看", "{}");
        assert_eq!(f.iter().map(|f| f.severity).collect::<Vec<_>>(), [Severity::Block], "{f:?}");
        assert!(f[0].message.contains("招揽用语"), "{}", f[0].message);
        let f = coined("民警查获一个以“蜜穴”为名的网站。", "{}");
        assert_eq!(f.iter().map(|f| f.severity).collect::<Vec<_>>(), [Severity::Info], "{f:?}");
    }

    #[test]
    fn spares_school_and_township_sentences_near_the_families() {
        // Each sentence holds a member of a family, or a part of one, in ordinary use.
        for text in [
            "我妈逼我去补习班，你妈比你大几岁？你妈比较忙吧。",
            "可通过通信大数据行程卡查询行踪轨迹。镇里通过短信群发平台提醒群众注意防汛。信用修复后可消除不良记录。",
            "漫山遍野是金黄色大片的油菜花，一片绿色天堂。这一品色泽金黄。打造绿色导航网站。",
            "不要随便和异性交网友。表妹上门拜年。兼职学生上门家教。提供全套上门安装服务。",
            "澳门博彩娱乐业持续复苏。医院公布舒芬太尼价格调整。",
            "市场里好大的鲍鱼。秋色逼人，寒色逼人。",
            "第三节，按揉四白穴，再按足三里穴。这波骚操作，骚年们加油！给宝宝测肛温。",
            "小猫舔奶，小狗舔蛋糕。他被逼样样都学。同学们把秧苗全都插进去了。眼看他要射了，守门员扑了出去。",
            "登录政务服务网可查户籍办理进度，营业厅可查通话记录。银行开展反洗钱宣传，切断洗钱通道。",
            "男子强奸网友被判刑。",
            "请受助学生提供银行卡复印件和身份证复印件，用于发放补助。",
            "办理二代身份证需本人到户籍所在地派出所。派出所民警上门为老人办理身份证。",
            "考试结束后，教务处将提供考试答案及评分标准。学生应提供学历证书原件和复印件。",
            "供应商须提供正规发票，开具增值税发票后方可付款。公司出售二手设备，可开正规发票。",
            "纳税人可申请代开增值税发票，销售发票由财务室统一保管。本店批发各类农具，可提供发票。",
            "影片讲述了一个职业杀手和小女孩的故事。他帮人报仇的故事被拍成了电影。",
            "村里的农资店出售镰刀、锄头等农具。寺院经幡飘扬，法轮常转。",
            "佛陀成道后在鹿野苑初转法轮，为五比丘说法。经中说三转法轮。",
            "请家长不要在网上购买所谓的考前答案。严禁医保卡套现。",
            "网络安全宣传周：同学们要警惕黑客攻击，不要下载来历不明的黑客工具。",
            "老师介绍了黑客技术的危害，推荐了正规的网络安全入门教程。街头有人兜售假发票，市民要警惕。",
            "商场新到一批床上用品四件套，欢迎选购。银行工作人员现场展示了高仿人民币的辨别方法。",
            "同学们考前获取考试答案的想法是错误的。保护好qq账号，防止被盗号。",
            "银行不会要求您提供信用卡信息。如何发现酒店房间里的针孔摄像头？App会监听手机吗？",
            "关于办公电话改号的通知：电话号码改号后原号码停用。床上用品四件套出售，欢迎选购。",
            "学校将统一制作学历证书。毕业生可办理研究生学历认证。美团团购发票怎么开？公积金提现服务指南。",
            "安全套现在可在社区卫生服务中心免费领取。劳动课上同学们自制炸蛋。影片中他雇佣杀手。",
            "逾期不还会成为贷款黑户。这个鬼屋叫恐怖训练营。",
            "学校为毕业生制作证件照。政务中心可办理各类证件，身份证可快速办。",
        ] {
            let f = check(&Article::from_paragraphs("标题", [text]), "prohibited");
            assert!(f.is_empty(), "{text}: {f:?}");
        }
    }

    #[test]
    fn finds_the_sellers_wording_of_forged_papers_devices_and_hired_violence() {
        // Members of the families written from the public lists' single-list terms.
        for text in [
            "QQ出售二代高仿身份证，当面交易",
            "长期供应企业发票、保真发票",
            "代办本科学历，假文凭办理公司",
            "专业复制银行卡，提供银行卡开户资料",
            "出售四六级考前答案，考后付款",
            "批发无线电作弊接收器",
            "提供手机卧底定位软件",
            "供应新版假币，假币免定金",
            "高价收购高考考生信息",
            "找职业杀手报仇，杀手雇佣网",
            "出售fox格斗砍刀",
            "falundafa",
            "来电显示改号软件，任意显号",
            "手机卡克隆，破解手机卡服务密码",
            "代考四六级，替考公务员",
            "木马程序出售，银行卡四件套",
            "裸条借款，网贷黑户",
            "公民个人信息出售，出售仿真人民币",
        ] {
            let f = check(&Article::from_paragraphs("标题", [text]), "prohibited");
            assert!(f.iter().any(|f| f.severity >= Severity::Review), "{text}: {f:?}");
        }
    }

    #[test]
    fn reports_original_text_and_utf16_offsets_in_every_field() {
        let mut a = Article::from_paragraphs("😀网上賭場", ["前文 网上\u{200b}赌场 后文"]);
        a.author = "网上赌场".into();
        a.digest = "无".into();
        let f = with_list("网上赌场 | suggest=删除", Config::default(), &a);
        assert_eq!(f.len(), 3);
        assert_eq!((f[0].field, f[0].start, f[0].end, f[0].text.as_str()), (Field::Title, 2, 6, "网上賭場"));
        assert_eq!((f[1].field, f[1].start, f[1].end), (Field::Author, 0, 4));
        assert_eq!((f[2].field, f[2].block, f[2].start, f[2].end, f[2].text.as_str()), (Field::Body, Some(0), 3, 8, "网上\u{200b}赌场"));
        assert_eq!(f[2].severity, Severity::Block);
        assert_eq!(f[2].category.as_deref(), Some("gambling"));
        assert_eq!(f[2].suggestion.as_deref(), Some("删除"));
        assert!(f[2].message.contains("网上\u{200b}赌场"));
    }

    #[test]
    fn entry_severity_unless_configured() {
        let a = Article::from_paragraphs("t", ["赌球和网赌"]);
        let f = with_list("赌球 | severity=review\n网赌", Config::default(), &a);
        assert_eq!(f.iter().map(|f| f.severity).collect::<Vec<_>>(), [Severity::Review, Severity::Block]);
        let f = with_list("赌球 | severity=review\n网赌", config(r#"{"rules":{"prohibited":"warn"}}"#), &a);
        assert!(f.iter().all(|f| f.severity == Severity::Warn));
        let f = with_list("赌球", config(r#"{"rules":{"prohibited":{"ignoreCategories":["gambling"]}}}"#), &a);
        assert!(f.is_empty());
        assert!(with_list("赌球", config(r#"{"rules":{"prohibited":"off"}}"#), &a).is_empty());
    }

    #[test]
    fn config_allow_list_overrides() {
        let a = Article::from_paragraphs("t", ["赌球场馆"]);
        assert!(with_list("赌球", config(r#"{"allow":["赌球场"]}"#), &a).is_empty());
    }

    #[test]
    fn builtin_lexicon_catches_an_evasion_and_spares_innocent_words() {
        let a = Article::from_paragraphs("t", ["欢迎加入网上 赌-场代理", "十字路口交通繁忙，人口交流频繁。"]);
        let f = check(&a, "prohibited");
        assert!(f.iter().any(|f| f.block == Some(0)), "{f:?}");
        assert!(f.iter().all(|f| f.block != Some(1)), "{f:?}");
        let none = check_with(config(r#"{"builtinLexicon":false}"#), &a, "prohibited");
        assert!(none.is_empty());
    }
}
