//! The writes: a composed message leaves for review or the outbox, Meldpunt's own
//! acknowledgement, a reviewer's decision, and the coordinators' retry and cancel.

use super::fout::BerichtFout;
use super::model::{BerichtKanaal, BerichtStatus};
use super::opstel::Opstel;
use super::repo::{self, Overgang};
use super::service::{Afzender, aan_tekst, concept, hash_van, nieuw_bericht, open};
use crate::auth::model::Gebruiker;
use crate::gemeen::Db;
use crate::gemeen::opslag::Bestanden;
use chrono::{DateTime, Utc};

/// Stores a composed message (the caller checked that nothing is left open): for review when
/// its template needs a second reader, otherwise straight to the outbox. The template and its
/// audience are read again here; the form only names it.
pub async fn verstuur(
    db: &Db,
    bestanden: &Bestanden,
    a: &Afzender,
    g: &Gebruiker,
    referentie: &str,
    o: &Opstel,
    nu: DateTime<Utc>,
) -> Result<BerichtStatus, BerichtFout> {
    let (s, revisie) =
        crate::sjablonen::service::om_te_schrijven(db, &o.sjabloon).await?.ok_or(BerichtFout::SjabloonOnbekend)?;
    if !BerichtKanaal::van_sjabloon(s.kanaal.als_tekst()).contains(&o.kanaal) {
        return Err(BerichtFout::KanaalPastNiet);
    }
    let documenten = repo::documenten(db, referentie).await?;
    let mut hashes = Vec::new();
    let mut bytes = 0;
    for b in &o.bijlagen {
        let d = documenten.iter().find(|d| d.id == *b).ok_or(BerichtFout::BijlageOnbekend)?;
        hashes.push(d.sha256.clone());
        bytes += d.grootte;
    }
    if bytes > super::model::MAX_BIJLAGEN_BYTES {
        return Err(BerichtFout::BijlagenTeGroot);
    }
    // The revision the writer started from is kept, so the proof names the text they saw.
    let revisie = if o.revisie >= 1 && o.revisie <= revisie { o.revisie } else { revisie };
    let (sleutel, mut b) = nieuw_bericht(referentie, o, (&s, revisie), &hashes, Some(g), a, nu);
    // The letter version is kept on the case as a document (file and checksum), before the
    // message that points to it.
    let inhoud = super::pdf::render(super::pdf::brief(a, referentie, super::pdf::adres(o.kanaal, &o.aan, &o.postadres), &o.onderwerp, &o.inhoud, &g.naam, nu)).await?;
    let naam = super::pdf::bestandsnaam(&o.onderwerp);
    let upload = crate::documenten::service::Upload { referentie, adviesvraag: None, naam: &naam, inhoud };
    let document = crate::documenten::service::voeg_toe(db, bestanden, g, upload, usize::MAX, nu)
        .await
        .map_err(|e| BerichtFout::Document(e.to_string()))?;
    b.pdf = Some(repo::document(&document));
    let status = b.status;
    let (wat, aan) = (o.kanaal.woord(), aan_tekst(o.kanaal, &o.aan, &o.postadres));
    let tekst = match (status, o.kanaal) {
        (BerichtStatus::Nazicht, _) => format!("{wat} aan {aan} geschreven en ter nazicht gegeven: {}", o.onderwerp),
        (_, BerichtKanaal::Email) => format!("E-mail aan {aan} klaargezet om te versturen: {}", o.onderwerp),
        (_, BerichtKanaal::Brief) => format!("Brief aan {aan} klaargezet om af te drukken en te posten: {}", o.onderwerp),
    };
    if !repo::schrijf(db, &sleutel, b, &tekst).await? {
        return Err(BerichtFout::BijlageOnbekend);
    }
    tracing::info!(referentie, bericht = sleutel, status = status.code(), "message written");
    Ok(status)
}

