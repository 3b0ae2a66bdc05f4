//! The built-in list of rule `official-wording`, generated when the checker is built.
//!
//! `lexicons/official/phrases.txt` holds the canonical phrases (official formulations, names of
//! institutions, idioms). Each becomes an allow-list entry (unless it contains an entry of
//! another built-in list, see [`official_lexicon`]), and for each phrase of at least
//! [`MIN_GENERATED_CHARS`] characters the wrong variants are generated here rather than listed
//! by hand, in this order of preference:
//! 1. one character replaced by a character of its group in `lexicons/official/confusions.txt`
//!    (shape-similar characters and habitual slips: 厉/励, 险/除, 墨/默…);
//! 2. two adjacent characters swapped;
//! 3. one inner character (not the first or last) replaced by a character of the same toneless
//!    pinyin from the character pool `lexicons/official/pool.txt` (3,800 frequent characters
//!    with their readings, derived from the `pinyin` crate by a test): the same tone before
//!    other tones, frequent characters first, at most [`HOMOPHONES_PER_POSITION`] per position.
//!
//! A variant is dropped when it normalises to a canonical phrase or to a part of one, when it is
//! listed under `@exclude` (variants that are real words or occur in correct text), or when an
//! earlier phrase already produced it. At most [`MAX_VARIANTS_PER_PHRASE`] are kept per phrase.
//! Format of the files: `lexicons/README.md`, section "official-wording".

use super::entry::{Entry, Lexicon};
use crate::finding::Severity;
use crate::normalize::key_of;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

/// The rule that reports the generated entries.
pub const RULE: &str = "official-wording";
/// Phrases shorter than this are allow-list entries only: one character off a two- or
/// three-character phrase is too often another real word.
pub const MIN_GENERATED_CHARS: usize = 4;
/// The most variants generated for one phrase.
pub const MAX_VARIANTS_PER_PHRASE: usize = 60;
/// The most same-pinyin replacements tried at one position of a phrase.
pub const HOMOPHONES_PER_POSITION: usize = 3;

pub(crate) const PHRASES: &str = include_str!("../../lexicons/official/phrases.txt");
pub(crate) const CONFUSIONS: &str = include_str!("../../lexicons/official/confusions.txt");
pub(crate) const POOL: &str = include_str!("../../lexicons/official/pool.txt");

/// Category of official formulations and names (severity `block`).
pub const FORMULATION: &str = "formulation";
/// Category of idioms (severity `warn`).
pub const IDIOM: &str = "idiom";

/// How a variant differs from its phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VariantKind {
    Confusion,
    Swap,
    Homophone,
}

/// A canonical phrase of `phrases.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub text: String,
    /// [`FORMULATION`] or [`IDIOM`].
    pub tag: &'static str,
    /// 1-based line in `phrases.txt`.
    pub line: usize,
}

/// The parsed `phrases.txt`.
#[derive(Debug, Default)]
pub struct PhraseList {
    pub phrases: Vec<Phrase>,
    /// Variants never to generate (as written).
    pub exclude: Vec<String>,
}

fn content(line: &str) -> &str {
    line.split('#').next().unwrap_or("").trim()
}

/// Parses `phrases.txt`. Lines: `@formulation`, `@idiom`, `@exclude` (sections), `# comment`,
/// or one phrase.
pub fn parse_phrases(text: &str) -> Result<PhraseList, String> {
    let mut list = PhraseList::default();
    let mut section: Option<&'static str> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = content(raw);
        if line.is_empty() {
            continue;
        }
        match line {
            "@formulation" => section = Some(FORMULATION),
            "@idiom" => section = Some(IDIOM),
            "@exclude" => section = Some("exclude"),
            _ if line.starts_with('@') => return Err(format!("phrases.txt:{}: unknown section '{line}'", i + 1)),
            _ if !line.chars().all(is_han) => return Err(format!("phrases.txt:{}: '{line}' is not all Chinese characters", i + 1)),
            _ => match section {
                None => return Err(format!("phrases.txt:{}: phrase before any section", i + 1)),
                Some("exclude") => list.exclude.push(line.to_string()),
                Some(tag) => list.phrases.push(Phrase { text: line.to_string(), tag, line: i + 1 }),
            },
        }
    }
    Ok(list)
}

