//! Front matter parsing, its Dutch errors, round-trip and slugs.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use std::path::Path;

use kennisbank::{Doelgroep, FrontMatterFout, Pagina, Slug, SlugFout, Soort, laad_map};

const GELDIG: &str = r#"+++
title = "Schorsing van de vergunning"
slug = "schorsing-vergunning"
summary = "Wat een \"schorsing\" inhoudt."
kind = "regelgeving"
audience = "intern"
regulation = "Besluit van de Vlaamse Regering van 11 december 2015 (handhaving)"
articles = ["art. 12"]
effective = "2016-04-01"
tags = ["handhaving", "schorsing"]
theme = "Handhaving"
+++
# Schorsing

Tekst met **nadruk**.
"#;

fn met(oud: &str, nieuw: &str) -> String {
    assert!(GELDIG.contains(oud), "{oud}");
    GELDIG.replacen(oud, nieuw, 1)
}

#[test]
fn geldige_pagina() {
    let p = Pagina::parse(GELDIG).unwrap();
    assert_eq!(p.slug.as_str(), "schorsing-vergunning");
    assert_eq!(p.titel, "Schorsing van de vergunning");
    assert_eq!(p.samenvatting, "Wat een \"schorsing\" inhoudt.");
    assert_eq!(p.soort, Soort::Regelgeving);
    assert_eq!(p.publiek, Doelgroep::Intern);
    assert_eq!(p.artikels, vec!["art. 12"]);
    assert_eq!(p.geldig_vanaf.to_string(), "2016-04-01");
    assert_eq!(p.tags, vec!["handhaving", "schorsing"]);
    assert_eq!(p.thema, "Handhaving");
    assert_eq!(p.inhoud, "# Schorsing\n\nTekst met **nadruk**.\n");
}

#[test]
fn lege_regelgeving_en_artikels_en_crlf() {
    let tekst =
        met("regulation = \"Besluit van de Vlaamse Regering van 11 december 2015 (handhaving)\"", "regulation = \"\"")
            .replace("articles = [\"art. 12\"]", "articles = []")
            .replace('\n', "\r\n");
    let p = Pagina::parse(&tekst).unwrap();
    assert_eq!(p.regelgeving, "");
    assert!(p.artikels.is_empty());
    assert!(p.inhoud.starts_with("# Schorsing"));
}

#[test]
fn datum_mag_ook_een_toml_datum_zijn() {
    let p = Pagina::parse(&met("effective = \"2016-04-01\"", "effective = 2016-04-01")).unwrap();
    assert_eq!(p.geldig_vanaf.to_string(), "2016-04-01");
}

#[test]
fn elke_fout_heeft_een_duidelijke_melding() {
    let gevallen: Vec<(String, FrontMatterFout, &str)> = vec![
        (GELDIG.replacen("+++\n", "", 1), FrontMatterFout::GeenBegin, "moet beginnen met een regel `+++`"),
        (GELDIG.replacen("+++\n#", "#", 1), FrontMatterFout::GeenEinde, "niet afgesloten"),
        (met("title = ", "# title = "), FrontMatterFout::OntbrekendeSleutel("title"), "sleutel `title` ontbreekt"),
        (met("theme = ", "# theme = "), FrontMatterFout::OntbrekendeSleutel("theme"), "`theme` ontbreekt"),
        (
            met("schorsing-vergunning\"", "Schorsing_Vergunning\""),
            SlugFout("Schorsing_Vergunning".into()).into(),
            "ongeldige slug",
        ),
        (met("2016-04-01", "01/04/2016"), FrontMatterFout::OngeldigeDatum("01/04/2016".into()), "JJJJ-MM-DD"),
        (met("2016-04-01", "2016-02-30"), FrontMatterFout::OngeldigeDatum("2016-02-30".into()), "ongeldige datum"),
        (met("\"regelgeving\"", "\"wet\""), FrontMatterFout::OnbekendeSoort("wet".into()), "kies \"regelgeving\""),
        (
            met("\"intern\"", "\"iedereen\""),
            FrontMatterFout::OnbekendeDoelgroep("iedereen".into()),
            "\"intern\" of \"publiek\"",
        ),
        (met("theme = ", "thema = "), FrontMatterFout::OnbekendeSleutel("thema".into()), "onbekende sleutel `thema`"),
        (
            met("title = \"Schorsing van de vergunning\"", "title = \" \""),
            FrontMatterFout::Leeg("title"),
            "mag niet leeg",
        ),
        (
            met("tags = [\"handhaving\", \"schorsing\"]", "tags = \"handhaving\""),
            FrontMatterFout::VerkeerdType { sleutel: "tags", verwacht: "een lijst van teksten, bv. [\"a\", \"b\"]" },
            "moet een lijst",
        ),
    ];
    for (tekst, verwacht, in_melding) in gevallen {
        let fout = Pagina::parse(&tekst).unwrap_err();
        assert_eq!(fout, verwacht);
        assert!(fout.to_string().contains(in_melding), "{fout}");
    }
    let fout = Pagina::parse(&met("title = \"Schorsing van de vergunning\"", "title = \"open")).unwrap_err();
    assert!(matches!(fout, FrontMatterFout::Toml(_)), "{fout:?}");
    assert!(fout.to_string().starts_with("de kop is geen geldige TOML"));
}

#[test]
fn heen_en_terug() {
    let p = Pagina::parse(GELDIG).unwrap();
    let tekst = p.naar_tekst();
    assert_eq!(Pagina::parse(&tekst).unwrap(), p);
    let mut lastig = p.clone();
    lastig.titel = "Aanhalingstekens \" en \\ en 'apostrof' en\nnieuwe regel".into();
    lastig.tags = vec![];
    lastig.inhoud = "+++\nnog een kop in de tekst\n".into();
    assert_eq!(Pagina::parse(&lastig.naar_tekst()).unwrap(), lastig);
}

#[test]
fn slugs() {
    for goed in ["a", "schorsing-vergunning", "art-12", "2024"] {
        assert!(Slug::parse(goed).is_ok(), "{goed}");
    }
    for fout in ["", "-a", "a-", "a--b", "A", "é", "a_b", "a b", "a/b", "../x"] {
        assert!(Slug::parse(fout).is_err(), "{fout}");
    }
    let json = "\"Niet Geldig\"";
    assert!(serde_json_like_parse(json).is_err());
}

/// Deserialising a slug validates it too (round-trip through TOML, which the crate already uses).
fn serde_json_like_parse(tekst: &str) -> Result<Slug, toml::de::Error> {
    #[derive(serde::Deserialize)]
    struct Omhulsel {
        #[allow(dead_code)]
        slug: Slug,
    }
    toml::from_str::<Omhulsel>(&format!("slug = {tekst}")).map(|o| o.slug)
}

#[test]
fn fixtures_laden() {
    let paginas = laad_map(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")).unwrap();
    let slugs: Vec<&str> = paginas.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, vec!["aanmaning", "melding-doen", "schorsing-vergunning"]);
}
