//! A mail as the application describes it, and the MIME message lettre sends.

use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, MultiPart, SinglePart};

use crate::adres::{Adres, AdresFout, controleer_kopregel};

/// What the application wants to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bericht {
    pub van: Adres,
    pub antwoord_aan: Option<Adres>,
    pub aan: Vec<Adres>,
    pub onderwerp: String,
    /// The plain-text version (always sent).
    pub tekst: String,
    /// The HTML version; empty means a text-only mail.
    pub html: String,
    pub bijlagen: Vec<Bijlage>,
    /// Exactly as written in the header, e.g. `<uuid@meldpunt.local>`. The caller makes it and
    /// keeps it, so a resend carries the same id.
    pub message_id: String,
}

#[derive(Clone, PartialEq, Eq)]
pub struct Bijlage {
    /// File name shown to the recipient.
    pub naam: String,
    /// MIME type, e.g. `application/pdf`.
    pub mime: String,
    pub inhoud: Vec<u8>,
}

impl std::fmt::Debug for Bijlage {
    // The content can be megabytes: its size says enough in a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bijlage")
            .field("naam", &self.naam)
            .field("mime", &self.mime)
            .field("bytes", &self.inhoud.len())
            .finish()
    }
}

/// Why a message could not be built. Sending it again does not help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BouwFout {
    #[error("onderwerp met regeleinde of stuurteken")]
    Onderwerp,
    #[error("geen ontvanger")]
    GeenOntvanger,
    #[error("ongeldige Message-ID {0:?}")]
    MessageId(String),
    #[error("ongeldige bijlagenaam {0:?}")]
    BijlageNaam(String),
    #[error("ongeldig MIME-type {mime:?} voor bijlage {naam:?}")]
    BijlageMime { naam: String, mime: String },
    #[error("lettre: {0}")]
    Lettre(String),
}

impl BouwFout {
    /// A plain Dutch sentence for staff.
    pub fn bericht(&self) -> &'static str {
        match self {
            BouwFout::Onderwerp => "Het onderwerp mag geen regeleinde of onzichtbare stuurtekens bevatten.",
            BouwFout::GeenOntvanger => "Het bericht heeft geen ontvanger.",
            BouwFout::MessageId(_) => "Het bericht heeft geen geldig kenmerk (Message-ID).",
            BouwFout::BijlageNaam(_) => "Een bijlage heeft geen geldige bestandsnaam.",
            BouwFout::BijlageMime { .. } => "Een bijlage heeft geen geldig bestandstype.",
            BouwFout::Lettre(_) => "Het bericht kon niet opgemaakt worden.",
        }
    }
}

/// Builds the MIME message: multipart/alternative (text, then HTML), wrapped in
/// multipart/mixed with the attachments when there are any.
pub fn bouw(bericht: &Bericht) -> Result<Message, BouwFout> {
    controleer_kopregel(&bericht.onderwerp).map_err(|_| BouwFout::Onderwerp)?;
    controleer_message_id(&bericht.message_id)?;
    if bericht.aan.is_empty() {
        return Err(BouwFout::GeenOntvanger);
    }
    let mut kop = Message::builder()
        .from(bericht.van.mailbox())
        .subject(bericht.onderwerp.clone())
        .message_id(Some(bericht.message_id.clone()))
        .date_now();
    if let Some(antwoord) = &bericht.antwoord_aan {
        kop = kop.reply_to(antwoord.mailbox());
    }
    for aan in &bericht.aan {
        kop = kop.to(aan.mailbox());
    }
    let resultaat = if bericht.bijlagen.is_empty() {
        match inhoud(bericht) {
            Inhoud::Enkel(deel) => kop.singlepart(deel),
            Inhoud::Meer(delen) => kop.multipart(delen),
        }
    } else {
        let mut gemengd = match inhoud(bericht) {
            Inhoud::Enkel(deel) => MultiPart::mixed().singlepart(deel),
            Inhoud::Meer(delen) => MultiPart::mixed().multipart(delen),
        };
        for bijlage in &bericht.bijlagen {
            gemengd = gemengd.singlepart(bijlage_deel(bijlage)?);
        }
        kop.multipart(gemengd)
    };
    resultaat.map_err(|e| BouwFout::Lettre(e.to_string()))
}

/// The message exactly as it goes over the wire, e.g. to keep as proof.
pub fn ruwe_bytes(bericht: &Message) -> Vec<u8> {
    bericht.formatted()
}

enum Inhoud {
    Enkel(SinglePart),
    Meer(MultiPart),
}

fn inhoud(bericht: &Bericht) -> Inhoud {
    if bericht.html.trim().is_empty() {
        Inhoud::Enkel(SinglePart::plain(bericht.tekst.clone()))
    } else {
        Inhoud::Meer(MultiPart::alternative_plain_html(bericht.tekst.clone(), bericht.html.clone()))
    }
}

