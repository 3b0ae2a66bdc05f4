//! The built-in default lexicon, embedded in the binary and the WASM module.
//! Sources and licences: `lexicons/README.md`.

use super::entry::Lexicon;
use super::matcher::Base;
use super::parse::parse;
use std::sync::{Arc, OnceLock};

/// `(name, text)` of every built-in list, one per 九不准 item a word list can catch.
pub const BUILTIN: &[(&str, &str)] = &[
    ("builtin:gambling", include_str!("../../lexicons/default/gambling.txt")),
    ("builtin:drugs", include_str!("../../lexicons/default/drugs.txt")),
    ("builtin:pornography", include_str!("../../lexicons/default/pornography.txt")),
    ("builtin:violence-terror", include_str!("../../lexicons/default/violence-terror.txt")),
    ("builtin:weapons", include_str!("../../lexicons/default/weapons.txt")),
    ("builtin:cults-superstition", include_str!("../../lexicons/default/cults-superstition.txt")),
    ("builtin:fraud", include_str!("../../lexicons/default/fraud.txt")),
    ("builtin:insults", include_str!("../../lexicons/default/insults.txt")),
];

/// `(name, text)` of the built-in lists of the other lexicon rules (`lexicons/rules/<rule>.txt`,
/// each with `@rule <rule>`).
pub const BUILTIN_RULE_LISTS: &[(&str, &str)] = &[
    ("builtin:typo", include_str!("../../lexicons/rules/typo.txt")),
    ("builtin:expression", include_str!("../../lexicons/rules/expression.txt")),
    ("builtin:secrecy", include_str!("../../lexicons/rules/secrecy.txt")),
    ("builtin:sign-off-topic", include_str!("../../lexicons/rules/sign-off-topic.txt")),
    ("builtin:ad-law", include_str!("../../lexicons/rules/ad-law.txt")),
    ("builtin:clickbait-title", include_str!("../../lexicons/rules/clickbait-title.txt")),
    ("builtin:spam", include_str!("../../lexicons/rules/spam.txt")),
    ("builtin:context", include_str!("../../lexicons/rules/context.txt")),
];

/// Lexicon rules that no rule reports: their entries are context cues read by other rules
/// (`src/rules/context.rs`).
pub const CUE_RULES: &[&str] = &[crate::rules::context::CONTEXT_RULE];

/// Parses the built-in lists. They are tested to parse, so this cannot fail at run time.
pub fn builtin_lexicons() -> Vec<Lexicon> {
    let mut lists: Vec<Lexicon> = BUILTIN
        .iter()
        .chain(BUILTIN_RULE_LISTS)
        .map(|(name, text)| parse(name, text, None).unwrap_or_else(|e| panic!("built-in lexicon is malformed: {e}")))
        .collect();
    // Rule `official-wording`: generated from lexicons/official/ (src/lexicon/official.rs).
    let official = super::official::official_lexicon(&lists);
    lists.push(official);
    lists
}

/// The built-in lists compiled, once per process (every checker with the built-in lexicon
/// shares them; a checker compiles only its own lists over them).
pub fn builtin_base() -> Arc<Base> {
    BASE.get_or_init(|| Arc::new(Base::build(&builtin_lexicons()).unwrap_or_else(|e| panic!("built-in lexicon does not compile: {e}"))))
        .clone()
}

static BASE: OnceLock<Arc<Base>> = OnceLock::new();

/// Whether this process has the compiled built-in lexicon (built or restored).
pub(crate) fn builtin_base_is_built() -> bool {
    BASE.get().is_some()
}

/// Installs a compiled built-in lexicon restored from a snapshot ([`crate::snapshot`]), unless
/// one is there already. Returns whether it was installed.
pub(crate) fn install_builtin_base(base: Base) -> bool {
    BASE.set(Arc::new(base)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_list_parses_and_names_its_rule() {
        for (name, text) in BUILTIN_RULE_LISTS {
            let lex = parse(name, text, None).unwrap_or_else(|e| panic!("{e}"));
            let rule = name.trim_start_matches("builtin:");
            assert!(crate::rules::rule(rule).is_some() || CUE_RULES.contains(&rule), "{name}: no such rule");
            assert!(lex.entries.iter().all(|e| &*e.rule == rule), "{name}: entries of another rule");
        }
    }

    #[test]
    fn every_builtin_list_parses_and_declares_its_category() {
        for (name, text) in BUILTIN {
            let lex = parse(name, text, None).unwrap_or_else(|e| panic!("{e}"));
            let category = name.trim_start_matches("builtin:");
            assert!(lex.banned_count() >= 20, "{name} has only {} entries", lex.banned_count());
            assert!(lex.labels.contains_key(category), "{name} declares no label for {category}");
            assert!(lex.entries.iter().filter(|e| !e.allow).all(|e| &*e.category == category), "{name}");
        }
    }
}

#[cfg(test)]
mod redefinition {
    use super::*;

    /// Within one built-in list, a family must not silently redefine a term that an earlier
    /// family gave another severity or `when` (a line naming the term alone always wins over
    /// families, see the parser).
    #[test]
    fn no_builtin_family_redefines_another_familys_term() {
        let mut conflicts = Vec::new();
        for (name, text) in BUILTIN.iter().chain(BUILTIN_RULE_LISTS) {
            let lex = parse(name, text, None).unwrap();
            conflicts.extend(lex.redefinitions.iter().map(|(t, a, b)| format!("{name}: {t} (line {a}, then line {b})")));
        }
        assert!(conflicts.is_empty(), "{} redefinitions:\n{}", conflicts.len(), conflicts.join("\n"));
    }
}
