//! Writing from a case: the draft from a template filled with the case, the preview, the checks
//! before a message leaves (no open fill-in places), the frozen message with its hash, and the
//! automatic acknowledgement of a melding.

use super::fout::BerichtFout;
use super::model::{BerichtKanaal, BerichtStatus, BerichtVoorbeeld, Concept, Partij, SchrijfPagina, SjabloonKeuze};
use super::opstel::Opstel;
use super::repo::{self, BerichtDb, NieuwBerichtDb, OntvangerDb, ZaakDb};
use super::waarden::{self, Team};
use crate::auth::model::Gebruiker;
use crate::gemeen::{Db, Veldfouten};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use sjabloon::{Ontsnapping, Sjabloon};

pub use crate::gemeen::afzender::Afzender;

/// The team fields of the merge values, from the sender.
pub fn team(a: &Afzender) -> Team {
    Team { naam: a.naam.clone(), telefoon: a.telefoon.clone(), email: a.email.clone() }
}

/// The composer's page: the templates that fit the case, the case's parties and documents and,
/// when a template is chosen, the draft.
pub async fn pagina(
    db: &Db,
    a: &Afzender,
    referentie: &str,
    slug: Option<&str>,
    nu: DateTime<Utc>,
) -> Result<SchrijfPagina, BerichtFout> {
    let z = repo::zaak(db, referentie).await?.ok_or(BerichtFout::MeldingOnbekend)?;
    let sjablonen = crate::sjablonen::service::lijst(db)
        .await?
        .into_iter()
        .filter(|s| s.zaaksoorten.contains(&z.soort))
        .map(|s| SjabloonKeuze {
            slug: s.slug,
            titel: s.titel,
            publiek: s.publiek,
            tweede_lezer: s.tweede_lezer,
            kanaal: s.kanaal,
        })
        .collect();
    let partijen = partijen(db, &z).await?;
    let concept = match slug.filter(|s| !s.is_empty()) {
        Some(slug) => {
            let (s, revisie) = crate::sjablonen::service::om_te_schrijven(db, slug)
                .await?
                .ok_or(BerichtFout::SjabloonOnbekend)?;
            Some(concept(&z, &team(a), &s, revisie, &partijen, nu))
        }
        None => None,
    };
    let documenten = repo::documenten(db, referentie).await?.into_iter().map(|d| (d.id, d.naam)).collect();
    Ok(SchrijfPagina { referentie: z.referentie, sjablonen, concept, partijen, documenten, smtp: a.smtp })
}

/// The draft: subject and body filled with the case's values, a fill-in marker where it has none.
pub fn concept(z: &ZaakDb, team: &Team, s: &Sjabloon, revisie: i64, partijen: &[Partij], nu: DateTime<Utc>) -> Concept {
    let mut getest = waarden::getest(&s.onderwerp);
    getest.extend(waarden::getest(&s.inhoud));
    let waarde = |v: &str| waarden::of_invulplek(z, team, v, &getest, nu);
    let publiek = s.publiek.als_tekst().to_string();
    Concept {
        sjabloon: s.slug.clone(),
        titel: s.titel.clone(),
        revisie,
        tweede_lezer: s.tweede_lezer,
        onderwerp: waarden::markeer(&s.onderwerp.onderwerp(&waarde)),
        inhoud: waarden::markeer(&s.inhoud.vul_in(&waarde, Ontsnapping::Markdown)),
        ontvangers: partijen.iter().filter(|p| p.code == publiek).map(|p| p.code.clone()).collect(),
        kanalen: BerichtKanaal::van_sjabloon(s.kanaal.als_tekst()),
        postadres: postadres_van(z, &publiek).join("\n"),
        publiek,
    }
}

/// The audience's postal address when the case knows it: the organiser at the location's address.
/// The reporter's address is not kept, so the writer types it.
pub fn postadres_van(z: &ZaakDb, publiek: &str) -> Vec<String> {
    let (Some(organisator), Some(straat), Some(postcode), Some(gemeente)) =
        (&z.organisator_naam, &z.locatie_straat, &z.locatie_postcode, &z.locatie_gemeente)
    else {
        return Vec::new();
    };
    if publiek != "organisator" {
        return Vec::new();
    }
    let mut regels = vec![organisator.clone()];
    if let Some(locatie) = z.locatie_naam.as_ref().filter(|l| *l != organisator) {
        regels.push(format!("t.a.v. de verantwoordelijke van {locatie}"));
    }
    regels.push(straat.clone());
    regels.push(format!("{postcode} {gemeente}"));
    regels
}

