//! Meldpunt's knowledge base: pages with TOML front matter, safe markdown rendering and Dutch-aware search.
//!
//! Pure library: no web framework, no database, no async runtime. The server loads the pages at
//! start-up ([`laad_map`]), renders them ([`render::render`]) and searches them through a
//! [`zoek::Zoekmachine`] (the tantivy engine here, SurrealDB FULLTEXT in the app).

pub mod corpus;
mod fout;
pub mod model;
pub mod relevantie;
pub mod render;
pub mod taal;
pub mod zoek;

pub use fout::{FrontMatterFout, LaadFout, RelevantieFout, SlugFout, ZoekFout};
pub use model::{Doelgroep, Pagina, Slug, Soort};

/// Reads every `*.md` file in a folder (not recursive), sorted by file name.
pub fn laad_map(map: &std::path::Path) -> Result<Vec<Pagina>, LaadFout> {
    let pad_tekst = |p: &std::path::Path| p.display().to_string();
    let lees_fout = |bron| LaadFout::Lezen { pad: pad_tekst(map), bron };
    let mut paden = Vec::new();
    for item in std::fs::read_dir(map).map_err(lees_fout)? {
        let pad = item.map_err(|bron| LaadFout::Lezen { pad: pad_tekst(map), bron })?.path();
        if pad.extension().is_some_and(|e| e == "md") {
            paden.push(pad);
        }
    }
    paden.sort();
    let mut paginas = Vec::with_capacity(paden.len());
    for pad in paden {
        let tekst = std::fs::read_to_string(&pad).map_err(|bron| LaadFout::Lezen { pad: pad_tekst(&pad), bron })?;
        paginas.push(Pagina::parse(&tekst).map_err(|bron| LaadFout::Pagina { pad: pad_tekst(&pad), bron })?);
    }
    Ok(paginas)
}
