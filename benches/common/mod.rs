//! Deterministic benchmark data, generated identically by `bench/data.mjs` for the Node
//! benchmarks (same PRNG, same steps), so native, WASM and npm peers see the same input.
//!
//! - lexicon: `n` distinct random terms of 2–4 characters drawn from an alphabet of 3,000 CJK
//!   characters starting at U+4E00;
//! - text: random characters from the same alphabet, with one lexicon term planted every ~500
//!   characters and a Chinese comma every ~40, so that hits are realistic rather than absent.
#![allow(dead_code)]

pub const ALPHABET_START: u32 = 0x4E00;
pub const ALPHABET_LEN: u32 = 3000;

/// mulberry32: tiny, fast, and identical in JavaScript.
pub struct Rng(u32);

impl Rng {
    pub fn new(seed: u32) -> Rng {
        Rng(seed)
    }

    pub fn next_u32(&mut self) -> u32 {
        self.0 = self.0.wrapping_add(0x6D2B79F5);
        let mut t = self.0;
        t = (t ^ (t >> 15)).wrapping_mul(t | 1);
        t ^= t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61));
        t ^ (t >> 14)
    }

    pub fn below(&mut self, n: u32) -> u32 {
        self.next_u32() % n
    }

    fn cjk(&mut self) -> char {
        char::from_u32(ALPHABET_START + self.below(ALPHABET_LEN)).unwrap()
    }
}

pub fn lexicon_terms(n: usize, seed: u32) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut seen = std::collections::HashSet::new();
    let mut terms = Vec::with_capacity(n);
    while terms.len() < n {
        let len = 2 + rng.below(3);
        let t: String = (0..len).map(|_| rng.cjk()).collect();
        if seen.insert(t.clone()) {
            terms.push(t);
        }
    }
    terms
}

pub fn text(chars: usize, terms: &[String], seed: u32) -> String {
    let mut rng = Rng::new(seed);
    let mut s = String::new();
    let mut count = 0;
    while count < chars {
        let r = rng.below(500);
        if r == 0 {
            let t = &terms[rng.below(terms.len() as u32) as usize];
            s.push_str(t);
            count += t.chars().count();
        } else if r < 13 {
            s.push('，');
            count += 1;
        } else {
            s.push(rng.cjk());
            count += 1;
        }
    }
    s
}

/// The lexicon as a file in wxlint's format (a plain list in category `bench`).
pub fn lexicon_file(terms: &[String]) -> String {
    let mut s = String::from("@category bench 基准\n");
    for t in terms {
        s.push_str(t);
        s.push('\n');
    }
    s
}