/// Parses `confusions.txt`: each character → the other characters of its groups.
pub fn parse_confusions(text: &str) -> HashMap<char, Vec<char>> {
    let mut map: HashMap<char, Vec<char>> = HashMap::new();
    for raw in text.lines() {
        let group: Vec<char> = content(raw).chars().filter(|c| is_han(*c)).collect();
        for &a in &group {
            let others = map.entry(a).or_default();
            for &b in &group {
                if a != b && !others.contains(&b) {
                    others.push(b);
                }
            }
        }
    }
    map
}

/// A CJK unified ideograph of the basic block or extension A.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// The character pool: readings of each character, characters by toneless syllable.
#[derive(Debug, Default)]
pub struct Pool {
    /// Readings of a character, main reading first: (syllable id, tone 0–4).
    readings: HashMap<char, Vec<(u32, u8)>>,
    /// Characters of a syllable in pool order: (character, tone, rank).
    by_syllable: Vec<Vec<(char, u8, u32)>>,
}

impl Pool {
    /// Parses `pool.txt`: `字 reading reading…` per line, readings as `chang2` (toneless pinyin
    /// and tone digit, none for the neutral tone); the line order is the order of preference.
    pub fn parse(text: &str) -> Pool {
        let mut pool = Pool::default();
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut rank = 0u32;
        for raw in text.lines() {
            let line = content(raw);
            if line.is_empty() || line.starts_with('@') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let Some(c) = parts.next().and_then(|t| t.chars().next()) else { continue };
            let mut rs = Vec::new();
            for r in parts {
                let (syllable, tone) = match r.as_bytes().last() {
                    Some(d @ b'0'..=b'5') => (&r[..r.len() - 1], d - b'0'),
                    _ => (r, 0),
                };
                let next = ids.len() as u32;
                let id = *ids.entry(syllable).or_insert(next);
                if id as usize == pool.by_syllable.len() {
                    pool.by_syllable.push(Vec::new());
                }
                if !rs.iter().any(|&(s, _)| s == id) {
                    pool.by_syllable[id as usize].push((c, tone, rank));
                    rs.push((id, tone));
                }
            }
            pool.readings.insert(c, rs);
            rank += 1;
        }
        pool
    }

    #[cfg(test)]
    pub fn contains(&self, c: char) -> bool {
        self.readings.contains_key(&c)
    }

    /// At most `limit` characters with a toneless reading of `c`, best first: those with the
    /// same tone as the reading they share with `c` before the others, then in pool order.
    /// (Every reading of `c` counts: the pinyin data does not always list the usual one first.)
    pub fn homophones(&self, c: char, limit: usize) -> Vec<char> {
        let Some(rs) = self.readings.get(&c) else { return Vec::new() };
        // The best `limit` of each reading and tone class suffice; the lists are in pool order.
        let mut cands: Vec<(bool, u32, char)> = Vec::new();
        for &(syllable, tone) in rs {
            for same_tone in [true, false] {
                let best = self.by_syllable[syllable as usize]
                    .iter()
                    .filter(|&&(other, t, _)| other != c && (t == tone) == same_tone)
                    .take(limit);
                cands.extend(best.map(|&(other, _, rank)| (!same_tone, rank, other)));
            }
        }
        cands.sort_unstable();
        let mut out: Vec<char> = Vec::with_capacity(limit);
        for (_, _, other) in cands {
            if out.len() == limit {
                break;
            }
            if !out.contains(&other) {
                out.push(other);
            }
        }
        out
    }
}

