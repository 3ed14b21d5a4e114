//! The tantivy engine: Dutch word forms, typos, prefixes, ranking, filters and live updates.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use chrono::NaiveDate;
use kennisbank::zoek::{TantivyZoeker, Treffer, Zoekmachine, Zoekvraag};
use kennisbank::{Doelgroep, Pagina, Slug, Soort};

fn pagina(slug: &str, titel: &str, inhoud: &str, publiek: bool) -> Pagina {
    Pagina {
        slug: Slug::parse(slug).unwrap(),
        titel: titel.into(),
        samenvatting: String::new(),
        soort: Soort::Procedure,
        publiek: if publiek { Doelgroep::Publiek } else { Doelgroep::Intern },
        regelgeving: String::new(),
        artikels: vec![],
        geldig_vanaf: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
        tags: vec![],
        thema: String::new(),
        inhoud: inhoud.into(),
    }
}

/// One page per word, plus filler pages so that document frequencies are realistic.
fn zoeker_met_woorden(woorden: &[&str]) -> TantivyZoeker {
    let mut paginas: Vec<Pagina> = woorden
        .iter()
        .map(|w| pagina(&format!("p-{w}"), "Pagina", &format!("Hier staat het woord {w} in een zin."), true))
        .collect();
    for i in 0..5 {
        paginas.push(pagina(&format!("vulling-{i}"), "Vulling", "De kinderopvang is open van acht tot zes.", true));
    }
    TantivyZoeker::bouw(&paginas).unwrap()
}

fn slugs(t: &[Treffer]) -> Vec<&str> {
    t.iter().map(|t| t.slug.as_str()).collect()
}

fn vind(z: &TantivyZoeker, tekst: &str) -> Vec<String> {
    z.zoek(&Zoekvraag::intern(tekst)).unwrap().into_iter().map(|t| t.slug.to_string()).collect()
}

#[test]
fn woordvormen_vinden_elkaar() {
    let families: &[&[&str]] = &[
        &["schorsing", "geschorst", "schorsen", "schorsingen"],
        &["sluiting", "gesloten", "sluiten"],
        &["aanmaning", "aangemaand"],
        &["melding", "gemeld", "melden"],
        &["vergunning", "vergund"],
        &["intrekking", "ingetrokken"],
        &["opheffing", "opgeheven"],
    ];
    let alle: Vec<&str> = families.iter().flat_map(|f| f.iter().copied()).collect();
    let z = zoeker_met_woorden(&alle);
    for familie in families {
        for vraag in *familie {
            let gevonden = vind(&z, &format!("{vraag} "));
            for lid in *familie {
                assert!(gevonden.contains(&format!("p-{lid}")), "`{vraag}` vindt `{lid}` niet: {gevonden:?}");
            }
            assert!(gevonden.iter().all(|g| familie.iter().any(|l| *g == format!("p-{l}"))), "{vraag}: {gevonden:?}");
        }
    }
}

#[test]
fn tikfouten_volgens_woordlengte() {
    let z = zoeker_met_woorden(&["kind", "boete", "aanmaning", "verslag"]);
    // 4 letters: no typo allowed (the trailing space ends the word, so no prefix either).
    assert!(vind(&z, "kinf ").is_empty());
    assert_eq!(vind(&z, "kind "), vec!["p-kind"]);
    // 5 letters: one typo, a swap counts as one.
    assert_eq!(vind(&z, "boetr "), vec!["p-boete"]);
    assert_eq!(vind(&z, "beote "), vec!["p-boete"]);
    assert!(vind(&z, "baetr ").is_empty(), "two typos in a 5-letter word");
    // 8 letters: still one.
    assert!(vind(&z, "verslga ").contains(&"p-verslag".to_owned()));
    assert!(vind(&z, "vursalg ").is_empty());
    // 9 letters: two typos.
    assert_eq!(vind(&z, "aanmenink "), vec!["p-aanmaning"]);
    assert!(vind(&z, "eenmenink ").is_empty(), "three typos");
}

#[test]
fn laatste_woord_als_prefix() {
    let z = zoeker_met_woorden(&["kinderbegeleider", "vergunning"]);
    assert_eq!(vind(&z, "kinderbeg"), vec!["p-kinderbegeleider"]);
    assert!(vind(&z, "kinderbeg ").is_empty(), "a finished word is no prefix");
    assert_eq!(vind(&z, "woord vergu"), vec!["p-vergunning"]);
}

#[test]
fn titel_boven_inhoud() {
    let paginas = vec![
        pagina("in-inhoud", "Algemene info", "Een tekst over de schorsing van een opvang en nog veel meer.", false),
        pagina("in-titel", "Schorsing", "Een tekst over iets anders dan het woord in de titel.", false),
        pagina("nergens", "Melding", "Niets.", false),
    ];
    let z = TantivyZoeker::bouw(&paginas).unwrap();
    let t = z.zoek(&Zoekvraag::intern("geschorst")).unwrap();
    assert_eq!(slugs(&t), vec!["in-titel", "in-inhoud"]);
    assert!(t[0].score > t[1].score);
    assert_eq!(t[1].fragment_html, "Een tekst over de <mark>schorsing</mark> van een opvang en nog veel meer.");
    assert_eq!(t[0].titel, "Schorsing");
}

