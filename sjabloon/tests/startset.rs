//! The starter set in `content/sjablonen/`: every file is a valid template named after its slug,
//! and the set covers what the team writes every week.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

use sjabloon::{Gebeurtenis, Kanaal, Publiek, Sjabloon, lees, naar_bestand, open_plekken};
use std::path::Path;

fn startset() -> Vec<(String, Sjabloon)> {
    let map = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/sjablonen");
    let mut uit = Vec::new();
    for bestand in std::fs::read_dir(&map).unwrap() {
        let pad = bestand.unwrap().path();
        if pad.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        let tekst = std::fs::read_to_string(&pad).unwrap();
        let naam = pad.file_stem().unwrap().to_string_lossy().into_owned();
        match lees(&tekst) {
            Ok(s) => uit.push((naam, s)),
            Err(f) => panic!("{naam}: {}", f.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")),
        }
    }
    uit.sort_by(|a, b| a.0.cmp(&b.0));
    uit
}

#[test]
fn every_starter_template_reads_back_and_is_named_after_its_slug() {
    let set = startset();
    assert!(set.len() >= 15, "only {} templates", set.len());
    for (naam, s) in &set {
        assert_eq!(&s.slug, naam);
        assert_eq!(&lees(&naar_bestand(s)).unwrap(), s, "{naam} does not survive an export");
    }
}

#[test]
fn the_starter_set_covers_the_weekly_letters() {
    let set = startset();
    let slugs: Vec<&str> = set.iter().map(|(n, _)| n.as_str()).collect();
    for nodig in [
        "ontvangstbevestiging-melding",
        "ontvangstbevestiging-vraag",
        "ontvangstbevestiging-klacht",
        "vraag-bijkomende-informatie",
        "wachtbericht-verlenging",
        "terugkoppeling-melding",
        "doorverwijzing",
        "antwoord-op-vraag",
        "brief-organisator-informatievraag",
        "brief-organisator-kennisgeving-melding",
        "handhaving-aanmaning",
        "handhaving-beslissing",
        "handhaving-bericht-ouders",
    ] {
        assert!(slugs.contains(&nodig), "missing {nodig}");
    }
    // The acknowledgement of a melding goes out by itself, without a second reader.
    let (_, ontvangst) = set.iter().find(|(n, _)| n == "ontvangstbevestiging-melding").unwrap();
    assert_eq!(ontvangst.automatisch, Some(Gebeurtenis::MeldingOntvangen));
    assert!(!ontvangst.tweede_lezer);
    assert_eq!(set.iter().filter(|(_, s)| s.automatisch.is_some()).count(), 1);
    // Outcomes and letters to organisers are read by a colleague first.
    let (_, uitkomst) = set.iter().find(|(n, _)| n == "terugkoppeling-melding").unwrap();
    assert!(uitkomst.tweede_lezer);
    let brieven: Vec<_> = set.iter().filter(|(_, s)| s.publiek == Publiek::Organisator).collect();
    assert!(!brieven.is_empty());
    assert!(brieven.iter().all(|(_, s)| s.tweede_lezer && s.kanaal != Kanaal::Email));
}

#[test]
fn the_automatic_acknowledgement_has_nothing_left_to_fill_in() {
    let set = startset();
    let (_, s) = set.iter().find(|(_, s)| s.automatisch.is_some()).unwrap();
    let tekst = s.inhoud.vul_in(&|v: &str| Some(format!("<{v}>")), sjabloon::Ontsnapping::Geen);
    let open = open_plekken(&tekst);
    assert!(open.is_empty(), "an automatic message cannot wait for a person: {open:?}");
    assert!(tekst.contains("<melding.referentie>"), "{tekst}");
}

#[test]
fn the_starter_set_is_written_plainly() {
    use sjabloon::schrijfhulp::{STANDAARD_JARGON, Soort, beoordeel};
    let set = startset();
    assert!(!set.is_empty());
    for (naam, s) in &set {
        let a = beoordeel(s.inhoud.bron(), STANDAARD_JARGON);
        let score = a.score.unwrap();
        println!("{naam}: {score:.0} ({} zinnen, {} woorden)", a.zinnen, a.woorden);
        let ernstig: Vec<String> = a
            .opmerkingen
            .iter()
            .filter(|o| matches!(o.soort, Soort::LangeZin { .. } | Soort::Jargon { .. }))
            .map(ToString::to_string)
            .collect();
        assert!(ernstig.is_empty(), "{naam}: {ernstig:?}");
        assert!(score >= 60.0, "{naam}: Flesch-Douma {score:.0}");
    }
}