/// A generated variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub text: String,
    pub kind: VariantKind,
    /// Index into [`PhraseList::phrases`].
    pub phrase: usize,
}

/// Counts of a generation, for tests and documentation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub phrases: usize,
    pub generating_phrases: usize,
    pub variants: usize,
    pub formulation_variants: usize,
    pub idiom_variants: usize,
    pub confusion: usize,
    pub swap: usize,
    pub homophone: usize,
    /// Phrases whose variants reached [`MAX_VARIANTS_PER_PHRASE`].
    pub capped: usize,
}

/// Generates the variants of every phrase.
pub fn generate_variants(list: &PhraseList, confusions: &HashMap<char, Vec<char>>, pool: &Pool) -> (Vec<Variant>, Stats) {
    // Keys that must never be reported: canonical phrases and every part of them (of generated
    // length), and the excluded variants.
    let mut protected: HashSet<String> = HashSet::new();
    for p in &list.phrases {
        let key: Vec<char> = key_of(&p.text).chars().collect();
        for len in MIN_GENERATED_CHARS..=key.len() {
            for w in key.windows(len) {
                protected.insert(w.iter().collect());
            }
        }
    }
    protected.extend(list.exclude.iter().map(|e| key_of(e)));

    // Parts of a phrase that are canonical phrases themselves get their variants from those
    // phrases (全面依法治国 ⊃ 依法治国): a longer phrase varies only its other characters.
    let keys: Vec<Vec<char>> = list.phrases.iter().map(|p| key_of(&p.text).chars().collect()).collect();
    let canonical: HashSet<&[char]> = keys.iter().map(Vec::as_slice).collect();
    let covered = |key: &[char]| -> (Vec<bool>, Vec<bool>) {
        let (mut chars, mut pairs) = (vec![false; key.len()], vec![false; key.len()]);
        for len in MIN_GENERATED_CHARS..key.len() {
            for s in 0..=key.len() - len {
                if canonical.contains(&key[s..s + len]) {
                    chars[s..s + len].iter_mut().for_each(|c| *c = true);
                    pairs[s..s + len - 1].iter_mut().for_each(|c| *c = true);
                }
            }
        }
        (chars, pairs)
    };

    let mut seen: HashSet<String> = HashSet::new();
    let mut homophones: HashMap<char, Vec<char>> = HashMap::new();
    let mut out = Vec::new();
    let mut stats = Stats { phrases: list.phrases.len(), ..Stats::default() };
    for (pi, p) in list.phrases.iter().enumerate() {
        let chars: Vec<char> = p.text.chars().collect();
        let n = chars.len();
        if n < MIN_GENERATED_CHARS {
            continue;
        }
        stats.generating_phrases += 1;
        // Positions (and adjacent pairs) inside a shorter canonical phrase; keys fold one
        // character to one, so they index `chars` too.
        let (inside, inside_pair) = if keys[pi].len() == n { covered(&keys[pi]) } else { (vec![false; n], vec![false; n]) };
        let mut kept = 0;
        let mut push = |text: String, kind: VariantKind, out: &mut Vec<Variant>| -> bool {
            if kept >= MAX_VARIANTS_PER_PHRASE {
                return false;
            }
            let key = key_of(&text);
            if key.chars().count() != n || protected.contains(&key) || !seen.insert(key) {
                return true;
            }
            out.push(Variant { text, kind, phrase: pi });
            kept += 1;
            true
        };
        let with = |i: usize, c: char| -> String {
            chars.iter().enumerate().map(|(j, &x)| if j == i { c } else { x }).collect()
        };
        // 1. Confusion set.
        for (i, &c) in chars.iter().enumerate().filter(|(i, _)| !inside[*i]) {
            for &r in confusions.get(&c).map(Vec::as_slice).unwrap_or(&[]) {
                push(with(i, r), VariantKind::Confusion, &mut out);
            }
        }
        // 2. Adjacent swaps.
        for i in 0..n - 1 {
            if chars[i] != chars[i + 1] && !inside_pair[i] {
                let mut s = chars.clone();
                s.swap(i, i + 1);
                push(s.into_iter().collect(), VariantKind::Swap, &mut out);
            }
        }
        // 3. Same pinyin, the inner positions in turn. Not the first and last character: there
        //    a common homophone often starts or ends the neighbouring word of correct text
        //    (人民武装部 → 人民武装不断…, 安全生产月 → 安全生产越来越…).
        for &c in &chars {
            homophones.entry(c).or_insert_with(|| pool.homophones(c, HOMOPHONES_PER_POSITION + 2));
        }
        let none = Vec::new();
        let lists: Vec<&Vec<char>> = chars
            .iter()
            .enumerate()
            .map(|(i, c)| if inside[i] || i == 0 || i == n - 1 { &none } else { &homophones[c] })
            .collect();
        let longest = lists.iter().map(|l| l.len()).max().unwrap_or(0);
        let mut taken = vec![0; n];
        'outer: for k in 0..longest {
            for (i, l) in lists.iter().enumerate() {
                if let Some(&r) = l.get(k).filter(|_| taken[i] < HOMOPHONES_PER_POSITION) {
                    let before = out.len();
                    if !push(with(i, r), VariantKind::Homophone, &mut out) {
                        break 'outer;
                    }
                    taken[i] += out.len() - before;
                }
            }
        }
        if kept >= MAX_VARIANTS_PER_PHRASE {
            stats.capped += 1;
        }
    }
    for v in &out {
        stats.variants += 1;
        match list.phrases[v.phrase].tag {
            FORMULATION => stats.formulation_variants += 1,
            _ => stats.idiom_variants += 1,
        }
        match v.kind {
            VariantKind::Confusion => stats.confusion += 1,
            VariantKind::Swap => stats.swap += 1,
            VariantKind::Homophone => stats.homophone += 1,
        }
    }
    (out, stats)
}

