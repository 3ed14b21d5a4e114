//! Sending to a real SMTP server (aiosmtpd, scripts/smtp_ontvanger.py).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

use std::time::Duration;

use mail_parser::{MessageParser, MimeHeaders};
use verzending::testserver::SmtpTestServer;
use verzending::{Adres, Bericht, Bijlage, SmtpAntwoord, VerzendFout, Verzender};

const ONDERWERP: &str = "Uw melding bij Meldpunt – ontvangen";
const TEKST: &str =
    "Beste,\n\nUw melding over het café aan de ruïne is ontvangen.\nWe houden u op de hoogte; geëerde groet.\n";
const HTML: &str = "<p>Beste,</p><p>Uw melding over het <b>café</b> is ontvangen. Geëerde groet.</p>";

fn adres(naam: Option<&str>, email: &str) -> Adres {
    Adres::parse(naam, email).unwrap()
}

fn pdf() -> Vec<u8> {
    let mut inhoud = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    inhoud.extend(0..=255u8);
    inhoud.extend(b"\n%%EOF\n");
    inhoud
}

fn bericht(aan: &str) -> Bericht {
    Bericht {
        van: adres(Some("Meldpunt Gent"), "meldpunt@gent.be"),
        antwoord_aan: Some(adres(Some("Dienst Wegen"), "wegen@gent.be")),
        aan: vec![adres(Some("Ann Peeters"), aan)],
        onderwerp: ONDERWERP.into(),
        tekst: TEKST.into(),
        html: HTML.into(),
        bijlagen: vec![Bijlage {
            naam: "bevestiging melding 42.pdf".into(),
            mime: "application/pdf".into(),
            inhoud: pdf(),
        }],
        message_id: "<0b7e9f2a-5c1d-4e8b-9a3f-2d6c8e1f4a7b@meldpunt.local>".into(),
    }
}

/// Sends one message to a fresh server; the server is returned to inspect what arrived.
async fn stuur(bericht: &Bericht) -> (SmtpTestServer, Result<SmtpAntwoord, VerzendFout>) {
    let server = SmtpTestServer::start();
    let verzender = Verzender::nieuw(&server.instelling()).unwrap();
    let uitkomst = verzender.verstuur(bericht).await;
    (server, uitkomst)
}

fn lf(tekst: &str) -> String {
    tekst.replace("\r\n", "\n")
}

#[tokio::test]
async fn volledig_bericht_komt_een_keer_aan() {
    let (server, antwoord) = stuur(&bericht("ann@voorbeeld.be")).await;
    let antwoord = antwoord.unwrap();
    assert_eq!(antwoord.code, 250, "{antwoord:?}");
    assert!(antwoord.tekst.starts_with("Ok"), "{antwoord:?}");

    let ontvangen = server.wacht_op(1, Duration::from_secs(5)).await;
    assert_eq!(ontvangen.len(), 1);
    assert_eq!(ontvangen[0].envelop_aan, ["ann@voorbeeld.be"]);
    let ruw = &ontvangen[0].ruw;
    assert!(ruw.contains("\r\nMessage-ID: <0b7e9f2a-5c1d-4e8b-9a3f-2d6c8e1f4a7b@meldpunt.local>\r\n"), "{ruw}");
    assert!(ruw.contains("multipart/mixed") && ruw.contains("multipart/alternative"), "{ruw}");

    let mail = MessageParser::default().parse(ruw.as_bytes()).unwrap();
    let eerste = |a: Option<&mail_parser::Address>| {
        let a = a.and_then(|a| a.first()).unwrap();
        (a.name().map(str::to_owned), a.address().map(str::to_owned))
    };
    let verwacht = |naam: &str, email: &str| (Some(naam.to_owned()), Some(email.to_owned()));
    assert_eq!(eerste(mail.from()), verwacht("Meldpunt Gent", "meldpunt@gent.be"));
    assert_eq!(eerste(mail.reply_to()), verwacht("Dienst Wegen", "wegen@gent.be"));
    assert_eq!(eerste(mail.to()), verwacht("Ann Peeters", "ann@voorbeeld.be"));
    assert_eq!(mail.subject(), Some(ONDERWERP));
    assert_eq!(mail.message_id(), Some("0b7e9f2a-5c1d-4e8b-9a3f-2d6c8e1f4a7b@meldpunt.local"));
    assert!(mail.date().is_some());
    assert_eq!(lf(&mail.body_text(0).unwrap()), TEKST);
    assert_eq!(lf(&mail.body_html(0).unwrap()), HTML);

    let bijlagen: Vec<_> = mail.attachments().collect();
    assert_eq!(bijlagen.len(), 1);
    assert_eq!(bijlagen[0].attachment_name(), Some("bevestiging melding 42.pdf"));
    assert_eq!(bijlagen[0].contents(), pdf().as_slice());
    let soort = bijlagen[0].content_type().unwrap();
    assert_eq!((soort.ctype(), soort.subtype()), ("application", Some("pdf")));
}