fn bijlage_deel(bijlage: &Bijlage) -> Result<SinglePart, BouwFout> {
    let naam_fout = || BouwFout::BijlageNaam(bijlage.naam.clone());
    if bijlage.naam.trim().is_empty() || bijlage.naam.contains(['/', '\\']) {
        return Err(naam_fout());
    }
    controleer_kopregel(&bijlage.naam).map_err(|_: AdresFout| naam_fout())?;
    let soort = ContentType::parse(&bijlage.mime)
        .map_err(|_| BouwFout::BijlageMime { naam: bijlage.naam.clone(), mime: bijlage.mime.clone() })?;
    Ok(Attachment::new(bijlage.naam.clone()).body(bijlage.inhoud.clone(), soort))
}

/// `<left@right>` in printable ASCII without spaces (RFC 5322 msg-id, the common form).
fn controleer_message_id(id: &str) -> Result<(), BouwFout> {
    let fout = || BouwFout::MessageId(id.to_owned());
    let binnen = id.strip_prefix('<').and_then(|rest| rest.strip_suffix('>')).ok_or_else(fout)?;
    let (links, rechts) = binnen.split_once('@').ok_or_else(fout)?;
    let goed =
        |deel: &str| !deel.is_empty() && deel.bytes().all(|b| b.is_ascii_graphic() && !matches!(b, b'<' | b'>' | b'@'));
    if id.len() > 250 || !goed(links) || !goed(rechts) {
        return Err(fout());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bericht() -> Bericht {
        Bericht {
            van: Adres::parse(Some("Meldpunt"), "meldpunt@gent.be").unwrap(),
            antwoord_aan: None,
            aan: vec![Adres::parse(None, "burger@voorbeeld.be").unwrap()],
            onderwerp: "Uw melding".into(),
            tekst: "Dag".into(),
            html: "<p>Dag</p>".into(),
            bijlagen: vec![],
            message_id: "<abc-123@meldpunt.local>".into(),
        }
    }

    #[test]
    fn onderwerp_met_regeleinde_geweigerd() {
        for onderwerp in ["Hallo\r\nBcc: x@y.be", "Hallo\nX", "Hallo\r"] {
            let b = Bericht { onderwerp: onderwerp.into(), ..bericht() };
            let fout = bouw(&b).unwrap_err();
            assert_eq!(fout, BouwFout::Onderwerp);
            assert!(fout.bericht().contains("regeleinde"));
        }
    }

    #[test]
    fn message_id_precies_zoals_gegeven() {
        let ruw = String::from_utf8(ruwe_bytes(&bouw(&bericht()).unwrap())).unwrap();
        assert!(ruw.contains("Message-ID: <abc-123@meldpunt.local>\r\n"), "{ruw}");
        assert!(ruw.contains("\r\nDate: "), "{ruw}");
        assert!(ruw.contains("multipart/alternative"), "{ruw}");
        assert!(!ruw.contains("multipart/mixed"), "{ruw}");
        for fout in ["", "abc@x", "<abc>", "<a b@x>", "<a@x>\r\nBcc: y@z.be", "<@x>"] {
            let b = Bericht { message_id: fout.into(), ..bericht() };
            assert!(matches!(bouw(&b), Err(BouwFout::MessageId(_))), "{fout:?}");
        }
    }

    #[test]
    fn zonder_html_enkel_tekst_en_bijlagen_gecontroleerd() {
        let b = Bericht { html: String::new(), ..bericht() };
        let ruw = String::from_utf8(ruwe_bytes(&bouw(&b).unwrap())).unwrap();
        assert!(ruw.contains("Content-Type: text/plain; charset=utf-8"), "{ruw}");
        assert!(!ruw.contains("multipart"), "{ruw}");

        let met = |naam: &str, mime: &str| Bericht {
            bijlagen: vec![Bijlage { naam: naam.into(), mime: mime.into(), inhoud: vec![1, 2, 3] }],
            ..bericht()
        };
        assert!(matches!(bouw(&met("a\r\n.pdf", "application/pdf")), Err(BouwFout::BijlageNaam(_))));
        assert!(matches!(bouw(&met("../a.pdf", "application/pdf")), Err(BouwFout::BijlageNaam(_))));
        assert!(matches!(bouw(&met("a.pdf", "geen type")), Err(BouwFout::BijlageMime { .. })));
        let ruw = String::from_utf8(ruwe_bytes(&bouw(&met("a.pdf", "application/pdf")).unwrap())).unwrap();
        assert!(ruw.contains("multipart/mixed"), "{ruw}");
        let zonder = Bericht { aan: vec![], ..bericht() };
        assert_eq!(bouw(&zonder).unwrap_err(), BouwFout::GeenOntvanger);
    }
}
