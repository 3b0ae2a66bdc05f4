//! Lexicons: parsing (`lexicons/FORMAT.md`), the built-in default lists, and the matcher.

mod builtin;
mod entry;
mod error;
mod expand;
mod matcher;
pub(crate) mod official;
mod parse;
mod shared_str;

pub use builtin::{builtin_base, builtin_lexicons, BUILTIN, BUILTIN_RULE_LISTS, CUE_RULES};
pub(crate) use builtin::{builtin_base_is_built, install_builtin_base};
pub use entry::{Entry, Lexicon, SharedStr, When};
pub use expand::{MAX_EXPANSION, MAX_SET_ITEMS};
pub use error::LexiconError;
pub use matcher::{Base, Hit, Matcher, ScanBuffers, DEFAULT_MAX_GAP, GLOBAL_RULE, MAX_RAW_GAP};
pub use parse::{is_valid_id, parse, DEFAULT_CATEGORY, DEFAULT_RULE, MAX_TERM_CHARS};

/// What a successful load added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoadStats {
    /// Banned entries in the list.
    pub entries: usize,
    /// Allow-list entries in the list.
    pub allowed: usize,
    /// Entries in the compiled matcher after de-duplication, all lists together.
    pub total: usize,
}
