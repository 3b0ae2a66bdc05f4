use super::*;

fn found(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    detect(text, &mut out);
    out.iter().map(|d| (text[d.start..d.end].to_string(), d.suggestion.clone())).collect()
}

#[test]
fn reports_a_character_of_the_same_sound_inside_an_ordinary_word() {
    for (text, wrong, right) in [
        ("学校组织志原者参加社区服务活动。", "志原者", "志愿者"),
        ("各单位要认真贯撤会议精神。", "贯撤", "贯彻"),
        ("全面提升教育质良。", "质良", "质量"),
        ("家长们给予了充分肯订。", "肯订", "肯定"),
    ] {
        assert_eq!(found(text), [(wrong.to_string(), right.to_string())], "{text}");
        let mut out = Vec::new();
        detect(text, &mut out);
        let d = &out[0];
        assert!(d.gain > THRESHOLD && d.confidence() > 0.5 && d.confidence() < 1.0, "{d:?}");
        assert!(d.start <= d.at && d.at < d.end);
    }
}

#[test]
fn spares_correct_prose() {
    for text in CLEAN {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
    // All of it as one paragraph too.
    assert!(found(&CLEAN.concat()).is_empty());
}

#[test]
fn spares_names_numbers_latin_and_quoted_wrong_forms() {
    for text in [
        // Quotations of the wrong form, as an article on common mistakes writes them.
        "把“贯彻”写成“贯撤”、把“质量”写成“质良”，都是常见的错别字。",
        "常见错误：「志原者」应为「志愿者」。",
        // Digits and Latin end a run: nothing across them, nothing in them.
        "贯3撤会议精神，质Q良提升。",
        "第三十期培训班于5月开班。",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn a_run_of_mostly_unknown_pairs_is_not_judged() {
    // Classical or garbled text: most characters stand alone, the model knows too little.
    let garbled = "撤贯质良肯订东劳原志";
    assert!(found(garbled).is_empty());
}

#[test]
fn the_model_reads_its_files() {
    let m = model();
    assert!(m.is_word(&['志', '愿', '者']) && m.is_word(&['贯', '彻']));
    assert!(!m.is_word(&['志', '原', '者']));
    assert!(m.is_idiom("一如既往") && !m.is_idiom("志愿者"));
    assert_eq!(m.syllable('彻'), m.syllable('撤'));
    assert_ne!(m.syllable('彻'), m.syllable('贯'));
    assert!(m.single_q('的') >= FUNCTION_Q && m.single_q('撤') < FUNCTION_Q);
    assert!(m.in_word_pair('贯', '彻') && !m.in_word_pair('贯', '撤'));
    // Pairs of rare words only are in the Bloom filter (客服 has frequency 3 in jieba).
    assert!(m.in_rare_pair('客', '服') && !m.in_word_pair('客', '服'));
    assert!(m.shapes('厉').contains(&'励'));
    // A better segmentation scores higher.
    assert!(m.segment(&['贯', '彻'], None) > m.segment(&['贯', '撤'], None));
}

/// Realistic school and township sentences, written for this test.
const CLEAN: &[&str] = &[
    "会议要求各村严格落实防汛措施，确保人民群众生命财产安全。",
    "各单位要认真学习贯彻会议精神，切实加强组织领导。",
    "学生们在老师的带领下参观了科技馆，感受科学的魅力。",
    "他们用实际行动诠释了新时代青年的担当与作为。",
    "请家长督促孩子按时完成作业，注意用眼卫生。",
    "现场气氛热烈，掌声雷鸣，同学们表现出色。",
    "经过激烈角逐，我校代表队荣获一等奖。",
    "学校开展了丰富多彩的课外活动，深受学生喜爱。",
    "社区工作人员耐心解答居民的疑问。",
    "村委会组织志愿者开展环境卫生整治。",
    "要进一步完善工作机制，提高服务水平。",
    "活动结束后，大家纷纷表示收获很大。",
    "此次培训内容丰富，形式多样，取得了良好效果。",
    "老师们精心准备，认真备课，努力提高课堂效率。",
    "镇党委高度重视此项工作，成立了专门的领导小组。",
    "同学们认真聆听，不时记录下重要内容。",
    "本次比赛共有来自全县的三百余名选手参赛。",
    "该项目总投资约二千万元，预计年底竣工。",
    "讲座结束后，同学们踊跃提问，现场气氛活跃。",
    "防范电信网络诈骗，保护好自己的钱袋子。",
    "开展消防安全演练，提高师生应急疏散能力。",
    "活动现场，志愿者们为居民提供免费义诊服务。",
    "镇卫生院组织医务人员深入各村开展健康体检。",
    "他们克服困难，坚守岗位，确保了工作顺利进行。",
    "如遇问题，请联系客服或拨打服务热线。",
    "校长王新兰、副校长刘云飞和教导主任申思出席了活动。",
    "国防科工局、省教育厅有关负责同志参加会议。",
    "反映的问题逐条梳理、逐件跟踪，做到件件有着落。",
];

fn slipped(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    slips(text, &mut out);
    out.iter().map(|s| (text[s.start..s.end].to_string(), s.suggestion.clone())).collect()
}

#[test]
fn de_di_de_and_doubled_characters() {
    for (text, wrong, right) in [
        ("运动员们跑的很快。", "跑的很快", "跑得很快"),
        ("小树苗长的很高。", "长的很高", "长得很高"),
        ("各项活动开展的如火如荼。", "开展的如火如荼", "开展得如火如荼"),
        ("教室打扫的干干净净。", "打扫的干干净净", "打扫的干干净净".replace('的', "得").leak()),
        ("同学们认真的完成了作业。", "认真的完成", "认真地完成"),
        ("老师耐心的回答同学们的问题。", "耐心的回答", "耐心地回答"),
        ("大家积极的参与了志愿服务。", "积极的参与", "积极地参与"),
        ("孩子们兴高采烈的走进校园。", "兴高采烈的走进", "兴高采烈地走进"),
        ("我们们一起努力。", "我们们", "我们"),
        ("这是是我们的责任。", "是是", "是"),
        ("同学们在在操场上跑步。", "在在", "在"),
    ] {
        assert_eq!(slipped(text), [(wrong.to_string(), right.to_string())], "{text}");
    }
    for text in [
        // 的 is right here.
        "你写的很好，他说的很对。",
        "他做的很多工作得到了肯定。",
        "校长的很多建议被采纳。",
        "认真的态度和积极的学习精神值得肯定。",
        "经过认真的学习和讨论，大家达成共识。",
        "积极的参与者得到表彰。",
        "感谢大家积极的参与和认真的讨论。",
        "这是我的的确确做过的事。",
        "实现目的的方法很多。",
        "同学们个个精神饱满，常常练习，谢谢大家。",
        "我们要一一落实，高高兴兴上学，平平安安回家。",
        "等等，还有很多人人都知道的事。",
        "跑得很快，认真地完成。",
    ] {
        assert!(slipped(text).is_empty(), "{text}: {:?}", slipped(text));
    }
}

fn names(text: &str) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    name_slips(text, &mut out);
    out.iter().map(|s| (text[s.start..s.end].to_string(), s.name)).collect()
}

#[test]
fn ethnic_group_names_one_character_off() {
    assert_eq!(ETHNIC_GROUPS.len(), 56);
    for (text, wrong, right) in [
        ("黔东南苗族桐族自治州召开会议", "桐族", "侗族"),
        ("黔东南描族侗族自治州召开会议", "描族", "苗族"),
        ("新疆维吾耳族同胞载歌载舞", "维吾耳族", "维吾尔族"),
        ("丽江纳溪族东巴文化", "纳溪族", "纳西族"),
        ("双江拉祜族佤族布朗族傣族自治县", "", ""),
        ("湘西土家族苗族自治州，恩施土家族苗族自治州", "", ""),
        ("西双版纳泰族自治州", "泰族", "傣族"),
        ("鄂伦淳族的狩猎文化", "鄂伦淳族", "鄂伦春族"),
    ] {
        let want: Vec<(String, &str)> = if wrong.is_empty() { vec![] } else { vec![(wrong.to_string(), right)] };
        assert_eq!(names(text), want, "{text}");
    }
    for text in ["民族团结一家亲，家族、贵族、种族、宗族都是词。", "水族馆里有很多鱼，上班族和追星族。", "56个民族是一家"] {
        assert!(names(text).is_empty(), "{text}: {:?}", names(text));
    }
    // Every name written correctly, alone and in a row before 自治区.
    let all: String = ETHNIC_GROUPS.concat();
    assert!(names(&format!("{all}自治区")).is_empty(), "{:?}", names(&all));
    for n in ETHNIC_GROUPS {
        assert!(names(&format!("我们{n}同胞")).is_empty(), "{n}");
    }
}

#[test]
fn many_findings_in_one_long_paragraph() {
    // Every finding of a long paragraph, with offsets that map back (counted incrementally).
    let text = "认真贯撤会议精神，我们们都跑的很快。".repeat(2000);
    let a = crate::Article::from_paragraphs("t", [text.as_str()]);
    let f: Vec<_> = crate::Checker::new(crate::Config::default()).unwrap().check(&a).into_iter().filter(|f| f.rule == "typo").collect();
    assert_eq!(f.len(), 6000);
    let units: Vec<u16> = text.encode_utf16().collect();
    for x in [&f[0], &f[2999], &f[5999]] {
        assert_eq!(String::from_utf16(&units[x.start..x.end]).unwrap(), x.text);
    }
}

#[test]
fn char_sets_answer_as_the_lists_do() {
    for (set, list) in [(&SURNAME_SET, SURNAMES), (&TRANSLITERATION_SET, TRANSLITERATION), (&NUMERAL_SET, NUMERALS), (&PLACE_SUFFIX_SET, PLACE_SUFFIXES)] {
        for c in list.chars().chain("的是人民中国a1〇王斯省".chars()) {
            assert_eq!(set.contains(c), list.contains(c), "{c} in {list}");
        }
    }
}