/// The parsed data files.
pub fn data() -> (PhraseList, HashMap<char, Vec<char>>, Pool) {
    let list = parse_phrases(PHRASES).unwrap_or_else(|e| panic!("built-in official phrases are malformed: {e}"));
    (list, parse_confusions(CONFUSIONS), Pool::parse(POOL))
}

fn build() -> Lexicon {
    let (list, confusions, pool) = data();
    let (variants, _) = generate_variants(&list, &confusions, &pool);
    let rule: Arc<str> = Arc::from(RULE);
    let (formulation, idiom): (Arc<str>, Arc<str>) = (Arc::from(FORMULATION), Arc::from(IDIOM));
    let category = |tag: &str| if tag == FORMULATION { formulation.clone() } else { idiom.clone() };
    let severity = |tag: &str| Some(if tag == FORMULATION { Severity::Block } else { Severity::Warn });
    let mut entries = Vec::with_capacity(list.phrases.len() + variants.len());
    for p in &list.phrases {
        entries.push(Entry {
            term: p.text.clone().into(),
            key: key_of(&p.text).into(),
            rule: rule.clone(),
            category: category(p.tag),
            severity: severity(p.tag),
            suggestion: None,
            note: None,
            allow: true,
            when: Default::default(),
            line: p.line,
        });
    }
    for v in variants {
        let p = &list.phrases[v.phrase];
        entries.push(Entry {
            key: key_of(&v.text).into(),
            term: v.text.into(),
            rule: rule.clone(),
            category: category(p.tag),
            severity: severity(p.tag),
            suggestion: Some(p.text.clone().into()),
            note: None,
            allow: false,
            when: Default::default(),
            line: p.line,
        });
    }
    let labels = [(FORMULATION.to_string(), "规范表述".to_string()), (IDIOM.to_string(), "成语".to_string())];
    Lexicon { name: "builtin:official-wording".into(), entries, labels: labels.into_iter().collect(), ..Lexicon::default() }
}

