//! `ontleed` refuses broken subjects and bodies: every problem, with line, column and Dutch text.

#![allow(clippy::unwrap_used)] // tests may unwrap

use sjabloon::{Fout, FoutSoort, ontleed};

/// The problems as (line, column, message).
fn fouten(tekst: &str) -> Vec<(usize, usize, String)> {
    ontleed(tekst).unwrap_err().into_iter().map(|f| (f.regel, f.kolom, f.to_string())).collect()
}

fn een(tekst: &str) -> (usize, usize, String) {
    let mut alle = fouten(tekst);
    assert_eq!(alle.len(), 1, "{alle:?}");
    alle.remove(0)
}

#[test]
fn onbekend_veld_met_suggestie() {
    assert_eq!(
        een("Beste melder,\n\nDank u, {{melder.nam}}."),
        (3, 9, "Regel 3: het invulveld {{melder.nam}} bestaat niet. Bedoelde u {{melder.naam}}?".into())
    );
    // Whitespace inside the braces and a swapped pair of letters.
    assert_eq!(
        een("Ref: {{ melding.referetnie }}"),
        (1, 6, "Regel 1: het invulveld {{melding.referetnie}} bestaat niet. Bedoelde u {{melding.referentie}}?".into())
    );
}

#[test]
fn onbekend_veld_zonder_suggestie() {
    assert_eq!(
        een("{{kat}}"),
        (1, 1, "Regel 1: het invulveld {{kat}} bestaat niet. Kies een veld uit de lijst.".into())
    );
    let fout = ontleed("{{kat}}").unwrap_err().remove(0);
    assert_eq!(fout.soort, FoutSoort::OnbekendVeld { naam: "kat".into(), suggestie: None });
}

#[test]
fn kolom_telt_tekens_geen_bytes() {
    assert_eq!(een("Één ‘x’ {{kat}}").1, 9);
}

#[test]
fn blok_niet_afgesloten() {
    assert_eq!(
        een("Beste,\n\n\n\n{{#als locatie.naam}}\nOver {{locatie.naam}}.\n"),
        (5, 1, "Regel 5: {{#als locatie.naam}} wordt niet afgesloten met {{/als}}.".into())
    );
}

#[test]
fn einde_zonder_blok() {
    assert_eq!(een("a\nb\nc {{/als}}"), (3, 3, "Regel 3: {{/als}} sluit geen blok.".into()));
}

#[test]
fn accolades_zonder_sluiter() {
    assert_eq!(een("a\nBeste {{melder.naam,"), (2, 7, "Regel 2: '{{' zonder '}}'.".into()));
    // A field split over two lines: both halves are reported.
    assert_eq!(
        fouten("Beste {{melder.\nnaam}},"),
        vec![(1, 7, "Regel 1: '{{' zonder '}}'.".into()), (2, 5, "Regel 2: '}}' zonder '{{'.".into())]
    );
    // A new `{{` before the `}}`: the first one is the unclosed one.
    assert_eq!(een("{{ {{melder.naam}}"), (1, 1, "Regel 1: '{{' zonder '}}'.".into()));
}

#[test]
fn sluiters_zonder_opener() {
    assert_eq!(een("Beste {melder.naam}},"), (1, 19, "Regel 1: '}}' zonder '{{'.".into()));
    assert_eq!(een("x\ny\nz\nSchrijf hier]] iets"), (4, 13, "Regel 4: ']]' zonder '[['.".into()));
}

#[test]
fn invulplek_zonder_sluiter() {
    assert_eq!(een("a\nb\nc\n[[Schrijf hier uw antwoord.\n"), (4, 1, "Regel 4: '[[' zonder ']]'.".into()));
    // Markers never span lines: both halves are reported.
    assert_eq!(
        fouten("[[Schrijf hier\nuw antwoord.]]"),
        vec![(1, 1, "Regel 1: '[[' zonder ']]'.".into()), (2, 13, "Regel 2: ']]' zonder '[['.".into())]
    );
}

#[test]
fn anders_buiten_blok_en_tweemaal() {
    assert_eq!(
        een("a\nb\nc\nd\ne\nf\n  {{#anders}}"),
        (7, 3, "Regel 7: {{#anders}} staat niet in een {{#als}}-blok.".into())
    );
    assert_eq!(
        een("{{#als conclusie}}a{{#anders}}b{{#anders}}c{{/als}}"),
        (1, 32, "Regel 1: tweede {{#anders}} in hetzelfde {{#als}}-blok.".into())
    );
}

#[test]
fn ongeldige_voorwaarden() {
    let verwacht = |tag: &str| {
        format!(
            "Regel 1: {tag} is geen geldige voorwaarde: schrijf {{{{#als veld}}}} of {{{{#als veld = \"waarde\"}}}}."
        )
    };
    for tag in ["{{#als}}", "{{#als conclusie = gegrond}}", "{{#als conclusie = \"ge\"grond\"}}", "{{#als a b}}"] {
        // The block still opens, so its `{{/als}}` is not reported as well.
        assert_eq!(een(&format!("{tag}x{{{{/als}}}}")), (1, 1, verwacht(tag)));
    }
}

#[test]
fn onbekend_veld_in_voorwaarde() {
    assert_eq!(
        een("{{#als locatie.nam}}\nx\n{{/als}}"),
        (1, 1, "Regel 1: het veld locatie.nam in {{#als locatie.nam}} bestaat niet. Bedoelde u locatie.naam?".into())
    );
}

#[test]
fn onbekende_opdrachten() {
    let boodschap = "is geen geldige opdracht: gebruik {{#als veld}}, {{#anders}} of {{/als}}.";
    assert_eq!(een("{{#zolang conclusie}}"), (1, 1, format!("Regel 1: {{{{#zolang conclusie}}}} {boodschap}")));
    // Near misses of `#als` and `/als` still open and close a block: one message each, no more.
    assert_eq!(een("{{#alss conclusie}}x{{/als}}"), (1, 1, format!("Regel 1: {{{{#alss conclusie}}}} {boodschap}")));
    assert_eq!(een("{{#als conclusie}}x{{/ alsx }}"), (1, 20, format!("Regel 1: {{{{/ alsx }}}} {boodschap}")));
}

#[test]
fn alle_fouten_tegelijk_op_volgorde() {
    let tekst = "\
Beste {{melder.nam}},
{{#als locatie.naam}}
Over {{locatie.naam}} [[vul in
{{/als}}
{{/als}}
{{#anders}}
Groeten, {{team.naam
{{#als conclusie}}
";
    let boodschappen: Vec<String> = ontleed(tekst).unwrap_err().iter().map(Fout::to_string).collect();
    assert_eq!(
        boodschappen,
        vec![
            "Regel 1: het invulveld {{melder.nam}} bestaat niet. Bedoelde u {{melder.naam}}?",
            "Regel 3: '[[' zonder ']]'.",
            "Regel 5: {{/als}} sluit geen blok.",
            "Regel 6: {{#anders}} staat niet in een {{#als}}-blok.",
            "Regel 7: '{{' zonder '}}'.",
            "Regel 8: {{#als conclusie}} wordt niet afgesloten met {{/als}}.",
        ]
    );
}

#[test]
fn geldige_tekst_heeft_geen_fouten() {
    let tekst = "Beste {{ melder.naam }},\n{{#als conclusie = \"gegrond\"}}\n[[Uitleg {{hier}}]]\n{{/als}}\n";
    assert!(ontleed(tekst).is_ok());
    assert!(ontleed("").is_ok());
    assert!(ontleed("Geen markeringen, wel {enkele} [haakjes].").is_ok());
}
