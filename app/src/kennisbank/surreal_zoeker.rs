//! Engine B, for comparison: SurrealDB's own FULLTEXT index (BM25, `snowball(dutch)`), behind the
//! same async interface as the tantivy index. `meldpunt bench zoeken` measures both; `/zoeken`
//! uses engine A (tantivy), see the README for the figures. Engine B keeps its own table, defined
//! by [`SurrealZoeker::nieuw`] on the database it is given (a fresh one in the benchmark).

use super::fout::KennisFout;
use crate::gemeen::Db;
use kennisbank::Pagina;
use kennisbank::render::platte_tekst;
use kennisbank::taal::normaliseer;
use kennisbank::zoek::{Treffer, Zoekvraag};

use surrealdb::types::{RecordId, SurrealValue};

/// An engine that can be asked from async code: both engines implement it.
pub use super::zoekdienst::Zoekdienst;

const SCHEMA: &str = "
    DEFINE ANALYZER IF NOT EXISTS kb_nl TOKENIZERS blank, class, punct FILTERS lowercase, ascii, snowball(dutch);
    DEFINE TABLE IF NOT EXISTS kb_zoek SCHEMAFULL;
    DEFINE FIELD IF NOT EXISTS slug ON kb_zoek TYPE string;
    DEFINE FIELD IF NOT EXISTS titel ON kb_zoek TYPE string;
    DEFINE FIELD IF NOT EXISTS samenvatting ON kb_zoek TYPE string;
    DEFINE FIELD IF NOT EXISTS trefwoorden ON kb_zoek TYPE string;
    DEFINE FIELD IF NOT EXISTS inhoud ON kb_zoek TYPE string;
    DEFINE FIELD IF NOT EXISTS publiek ON kb_zoek TYPE bool;
    DEFINE FIELD IF NOT EXISTS tags ON kb_zoek TYPE array<string>;
    DEFINE FIELD IF NOT EXISTS regelgeving ON kb_zoek TYPE string;
    DEFINE INDEX IF NOT EXISTS kb_zoek_titel ON kb_zoek FIELDS titel FULLTEXT ANALYZER kb_nl BM25 HIGHLIGHTS;
    DEFINE INDEX IF NOT EXISTS kb_zoek_trefwoorden ON kb_zoek FIELDS trefwoorden FULLTEXT ANALYZER kb_nl BM25;
    DEFINE INDEX IF NOT EXISTS kb_zoek_samenvatting ON kb_zoek FIELDS samenvatting FULLTEXT ANALYZER kb_nl BM25;
    DEFINE INDEX IF NOT EXISTS kb_zoek_inhoud ON kb_zoek FIELDS inhoud FULLTEXT ANALYZER kb_nl BM25 HIGHLIGHTS;
";

/// Weights as in engine A: title above tags above summary above body.
/// A field the query does not match has no score (NONE), which counts as 0.
const ZOEK: &str = "
    SELECT slug, titel, samenvatting, search::highlight($begin, $einde, 3) AS fragment,
        ((search::score(0) ?? 0) * 4 + (search::score(1) ?? 0) * 2.5 + (search::score(2) ?? 0) * 2
            + (search::score(3) ?? 0)) AS score
    FROM kb_zoek
    WHERE (titel @0@ $q OR trefwoorden @1@ $q OR samenvatting @2@ $q OR inhoud @3@ $q)
        AND (publiek = true OR $alleen_publiek = false)
        AND ($tag = NONE OR $tag IN tags) AND ($regelgeving = NONE OR regelgeving = $regelgeving)
    ORDER BY score DESC LIMIT $limiet";

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct Rij {
    id: RecordId,
    slug: String,
    titel: String,
    samenvatting: String,
    trefwoorden: String,
    inhoud: String,
    publiek: bool,
    tags: Vec<String>,
    regelgeving: String,
}

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct Gevonden {
    slug: String,
    titel: String,
    samenvatting: String,
    fragment: Option<String>,
    score: f64,
}

pub struct SurrealZoeker {
    db: Db,
}

/// Marks around highlighted words: control characters that cannot occur in page text.
const BEGIN: &str = "\u{1}";
const EINDE: &str = "\u{2}";

fn rij(p: &Pagina) -> Rij {
    Rij {
        id: RecordId::new("kb_zoek", p.slug.as_str()),
        slug: p.slug.to_string(),
        titel: p.titel.clone(),
        samenvatting: p.samenvatting.clone(),
        trefwoorden: p.tags.join(" "),
        inhoud: platte_tekst(&p.inhoud),
        publiek: p.is_publiek(),
        tags: p.tags.iter().map(|t| normaliseer(t)).collect(),
        regelgeving: normaliseer(&p.regelgeving),
    }
}

