//! Filling in: optional parts, variants, line removal, escaping, subjects, used fields.

#![allow(clippy::unwrap_used)] // tests may unwrap

use sjabloon::{Ontsnapping, Tekst, ontleed, velden_in};

/// A lookup over fixed (field, value) pairs.
fn met(paren: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let paren: Vec<(String, String)> = paren.iter().map(|(v, w)| ((*v).to_owned(), (*w).to_owned())).collect();
    move |veld| paren.iter().find(|(v, _)| v == veld).map(|(_, w)| w.clone())
}

fn vul(tekst: &str, paren: &[(&str, &str)]) -> String {
    ontleed(tekst).unwrap().vul_in(&met(paren), Ontsnapping::Markdown)
}

const AANHEF: &str = "Beste {{#als melder.naam}}{{melder.naam}}{{#anders}}melder{{/als}},";

#[test]
fn inline_optioneel_deel_met_anders() {
    assert_eq!(vul(AANHEF, &[("melder.naam", "An Peeters")]), "Beste An Peeters,");
    assert_eq!(vul(AANHEF, &[]), "Beste melder,");
    // Empty or whitespace-only counts as absent.
    assert_eq!(vul(AANHEF, &[("melder.naam", " \t")]), "Beste melder,");
}

#[test]
fn ontbrekend_veld_wordt_leeg() {
    assert_eq!(vul("Ref: {{melding.referentie}}.", &[]), "Ref: .");
}

#[test]
fn variant_volgens_waarde() {
    let tekst = "{{#als conclusie = \"gegrond\"}}Uw melding was terecht.{{#anders}}We vonden geen tekort.{{/als}}";
    assert_eq!(vul(tekst, &[("conclusie", "gegrond")]), "Uw melding was terecht.");
    assert_eq!(vul(tekst, &[("conclusie", " gegrond\n")]), "Uw melding was terecht.");
    assert_eq!(vul(tekst, &[("conclusie", "Gegrond")]), "We vonden geen tekort.");
    assert_eq!(vul(tekst, &[("conclusie", "ongegrond")]), "We vonden geen tekort.");
    assert_eq!(vul(tekst, &[]), "We vonden geen tekort.");
}

