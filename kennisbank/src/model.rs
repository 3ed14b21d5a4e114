//! A knowledge-base page: TOML front matter between `+++` lines, then a markdown body.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::fout::{FrontMatterFout, SlugFout};

/// A page identifier: lowercase letters and digits in groups joined by single hyphens
/// (`schorsing-vergunning`). Used as URL segment and as internal link target.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    /// Validates `^[a-z0-9]+(-[a-z0-9]+)*$`.
    pub fn parse(tekst: &str) -> Result<Slug, SlugFout> {
        let groepen_goed =
            tekst.split('-').all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        if tekst.is_empty() || !groepen_goed {
            return Err(SlugFout(tekst.to_owned()));
        }
        Ok(Slug(tekst.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Slug {
    type Error = SlugFout;
    fn try_from(tekst: String) -> Result<Self, Self::Error> {
        Slug::parse(&tekst)
    }
}

impl From<Slug> for String {
    fn from(slug: Slug) -> String {
        slug.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What kind of page this is (`kind` in the front matter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Soort {
    Regelgeving,
    Procedure,
    Faq,
}

impl Soort {
    pub fn als_tekst(self) -> &'static str {
        match self {
            Soort::Regelgeving => "regelgeving",
            Soort::Procedure => "procedure",
            Soort::Faq => "faq",
        }
    }

    fn van_tekst(tekst: &str) -> Option<Soort> {
        [Soort::Regelgeving, Soort::Procedure, Soort::Faq].into_iter().find(|s| s.als_tekst() == tekst)
    }
}

/// Who may read the page (`audience`): staff only, or also the public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Doelgroep {
    Intern,
    Publiek,
}

impl Doelgroep {
    pub fn als_tekst(self) -> &'static str {
        match self {
            Doelgroep::Intern => "intern",
            Doelgroep::Publiek => "publiek",
        }
    }

    fn van_tekst(tekst: &str) -> Option<Doelgroep> {
        [Doelgroep::Intern, Doelgroep::Publiek].into_iter().find(|d| d.als_tekst() == tekst)
    }
}

/// One knowledge-base page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pagina {
    pub slug: Slug,
    pub titel: String,
    pub samenvatting: String,
    pub soort: Soort,
    pub publiek: Doelgroep,
    /// The regulation the page explains; may be empty.
    pub regelgeving: String,
    pub artikels: Vec<String>,
    pub geldig_vanaf: NaiveDate,
    pub tags: Vec<String>,
    pub thema: String,
    /// Markdown body without the front matter.
    pub inhoud: String,
}

const SLEUTELS: [&str; 10] =
    ["title", "slug", "summary", "kind", "audience", "regulation", "articles", "effective", "tags", "theme"];

impl Pagina {
    /// Parses a page file. Errors are in Dutch: they are shown to the editors of the knowledge base.
    pub fn parse(tekst: &str) -> Result<Pagina, FrontMatterFout> {
        let tekst = tekst.strip_prefix('\u{feff}').unwrap_or(tekst);
        let (kop, inhoud) = splits_kop(tekst)?;
        let tabel: toml::Table =
            kop.parse().map_err(|e: toml::de::Error| FrontMatterFout::Toml(e.message().to_owned()))?;
        if let Some(onbekend) = tabel.keys().find(|k| !SLEUTELS.contains(&k.as_str())) {
            return Err(FrontMatterFout::OnbekendeSleutel(onbekend.clone()));
        }
        let titel = tekst_waarde(&tabel, "title")?;
        if titel.trim().is_empty() {
            return Err(FrontMatterFout::Leeg("title"));
        }
        let slug_tekst = tekst_waarde(&tabel, "slug")?;
        let slug = Slug::parse(&slug_tekst)?;
        let soort_tekst = tekst_waarde(&tabel, "kind")?;
        let soort = Soort::van_tekst(&soort_tekst).ok_or(FrontMatterFout::OnbekendeSoort(soort_tekst))?;
        let doelgroep_tekst = tekst_waarde(&tabel, "audience")?;
        let publiek =
            Doelgroep::van_tekst(&doelgroep_tekst).ok_or(FrontMatterFout::OnbekendeDoelgroep(doelgroep_tekst))?;
        let datum_tekst = match tabel.get("effective") {
            None => return Err(FrontMatterFout::OntbrekendeSleutel("effective")),
            Some(toml::Value::String(s)) => s.clone(),
            Some(toml::Value::Datetime(d)) => d.to_string(),
            Some(_) => return Err(FrontMatterFout::VerkeerdType { sleutel: "effective", verwacht: "een datum" }),
        };
        let geldig_vanaf = NaiveDate::parse_from_str(&datum_tekst, "%Y-%m-%d")
            .ok()
            .filter(|_| datum_tekst.len() == 10)
            .ok_or(FrontMatterFout::OngeldigeDatum(datum_tekst))?;
        Ok(Pagina {
            slug,
            titel,
            samenvatting: tekst_waarde(&tabel, "summary")?,
            soort,
            publiek,
            regelgeving: tekst_waarde(&tabel, "regulation")?,
            artikels: lijst_waarde(&tabel, "articles")?,
            geldig_vanaf,
            tags: lijst_waarde(&tabel, "tags")?,
            thema: tekst_waarde(&tabel, "theme")?,
            inhoud: inhoud.to_owned(),
        })
    }

    /// Writes the page back in the file format; `Pagina::parse(&p.naar_tekst())` gives `p` again.
    pub fn naar_tekst(&self) -> String {
        let mut uit = String::from("+++\n");
        let mut regel = |sleutel: &str, waarde: String| {
            uit.push_str(sleutel);
            uit.push_str(" = ");
            uit.push_str(&waarde);
            uit.push('\n');
        };
        regel("title", toml_tekst(&self.titel));
        regel("slug", toml_tekst(self.slug.as_str()));
        regel("summary", toml_tekst(&self.samenvatting));
        regel("kind", toml_tekst(self.soort.als_tekst()));
        regel("audience", toml_tekst(self.publiek.als_tekst()));
        regel("regulation", toml_tekst(&self.regelgeving));
        regel("articles", toml_lijst(&self.artikels));
        regel("effective", toml_tekst(&self.geldig_vanaf.format("%Y-%m-%d").to_string()));
        regel("tags", toml_lijst(&self.tags));
        regel("theme", toml_tekst(&self.thema));
        uit.push_str("+++\n");
        uit.push_str(&self.inhoud);
        uit
    }

    /// True when the public may see this page.
    pub fn is_publiek(&self) -> bool {
        self.publiek == Doelgroep::Publiek
    }
}

/// Splits `+++\n<toml>\n+++\n<body>` into its two parts.
fn splits_kop(tekst: &str) -> Result<(&str, &str), FrontMatterFout> {
    let eerste_einde = tekst.find('\n').unwrap_or(tekst.len());
    if tekst[..eerste_einde].trim_end() != "+++" {
        return Err(FrontMatterFout::GeenBegin);
    }
    let rest = tekst.get(eerste_einde + 1..).unwrap_or("");
    let mut positie = 0;
    for regel in rest.split_inclusive('\n') {
        if regel.trim_end() == "+++" {
            return Ok((&rest[..positie], &rest[positie + regel.len()..]));
        }
        positie += regel.len();
    }
    Err(FrontMatterFout::GeenEinde)
}

fn tekst_waarde(tabel: &toml::Table, sleutel: &'static str) -> Result<String, FrontMatterFout> {
    match tabel.get(sleutel) {
        None => Err(FrontMatterFout::OntbrekendeSleutel(sleutel)),
        Some(toml::Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(FrontMatterFout::VerkeerdType { sleutel, verwacht: "tekst tussen aanhalingstekens" }),
    }
}

fn lijst_waarde(tabel: &toml::Table, sleutel: &'static str) -> Result<Vec<String>, FrontMatterFout> {
    let verkeerd = FrontMatterFout::VerkeerdType { sleutel, verwacht: "een lijst van teksten, bv. [\"a\", \"b\"]" };
    match tabel.get(sleutel) {
        None => Err(FrontMatterFout::OntbrekendeSleutel(sleutel)),
        Some(toml::Value::Array(lijst)) => {
            lijst.iter().map(|v| v.as_str().map(str::to_owned).ok_or(verkeerd.clone())).collect()
        }
        Some(_) => Err(verkeerd),
    }
}

fn toml_tekst(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn toml_lijst(lijst: &[String]) -> String {
    let delen: Vec<String> = lijst.iter().map(|s| toml_tekst(s)).collect();
    format!("[{}]", delen.join(", "))
}
