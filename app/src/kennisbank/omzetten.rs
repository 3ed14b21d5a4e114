//! Conversions between the engine's `Pagina`, the stored rows and the editor's form.

use super::fout::KennisFout;
use super::model::BewerkInvoer;
use super::repo::{Inhoud, PaginaDb};
use chrono::NaiveDate;
use kennisbank::{Doelgroep, Pagina, Slug, Soort};

pub fn soort_van(tekst: &str) -> Option<Soort> {
    [Soort::Regelgeving, Soort::Procedure, Soort::Faq].into_iter().find(|s| s.als_tekst() == tekst)
}

pub fn doelgroep_van(tekst: &str) -> Option<Doelgroep> {
    [Doelgroep::Intern, Doelgroep::Publiek].into_iter().find(|d| d.als_tekst() == tekst)
}

/// A stored row as an engine page.
pub fn pagina_uit_db(r: &PaginaDb) -> Result<Pagina, KennisFout> {
    let fout = |reden: &str| KennisFout::Inconsistent { slug: r.slug.clone(), reden: reden.to_string() };
    Ok(Pagina {
        slug: Slug::parse(&r.slug).map_err(|e| fout(&e.to_string()))?,
        titel: r.titel.clone(),
        samenvatting: r.samenvatting.clone(),
        soort: soort_van(&r.soort).ok_or_else(|| fout("soort"))?,
        publiek: doelgroep_van(&r.doelgroep).ok_or_else(|| fout("doelgroep"))?,
        regelgeving: r.regelgeving.clone(),
        artikels: r.artikels.clone(),
        geldig_vanaf: NaiveDate::parse_from_str(&r.geldig_vanaf, "%Y-%m-%d").map_err(|_| fout("geldig_vanaf"))?,
        tags: r.tags.clone(),
        thema: r.thema.clone(),
        inhoud: r.markdown.clone(),
    })
}

/// The copy the search index holds: an unpublished page is never found by the public.
pub fn voor_index(r: &PaginaDb) -> Result<Pagina, KennisFout> {
    let mut p = pagina_uit_db(r)?;
    if !r.gepubliceerd {
        p.publiek = Doelgroep::Intern;
    }
    Ok(p)
}

pub fn inhoud_uit_pagina(p: &Pagina) -> Inhoud {
    Inhoud {
        slug: p.slug.to_string(),
        titel: p.titel.clone(),
        samenvatting: p.samenvatting.clone(),
        soort: p.soort.als_tekst().to_string(),
        doelgroep: p.publiek.als_tekst().to_string(),
        regelgeving: p.regelgeving.clone(),
        artikels: p.artikels.clone(),
        geldig_vanaf: p.geldig_vanaf.format("%Y-%m-%d").to_string(),
        tags: p.tags.clone(),
        thema: p.thema.clone(),
        markdown: p.inhoud.clone(),
    }
}

/// The editor's fields for a stored page.
pub fn invoer_uit_db(r: &PaginaDb) -> BewerkInvoer {
    BewerkInvoer {
        titel: r.titel.clone(),
        samenvatting: r.samenvatting.clone(),
        soort: r.soort.clone(),
        doelgroep: r.doelgroep.clone(),
        regelgeving: r.regelgeving.clone(),
        artikels: r.artikels.join(", "),
        geldig_vanaf: r.geldig_vanaf.clone(),
        tags: r.tags.join(", "),
        thema: r.thema.clone(),
        inhoud: r.markdown.clone(),
        revisie: r.revisie.to_string(),
        wijziging: String::new(),
    }
}

pub const MAX_INHOUD: usize = 100_000;
const MAX_KORT: usize = 300;

fn lijst(tekst: &str) -> Vec<String> {
    tekst.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// Parses the editor's fields into a page; messages per field, in Dutch.
pub fn pagina_uit_invoer(slug: &str, i: &BewerkInvoer) -> Result<Pagina, crate::gemeen::Veldfouten> {
    let mut fouten = crate::gemeen::Veldfouten::default();
    let mut fout = |veld: &str, m: &str| {
        fouten.zet(veld, m);
    };
    let kort = |t: &str| t.chars().count() <= MAX_KORT;
    if i.titel.trim().is_empty() {
        fout("titel", "Geef de pagina een titel.");
    } else if !kort(&i.titel) {
        fout("titel", "Een titel heeft hoogstens 300 tekens.");
    }
    if i.samenvatting.chars().count() > 1_000 {
        fout("samenvatting", "Een samenvatting heeft hoogstens 1000 tekens.");
    }
    let soort = soort_van(&i.soort);
    if soort.is_none() {
        fout("soort", "Kies de soort pagina.");
    }
    let doelgroep = doelgroep_van(&i.doelgroep);
    if doelgroep.is_none() {
        fout("doelgroep", "Kies wie de pagina mag lezen.");
    }
    let datum = NaiveDate::parse_from_str(i.geldig_vanaf.trim(), "%Y-%m-%d").ok();
    if datum.is_none() {
        fout("geldig_vanaf", "Geef een geldige datum, bijvoorbeeld 2024-04-19.");
    }
    if i.thema.trim().is_empty() {
        fout("thema", "Geef een thema, bijvoorbeeld Handhaving.");
    }
    if i.inhoud.trim().is_empty() {
        fout("inhoud", "De tekst van de pagina is leeg.");
    } else if i.inhoud.chars().count() > MAX_INHOUD {
        fout("inhoud", "De tekst is te lang (hoogstens 100 000 tekens).");
    }
    let slug = Slug::parse(slug);
    if slug.is_err() {
        fout("slug", "Deze pagina heeft een ongeldig adres.");
    }
    match (slug, soort, doelgroep, datum) {
        (Ok(slug), Some(soort), Some(publiek), Some(geldig_vanaf)) if fouten.is_empty() => Ok(Pagina {
            slug,
            titel: i.titel.trim().to_string(),
            samenvatting: i.samenvatting.trim().to_string(),
            soort,
            publiek,
            regelgeving: i.regelgeving.trim().to_string(),
            artikels: lijst(&i.artikels),
            geldig_vanaf,
            tags: lijst(&i.tags),
            thema: i.thema.trim().to_string(),
            inhoud: i.inhoud.replace("\r\n", "\n"),
        }),
        _ => Err(fouten),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invoer() -> BewerkInvoer {
        BewerkInvoer {
            titel: "Schorsing".into(),
            soort: "faq".into(),
            doelgroep: "publiek".into(),
            geldig_vanaf: "2024-04-19".into(),
            tags: " schorsing, , vergunning ".into(),
            thema: "Handhaving".into(),
            inhoud: "Tekst\r\nmet regels".into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_form_becomes_a_page_that_round_trips() {
        let p = pagina_uit_invoer("schorsing", &invoer()).unwrap();
        assert_eq!(p.tags, vec!["schorsing", "vergunning"]);
        assert_eq!(p.inhoud, "Tekst\nmet regels");
        assert_eq!(Pagina::parse(&p.naar_tekst()).unwrap(), p);
    }

    #[test]
    fn every_wrong_field_gets_its_own_message() {
        let fout = BewerkInvoer { titel: " ".into(), geldig_vanaf: "19/04/2024".into(), soort: "x".into(), ..invoer() };
        let fouten = pagina_uit_invoer("Slecht Adres", &fout).unwrap_err();
        for veld in ["titel", "geldig_vanaf", "soort", "slug"] {
            assert!(fouten.get(veld).is_some(), "{veld}: {fouten:?}");
        }
    }
}
