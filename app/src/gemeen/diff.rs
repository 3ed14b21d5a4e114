//! The line diff between two versions of a text (knowledge pages, templates).

use serde::{Deserialize, Serialize};

/// One line of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiffRegel {
    Gelijk(String),
    Weg(String),
    Bij(String),
}

/// The lines of `nieuw` against `oud` (the `similar` crate: Myers' algorithm, as `git diff`
/// shows it), without their line ends.
#[cfg(feature = "ssr")]
pub fn regels(oud: &str, nieuw: &str) -> Vec<DiffRegel> {
    use similar::{ChangeTag, TextDiff};
    TextDiff::from_lines(oud, nieuw)
        .iter_all_changes()
        .map(|c| {
            let regel = c.value().trim_end_matches('\n').to_string();
            match c.tag() {
                ChangeTag::Equal => DiffRegel::Gelijk(regel),
                ChangeTag::Delete => DiffRegel::Weg(regel),
                ChangeTag::Insert => DiffRegel::Bij(regel),
            }
        })
        .collect()
}
