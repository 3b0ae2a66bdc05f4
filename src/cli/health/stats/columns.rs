//! Recognising the columns of a statistics export by their Chinese (or English) headers.
//!
//! The headers come from what the WeChat back end's downloads are known to hold (as public
//! scripts that parse them read them; see `tests/fixtures/health/README.md`):
//!
//! - 数据分析 → 内容分析 → 下载数据明细 (流量分析 / 数据趋势, one row per day and channel):
//!   `日期 | 阅读次数 | 阅读人数 | 分享次数 | 分享人数 | 阅读原文次数 | 阅读原文人数 | 收藏次数 |
//!   收藏人数 | 群发篇数 | 渠道` (channel `全部` is the day's total);
//! - 已通知内容 → 下载数据明细 (one row per article): `内容标题 | 发表时间 | 总阅读人数 |
//!   总阅读次数 | 总分享人数 | 总分享次数 | 阅读后关注人数 | 送达人数 | 公众号消息阅读次数 |
//!   送达阅读率 | … | 阅读完成率 | 内容url`;
//! - a single article's 数据概况: `阅读次数 | 平均停留时长(s) | 完读率 | 阅读后关注人数 | 分享次数 |
//!   在看次数 | 点赞次数 | 赞赏(分) | 评论(条) | 互动率`;
//! - the data API's names (`ref_date`, `int_page_read_count`, `like_user`, `comment_count`…), and
//!   the sheets editors keep by hand (`阅读量`, `点赞数`, `留言数`…).
//!
//! Matching is on a normalised header: white space removed, full-width forms folded, a unit in
//! brackets dropped (`评论(条)` → `评论`), a leading `总`, `累计` or `图文页` dropped (`总阅读次数` →
//! `阅读次数`), lower case. Then the name must be one of the known names of a field: a header
//! that only contains one (`公众号消息阅读次数`, `分享产生阅读次数`, `阅读原文次数`) is a different
//! figure and is not taken.

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The day the figures are for.
    Date,
    /// The day an article was published (a table with one row per article).
    PublishDate,
    Title,
    Channel,
    /// 阅读次数 (page views).
    Reads,
    /// 阅读人数 (readers).
    Readers,
    /// 分享次数.
    Shares,
    /// 分享人数 (used when 分享次数 is missing).
    Sharers,
    /// 点赞.
    Likes,
    /// 在看.
    Wow,
    /// 留言 / 评论.
    Comments,
    /// 群发篇数 / 发表篇数.
    Articles,
}

/// The figures, in the order of the report's table.
pub const METRICS: [Field; 8] =
    [Field::Articles, Field::Reads, Field::Readers, Field::Shares, Field::Sharers, Field::Likes, Field::Wow, Field::Comments];

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Date => "日期",
            Field::PublishDate => "发表时间",
            Field::Title => "标题",
            Field::Channel => "渠道",
            Field::Reads => "阅读次数",
            Field::Readers => "阅读人数",
            Field::Shares => "分享次数",
            Field::Sharers => "分享人数",
            Field::Likes => "点赞",
            Field::Wow => "在看",
            Field::Comments => "留言",
            Field::Articles => "篇数",
        }
    }

    /// The JSON key.
    pub fn key(self) -> &'static str {
        match self {
            Field::Date => "date",
            Field::PublishDate => "publishDate",
            Field::Title => "title",
            Field::Channel => "channel",
            Field::Reads => "reads",
            Field::Readers => "readers",
            Field::Shares => "shares",
            Field::Sharers => "sharers",
            Field::Likes => "likes",
            Field::Wow => "wow",
            Field::Comments => "comments",
            Field::Articles => "articles",
        }
    }

    pub fn is_metric(self) -> bool {
        METRICS.contains(&self)
    }

    /// Index into [`METRICS`].
    pub fn metric_index(self) -> Option<usize> {
        METRICS.iter().position(|m| *m == self)
    }
}

