//! What the analysis section of the case page shows: the points with their sources (linked to the
//! timeline entries, answered advice and documents of the case), the follow-up actions and the
//! co-handler.

use super::model::*;
use super::repo;
use super::service::{AnalyseFout, anders, klantenbeheerders, stand};
use crate::auth::model::{Gebruiker, Rol};
use crate::gemeen::Db;
use crate::gemeen::tijdlijn::Tijdlijnsoort;
use crate::zaak::model::is_afgerond;
use chrono::{DateTime, Utc};

/// A source a point can cite: its code, its label and its anchor on the case page.
type Bronlabel = (String, String, String);

fn kort(s: &str, n: usize) -> String {
    let mut k: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        k.push('…');
    }
    k
}

/// The sources of the case, in the order offered: timeline entries (not those of the analysis
/// itself), answered advice, documents.
async fn bronnen(db: &Db, referentie: &str, nu: DateTime<Utc>) -> Result<Vec<Bronlabel>, AnalyseFout> {
    let tijdlijn = crate::behandeling::service::tijdlijn(db, referentie).await.map_err(anders)?;
    let advies = crate::advies::service::van_melding(db, referentie, nu).await.map_err(anders)?;
    let mut labels: Vec<Bronlabel> = Vec::new();
    for t in tijdlijn.iter().filter(|t| t.soort != Tijdlijnsoort::Analyse) {
        let code = Bron::Tijdlijn(t.id.clone()).code();
        let label = format!("{} – {}: {}", crate::tijd::toon(t.tijdstip), t.door, kort(&t.tekst, 90));
        labels.push((code, label, format!("#regel-{}", t.id)));
    }
    for v in advies.iter().filter(|v| v.antwoord.is_some()) {
        let code = Bron::Advies(v.id.clone()).code();
        let label = format!("Advies van {}: {}", v.aan, kort(v.antwoord.as_deref().unwrap_or_default(), 90));
        labels.push((code, label, "#h-advies".into()));
    }
    let documenten = crate::documenten::service::van_melding(db, referentie).await.map_err(anders)?;
    for d in &documenten {
        let code = Bron::Document(d.id.clone()).code();
        let label = format!("Document: {} ({}, {})", d.naam, d.door, crate::tijd::toon(d.tijdstip));
        labels.push((code, label, "#documenten".into()));
    }
    Ok(labels)
}

/// A cited source as shown: with its label and anchor while it is on the case, otherwise what it was.
fn weergave(labels: &[Bronlabel], code: &str) -> BronWeergave {
    match labels.iter().find(|(c, _, _)| c == code) {
        Some((c, l, a)) => BronWeergave { code: c.clone(), label: l.clone(), anker: Some(a.clone()) },
        None => BronWeergave {
            code: code.to_string(),
            label: match Bron::parse(code) {
                Some(Bron::Document(k)) => format!("Document {k}"),
                _ => "Een bron die niet meer op deze melding staat".into(),
            },
            anker: None,
        },
    }
}

/// The points of the analysis, each with its sources as shown.
async fn punten(db: &Db, referentie: &str, labels: &[Bronlabel]) -> Result<Vec<Analysepunt>, AnalyseFout> {
    Ok(repo::punten(db, referentie)
        .await?
        .into_iter()
        .map(|p| Analysepunt {
            bronnen: p.bronnen.iter().map(|b| weergave(labels, b.as_str())).collect(),
            conclusie: p.conclusie,
            id: p.id,
            volgnummer: p.volgnummer,
            punt: p.punt,
            bevindingen: p.bevindingen,
            gewijzigd: p.gewijzigd,
            gewijzigd_door: p.gewijzigd_door.unwrap_or_default(),
        })
        .collect())
}

/// The follow-up actions, a referral with the service's current name and contact data.
async fn opvolgacties(db: &Db, referentie: &str) -> Result<Vec<Opvolgactie>, AnalyseFout> {
    let mut opvolgacties = Vec::new();
    for o in repo::opvolgacties(db, referentie).await? {
        let dienst = match &o.dienst {
            Some(id) => crate::beheer::service::dienst(db, id).await.map_err(anders)?.map(|d| d.met_contact()),
            None => None,
        };
        opvolgacties.push(Opvolgactie {
            soort: o.soort,
            notitie: o.notitie,
            dienst,
            tijdstip: o.tijdstip,
            door: o.door.unwrap_or_default(),
        });
    }
    Ok(opvolgacties)
}

/// Everything the analysis section shows to `g`.
pub async fn dossier(
    db: &Db,
    g: &Gebruiker,
    referentie: &str,
    nu: DateTime<Utc>,
) -> Result<AnalyseDossier, AnalyseFout> {
    let stand = stand(db, referentie).await?;
    let betrokken = repo::betrokkenen(db, referentie).await?.ok_or(AnalyseFout::NietGevonden)?;
    let labels = bronnen(db, referentie, nu).await?;
    let punten = punten(db, referentie, &labels).await?;
    let opvolgacties = opvolgacties(db, referentie).await?;
    let kandidaten = if g.rollen.contains(&Rol::Coordinator) { klantenbeheerders(db).await? } else { Vec::new() };
    Ok(AnalyseDossier {
        referentie: referentie.to_string(),
        versie: stand.versie,
        afgerond: is_afgerond(stand.status),
        conclusie: stand.conclusie,
        conclusie_tekst: stand.conclusie_tekst.clone(),
        punten,
        bronkeuzes: labels.into_iter().map(|(c, l, _)| (c, l)).collect(),
        opvolgacties,
        medebehandelaar: betrokken.medebehandelaar.clone().zip(betrokken.medebehandelaar_naam.clone()),
        voorstel: betrokken.accountbeheerder.clone().zip(betrokken.accountbeheerder_naam.clone()),
        kandidaten,
        ik_klantenbeheerder: g.rollen.contains(&Rol::KlantenbeheerderKinderopvang),
        ik_id: g.id.clone(),
    })
}
