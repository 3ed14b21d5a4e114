//! `open_plekken`: what a person must still complete in a filled-in text before sending.

use sjabloon::{Ontsnapping, OpenSoort, ontleed, open_plekken};

fn boodschappen(tekst: &str) -> Vec<String> {
    open_plekken(tekst).iter().map(ToString::to_string).collect()
}

#[test]
fn invulplekken_met_regel_en_kolom() {
    let tekst = "Beste An,\n\nDank voor uw melding.\n\nOns antwoord:\n[[Schrijf hier uw antwoord.]]\n\nTegen [[datum]] of [[later]].\n";
    let plekken = open_plekken(tekst);
    let plaatsen: Vec<(usize, usize)> = plekken.iter().map(|p| (p.regel, p.kolom)).collect();
    assert_eq!(plaatsen, vec![(6, 1), (8, 7), (8, 20)]);
    assert_eq!(plekken[1].soort, OpenSoort::Invulplek("[[datum]]".into()));
    assert_eq!(
        boodschappen(tekst),
        vec![
            "Regel 6: vul [[Schrijf hier uw antwoord.]] nog in.",
            "Regel 8: vul [[datum]] nog in.",
            "Regel 8: vul [[later]] nog in.",
        ]
    );
}

#[test]
fn achtergebleven_velden_en_halve_markeringen() {
    let tekst = "Beste {{melder.naam}},\r\nTekst met [[begin\nen ook.]] hier\nof {{ en }} los";
    assert_eq!(
        boodschappen(tekst),
        vec![
            "Regel 1: {{melder.naam}} is niet ingevuld.",
            "Regel 2: '[[' zonder ']]'; vul de plek in of verwijder de haakjes.",
            "Regel 3: ']]' zonder '[['; vul de plek in of verwijder de haakjes.",
            "Regel 4: {{ en }} is niet ingevuld.",
        ]
    );
    assert_eq!(open_plekken("x }} y")[0].kolom, 3);
}

#[test]
fn afgewerkte_tekst_is_leeg() {
    assert!(open_plekken("Beste An,\n\nAlles is in orde. {enkel} [haakje] a]b\n").is_empty());
    assert!(open_plekken("").is_empty());
}

#[test]
fn ingevuld_sjabloon_met_ontsnapte_waarden() {
    // A value that looks like a marker is escaped in markdown, so it does not block sending;
    // the template's own marker does.
    let tekst = ontleed("Beste {{melder.naam}},\n\n[[Uw antwoord.]]\n").unwrap();
    let waarden = |_: &str| Some("[[geen plek]] {{geen veld}}".to_owned());
    let gevuld = tekst.vul_in(&waarden, Ontsnapping::Markdown);
    assert_eq!(boodschappen(&gevuld), vec!["Regel 3: vul [[Uw antwoord.]] nog in."]);
    let na_bewerking = gevuld.replace("[[Uw antwoord.]]", "Alles is in orde.");
    assert!(open_plekken(&na_bewerking).is_empty());
}
