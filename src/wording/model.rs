//! The statistics of the context check, built once (on first use) from the embedded files.

use std::collections::HashMap;
use std::sync::OnceLock;

const WORDS: &str = include_str!("../../lexicons/stats/words.txt");
/// Bloom filter of the pairs inside the dictionary's words that `WORDS` leaves out (see
/// `scripts/typo-data/words.py`, which must use the same parameters).
const PAIR_FILTER: &[u8] = include_bytes!("../../lexicons/stats/pairs.bin");
const PAIR_FILTER_BITS: u64 = 1_310_720;
const PAIR_FILTER_HASHES: u64 = 4;
const FIRST: u32 = 0x4e00;
const LAST: u32 = 0x9fff;
/// Offset of syllable ids in a masked key, above every character offset.
const SYLLABLE_BASE: u64 = 0x5300;
const PAIR_BITS: u32 = 22;
/// Log probability of a pair found only inside the dictionary's rare or long words: about a
/// word of frequency 3 (jieba's floor).
const RARE_PAIR: f32 = -16.0;
/// Log probability of a single character the dictionary does not list.
const UNKNOWN_SINGLE: f32 = -21.0;

/// The statistics: words with frequencies, readings, shape groups.
pub struct Model {
    ln_total: f32,
    /// Per character offset: single-character q (bits 0–5), syllable id + 1 (bits 6–17), tone
    /// (bits 18–20).
    chars: Vec<u32>,
    /// Per character offset: the fuzzy syllable id + 1 (see [`fuzzy`]), 0 when unknown.
    fuzzy: Vec<u16>,
    /// Word key → q (bits 0–7), idiom (bit 8).
    words: Table,
    /// Masked key → start (bits 8–31) and count (bits 0–7) in `masked_chars`.
    masked: Table,
    /// The candidate character and the quantised frequency of the word it makes.
    masked_chars: Vec<(char, u8)>,
    pairs: Vec<u64>,
    shapes: HashMap<char, Vec<char>>,
}

/// The model, built on first use.
pub fn model() -> &'static Model {
    MODEL.get_or_init(Model::build)
}

static MODEL: OnceLock<Model> = OnceLock::new();

/// Whether this process has the statistics (built or restored).
pub(crate) fn model_is_built() -> bool {
    MODEL.get().is_some()
}

/// Installs statistics restored from a snapshot ([`crate::snapshot`]), unless they are there
/// already. Returns whether they were installed.
pub(crate) fn install_model(model: Model) -> bool {
    MODEL.set(model).is_ok()
}

mod snapshot;

fn offset(c: char) -> Option<u64> {
    let c = c as u32;
    (FIRST..=LAST).contains(&c).then(|| (c - FIRST + 1) as u64)
}

/// The key of a word of 1–4 CJK characters, optionally with position `masked` holding `syl`.
fn key(chars: &[char], masked: Option<(usize, u16)>) -> Option<u64> {
    if chars.is_empty() || chars.len() > 4 {
        return None;
    }
    let mut k = (chars.len() as u64) << 60;
    for (i, &c) in chars.iter().enumerate() {
        let part = match masked {
            Some((j, syl)) if j == i => SYLLABLE_BASE + syl as u64,
            _ => offset(c)?,
        };
        k |= part << (15 * i);
    }
    Some(k)
}

/// Open addressing, linear probing, u64 keys (never 0) to u32 values, with a one-hash bitmap of
/// the keys in front (16 bits a key, a few hundred KB that stay in cache) so that most misses
/// cost one probe.
struct Table {
    keys: Vec<u64>,
    values: Vec<u32>,
    shift: u32,
    filter: Vec<u64>,
    filter_mask: u64,
}