/// About 30 words around the first highlighted word, HTML-escaped, marks as `<mark>`.
fn fragment(tekst: &str) -> String {
    let begin = tekst.find(BEGIN).unwrap_or(0);
    let van = tekst[..begin].char_indices().rev().filter(|(_, c)| c.is_whitespace()).nth(8).map_or(0, |(i, _)| i);
    let stuk: String = tekst[van..].split_whitespace().take(30).collect::<Vec<_>>().join(" ");
    let veilig = stuk.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let veilig = veilig.replace(BEGIN, "<mark>").replace(EINDE, "</mark>");
    let open = veilig.matches("<mark>").count();
    let dicht = veilig.matches("</mark>").count();
    if open > dicht { format!("{veilig}</mark>") } else { veilig }
}

impl SurrealZoeker {
    /// Defines the analyzer, table and FULLTEXT indexes (idempotent).
    pub async fn nieuw(db: Db) -> Result<SurrealZoeker, KennisFout> {
        db.query(SCHEMA).await?.check()?;
        Ok(SurrealZoeker { db })
    }
}

impl Zoekdienst for SurrealZoeker {
    async fn zoek(&self, vraag: &Zoekvraag) -> Result<Vec<Treffer>, KennisFout> {
        let tekst = vraag.tekst.trim().to_string();
        if tekst.is_empty() {
            return Ok(Vec::new());
        }
        let mut res = self
            .db
            .query(ZOEK)
            .bind(("q", tekst))
            .bind(("alleen_publiek", vraag.alleen_publiek))
            .bind(("tag", vraag.tag.as_deref().map(normaliseer)))
            .bind(("regelgeving", vraag.regelgeving.as_deref().map(normaliseer)))
            .bind(("limiet", vraag.limiet.max(1) as i64))
            .bind(("begin", BEGIN))
            .bind(("einde", EINDE))
            .await?
            .check()?;
        let rijen: Vec<Gevonden> = res.take(0)?;
        rijen
            .into_iter()
            .map(|g| {
                let slug = kennisbank::Slug::parse(&g.slug)
                    .map_err(|e| KennisFout::Inconsistent { slug: g.slug.clone(), reden: e.to_string() })?;
                let bron = g.fragment.unwrap_or_else(|| g.samenvatting.clone());
                Ok(Treffer {
                    slug,
                    titel: g.titel,
                    samenvatting: g.samenvatting,
                    fragment_html: fragment(&bron),
                    score: g.score as f32,
                })
            })
            .collect()
    }

    async fn voeg_toe(&mut self, paginas: &[Pagina]) -> Result<(), KennisFout> {
        for deel in paginas.chunks(250) {
            let rijen: Vec<Rij> = deel.iter().map(rij).collect();
            self.db.query("INSERT INTO kb_zoek $rijen ON DUPLICATE KEY UPDATE titel = $input.titel, samenvatting = $input.samenvatting, trefwoorden = $input.trefwoorden, inhoud = $input.inhoud, publiek = $input.publiek, tags = $input.tags, regelgeving = $input.regelgeving RETURN NONE")
                .bind(("rijen", rijen))
                .await?
                .check()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_are_escaped_and_marked() {
        let f = fragment("Een <b>tekst</b> over de \u{1}schorsing\u{2} van de vergunning");
        assert!(f.contains("&lt;b&gt;"));
        assert!(f.contains("<mark>schorsing</mark>"));
    }

    #[tokio::test]
    async fn surrealdb_bm25_ranks_with_real_scores() {
        use crate::db::{Verbinding, migreer, verbind};
        let db = verbind(Verbinding { endpoint: "mem://", gebruiker: None, wachtwoord: None }).await.unwrap();
        migreer(&db).await.unwrap();
        let mut zoeker = SurrealZoeker::nieuw(db).await.unwrap();
        let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let paginas = crate::kennisbank::service::lees_map(&content).unwrap();
        zoeker.voeg_toe(&paginas).await.unwrap();
        let treffers = zoeker.zoek(&Zoekvraag::intern("schorsing")).await.unwrap();
        assert!(treffers.len() >= 3, "{treffers:?}");
        assert!(treffers.iter().all(|t| t.score > 0.0), "BM25 scores must not be 0: {treffers:?}");
        assert!(treffers.windows(2).all(|w| w[0].score >= w[1].score), "best first");
        assert!(treffers[0].score > treffers[treffers.len() - 1].score, "scores differ: the ranking is real");
        assert!(
            treffers[0].titel.to_lowercase().contains("schors"),
            "a title match comes first: {}",
            treffers[0].titel
        );
        assert!(treffers.iter().any(|t| t.fragment_html.contains("<mark>")), "highlights");
        let publiek = zoeker.zoek(&Zoekvraag::publiek("aanmaning")).await.unwrap();
        assert!(!publiek.is_empty(), "the public finds pages about a reminder");
        assert!(publiek.iter().all(|t| paginas.iter().any(|p| p.slug == t.slug && p.is_publiek())));
    }
}
