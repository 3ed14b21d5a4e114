//! Refusals before any layout: sizes and empty fields, with Dutch messages.

#![allow(clippy::unwrap_used)] // tests may unwrap

mod gemeen;

use brief::{BriefFout, MAX_ADRESREGELS, MAX_BRIEVEN, MAX_INHOUD, render_een, render_pdf};
use gemeen::{voorbeeld, weigering};

#[test]
fn te_lange_inhoud() {
    let mut brief = voorbeeld();
    brief.inhoud_markdown = "é".repeat(MAX_INHOUD + 1);
    let fout = weigering(render_een(&brief));
    assert!(matches!(fout, BriefFout::TeLang { brief: 1, veld: "de inhoud", .. }), "{fout:?}");
    assert_eq!(fout.bericht(), "Brief 1: de inhoud is te lang, ten hoogste 200000 tekens.");
}

#[test]
fn grens_telt_tekens_geen_bytes() {
    // 300 characters, 450 bytes: exactly the limit for a subject.
    let mut brief = voorbeeld();
    brief.onderwerp = "é ".repeat(150);
    assert!(render_een(&brief).is_ok());
    brief.onderwerp.push('é');
    assert!(matches!(weigering(render_een(&brief)), BriefFout::TeLang { veld: "het onderwerp", lengte: 301, .. }));
}

#[test]
fn adres_te_veel_regels_of_leeg() {
    let mut brief = voorbeeld();
    brief.adres = vec!["regel".into(); MAX_ADRESREGELS + 1];
    let fout = weigering(render_een(&brief));
    assert!(matches!(fout, BriefFout::TeVeelRegels { veld: "het adres", .. }), "{fout:?}");
    assert_eq!(fout.bericht(), "Brief 1: het adres heeft te veel regels, ten hoogste 6.");

    brief.adres = vec!["  ".into()];
    assert_eq!(weigering(render_een(&brief)).bericht(), "Brief 1: het adres is leeg. Vul dat eerst in.");

    brief.adres = vec!["x".repeat(61)];
    assert_eq!(weigering(render_een(&brief)).bericht(), "Brief 1: een adresregel is te lang, ten hoogste 60 tekens.");
}

#[test]
fn reeks_leeg_of_te_groot_en_de_tweede_brief_genoemd() {
    assert_eq!(weigering(render_pdf(&[])), BriefFout::GeenBrieven);
    let veel = vec![voorbeeld(); MAX_BRIEVEN + 1];
    assert!(matches!(weigering(render_pdf(&veel)), BriefFout::TeVeelBrieven { .. }));

    let mut tweede = voorbeeld();
    tweede.onderwerp = "x".repeat(301);
    let fout = weigering(render_pdf(&[voorbeeld(), tweede]));
    assert_eq!(fout.bericht(), "Brief 2: het onderwerp is te lang, ten hoogste 300 tekens.");
}
