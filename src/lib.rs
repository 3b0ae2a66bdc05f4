//! # wxlint
//!
//! A pre-publication checker for WeChat Official Account (公众号) articles, written for the
//! people who publish for schools and local governments: prohibited content (with evasion-
//! resistant matching), images without captions, title, author and digest limits, and more.
//! Everything runs locally; the same core serves the CLI, the WASM/npm package and the browser
//! extension, so they always agree.
//!
//! ```
//! use wxlint::{Article, Checker, Config};
//!
//! let checker = Checker::new(Config::default()).unwrap();
//! let article = Article::from_paragraphs("", ["正文"]);
//! let findings = checker.check(&article);
//! assert_eq!(findings[0].rule, "title-length"); // the title is empty
//! ```
//!
//! Invariant: for every finding in a text field or text block, the slice `start..end` of that
//! text, counted in UTF-16 code units, is exactly `finding.text`.

pub mod checker;
pub mod config;
pub mod finding;
pub mod lexicon;
pub mod model;
pub mod normalize;
pub mod rules;
pub mod snapshot;
pub mod style;
pub mod text;
pub mod wording;

#[cfg(not(target_arch = "wasm32"))]
pub mod extract;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use checker::Checker;
pub use config::{Config, ConfigError, Locale};
pub use finding::{Field, Finding, Severity};
pub use lexicon::{LexiconError, LoadStats};
pub use model::{Align, Article, Block, ImageBlock, TextBlock, TextStyle};