/// The built-in list of rule `official-wording`: the canonical phrases (allow-list entries) and
/// their generated variants. Generated once per process, then cloned.
///
/// An allow-list entry overrides the entries of every rule lying inside it, so a phrase that
/// contains an entry of `others` (the other built-in lists: 代表大会 of `sign-off-topic` inside
/// 全国人民代表大会) is not an allow-list entry; its variants are still generated.
pub fn official_lexicon(others: &[Lexicon]) -> Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    let mut lex = LEXICON.get_or_init(build).clone();
    // Context cues (which the global allow-list does not hide, see the matcher) and spam
    // vocabulary (a chain's words inside official wording are no spam) may lie inside an
    // official phrase (扫黑除恶, 免费义务教育) and it is still allowed.
    let banned: HashSet<&str> = others
        .iter()
        .flat_map(|l| &l.entries)
        .filter(|e| !e.allow && !super::CUE_RULES.contains(&&*e.rule) && &*e.rule != "spam")
        .map(|e| e.key.as_str())
        .collect();
    lex.entries.retain(|e| !e.allow || !contains_any(&e.key, &banned));
    // Correct official wording is allowed for every rule, so that a generic word list a user
    // loads can never flag it (the built-in lists were checked above not to lie inside).
    let global: std::sync::Arc<str> = std::sync::Arc::from(super::GLOBAL_RULE);
    lex.entries.iter_mut().filter(|e| e.allow).for_each(|e| e.rule = global.clone());
    lex
}