#[test]
fn publiek_ziet_geen_interne_paginas() {
    let paginas = vec![
        pagina("intern-a", "Schorsing intern", "Interne werkwijze bij schorsing.", false),
        pagina("publiek-a", "Schorsing uitgelegd", "Wat een schorsing betekent.", true),
    ];
    let z = TantivyZoeker::bouw(&paginas).unwrap();
    assert_eq!(slugs(&z.zoek(&Zoekvraag::publiek("schorsing")).unwrap()), vec!["publiek-a"]);
    assert_eq!(z.zoek(&Zoekvraag::intern("schorsing")).unwrap().len(), 2);
    // Also when only the internal page matches, and for the empty query with a filter.
    assert!(z.zoek(&Zoekvraag::publiek("werkwijze")).unwrap().is_empty());
    assert!(z.zoek(&Zoekvraag::publiek("interne werkwijze")).unwrap().is_empty(), "no leak through the OR fallback");
}

#[test]
fn filters_op_tag_en_regelgeving() {
    let mut a = pagina("a", "Schorsing A", "schorsing", false);
    a.tags = vec!["Handhaving".into()];
    a.regelgeving = "Besluit van 11 december 2015 (handhaving)".into();
    let mut b = pagina("b", "Schorsing B", "schorsing", false);
    b.tags = vec!["vergunning".into()];
    b.regelgeving = "Decreet van 20 april 2012".into();
    let z = TantivyZoeker::bouw(&[a, b]).unwrap();
    let mut vraag = Zoekvraag::intern("schorsing");
    vraag.tag = Some("handhaving".into());
    assert_eq!(slugs(&z.zoek(&vraag).unwrap()), vec!["a"]);
    vraag.tag = None;
    vraag.regelgeving = Some("decreet van 20 april 2012".into());
    assert_eq!(slugs(&z.zoek(&vraag).unwrap()), vec!["b"]);
    vraag.tekst = String::new();
    assert_eq!(slugs(&z.zoek(&vraag).unwrap()), vec!["b"], "filter alone lists the pages");
    assert!(z.zoek(&Zoekvraag::intern("")).unwrap().is_empty());
}

#[test]
fn bijwerken_en_verwijderen_gelden_meteen() {
    let mut z = TantivyZoeker::bouw(&[pagina("a", "Aanmaning", "Eerste versie.", true)]).unwrap();
    assert!(vind(&z, "brandveiligheid").is_empty());
    z.bijwerken(&pagina("a", "Aanmaning", "Nu ook over brandveiligheid.", true)).unwrap();
    assert_eq!(vind(&z, "brandveiligheid"), vec!["a"]);
    assert_eq!(z.aantal(), 1, "replaced, not added");
    z.bijwerken(&pagina("b", "Nieuw", "Ook brandveiligheid.", true)).unwrap();
    assert_eq!(vind(&z, "brandveiligheid").len(), 2);
    z.verwijder(&Slug::parse("a").unwrap()).unwrap();
    assert_eq!(vind(&z, "brandveiligheid"), vec!["b"]);
    z.verwijder(&Slug::parse("bestaat-niet").unwrap()).unwrap();
    // Audience change takes effect at once too.
    z.bijwerken(&pagina("b", "Nieuw", "Ook brandveiligheid.", false)).unwrap();
    assert!(z.zoek(&Zoekvraag::publiek("brandveiligheid")).unwrap().is_empty());
}

#[test]
fn limiet_en_fragment_escapet() {
    let paginas: Vec<Pagina> =
        (0..20).map(|i| pagina(&format!("p{i}"), "Melding", "Een <script>melding</script> & meer.", true)).collect();
    let z = TantivyZoeker::bouw(&paginas).unwrap();
    let mut vraag = Zoekvraag::publiek("melding");
    vraag.limiet = 3;
    let t = z.zoek(&vraag).unwrap();
    assert_eq!(t.len(), 3);
    vraag.limiet = 0;
    assert_eq!(z.zoek(&vraag).unwrap().len(), 1);
    assert!(!t[0].fragment_html.contains("<script"), "{}", t[0].fragment_html);
}

#[test]
fn tikfout_rangschikt_zoals_de_juiste_spelling() {
    let paginas = vec![
        pagina(
            "terloops",
            "Algemeen",
            "Ook het hoorrecht komt even aan bod, naast veel andere zaken in deze tekst.",
            false,
        ),
        pagina(
            "hoorrecht",
            "Het hoorrecht",
            "Het hoorrecht: de organisator wordt gehoord. Het hoorrecht geldt altijd.",
            false,
        ),
    ];
    let z = TantivyZoeker::bouw(&paginas).unwrap();
    assert_eq!(vind(&z, "hoorecht "), vec!["hoorrecht", "terloops"]);
    assert_eq!(vind(&z, "hoorr"), vec!["hoorrecht", "terloops"], "completion is ranked the same way");
}
