//! Template files: front matter, its Dutch errors, body line numbers, export round trip.

#![allow(clippy::unwrap_used)] // tests may unwrap

use sjabloon::{Gebeurtenis, Kanaal, Ontsnapping, Publiek, Sjabloon, Zaaksoort, lees, naar_bestand, ontleed};

/// Already in the canonical export form, so `naar_bestand` must give it back unchanged.
const MELDING: &str = r#"+++
title = "Ontvangstbevestiging van een melding"
slug = "ontvangstbevestiging-melding"
channel = "email"
audience = "melder"
second_reader = false
automatic = "melding-ontvangen"
case_types = ["melding"]
subject = "We hebben uw melding {{melding.referentie}} goed ontvangen"
+++
Beste {{#als melder.naam}}{{melder.naam}}{{#anders}}melder{{/als}},

We ontvingen uw melding op {{melding.ontvangen}}.
{{#als locatie.naam}}
Ze gaat over {{locatie.naam}}.
{{/als}}

[[Schrijf hier een persoonlijke zin.]]

Met vriendelijke groeten
{{team.naam}}
"#;

fn met(oud: &str, nieuw: &str) -> String {
    assert!(MELDING.contains(oud), "{oud}");
    MELDING.replacen(oud, nieuw, 1)
}

fn boodschappen(bestand: &str) -> Vec<String> {
    lees(bestand).unwrap_err().iter().map(ToString::to_string).collect()
}

#[test]
fn geldig_sjabloon() {
    let s = lees(MELDING).unwrap();
    assert_eq!(s.titel, "Ontvangstbevestiging van een melding");
    assert_eq!(s.slug, "ontvangstbevestiging-melding");
    assert_eq!(s.kanaal, Kanaal::Email);
    assert_eq!(s.publiek, Publiek::Melder);
    assert!(!s.tweede_lezer);
    assert_eq!(s.automatisch, Some(Gebeurtenis::MeldingOntvangen));
    assert_eq!(s.zaaksoorten, vec![Zaaksoort::Melding]);
    assert!(s.inhoud.bron().starts_with("Beste {{#als"));
    let waarden = |veld: &str| (veld == "melding.referentie").then(|| "M-7".to_owned());
    assert_eq!(s.onderwerp.onderwerp(&waarden), "We hebben uw melding M-7 goed ontvangen");
    let brief = s.inhoud.vul_in(&|veld| (veld == "team.naam").then(|| "Team Oost".to_owned()), Ontsnapping::Markdown);
    assert_eq!(
        brief,
        "Beste melder,\n\nWe ontvingen uw melding op .\n\n[[Schrijf hier een persoonlijke zin.]]\n\n\
         Met vriendelijke groeten\nTeam Oost\n"
    );
}

#[test]
fn optionele_sleutels_en_bom() {
    let tekst = met("automatic = \"melding-ontvangen\"\ncase_types = [\"melding\"]\n", "");
    let s = lees(&format!("\u{feff}{tekst}")).unwrap();
    assert_eq!(s.automatisch, None);
    assert!(s.zaaksoorten.is_empty());
}

#[test]
fn export_geeft_het_bestand_terug() {
    let s = lees(MELDING).unwrap();
    assert_eq!(naar_bestand(&s), MELDING);
    assert_eq!(lees(&naar_bestand(&s)).unwrap(), s);
}

#[test]
fn export_heen_en_terug_met_lastige_tekens() {
    let s = Sjabloon {
        titel: "Brief \"dringend\" \\ met 'quotes' en é".into(),
        slug: "a-0".into(),
        kanaal: Kanaal::Beide,
        publiek: Publiek::Ouders,
        tweede_lezer: true,
        automatisch: None,
        zaaksoorten: vec![Zaaksoort::Klacht, Zaaksoort::Vraag],
        onderwerp: ontleed("Betreft: {{ conclusie }} \"x\" +++").unwrap(),
        inhoud: ontleed("+++\r\n{{#als conclusie = \"a\"}}\r\nx\r\n{{/als}}\r\n\r\n+++\nslot zonder regeleinde")
            .unwrap(),
    };
    let bestand = naar_bestand(&s);
    assert_eq!(lees(&bestand).unwrap(), s);
    let leeg = Sjabloon { inhoud: ontleed("").unwrap(), ..s };
    assert_eq!(lees(&naar_bestand(&leeg)).unwrap(), leeg);
}

#[test]
fn serde_via_toml() {
    let s = lees(MELDING).unwrap();
    let tekst = toml::to_string(&s).unwrap();
    assert_eq!(toml::from_str::<Sjabloon>(&tekst).unwrap(), s);
    // Deserialising checks the template text again.
    let kapot = tekst.replace("{{team.naam}}", "{{team.nam}}");
    let fout = toml::from_str::<Sjabloon>(&kapot).unwrap_err().to_string();
    assert!(fout.contains("het invulveld {{team.nam}} bestaat niet. Bedoelde u {{team.naam}}?"), "{fout}");
}

#[test]
fn fouten_in_de_inhoud_krijgen_regelnummers_van_het_bestand() {
    let bestand = met("{{team.naam}}", "{{team.nam}}").replace("{{/als}}\n\n", "\n\n");
    assert_eq!(
        boodschappen(&bestand),
        vec![
            "Regel 14: {{#als locatie.naam}} wordt niet afgesloten met {{/als}}.",
            "Regel 21: het invulveld {{team.nam}} bestaat niet. Bedoelde u {{team.naam}}?",
        ]
    );
    let fouten = lees(&bestand).unwrap_err();
    assert_eq!((fouten[0].regel, fouten[0].kolom), (14, 1));
}

#[test]
fn fouten_in_het_onderwerp() {
    let bestand = met("{{melding.referentie}} goed", "{{melding.referetnie}} goed");
    let fouten = lees(&bestand).unwrap_err();
    assert_eq!((fouten[0].regel, fouten[0].kolom), (9, 33));
    assert_eq!(
        fouten[0].to_string(),
        "Regel 9, in subject: het invulveld {{melding.referetnie}} bestaat niet. Bedoelde u {{melding.referentie}}?"
    );
    let bestand = met("goed ontvangen\"", "goed\\nontvangen\"");
    assert_eq!(boodschappen(&bestand), vec!["Regel 9: subject moet op één regel passen."]);
}

#[test]
fn fouten_in_de_kop() {
    let gevallen = [
        ("channel = \"email\"", "channel = \"fax\"", "Regel 4: channel moet email, brief of beide zijn."),
        (
            "audience = \"melder\"",
            "audience = 3",
            "Regel 5: audience moet melder, organisator, ouders, dienst of expert zijn.",
        ),
        ("second_reader = false", "second_reader = \"nee\"", "Regel 6: second_reader moet true of false zijn."),
        (
            "automatic = \"melding-ontvangen\"",
            "automatic = \"klacht-ontvangen\"",
            "Regel 7: automatic moet melding-ontvangen zijn, of laat de sleutel weg.",
        ),
        ("title = \"Ontvangstbevestiging van een melding\"", "title = \" \"", "Regel 2: title mag niet leeg zijn."),
        (
            "title = \"Ontvangstbevestiging van een melding\"",
            "title = 1",
            "Regel 2: title moet tekst tussen aanhalingstekens zijn.",
        ),
        (
            "case_types = [\"melding\"]",
            "case_types = \"melding\"",
            "Regel 8: case_types moet een lijst zijn, bv. [\"melding\", \"klacht\"].",
        ),
        (
            "subject = \"We",
            "onderwerp = \"We",
            "Regel 9: onbekende sleutel 'onderwerp' in de kop; toegelaten zijn title, slug, channel, audience, second_reader, automatic, case_types en subject.",
        ),
    ];
    for (oud, nieuw, verwacht) in gevallen {
        let alle = boodschappen(&met(oud, nieuw));
        assert_eq!(alle.last().unwrap(), verwacht, "{nieuw}");
    }
    assert_eq!(lees(&met("channel = \"email\"", "channel = \"fax\"")).unwrap_err()[0].kolom, 11);
}

#[test]
fn ongeldige_slugs() {
    let boodschap = |slug: &str| {
        format!(
            "Regel 3: slug '{slug}' is ongeldig: gebruik 3 tot 80 tekens, alleen kleine letters zonder accenten, \
             cijfers en koppeltekens."
        )
    };
    let lang = "a".repeat(81);
    for slug in ["ab", "Hoofdletter", "met spatie", "één", lang.as_str()] {
        let bestand = met("\"ontvangstbevestiging-melding\"", &format!("\"{slug}\""));
        assert_eq!(boodschappen(&bestand), vec![boodschap(slug)]);
    }
    assert!(lees(&met("\"ontvangstbevestiging-melding\"", &format!("\"{}\"", "a".repeat(80)))).is_ok());
}

#[test]
fn zaaksoorten_onbekend_en_dubbel() {
    let bestand = met("[\"melding\"]", "[\"melding\", \"klachten\", 7, \"melding\"]");
    assert_eq!(
        boodschappen(&bestand),
        vec![
            "Regel 8: case_types bevat 'klachten'; kies uit melding, vraag of klacht.",
            "Regel 8: case_types bevat '7'; kies uit melding, vraag of klacht.",
            "Regel 8: case_types bevat 'melding' meer dan eens.",
        ]
    );
    let kolommen: Vec<usize> = lees(&bestand).unwrap_err().iter().map(|f| f.kolom).collect();
    assert_eq!(kolommen, vec![26, 38, 41]);
}

#[test]
fn ontbrekende_sleutels_zonder_regelnummer() {
    let bestand = met("title = \"Ontvangstbevestiging van een melding\"\n", "").replace("subject = ", "sujet = ");
    let fouten = lees(&bestand).unwrap_err();
    let tekst: Vec<String> = fouten.iter().map(ToString::to_string).collect();
    assert_eq!(
        tekst,
        vec![
            "De kop mist 'title'.",
            "De kop mist 'subject'.",
            "Regel 8: onbekende sleutel 'sujet' in de kop; toegelaten zijn title, slug, channel, audience, \
             second_reader, automatic, case_types en subject.",
        ]
    );
    assert_eq!((fouten[0].regel, fouten[0].kolom), (0, 0));
}

#[test]
fn kop_en_inhoud_samen_gemeld() {
    let bestand = met("channel = \"email\"", "channel = \"post\"").replace("{{team.naam}}", "{{/als}}");
    assert_eq!(
        boodschappen(&bestand),
        vec!["Regel 4: channel moet email, brief of beide zijn.", "Regel 21: {{/als}} sluit geen blok."]
    );
}

#[test]
fn kapotte_kop() {
    assert_eq!(
        boodschappen("title = \"x\"\n+++\nBeste"),
        vec!["Regel 1: het bestand moet beginnen met een regel '+++', gevolgd door de kop (title, slug, …)."]
    );
    assert_eq!(
        boodschappen("+++\ntitle = \"x\"\nBeste"),
        vec!["Regel 1: de kop wordt niet afgesloten met een regel '+++'."]
    );
    let toml = boodschappen(&met("slug = \"ontvangstbevestiging-melding\"", "slug = ontvangstbevestiging"));
    assert_eq!(toml.len(), 1, "{toml:?}");
    assert!(toml[0].starts_with("Regel 3: de kop is geen geldige TOML ("), "{}", toml[0]);
    // A duplicate key is a TOML error too.
    let dubbel = boodschappen(&met("slug = ", "title = \"nog eens\"\nslug = "));
    assert!(dubbel[0].starts_with("Regel 3: de kop is geen geldige TOML ("), "{}", dubbel[0]);
}