#[test]
fn geneste_blokken() {
    let tekst = "\
{{#als locatie.naam}}
Opvang: {{locatie.naam}}
{{#als locatie.adres}}
Adres: {{locatie.adres}}
{{#anders}}
Adres onbekend
{{/als}}
{{#anders}}
Geen opvang
{{/als}}
Einde
";
    let beide = [("locatie.naam", "De Rups"), ("locatie.adres", "Dorp 1")];
    assert_eq!(vul(tekst, &beide), "Opvang: De Rups\nAdres: Dorp 1\nEinde\n");
    assert_eq!(vul(tekst, &[("locatie.naam", "De Rups")]), "Opvang: De Rups\nAdres onbekend\nEinde\n");
    assert_eq!(vul(tekst, &[("locatie.adres", "Dorp 1")]), "Geen opvang\nEinde\n");
}

#[test]
fn losse_markeringen_nemen_hun_regel_mee() {
    let tekst = "Begin\n\n  {{#als locatie.naam}}  \nOpvang: {{locatie.naam}}\n\t{{/als}}\n\nEinde\n";
    assert_eq!(vul(tekst, &[("locatie.naam", "De Rups")]), "Begin\n\nOpvang: De Rups\n\nEinde\n");
    assert_eq!(vul(tekst, &[]), "Begin\n\n\nEinde\n");
    // Several markers alone on a line also count as standalone.
    let tekst = "a\n{{#als conclusie}}\nb\n{{/als}}{{#als termijn.reden}}\nc\n{{/als}}\nd";
    assert_eq!(vul(tekst, &[("conclusie", "x"), ("termijn.reden", "y")]), "a\nb\nc\nd");
    assert_eq!(vul(tekst, &[]), "a\nd");
}

#[test]
fn markering_met_tekst_op_de_regel_blijft_inline() {
    let tekst = "Zie {{#als conclusie}}\nhieronder\n{{/als}}";
    assert_eq!(vul(tekst, &[("conclusie", "x")]), "Zie \nhieronder\n");
    assert_eq!(vul(tekst, &[]), "Zie ");
}

#[test]
fn crlf_blijft_crlf() {
    let tekst = "a\r\n{{#als conclusie}}\r\nb\r\n{{/als}}\r\nc\r\n";
    assert_eq!(vul(tekst, &[("conclusie", "x")]), "a\r\nb\r\nc\r\n");
    assert_eq!(vul(tekst, &[]), "a\r\nc\r\n");
}

#[test]
fn waarden_worden_ontsnapt_de_eigen_tekst_niet() {
    let tekst = "## Uw melding\n\nBeste **{{melder.naam}}**, ref. {{melding.referentie}} <{{melder.email}}>";
    let waarden = [("melder.naam", "*<script>*"), ("melding.referentie", "M-2024-0001"), ("melder.email", "a_b@x.be")];
    assert_eq!(vul(tekst, &waarden), "## Uw melding\n\nBeste **\\*\\<script\\>\\***, ref. M-2024-0001 <a\\_b@x.be>");
    let geen = ontleed(tekst).unwrap().vul_in(&met(&waarden), Ontsnapping::Geen);
    assert_eq!(geen, "## Uw melding\n\nBeste ***<script>***, ref. M-2024-0001 <a_b@x.be>");
}

#[test]
fn html_en_markdown_in_waarden() {
    let waarde = "<img src=x onerror=alert(1)> & [klik](javascript:x) `code` # kop";
    assert_eq!(
        vul("{{melder.naam}}", &[("melder.naam", waarde)]),
        r"\<img src=x onerror=alert(1)\> \& \[klik\](javascript:x) \`code\` # kop"
    );
    // A value cannot start a block, not even on its own line of the template.
    assert_eq!(vul("{{melder.naam}}", &[("melder.naam", "# kop")]), r"\# kop");
    assert_eq!(vul("{{melder.naam}}", &[("melder.naam", "1. lijst")]), r"1\. lijst");
}

#[test]
fn regeleinden_in_waarden_van_de_inhoud() {
    let tekst = "Adres:\n{{locatie.adres}}\nEinde";
    let adres = [("locatie.adres", "Dorpstraat 1\r\n\r\n    9000 Gent\r- code?")];
    assert_eq!(vul(tekst, &adres), "Adres:\nDorpstraat 1\\\n9000 Gent\\\n\\- code?\nEinde");
    let geen = ontleed(tekst).unwrap().vul_in(&met(&adres), Ontsnapping::Geen);
    assert_eq!(geen, "Adres:\nDorpstraat 1\r\n\r\n    9000 Gent\r- code?\nEinde");
}

#[test]
fn onderwerp_is_een_regel_zonder_ontsnapping() {
    let onderwerp = ontleed("Uw melding {{melding.referentie}} over {{locatie.naam}}").unwrap();
    let waarden = met(&[("melding.referentie", "M-1"), ("locatie.naam", "De *Rups*\r\nBcc: x@y.be\n\nz")]);
    assert_eq!(onderwerp.onderwerp(&waarden), "Uw melding M-1 over De *Rups* Bcc: x@y.be z");
    let leeg = ontleed(" Uw melding {{melding.referentie}}").unwrap();
    assert_eq!(leeg.onderwerp(&|_: &str| None), "Uw melding");
}

#[test]
fn invulplekken_blijven_staan() {
    let tekst = "Antwoord:\n\n[[Schrijf hier uw antwoord.]]\n";
    assert_eq!(vul(tekst, &[]), tekst);
    // Braces inside a fill-in marker are text, not a field.
    assert_eq!(vul("[[Noem {{x}}]]", &[]), "[[Noem {{x}}]]");
}

#[test]
fn velden_in_volgorde_van_gebruik() {
    let tekst = "{{#als melder.naam}}{{melder.naam}}{{#anders}}{{team.naam}}{{/als}} {{vandaag}} {{team.naam}}\n\
                 {{#als conclusie = \"gegrond\"}}{{conclusie.toelichting}}{{/als}}";
    assert_eq!(
        velden_in(&ontleed(tekst).unwrap()),
        vec!["melder.naam", "team.naam", "vandaag", "conclusie", "conclusie.toelichting"]
    );
    assert!(velden_in(&ontleed("Geen velden").unwrap()).is_empty());
}

#[test]
fn tekst_onthoudt_zijn_bron() {
    let bron = "Beste {{ melder.naam }},\n{{#als conclusie}}\nx\n{{/als}}\n";
    let tekst: Tekst = ontleed(bron).unwrap();
    assert_eq!(tekst.bron(), bron);
    assert_eq!(tekst.to_string(), bron);
}
