//! Error types. Messages are in Dutch where editors of the knowledge base see them.

/// A slug that does not match `^[a-z0-9]+(-[a-z0-9]+)*$`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "ongeldige slug `{0}`: gebruik alleen kleine letters zonder accenten, cijfers en enkele koppeltekens, \
     bv. `schorsing-vergunning`"
)]
pub struct SlugFout(pub String);

/// Why a page file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrontMatterFout {
    #[error("de pagina moet beginnen met een regel `+++` gevolgd door de kop (title, slug, …)")]
    GeenBegin,
    #[error("de kop wordt niet afgesloten: zet na de laatste sleutel een regel met alleen `+++`")]
    GeenEinde,
    #[error("de kop is geen geldige TOML: {0}")]
    Toml(String),
    #[error("de verplichte sleutel `{0}` ontbreekt in de kop")]
    OntbrekendeSleutel(&'static str),
    #[error(
        "onbekende sleutel `{0}` in de kop (tikfout?); toegelaten zijn title, slug, summary, kind, audience, regulation, articles, effective, tags en theme"
    )]
    OnbekendeSleutel(String),
    #[error("de sleutel `{sleutel}` moet {verwacht} zijn")]
    VerkeerdType { sleutel: &'static str, verwacht: &'static str },
    #[error("de sleutel `{0}` mag niet leeg zijn")]
    Leeg(&'static str),
    #[error(transparent)]
    Slug(#[from] SlugFout),
    #[error("ongeldige datum `{0}` bij `effective`: schrijf JJJJ-MM-DD, bv. \"2016-04-01\"")]
    OngeldigeDatum(String),
    #[error("onbekende soort `{0}` bij `kind`: kies \"regelgeving\", \"procedure\" of \"faq\"")]
    OnbekendeSoort(String),
    #[error("onbekende doelgroep `{0}` bij `audience`: kies \"intern\" of \"publiek\"")]
    OnbekendeDoelgroep(String),
}

/// A page file that could not be loaded, with its path.
#[derive(Debug, thiserror::Error)]
pub enum LaadFout {
    #[error("{pad}: kan niet gelezen worden: {bron}")]
    Lezen { pad: String, bron: std::io::Error },
    #[error("{pad}: {bron}")]
    Pagina { pad: String, bron: FrontMatterFout },
}

/// A search index failure (the index itself, not the query).
#[derive(Debug, thiserror::Error)]
pub enum ZoekFout {
    #[error("zoekindex: {0}")]
    Index(String),
}

/// A relevance file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RelevantieFout {
    #[error("{pad}: kan niet gelezen worden: {bron}")]
    Lezen { pad: String, bron: std::io::Error },
    #[error("{pad}: geen geldige relevantieset: {melding}")]
    Toml { pad: String, melding: String },
}