/// Known names of each field, normalised (see [`normalize`]).
const NAMES: &[(Field, &[&str])] = &[
    (Field::Date, &["日期", "时间", "统计日期", "数据日期", "统计时间", "date", "ref_date", "refdate", "stat_date", "day"]),
    (
        Field::PublishDate,
        &[
            "发表时间", "发布时间", "发表日期", "发布日期", "群发时间", "群发日期", "推送时间", "推送日期", "发文时间", "发文日期",
            "publish_time", "publish_date", "publishtime", "publishdate",
        ],
    ),
    (Field::Title, &["内容标题", "标题", "文章标题", "图文标题", "文章名称", "文章", "title"]),
    (Field::Channel, &["渠道", "传播渠道", "流量来源", "阅读来源", "来源", "channel", "scene", "scene_desc"]),
    (
        Field::Reads,
        &["阅读次数", "阅读量", "阅读数", "浏览次数", "浏览量", "阅读", "read_count", "int_page_read_count", "page_read_count", "reads"],
    ),
    (Field::Readers, &["阅读人数", "阅读用户数", "浏览人数", "read_user", "int_page_read_user", "page_read_user", "readers"]),
    (Field::Shares, &["分享次数", "分享转发次数", "转发次数", "分享数", "转发数", "分享量", "分享", "转发", "share_count", "shares"]),
    (Field::Sharers, &["分享人数", "分享转发人数", "转发人数", "share_user"]),
    (
        Field::Likes,
        &["点赞次数", "点赞数", "点赞量", "点赞人数", "点赞", "赞", "赞数", "点赞/在看", "点赞在看", "like_count", "like_user", "likes"],
    ),
    (Field::Wow, &["在看次数", "在看数", "在看人数", "在看", "在看量", "zaikan_user", "zaikan_count", "wow"]),
    (
        Field::Comments,
        &["留言数", "留言次数", "留言量", "留言条数", "留言", "评论数", "评论次数", "评论量", "评论", "comment_count", "comments"],
    ),
    (Field::Articles, &["群发篇数", "发表篇数", "发文篇数", "发布篇数", "群发篇", "篇数", "文章数", "发文数"]),
];

/// The field a header names, if any.
pub fn field_of(header: &str) -> Option<Field> {
    let n = normalize(header);
    if n.is_empty() {
        return None;
    }
    NAMES.iter().find(|(_, names)| names.contains(&n.as_str())).map(|(f, _)| *f)
}

/// White space removed, full-width ASCII folded, a trailing unit in brackets dropped, a leading
/// `总`/`累计`/`图文页`/`图文` dropped, lower-cased.
pub fn normalize(header: &str) -> String {
    let mut s: String = header
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    // 评论(条), 平均停留时长(s), 阅读量【次】
    for (open, close) in [('(', ')'), ('[', ']'), ('【', '】'), ('〔', '〕')] {
        if s.ends_with(close) {
            if let Some(i) = s.rfind(open) {
                if i > 0 {
                    s.truncate(i);
                }
            }
        }
    }
    for prefix in ["累计", "图文页", "图文", "总"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            if !rest.is_empty() {
                s = rest.to_string();
                break;
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_export_headers() {
        let cases = [
            ("日期", Some(Field::Date)),
            ("阅读次数", Some(Field::Reads)),
            ("阅读人数", Some(Field::Readers)),
            ("分享次数", Some(Field::Shares)),
            ("分享人数", Some(Field::Sharers)),
            ("阅读原文次数", None),
            ("收藏次数", None),
            ("群发篇数", Some(Field::Articles)),
            ("渠道", Some(Field::Channel)),
            ("内容标题", Some(Field::Title)),
            ("发表时间", Some(Field::PublishDate)),
            ("总阅读人数", Some(Field::Readers)),
            ("总阅读次数", Some(Field::Reads)),
            ("总分享次数", Some(Field::Shares)),
            ("公众号消息阅读次数", None),
            ("分享产生阅读次数", None),
            ("送达阅读率", None),
            ("在看次数", Some(Field::Wow)),
            ("点赞次数", Some(Field::Likes)),
            ("评论(条)", Some(Field::Comments)),
            ("评论（条）", Some(Field::Comments)),
            ("平均停留时长(s)", None),
            ("图文页阅读次数", Some(Field::Reads)),
            ("int_page_read_count", Some(Field::Reads)),
            ("ref_date", Some(Field::Date)),
            (" 阅读量 ", Some(Field::Reads)),
            ("点赞数", Some(Field::Likes)),
            ("留言数", Some(Field::Comments)),
            ("ＤＡＴＥ", Some(Field::Date)),
            ("总", None),
            ("", None),
            ("(条)", None),
        ];
        for (header, want) in cases {
            assert_eq!(field_of(header), want, "{header}");
        }
    }

    #[test]
    fn every_metric_has_a_label_and_key() {
        for m in METRICS {
            assert!(m.is_metric() && !m.label().is_empty() && !m.key().is_empty());
            assert_eq!(METRICS[m.metric_index().unwrap()], m);
        }
        assert!(!Field::Date.is_metric());
    }
}