/// Whether some substring of `key` is in `set`.
fn contains_any(key: &str, set: &HashSet<&str>) -> bool {
    let bounds: Vec<usize> = key.char_indices().map(|(i, _)| i).chain([key.len()]).collect();
    (0..bounds.len()).any(|i| (i + 1..bounds.len()).any(|j| set.contains(&key[bounds[i]..bounds[j]])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_list_cannot_flag_correct_official_wording() {
        let mut c = crate::Checker::new(crate::Config::default()).unwrap();
        c.load_lexicon("generic", "警钟长鸣\n扫黑除恶\n", Some("custom")).unwrap();
        let a = crate::Article::from_paragraphs("标题", ["要做到警钟长鸣，深入推进扫黑除恶专项斗争。"]);
        assert!(c.check(&a).iter().all(|f| f.rule != "prohibited"), "{:?}", c.check(&a));
    }

    #[test]
    fn data_files_parse() {
        let (list, confusions, pool) = data();
        assert!(list.phrases.len() >= 300, "{} phrases", list.phrases.len());
        let mut seen = HashSet::new();
        for p in &list.phrases {
            assert!(seen.insert(key_of(&p.text)), "phrases.txt:{}: duplicate '{}'", p.line, p.text);
        }
        assert!(confusions[&'厉'].contains(&'励') && confusions[&'励'].contains(&'厉'));
        assert_eq!(pool.homophones('长', 1), ['常']);
        assert!(pool.homophones('部', 20).contains(&'步'));
        assert!(parse_phrases("扫黑除恶").is_err(), "phrase before any section");
        assert!(parse_phrases("@idiom\nabc").is_err());
        assert!(parse_phrases("@other").is_err());
    }

    #[test]
    fn every_phrase_character_has_readings() {
        let (list, confusions, pool) = data();
        for p in &list.phrases {
            for c in p.text.chars() {
                assert!(pool.contains(c), "phrases.txt:{}: '{c}' is not in pool.txt", p.line);
            }
        }
        for c in confusions.keys() {
            assert!(pool.contains(*c), "confusions.txt: '{c}' is not in pool.txt");
        }
    }

    fn variants_of(phrase: &str) -> Vec<String> {
        let (list, confusions, pool) = data();
        let i = list.phrases.iter().position(|p| p.text == phrase).unwrap_or_else(|| panic!("{phrase} is not listed"));
        generate_variants(&list, &confusions, &pool).0.into_iter().filter(|v| v.phrase == i).map(|v| v.text).collect()
    }

    #[test]
    fn generates_the_known_slips() {
        for (phrase, wrong) in [
            ("警钟长鸣", "警钟常鸣"),
            ("扫黑除恶", "扫黑险恶"),
            ("再接再厉", "再接再励"),
            ("按部就班", "按步就班"),
            ("一如既往", "一如即往"),
            ("墨守成规", "默守成规"),
            ("川流不息", "穿流不息"),
            ("迫不及待", "迫不急待"),
            ("一鼓作气", "一股作气"),
            ("按部就班", "按就部班"),
        ] {
            let v = variants_of(phrase);
            assert!(v.iter().any(|x| x == wrong), "{phrase}: no {wrong} among {v:?}");
        }
    }

    #[test]
    fn variants_differ_in_one_place_and_are_capped() {
        let (list, confusions, pool) = data();
        let (variants, stats) = generate_variants(&list, &confusions, &pool);
        let canonical: HashSet<String> = list.phrases.iter().map(|p| key_of(&p.text)).collect();
        let mut per_phrase = vec![0; list.phrases.len()];
        for v in &variants {
            per_phrase[v.phrase] += 1;
            let p: Vec<char> = list.phrases[v.phrase].text.chars().collect();
            let w: Vec<char> = v.text.chars().collect();
            assert_eq!(p.len(), w.len());
            let diff: Vec<usize> = (0..p.len()).filter(|&i| p[i] != w[i]).collect();
            let ok = match v.kind {
                VariantKind::Swap => diff.len() == 2 && diff[1] == diff[0] + 1 && p[diff[0]] == w[diff[1]] && p[diff[1]] == w[diff[0]],
                _ => diff.len() == 1,
            };
            assert!(ok, "{} → {} ({:?})", list.phrases[v.phrase].text, v.text, v.kind);
            assert!(!canonical.contains(&key_of(&v.text)), "{} is canonical", v.text);
        }
        assert!(per_phrase.iter().all(|&n| n <= MAX_VARIANTS_PER_PHRASE));
        assert_eq!(stats.variants, variants.len());
        assert!(stats.variants > 10 * stats.generating_phrases, "{stats:?}");
        for e in &list.exclude {
            assert!(variants.iter().all(|v| v.text != *e), "excluded {e} generated");
        }
    }

    #[test]
    fn lexicon_has_allow_entries_and_variants() {
        let lex = official_lexicon(&[]);
        let allow: Vec<_> = lex.entries.iter().filter(|e| e.allow).collect();
        assert!(allow.iter().any(|e| e.term == "警钟长鸣"));
        let e = lex.entries.iter().find(|e| e.term == "警钟常鸣").expect("variant");
        assert_eq!((&*e.rule, &*e.category, e.severity, e.suggestion.as_deref()), (RULE, FORMULATION, Some(Severity::Block), Some("警钟长鸣")));
        let e = lex.entries.iter().find(|e| e.term == "再接再励").expect("variant");
        assert_eq!((&*e.category, e.severity), (IDIOM, Some(Severity::Warn)));
    }

    /// Writes every variant to the file named by `WXLINT_DUMP_VARIANTS` (for reviewing them
    /// against a dictionary): `variant<TAB>phrase<TAB>kind<TAB>tag`.
    #[test]
    #[ignore]
    fn dump_variants() {
        let Ok(path) = std::env::var("WXLINT_DUMP_VARIANTS") else { return };
        let (list, confusions, pool) = data();
        let (variants, stats) = generate_variants(&list, &confusions, &pool);
        let text: String = variants
            .iter()
            .map(|v| format!("{}\t{}\t{:?}\t{}\n", v.text, list.phrases[v.phrase].text, v.kind, list.phrases[v.phrase].tag))
            .collect();
        std::fs::write(path, text).unwrap();
        eprintln!("{stats:?}");
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn pool_file_matches_the_pinyin_crate() {
        use pinyin::ToPinyinMulti;
        let readings = |c: char| -> Vec<String> {
            c.to_pinyin_multi().map(|m| m.into_iter().map(|p| p.with_tone_num_end().to_string()).collect()).unwrap_or_default()
        };
        let (list, confusions, _) = data();
        let mut present = HashSet::new();
        let mut out = String::new();
        let mut has_extra = false;
        for line in POOL.lines() {
            let c = line.chars().next();
            match c {
                Some(c) if is_han(c) => {
                    present.insert(c);
                    out.push_str(&std::iter::once(c.to_string()).chain(readings(c)).collect::<Vec<_>>().join(" "));
                }
                _ => {
                    has_extra |= line.trim() == "@extra";
                    out.push_str(line);
                }
            }
            out.push('\n');
        }
        let mut missing: Vec<char> = list.phrases.iter().flat_map(|p| p.text.chars()).chain(confusions.keys().copied()).filter(|c| !present.contains(c)).collect();
        missing.sort_unstable();
        missing.dedup();
        if !missing.is_empty() && !has_extra {
            out.push_str("\n# Part 3: characters of phrases.txt and confusions.txt not in parts 1 and 2.\n@extra\n");
        }
        for c in missing {
            out.push_str(&std::iter::once(c.to_string()).chain(readings(c)).collect::<Vec<_>>().join(" "));
            out.push('\n');
        }
        if std::env::var_os("WXLINT_REGEN_POOL").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/lexicons/official/pool.txt");
            std::fs::write(path, &out).unwrap();
        } else {
            assert!(out == POOL, "lexicons/official/pool.txt is stale: run WXLINT_REGEN_POOL=1 cargo test --lib official::tests::pool_file");
        }
    }
}

#[cfg(test)]
mod interplay {
    use super::*;

    /// A canonical phrase is an allow-list entry for every rule: a built-in entry of another rule
    /// lying wholly inside one would never be reported, so such a phrase is no allow-list entry.
    #[test]
    fn no_builtin_entry_of_another_rule_lies_inside_an_allowed_phrase() {
        let lists = crate::lexicon::builtin_lexicons();
        let official = lists.iter().find(|l| l.name == "builtin:official-wording").expect("official list");
        let allowed: Vec<&str> = official.entries.iter().filter(|e| e.allow).map(|e| e.key.as_str()).collect();
        assert!(allowed.len() > 600, "{}", allowed.len());
        let mut silenced = Vec::new();
        let ignored = |r: &str| r == RULE || r == "spam" || crate::lexicon::CUE_RULES.contains(&r);
        for e in lists.iter().flat_map(|l| &l.entries).filter(|e| !e.allow && !ignored(&e.rule)) {
            if let Some(p) = allowed.iter().find(|a| a.contains(e.key.as_str())) {
                silenced.push(format!("{} ({}) inside {p}", e.term, e.rule));
            }
        }
        assert!(silenced.is_empty(), "entries silenced by official phrases: {silenced:?}");
        // Those phrases still get their variants.
        assert!(official.entries.iter().any(|e| e.term == "民主生活汇" || e.suggestion.as_deref() == Some("民主生活会")));
    }

    #[test]
    fn a_phrase_containing_another_rules_entry_is_not_allowed() {
        let other = crate::lexicon::parse("t", "@rule sign-off-topic\n代表大会", None).unwrap();
        let lex = official_lexicon(&[other]);
        assert!(!lex.entries.iter().any(|e| e.allow && e.term == "全国人民代表大会"));
        assert!(lex.entries.iter().any(|e| e.allow && e.term == "警钟长鸣"));
        assert!(contains_any("全国人民代表大会", &["代表大会"].into_iter().collect()));
        assert!(!contains_any("警钟长鸣", &["长鸣钟"].into_iter().collect()));
    }
}