fn hash(k: u64) -> u64 {
    (k ^ (k >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl Table {
    fn with_capacity(n: usize) -> Table {
        let bits = (n * 2).next_power_of_two().trailing_zeros().max(4);
        let filter_bits = (n * 16).next_power_of_two().max(64);
        Table {
            keys: vec![0; 1 << bits],
            values: vec![0; 1 << bits],
            shift: 64 - bits,
            filter: vec![0; filter_bits / 64],
            filter_mask: filter_bits as u64 - 1,
        }
    }

    fn slot(&self, k: u64) -> usize {
        let mask = self.keys.len() - 1;
        let mut i = (hash(k) >> self.shift) as usize;
        while self.keys[i] != 0 && self.keys[i] != k {
            i = (i + 1) & mask;
        }
        i
    }

    fn insert(&mut self, k: u64, v: u32) {
        let b = hash(k) & self.filter_mask;
        self.filter[(b >> 6) as usize] |= 1 << (b & 63);
        let i = self.slot(k);
        self.keys[i] = k;
        self.values[i] = v;
    }

    fn get(&self, k: u64) -> Option<u32> {
        let b = hash(k) & self.filter_mask;
        if self.filter[(b >> 6) as usize] & (1 << (b & 63)) == 0 {
            return None;
        }
        let i = self.slot(k);
        (self.keys[i] == k).then(|| self.values[i])
    }
}

/// The entries of `words.txt`: (word, q, idiom).
fn entries() -> impl Iterator<Item = (Vec<char>, u8, bool)> {
    let min_q = WORDS
        .lines()
        .find_map(|l| l.strip_prefix("# letter, its frequency bucket (A = q "))
        .and_then(|r| r.split(':').next())
        .and_then(|q| q.trim().parse::<u8>().ok())
        .expect("words.txt names the first bucket");
    WORDS.lines().filter(|l| !l.starts_with('#') && !l.starts_with("total")).flat_map(move |line| {
        let mut out: Vec<(Vec<char>, u8, bool)> = Vec::new();
        let mut it = line.chars();
        let first = it.next().expect("non-empty line");
        let mut cur = vec![first];
        for c in it {
            if c == '!' {
                if let Some(last) = out.last_mut() {
                    last.2 = true;
                }
            } else if c.is_ascii() {
                out.push((std::mem::replace(&mut cur, vec![first]), min_q + (c as u8 - b'A'), false));
            } else {
                cur.push(c);
            }
        }
        out
    })
}

impl Model {
    fn build() -> Model {
        let ln_total = WORDS
            .lines()
            .find_map(|l| l.strip_prefix("total "))
            .and_then(|t| t.trim().parse::<f64>().ok())
            .expect("words.txt has a total")
            .ln() as f32;
        let mut chars = vec![0u32; (LAST - FIRST + 2) as usize];
        // Readings: the main reading of each character of the pool.
        let mut syllables: HashMap<&str, u32> = HashMap::new();
        let mut fuzzy_ids: HashMap<String, u16> = HashMap::new();
        let mut fuzzy = vec![0u16; chars.len()];
        for line in crate::lexicon::official::POOL.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() || line.starts_with('@') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let (Some(c), Some(reading)) = (parts.next().and_then(|c| c.chars().next()), parts.next()) else {
                continue;
            };
            let Some(off) = offset(c) else { continue };
            let toneless = reading.trim_end_matches(|d: char| d.is_ascii_digit());
            let tone = reading[toneless.len()..].parse::<u32>().unwrap_or(5);
            let n = syllables.len() as u32;
            let syl = *syllables.entry(toneless).or_insert(n);
            let slot = &mut chars[off as usize];
            if *slot >> 6 == 0 {
                *slot |= ((syl + 1) << 6) | (tone << 18);
                let n = fuzzy_ids.len() as u16;
                fuzzy[off as usize] = *fuzzy_ids.entry(fuzzy_form(toneless)).or_insert(n) + 1;
            }
        }
        let list: Vec<(Vec<char>, u8, bool)> = entries().collect();
        let mut words = Table::with_capacity(list.len());
        let mut masked_pairs: Vec<(u64, char, u8)> = Vec::new();
        let mut pairs = vec![0u64; 1 << (PAIR_BITS - 6)];
        for (w, q, idiom) in &list {
            if w.len() == 1 {
                if let Some(off) = offset(w[0]) {
                    chars[off as usize] = (chars[off as usize] & !0x3f) | (*q as u32).min(0x3f);
                }
                continue;
            }
            let Some(k) = key(w, None) else { continue };
            words.insert(k, *q as u32 | (*idiom as u32) << 8);
            for p in w.windows(2) {
                let h = pair_hash(p[0], p[1]);
                pairs[(h >> 6) as usize] |= 1 << (h & 63);
            }
            for (j, &c) in w.iter().enumerate() {
                if let Some(syl) = offset(c).map(|o| fuzzy[o as usize]).filter(|&f| f != 0).map(|f| f - 1) {
                    if let Some(mk) = key(w, Some((j, syl))) {
                        masked_pairs.push((mk, c, *q));
                    }
                }
            }
        }
        masked_pairs.sort_unstable();
        masked_pairs.dedup();
        let mut masked = Table::with_capacity(masked_pairs.len() / 2 + 1);
        let mut masked_chars = Vec::with_capacity(masked_pairs.len());
        let mut i = 0;
        while i < masked_pairs.len() {
            let k = masked_pairs[i].0;
            let start = masked_chars.len();
            while i < masked_pairs.len() && masked_pairs[i].0 == k {
                if masked_chars.len() - start < 255 {
                    masked_chars.push((masked_pairs[i].1, masked_pairs[i].2));
                }
                i += 1;
            }
            // Most frequent words first: a search can stop at the first that is too rare.
            masked_chars[start..].sort_by_key(|e| std::cmp::Reverse(e.1));
            masked.insert(k, ((start as u32) << 8) | (masked_chars.len() - start) as u32);
        }
        let mut shapes: HashMap<char, Vec<char>> = HashMap::new();
        for line in crate::lexicon::official::CONFUSIONS.lines() {
            let group: Vec<char> = line.split('#').next().unwrap_or("").chars().filter(|&c| offset(c).is_some()).collect();
            for &a in &group {
                let e = shapes.entry(a).or_default();
                for &b in &group {
                    if b != a && !e.contains(&b) {
                        e.push(b);
                    }
                }
            }
        }
        Model { ln_total, chars, fuzzy, words, masked, masked_chars, pairs, shapes }
    }

    /// Whether the pair occurs inside a dictionary word (with rare false positives).
    pub fn in_word_pair(&self, a: char, b: char) -> bool {
        let h = pair_hash(a, b);
        self.pairs[(h >> 6) as usize] & (1 << (h & 63)) != 0
    }

    /// Whether the pair occurs inside one of the dictionary's rare or long words (Bloom filter).
    pub fn in_rare_pair(&self, a: char, b: char) -> bool {
        in_pair_filter(a, b)
    }

    /// Quantised frequency of the character as a word of its own (0 when not listed).
    pub fn single_q(&self, c: char) -> u8 {
        offset(c).map_or(0, |o| (self.chars[o as usize] & 0x3f) as u8)
    }

    /// The toneless syllable id of the character's main reading.
    pub fn syllable(&self, c: char) -> Option<u16> {
        syllable_of(&self.chars, c)
    }

    /// The id of the character's main reading with similar sounds merged ([`fuzzy_form`]).
    pub fn fuzzy_syllable(&self, c: char) -> Option<u16> {
        offset(c).map(|o| self.fuzzy[o as usize]).filter(|&f| f != 0).map(|f| f - 1)
    }

    /// The tone of the character's main reading (5: neutral, 0: unknown).
    pub fn tone(&self, c: char) -> u32 {
        offset(c).map_or(0, |o| self.chars[o as usize] >> 18)
    }

    /// The characters that make `window` a dictionary word at position `at`, given that their
    /// fuzzy syllable is `syl` (the window's own character included when it makes a word), with
    /// the quantised frequency of that word, most frequent first.
    pub fn masked(&self, window: &[char], at: usize, syl: u16) -> &[(char, u8)] {
        let Some(v) = key(window, Some((at, syl))).and_then(|k| self.masked.get(k)) else { return &[] };
        let start = (v >> 8) as usize;
        &self.masked_chars[start..start + (v & 0xff) as usize]
    }

    /// The shape group of a character (characters written for it by mistake).
    pub fn shapes(&self, c: char) -> &[char] {
        self.shapes.get(&c).map_or(&[], Vec::as_slice)
    }

    /// Log probability of a word of 2–4 characters, when the dictionary lists it.
    pub fn word_lp(&self, w: &[char]) -> Option<f32> {
        let v = self.words.get(key(w, None)?)?;
        Some(self.lp((v & 0xff) as u8))
    }

    pub fn is_word(&self, w: &[char]) -> bool {
        key(w, None).and_then(|k| self.words.get(k)).is_some()
    }

    pub fn is_idiom(&self, w: &str) -> bool {
        let w: Vec<char> = w.chars().collect();
        key(&w, None).and_then(|k| self.words.get(k)).is_some_and(|v| v & 0x100 != 0)
    }

    /// Log probability of a word of quantised frequency `q`.
    pub fn lp(&self, q: u8) -> f32 {
        q as f32 * 0.5 * std::f32::consts::LN_2 - self.ln_total
    }

    /// Log probability of a character as a word of its own.
    pub fn single_lp(&self, c: char) -> f32 {
        match self.single_q(c) {
            0 => UNKNOWN_SINGLE,
            q => self.lp(q),
        }
    }

    /// The log probability of the best segmentation of `text` (at most 24 characters: a window)
    /// into dictionary words (and single characters); with `cut`, also its words as index
    /// ranges.
    pub fn segment(&self, text: &[char], cut: Option<&mut Vec<(usize, usize)>>) -> f32 {
        const MAX: usize = 24;
        let n = text.len();
        if n > MAX {
            return f32::NEG_INFINITY;
        }
        let mut best = [f32::NEG_INFINITY; MAX + 1];
        let mut from = [0usize; MAX + 1];
        best[0] = 0.0;
        for j in 1..=n {
            for len in 1..=j.min(4) {
                let w = &text[j - len..j];
                let lp = match len {
                    1 => Some(self.single_lp(w[0])),
                    2 => self.word_lp(w).or_else(|| in_pair_filter(w[0], w[1]).then_some(RARE_PAIR)),
                    _ => self.word_lp(w),
                };
                if let Some(lp) = lp {
                    let s = best[j - len] + lp;
                    if s > best[j] {
                        best[j] = s;
                        from[j] = j - len;
                    }
                }
            }
        }
        if let Some(cut) = cut {
            cut.clear();
            let mut j = n;
            while j > 0 {
                cut.push((from[j], j));
                j = from[j];
            }
            cut.reverse();
        }
        best[n]
    }
}

/// A toneless syllable with the sounds that are commonly confused merged: zh/z, ch/c, sh/s and
/// l/n initials, -ng/-n finals (ang/an, eng/en, ing/in).
pub fn fuzzy_form(syllable: &str) -> String {
    let mut s = syllable.to_string();
    for (from, to) in [("zh", "z"), ("ch", "c"), ("sh", "s"), ("l", "n")] {
        if let Some(rest) = s.strip_prefix(from) {
            s = format!("{to}{rest}");
            break;
        }
    }
    for (from, to) in [("ang", "an"), ("eng", "en"), ("ing", "in")] {
        if let Some(head) = s.strip_suffix(from) {
            s = format!("{head}{to}");
            break;
        }
    }
    s
}

fn syllable_of(chars: &[u32], c: char) -> Option<u16> {
    let v = chars[offset(c)? as usize];
    let syl = (v >> 6) & 0xfff;
    (syl != 0).then(|| (syl - 1) as u16)
}

fn in_pair_filter(a: char, b: char) -> bool {
    let x = ((a as u64) << 21) | b as u64;
    let h = hash(x);
    let (h1, h2) = (h >> 32, (h & 0xffff_ffff) | 1);
    (0..PAIR_FILTER_HASHES).all(|j| {
        let i = (h1 + j * h2) % PAIR_FILTER_BITS;
        PAIR_FILTER[(i >> 3) as usize] & (1 << (i & 7)) != 0
    })
}

fn pair_hash(a: char, b: char) -> u64 {
    let k = ((a as u64) << 21) | b as u64;
    hash(k) >> (64 - PAIR_BITS)
}
