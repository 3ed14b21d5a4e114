//! Typo correction and completion against the index's own vocabulary.
//!
//! Instead of scoring typo and prefix matches with tantivy's constant-score automaton queries, the
//! automaton is run over the term dictionary of the plain-word fields, and the words it finds are
//! searched like typed words (through their stems, BM25-scored, at a lower weight). A page that uses
//! the corrected word often, or in its title, then ranks first, as it would for the correct spelling.

use std::collections::HashMap;

use tantivy::query::FuzzyTermQuery;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

use crate::fout::ZoekFout;

/// How the vocabulary is matched.
#[derive(Clone, Copy)]
pub(super) enum Zoekwijze {
    /// Words within this many edits (a swap of two neighbouring letters counts as one).
    Fouten(u8),
    /// Words that start with the given text.
    Begin,
}

/// The vocabulary words (of `velden`) that match `woord`, most frequent first, at most `max`,
/// the word itself left out.
pub(super) fn verwante_woorden(
    zoeker: &Searcher,
    velden: &[Field],
    woord: &str,
    wijze: Zoekwijze,
    max: usize,
) -> Result<Vec<String>, ZoekFout> {
    let fout = |e: &dyn std::fmt::Display| ZoekFout::Index(e.to_string());
    let mut gevonden: HashMap<String, u64> = HashMap::new();
    for &veld in velden {
        let term = Term::from_field_text(veld, woord);
        let vraag = match wijze {
            Zoekwijze::Fouten(n) => FuzzyTermQuery::new(term, n, true),
            Zoekwijze::Begin => FuzzyTermQuery::new_prefix(term, 0, true),
        };
        for segment in zoeker.segment_readers() {
            let index = segment.inverted_index(veld).map_err(|e| fout(&e))?;
            let automaat = vraag.automaton().map_err(|e| fout(&e))?;
            let mut stroom = index.terms().search(automaat).into_stream().map_err(|e| fout(&e))?;
            while stroom.advance() {
                if let Ok(tekst) = std::str::from_utf8(stroom.key())
                    && tekst != woord
                {
                    *gevonden.entry(tekst.to_owned()).or_default() += u64::from(stroom.value().doc_freq);
                }
            }
        }
    }
    let mut lijst: Vec<(String, u64)> = gevonden.into_iter().collect();
    lijst.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(lijst.into_iter().take(max).map(|(w, _)| w).collect())
}