/// The people of the case a message can go to: the reporter (unless anonymous or removed), the
/// organiser, the co-handler, and the services of the maintained list that have an address.
pub async fn partijen(db: &Db, z: &ZaakDb) -> Result<Vec<Partij>, BerichtFout> {
    let mut uit = Vec::new();
    let mut voeg_toe = |code: &str, rol: &str, naam: &Option<String>, email: &Option<String>| {
        if let Some(email) = email.as_ref().filter(|e| super::opstel::adres_fout(e).is_none()) {
            let label = naam.clone().unwrap_or_else(|| rol.to_string());
            uit.push(Partij { code: code.into(), rol: rol.into(), label, email: email.clone() });
        }
    };
    if !z.melder_anoniem && !z.geanonimiseerd {
        voeg_toe("melder", "Melder", &z.melder_naam, &z.melder_email);
    }
    voeg_toe("organisator", "Organisator", &z.organisator_naam, &z.organisator_email);
    voeg_toe("medebehandelaar", "Medebehandelaar", &z.medebehandelaar_naam, &z.medebehandelaar_email);
    let diensten =
        crate::beheer::service::actieve_diensten(db).await.map_err(|e| BerichtFout::Diensten(e.to_string()))?;
    for d in diensten {
        voeg_toe(&format!("dienst:{}", d.id), "Dienst", &Some(d.naam.clone()), &d.email);
    }
    Ok(uit)
}

/// Subject and body as the recipient will see them: the HTML and plain-text parts, what is still
/// open, and the writing aid.
pub fn voorbeeld(o: &Opstel, bijlagen: Vec<String>, jargon: &[(String, String)]) -> BerichtVoorbeeld {
    BerichtVoorbeeld {
        onderwerp: o.onderwerp.clone(),
        aan: match o.kanaal {
            BerichtKanaal::Email => o.aan.iter().map(ontvanger_tekst).collect(),
            BerichtKanaal::Brief => vec![format!("per post: {}", o.postadres.join(", "))],
        },
        html: html_fragment(&o.inhoud),
        tekst: sjabloon::platte_tekst(&o.inhoud),
        bijlagen,
        open: open(o).into_iter().map(|(_, m)| m).collect(),
        schrijfhulp: crate::sjablonen::voorbeeld::schrijfhulp(&o.inhoud, jargon),
    }
}

/// The body alone as the island previews it: the sanitised HTML, the places still open, the
/// writing aid.
pub fn live_voorbeeld(inhoud: &str, jargon: &[(String, String)]) -> super::model::LiveBerichtVoorbeeld {
    super::model::LiveBerichtVoorbeeld {
        html: html_fragment(inhoud),
        open: sjabloon::open_plekken(inhoud).iter().map(ToString::to_string).collect(),
        schrijfhulp: crate::sjablonen::voorbeeld::schrijfhulp(inhoud, jargon),
    }
}

