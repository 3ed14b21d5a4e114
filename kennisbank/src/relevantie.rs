//! Relevance sets: queries with the pages they should find, and the recall@3 / MRR of an engine on them.
//!
//! File format (`content/relevantie/*.toml`):
//! ```toml
//! [[vraag]]
//! q = "geschorst vergunning"
//! publiek = false
//! verwacht = ["schorsing-vergunning"]
//! ```

use std::path::Path;

use serde::Deserialize;

use crate::fout::{RelevantieFout, ZoekFout};
use crate::zoek::{Zoekmachine, Zoekvraag};

/// One judged query.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Relevantievraag {
    pub q: String,
    /// Asked as the public (only public pages) when true.
    #[serde(default)]
    pub publiek: bool,
    /// Slugs that are a good answer; any of them counts.
    pub verwacht: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Bestand {
    #[serde(default)]
    vraag: Vec<Relevantievraag>,
}

/// Parses one relevance file; `pad` only names it in errors.
pub fn parse(tekst: &str, pad: &str) -> Result<Vec<Relevantievraag>, RelevantieFout> {
    let bestand: Bestand = toml::from_str(tekst)
        .map_err(|e| RelevantieFout::Toml { pad: pad.to_owned(), melding: e.message().to_owned() })?;
    Ok(bestand.vraag)
}

/// Reads every `*.toml` file of a folder, in file-name order.
pub fn laad_map(map: &Path) -> Result<Vec<Relevantievraag>, RelevantieFout> {
    let lees = |pad: &Path, bron| RelevantieFout::Lezen { pad: pad.display().to_string(), bron };
    let mut paden = Vec::new();
    for item in std::fs::read_dir(map).map_err(|e| lees(map, e))? {
        let pad = item.map_err(|e| lees(map, e))?.path();
        if pad.extension().is_some_and(|e| e == "toml") {
            paden.push(pad);
        }
    }
    paden.sort();
    let mut vragen = Vec::new();
    for pad in paden {
        let tekst = std::fs::read_to_string(&pad).map_err(|e| lees(&pad, e))?;
        vragen.extend(parse(&tekst, &pad.display().to_string())?);
    }
    Ok(vragen)
}

/// The result of running a relevance set.
#[derive(Debug, Clone, PartialEq)]
pub struct Meting {
    pub aantal: usize,
    /// Fraction of queries with an expected slug among the first 3 hits.
    pub recall_bij_3: f64,
    /// Mean of 1/rank of the first expected slug (0 when not in the first 10).
    pub mrr: f64,
    /// Queries without an expected slug in the first 3, for the report.
    pub missers: Vec<String>,
}

/// Runs every query (10 hits each) against the engine.
pub fn meet(zoeker: &dyn Zoekmachine, vragen: &[Relevantievraag]) -> Result<Meting, ZoekFout> {
    let mut rangen = Vec::with_capacity(vragen.len());
    let mut missers = Vec::new();
    for vraag in vragen {
        let zoekvraag = Zoekvraag {
            limiet: 10,
            ..if vraag.publiek { Zoekvraag::publiek(&vraag.q) } else { Zoekvraag::intern(&vraag.q) }
        };
        let treffers = zoeker.zoek(&zoekvraag)?;
        let rang = treffers.iter().position(|t| vraag.verwacht.iter().any(|v| v == t.slug.as_str())).map(|i| i + 1);
        if rang.is_none_or(|r| r > 3) {
            missers.push(vraag.q.clone());
        }
        rangen.push(rang);
    }
    Ok(bereken(&rangen, missers))
}

/// recall@3 and MRR from the 1-based rank of the first expected hit per query (`None`: not in the top 10).
pub fn bereken(rangen: &[Option<usize>], missers: Vec<String>) -> Meting {
    let aantal = rangen.len();
    if aantal == 0 {
        return Meting { aantal, recall_bij_3: 0.0, mrr: 0.0, missers };
    }
    let n = aantal as f64;
    let in_top3 = rangen.iter().filter(|r| r.is_some_and(|r| r <= 3)).count() as f64;
    let wederkerig: f64 = rangen.iter().map(|r| r.filter(|&r| r <= 10).map_or(0.0, |r| 1.0 / r as f64)).sum();
    Meting { aantal, recall_bij_3: in_top3 / n, mrr: wederkerig / n, missers }
}
