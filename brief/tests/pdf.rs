//! Rendered PDFs, read back with poppler's `pdftotext` and `pdfinfo` (Debian `poppler-utils`).

#![allow(clippy::unwrap_used)] // tests may unwrap

mod gemeen;

use brief::{Brief, render_een, render_pdf};
use gemeen::{MM_PER_PUNT, bewaar, paginas, tekst, tekst_in_vak, voorbeeld, weigering, woorden};

/// pdftotext spaces words by their position; compare with single spaces.
fn enkel(tekst: &str) -> String {
    tekst.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn lange_inhoud(alineas: usize) -> String {
    (1..=alineas)
        .map(|i| {
            format!("Alinea {i}: we volgen uw melding op en houden u op de hoogte van elke stap in het dossier.\n\n")
        })
        .collect()
}

#[test]
fn adres_referentie_datum_onderwerp_en_inhoud_staan_erin() {
    let pdf = bewaar(&render_een(&voorbeeld()).unwrap());
    let alles = enkel(&tekst(&pdf, None));
    for verwacht in [
        "Mevrouw Anaïs Verbeke",
        "Kerkstraat 12 bus 3",
        "9000 Gent",
        "Onze referentie: M-2027-00042",
        "Brussel, 3 maart 2027",
        "Uw melding over kinderdagverblijf De Rups",
        "het café–gebouw",
        "bekijken ze grondig en snel",
        "Meldpunt Kinderopvang – team Toezicht",
        "Joke Peeters dossierbeheerder team Toezicht",
        "Pagina 1 van 1",
    ] {
        assert!(alles.contains(verwacht), "{verwacht:?} ontbreekt in:\n{alles}");
    }
    assert_eq!(paginas(&pdf), 1);
}

#[test]
fn trema_en_gedachtestreepje_in_elk_veld() {
    let mut brief = voorbeeld();
    brief.onderwerp = "Ideeën – één voorstel".into();
    brief.inhoud_markdown = "Wij zijn **enthousiast** over uw ideeën – echt waar, ‘één’ keer.".into();
    let alles = enkel(&tekst(&bewaar(&render_een(&brief).unwrap()), None));
    assert!(alles.contains("Ideeën – één voorstel"), "{alles}");
    assert!(alles.contains("over uw ideeën – echt waar, ‘één’ keer."), "{alles}");
}

#[test]
fn vijandige_waarden_printen_letterlijk() {
    // `*x*` is emphasis in the markdown body; in the plain fields it must print as typed.
    let vijandig = [
        "#sys.exit()",
        "\\*x\\*",
        "$",
        "$x^2$",
        "#let x = 1",
        "#import \"@preview/cetz:0.3.0\": *",
        "@ref",
        "<label>",
        "]) #panic(\"weg\") [",
        "\\u{41}",
        "a // geen commentaar",
        "/* ook geen */",
        "#image(\"/etc/passwd\")",
        "= geen kop",
    ];
    let mut brief = voorbeeld();
    brief.adres[0] = "#set page(width: 1cm)".into();
    brief.onderwerp = "*x* _y_ $ #read(\"/etc/hostname\")".into();
    brief.referentie = "M-1 ]#panic()".into();
    brief.inhoud_markdown = vijandig.map(|v| format!("Waarde {v} einde")).join("\n\n");
    let pdf = bewaar(&render_een(&brief).unwrap());
    let alles = enkel(&tekst(&pdf, None));
    for waarde in vijandig {
        let verwacht = format!("Waarde {} einde", enkel(waarde).replace("\\*", "*"));
        assert!(alles.contains(&verwacht), "{verwacht:?} ontbreekt in:\n{alles}");
    }
    for verwacht in ["#set page(width: 1cm)", "*x* _y_ $ #read(\"/etc/hostname\")", "Onze referentie: M-1 ]#panic()"] {
        assert!(alles.contains(verwacht), "{verwacht:?} ontbreekt in:\n{alles}");
    }
    assert_eq!(paginas(&pdf), 1);
}

#[test]
fn markdown_structuur_wordt_opmaak() {
    let mut brief = voorbeeld();
    brief.inhoud_markdown = "## Wat nu?\n\nLees [onze uitleg](https://www.example.be/uitleg).\n\n\
        > Een citaat.\n\n1. eerst\n2. dan\n\n<b>geen html</b>"
        .into();
    let alles = enkel(&tekst(&bewaar(&render_een(&brief).unwrap()), None));
    for verwacht in [
        "Wat nu?",
        "Lees onze uitleg (https://www.example.be/uitleg).",
        "Een citaat.",
        "1. eerst",
        "2. dan",
        "<b>geen html</b>",
    ] {
        assert!(alles.contains(verwacht), "{verwacht:?} ontbreekt in:\n{alles}");
    }
}

#[test]
fn lange_brief_heeft_twee_genummerde_paginas() {
    let mut brief = voorbeeld();
    brief.inhoud_markdown = lange_inhoud(40);
    let pdf = bewaar(&render_een(&brief).unwrap());
    assert_eq!(paginas(&pdf), 2);
    assert!(enkel(&tekst(&pdf, Some(1))).contains("M-2027-00042 Pagina 1 van 2"));
    assert!(enkel(&tekst(&pdf, Some(2))).contains("M-2027-00042 Pagina 2 van 2"));
}

#[test]
fn reeks_van_drie_brieven_is_een_pdf_met_nummering_per_brief() {
    let brief = |referentie: &str, alineas: usize| Brief {
        referentie: referentie.into(),
        inhoud_markdown: lange_inhoud(alineas),
        ..voorbeeld()
    };
    let reeks = [brief("M-2027-00001", 3), brief("M-2027-00002", 40), brief("M-2027-00003", 3)];
    let pdf = bewaar(&render_pdf(&reeks).unwrap());
    assert_eq!(paginas(&pdf), 4);
    let verwacht = [
        "M-2027-00001 Pagina 1 van 1",
        "M-2027-00002 Pagina 1 van 2",
        "M-2027-00002 Pagina 2 van 2",
        "M-2027-00003 Pagina 1 van 1",
    ];
    for (index, voet) in verwacht.iter().enumerate() {
        let pagina = enkel(&tekst(&pdf, Some(index + 1)));
        assert!(pagina.ends_with(voet), "pagina {}: {pagina}", index + 1);
    }
    // Each letter starts on a page of its own, address first.
    for pagina in [1, 2, 4] {
        assert!(enkel(&tekst(&pdf, Some(pagina))).contains("Mevrouw Anaïs Verbeke"));
    }
    assert!(!enkel(&tekst(&pdf, Some(3))).contains("Mevrouw Anaïs Verbeke"));
}

#[test]
fn naam_van_de_ontvanger_staat_in_het_venster() {
    // The window of a DL envelope, DIN 5008 form B: 20 mm from the left, 45 mm from the top,
    // 90 x 45 mm (see sjabloon.typ).
    let (links, boven, breedte, hoogte) = (20.0, 45.0, 90.0, 45.0);
    let pdf = bewaar(&render_een(&voorbeeld()).unwrap());

    let woorden = woorden(&pdf, 1);
    for naam in ["Mevrouw", "Anaïs", "Verbeke", "9000", "Gent"] {
        let (_, [x0, y0, x1, y1]) = woorden.iter().find(|(w, _)| w == naam).unwrap();
        let [x0, y0, x1, y1] = [x0, y0, x1, y1].map(|p| p * MM_PER_PUNT);
        assert!(x0 >= links + 3.0 && x1 <= links + breedte - 3.0, "{naam}: x {x0:.1}–{x1:.1} mm");
        assert!(y0 >= boven + 3.0 && y1 <= boven + hoogte - 3.0, "{naam}: y {y0:.1}–{y1:.1} mm");
    }

    let venster = enkel(&tekst_in_vak(&pdf, 1, links, boven, breedte, hoogte));
    assert_eq!(venster, "Mevrouw Anaïs Verbeke Kerkstraat 12 bus 3 9000 Gent");
}

#[test]
fn te_hoog_adres_wordt_geweigerd() {
    let mut brief = voorbeeld();
    // Within the character limits, but wider than the 80 mm address field.
    brief.adres =
        vec!["MEVROUW WILHELMINA WOUTERS-VAN DE WALLE, MAMAWERK".into(), "1200 Sint-Lambrechts-Woluwe".into()];
    let fout = weigering(render_een(&brief));
    assert_eq!(fout, brief::BriefFout::AdresPastNiet { brief: 1 });
    assert!(fout.bericht().contains("venster"));

    // Six short lines fit.
    brief.adres = vec!["Regel".into(); 6];
    assert!(render_een(&brief).is_ok());
}

#[test]
fn diepe_nesting_en_lange_woorden_geven_gewoon_een_pdf() {
    let mut brief = voorbeeld();
    let lijsten: String = (0..60).map(|i| format!("{}- niveau {i}\n", "  ".repeat(i))).collect();
    brief.inhoud_markdown = format!("{}diep\n\n{lijsten}\n\nhttps://example.be/{}", ">".repeat(5000), "x".repeat(3000));
    let alles = enkel(&tekst(&bewaar(&render_een(&brief).unwrap()), None));
    assert!(alles.contains("diep"));
    assert!(alles.contains("niveau 59"));
}