/// What a person must still fill in, per field: sending is refused while there is any.
pub fn open(o: &Opstel) -> Vec<(&'static str, String)> {
    let mut uit: Vec<(&'static str, String)> = sjabloon::open_plekken(&o.onderwerp)
        .iter()
        .map(|p| ("onderwerp", format!("Onderwerp: {}", p.to_string().trim_start_matches("Regel 1: "))))
        .collect();
    uit.extend(sjabloon::open_plekken(&o.inhoud).iter().map(|p| ("inhoud", p.to_string())));
    uit
}

/// The open places as field messages (the first per field next to it, all in the summary).
pub fn open_als_fouten(o: &Opstel) -> Veldfouten {
    let mut f = Veldfouten::default();
    let open = open(o);
    for veld in ["onderwerp", "inhoud"] {
        let hier: Vec<&str> = open.iter().filter(|(v, _)| *v == veld).map(|(_, m)| m.as_str()).collect();
        if !hier.is_empty() {
            f.zet(veld, &format!("Nog niet klaar om te versturen. {}", hier.join(" ")));
        }
    }
    f
}

/// The recipients on one line: e-mail addresses, or a letter's address.
pub fn aan_tekst(kanaal: BerichtKanaal, aan: &[OntvangerDb], postadres: &[String]) -> String {
    match kanaal {
        BerichtKanaal::Email => aan.iter().map(ontvanger_tekst).collect::<Vec<_>>().join(", "),
        BerichtKanaal::Brief => format!("per post: {}", postadres.join(", ")),
    }
}

pub fn ontvanger_tekst(o: &OntvangerDb) -> String {
    match &o.naam {
        Some(n) => format!("{n} <{}>", o.email),
        None => o.email.clone(),
    }
}

/// The sanitised HTML of a body.
pub fn html_fragment(markdown: &str) -> String {
    kennisbank::render::render(markdown, &|_| true, "/kennisbank").html
}

/// The e-mail's HTML part: a small complete document around the sanitised body.
pub fn html_document(onderwerp: &str, markdown: &str) -> String {
    let titel = onderwerp.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    format!(
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>{titel}</title>\n</head>\n\
         <body style=\"font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;\">\n{}\n</body>\n</html>\n",
        html_fragment(markdown)
    )
}

/// What a second reader approves and the outbox checks again: channel, recipients (a letter: its
/// address lines), subject, body and the attachments' checksums, each length-prefixed so no two
/// messages hash alike by shifting text. An e-mail has no address lines, so its hash is the one
/// messages written before letters existed have.
pub fn hash(kanaal: BerichtKanaal, aan: &[OntvangerDb], postadres: &[String], onderwerp: &str, inhoud: &str, bijlagen: &[String]) -> String {
    let mut h = Sha256::new();
    let mut deel = |s: &str| {
        h.update((s.len() as u64).to_be_bytes());
        h.update(s.as_bytes());
    };
    deel(kanaal.code());
    for o in aan {
        deel(o.naam.as_deref().unwrap_or(""));
        deel(&o.email);
    }
    for regel in postadres {
        deel(regel);
    }
    deel(onderwerp);
    deel(inhoud);
    for b in bijlagen {
        deel(b);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash of a stored message, computed again from what is stored.
pub fn hash_van(b: &BerichtDb) -> String {
    hash(b.kanaal, &b.aan, b.postadres.as_deref().unwrap_or_default(), &b.onderwerp, &b.inhoud, &b.bijlage_hashes)
}

/// A new key and the `Message-ID` that stays the same on every attempt.
pub fn sleutel_en_message_id(a: &Afzender) -> (String, String) {
    use rand::Rng;
    let mut rng = rand::rng();
    let sleutel: String = (0..20).map(|_| char::from(b"0123456789abcdef"[rng.random_range(0..16)])).collect();
    let domein = a.email.rsplit_once('@').map_or("meldpunt.invalid", |(_, d)| d);
    let message_id = format!("<{sleutel}@{domein}>");
    (sleutel, message_id)
}

pub use super::schrijven::{automatische_bevestiging, verstuur};

/// Used by [`super::schrijven`]: the frozen row of a message.
pub(super) fn nieuw_bericht(
    referentie: &str,
    o: &Opstel,
    (s, revisie): (&Sjabloon, i64),
    bijlage_hashes: &[String],
    schrijver: Option<&Gebruiker>,
    a: &Afzender,
    nu: DateTime<Utc>,
) -> (String, NieuwBerichtDb) {
    let (sleutel, message_id) = sleutel_en_message_id(a);
    let status = if s.tweede_lezer && schrijver.is_some() { BerichtStatus::Nazicht } else { BerichtStatus::Wachtrij };
    let b = NieuwBerichtDb {
        melding: crate::gemeen::records::melding_record(referentie),
        kanaal: o.kanaal,
        postadres: (o.kanaal == BerichtKanaal::Brief).then(|| o.postadres.clone()),
        sjabloon: Some(s.slug.clone()),
        sjabloon_revisie: Some(revisie),
        publiek: s.publiek.als_tekst().into(),
        hash: hash(o.kanaal, &o.aan, &o.postadres, &o.onderwerp, &o.inhoud, bijlage_hashes),
        aan: o.aan.clone(),
        onderwerp: o.onderwerp.clone(),
        html: html_document(&o.onderwerp, &o.inhoud),
        tekst: sjabloon::platte_tekst(&o.inhoud),
        inhoud: o.inhoud.clone(),
        bijlagen: o.bijlagen.iter().map(|k| repo::document(k)).collect(),
        pdf: None,
        message_id,
        schrijver: schrijver.map(|g| repo::gebruiker(&g.id)),
        door: schrijver.map_or_else(|| "Meldpunt (automatisch)".to_string(), |g| g.naam.clone()),
        geschreven: nu,
        automatisch: schrijver.is_none(),
        tweede_lezer: s.tweede_lezer && schrijver.is_some(),
        status,
        pogingen: 0,
        volgende_poging: nu,
        gewijzigd: nu,
    };
    (sleutel, b)
}