#[tokio::test]
async fn geweigerde_ontvanger_is_permanent() {
    let (server, uitkomst) = stuur(&bericht("weiger.jan@voorbeeld.be")).await;
    let fout = uitkomst.unwrap_err();
    assert!(matches!(fout, VerzendFout::Permanent { .. }), "{fout:?}");
    assert!(!fout.is_tijdelijk());
    assert!(fout.detail().contains("550"), "{}", fout.detail());
    assert!(fout.uitleg().contains("Opnieuw proberen helpt niet"), "{}", fout.uitleg());
    assert!(server.berichten().is_empty());
}

#[tokio::test]
async fn later_ontvanger_is_tijdelijk() {
    let (server, uitkomst) = stuur(&bericht("later.jan@voorbeeld.be")).await;
    let fout = uitkomst.unwrap_err();
    assert!(matches!(fout, VerzendFout::Tijdelijk { .. }), "{fout:?}");
    assert!(fout.is_tijdelijk());
    assert!(fout.detail().contains("451"), "{}", fout.detail());
    assert!(server.berichten().is_empty());
}

#[tokio::test]
async fn gestopte_server_is_tijdelijk_en_daarna_lukt_het() {
    let mut server = SmtpTestServer::start();
    let poort = server.poort();
    let instelling = server.instelling().met_timeout(Duration::from_secs(5));
    let verzender = Verzender::nieuw(&instelling).unwrap();
    server.stop();
    let fout = verzender.verstuur(&bericht("ann@voorbeeld.be")).await.unwrap_err();
    assert!(matches!(fout, VerzendFout::Tijdelijk { .. }), "{fout:?}");
    assert_eq!(fout.uitleg(), "De mailserver is nu niet bereikbaar.");

    server.start_opnieuw();
    assert_eq!(server.poort(), poort);
    let antwoord = verzender.verstuur(&bericht("ann@voorbeeld.be")).await.unwrap();
    assert_eq!(antwoord.code, 250);
    assert_eq!(server.wacht_op(1, Duration::from_secs(5)).await.len(), 1);
}

#[tokio::test]
async fn bouwfout_verstuurt_niets() {
    let mut fout_bericht = bericht("ann@voorbeeld.be");
    fout_bericht.onderwerp = "Hallo\r\nBcc: iedereen@voorbeeld.be".into();
    let (server, uitkomst) = stuur(&fout_bericht).await;
    let fout = uitkomst.unwrap_err();
    assert!(matches!(fout, VerzendFout::Bouw(_)), "{fout:?}");
    assert!(!fout.is_tijdelijk());
    assert!(server.berichten().is_empty());
}

#[tokio::test]
async fn open_verbinding_hergebruikt_en_na_herstart_server_vervangen() {
    let mut server = SmtpTestServer::start();
    let verzender = Verzender::nieuw(&server.instelling().met_timeout(Duration::from_secs(5))).unwrap();
    for n in 0..3 {
        let antwoord = verzender.verstuur(&bericht(&format!("ann{n}@voorbeeld.be"))).await.unwrap();
        assert_eq!(antwoord.code, 250);
    }
    // The idle connection died with the server; the next message must not fail because of it.
    server.stop();
    server.start_opnieuw();
    let antwoord = verzender.verstuur(&bericht("bert@voorbeeld.be")).await.unwrap();
    assert_eq!(antwoord.code, 250);
    let aangekomen = server.wacht_op(4, Duration::from_secs(5)).await;
    assert_eq!(aangekomen.len(), 4, "three before the restart, one after, each once");
    assert_eq!(aangekomen[3].envelop_aan, vec!["bert@voorbeeld.be".to_owned()]);
}