/// The acknowledgement Meldpunt sends by itself when a melding with an e-mail address arrives:
/// every template marked for that event and this kind of case. A template that would leave a
/// fill-in place open is not sent (logged): a person has to write that message.
pub async fn automatische_bevestiging(
    db: &Db,
    a: &Afzender,
    referentie: &str,
    nu: DateTime<Utc>,
) -> Result<usize, BerichtFout> {
    let z = repo::zaak(db, referentie).await?.ok_or(BerichtFout::MeldingOnbekend)?;
    let Some(soort) = sjabloon::Zaaksoort::van_tekst(&z.soort) else { return Ok(0) };
    let sjablonen =
        crate::sjablonen::service::automatisch(db, sjabloon::Gebeurtenis::MeldingOntvangen, soort).await?;
    let partijen = super::service::partijen(db, &z).await?;
    let Some(melder) = partijen.iter().find(|p| p.code == "melder") else { return Ok(0) };
    let mut verstuurd = 0;
    // Meldpunt sends by itself only by e-mail: a letter needs someone to post it.
    for (s, revisie) in sjablonen.into_iter().filter(|(s, _)| s.kanaal != sjabloon::Kanaal::Brief) {
        let c = concept(&z, &super::service::team(a), &s, revisie, &partijen, nu);
        let o = Opstel {
            kanaal: super::model::BerichtKanaal::Email,
            postadres: Vec::new(),
            sjabloon: c.sjabloon,
            revisie,
            aan: vec![repo::OntvangerDb { naam: Some(melder.label.clone()), email: melder.email.clone() }],
            onderwerp: c.onderwerp,
            inhoud: c.inhoud,
            bijlagen: Vec::new(),
        };
        if !open(&o).is_empty() {
            tracing::warn!(referentie, sjabloon = s.slug, "automatic message not sent: the template leaves places open");
            continue;
        }
        let (sleutel, b) = nieuw_bericht(referentie, &o, (&s, revisie), &[], None, a, nu);
        let tekst = format!("Automatische e-mail aan de melder klaargezet om te versturen: {}", o.onderwerp);
        if repo::schrijf(db, &sleutel, b, &tekst).await? {
            verstuurd += 1;
        }
    }
    Ok(verstuurd)
}

/// A reviewer's decision on a message in review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Beslissing {
    /// Approves exactly the text with this hash (the one the reviewer read).
    Goedkeuren { hash: String },
    /// Sends it back to the writer with a comment.
    Terugsturen { opmerking: String },
}

pub async fn beoordeel(
    db: &Db,
    g: &Gebruiker,
    sleutel: &str,
    beslissing: Beslissing,
    nu: DateTime<Utc>,
) -> Result<BerichtStatus, BerichtFout> {
    let b = repo::een(db, sleutel).await?.ok_or(BerichtFout::NietGevonden)?;
    if b.status != BerichtStatus::Nazicht {
        return Err(BerichtFout::AlBehandeld);
    }
    if b.schrijver.as_deref() == Some(g.id.as_str()) {
        return Err(BerichtFout::EigenBericht);
    }
    let (naar, tekst, goedgekeurd_hash, opmerking) = match beslissing {
        Beslissing::Goedkeuren { hash } => {
            if hash != b.hash || hash_van(&b) != b.hash {
                return Err(BerichtFout::AndereTekst);
            }
            (BerichtStatus::Wachtrij, format!("{} goedgekeurd door {}: {}", b.kanaal.woord(), g.naam, b.onderwerp), Some(hash), None)
        }
        Beslissing::Terugsturen { opmerking } => {
            let tekst = format!("{} teruggestuurd door {}: {}. Opmerking: {opmerking}", b.kanaal.woord(), g.naam, b.onderwerp);
            (BerichtStatus::Teruggestuurd, tekst, None, Some(opmerking))
        }
    };
    let o = Overgang {
        van: BerichtStatus::Nazicht,
        naar,
        tijdstip: nu,
        tekst,
        door: g.naam.clone(),
        gebruiker: Some(repo::gebruiker(&g.id)),
        goedgekeurd_hash,
        opmerking,
    };
    if repo::overgang(db, sleutel, o).await? { Ok(naar) } else { Err(BerichtFout::AlBehandeld) }
}

/// A coordinator's action on a message in the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actie {
    /// A failed message goes back into the outbox, due now, with its attempts counted from zero.
    Opnieuw,
    /// A waiting or failed message is not sent.
    Annuleer,
}

pub async fn behandel(
    db: &Db,
    g: &Gebruiker,
    sleutel: &str,
    actie: Actie,
    nu: DateTime<Utc>,
) -> Result<BerichtStatus, BerichtFout> {
    let b = repo::een(db, sleutel).await?.ok_or(BerichtFout::NietGevonden)?;
    let (van, naar, wat) = match (actie, b.status) {
        (Actie::Opnieuw, BerichtStatus::Mislukt) => (b.status, BerichtStatus::Wachtrij, "opnieuw in de wachtrij gezet"),
        (Actie::Annuleer, BerichtStatus::Mislukt | BerichtStatus::Wachtrij) => {
            (b.status, BerichtStatus::Geannuleerd, "geannuleerd: het vertrekt niet")
        }
        _ => return Err(BerichtFout::AlBehandeld),
    };
    let o = Overgang {
        van,
        naar,
        tijdstip: nu,
        tekst: format!("{} {wat} door {}: {}", b.kanaal.woord(), g.naam, b.onderwerp),
        door: g.naam.clone(),
        gebruiker: Some(repo::gebruiker(&g.id)),
        goedgekeurd_hash: None,
        opmerking: None,
    };
    if repo::overgang(db, sleutel, o).await? { Ok(naar) } else { Err(BerichtFout::AlBehandeld) }
}
