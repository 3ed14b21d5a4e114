//! Analysis per point and follow-up actions: the rules between the routes and the queries. Point
//! edits go through the case's version check, like the steps. Co-handling is in `medebehandeling`.

use super::model::*;
use super::repo::{self, Opslag, PuntSchrijf};
use crate::auth::model::{Gebruiker, Rol};
use crate::behandeling::model::{Beoordeling, is_afgerond};
use crate::behandeling::service::Stand;
use crate::gemeen::Db;
use crate::gemeen::records::gebruiker_record;
use crate::gemeen::tijdlijn::Tijdlijnsoort;
use crate::gemeen::{Foutsoort, GebruikersFout, STORING};
use crate::meldingen::model::TijdlijnItem;
use chrono::{DateTime, Utc};

pub use super::medebehandeling::zet_medebehandelaar;

#[derive(Debug, thiserror::Error)]
pub enum AnalyseFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
    #[error("case not found")]
    NietGevonden,
    #[error("the case changed since version {gelezen}")]
    Verouderd { gelezen: i64, wijzigingen: Vec<TijdlijnItem> },
    #[error("the case is closed")]
    Afgerond,
    #[error("source does not belong to this case: {0}")]
    VreemdeBron(String),
    #[error("point not on this case")]
    OnbekendPunt,
    #[error("no active service: {0}")]
    OnbekendeDienst(String),
    #[error("not an active account manager: {0}")]
    GeenKlantenbeheerder(String),
    #[error("only a coordinator makes someone else co-handler")]
    GeenToewijzingsrecht,
    #[error("already the co-handler")]
    AlMedebehandelaar,
    #[error("a reason is needed to replace the co-handler")]
    RedenNodig,
    #[error("a reason is needed to end someone else's co-handling")]
    RedenNodigBijStoppen,
    #[error("only the co-handler or a coordinator ends co-handling")]
    GeenStoprecht,
    #[error("the case has no co-handler")]
    GeenMedebehandelaar,
    #[error("stored data does not match the domain: {0}")]
    Inconsistent(String),
}

impl GebruikersFout for AnalyseFout {
    fn soort(&self) -> Foutsoort {
        match self {
            Self::Verouderd { .. } => Foutsoort::Verouderd,
            Self::NietGevonden => Foutsoort::NietGevonden,
            Self::Db(_) | Self::Inconsistent(_) => Foutsoort::Storing,
            _ => Foutsoort::Ongeldig,
        }
    }

    /// The form field the message belongs next to, if any.
    fn veld(&self) -> Option<&'static str> {
        match self {
            Self::VreemdeBron(_) => Some("bron"),
            Self::OnbekendeDienst(_) => Some("dienst"),
            Self::GeenKlantenbeheerder(_) | Self::AlMedebehandelaar | Self::GeenMedebehandelaar => Some("aan"),
            Self::RedenNodig | Self::RedenNodigBijStoppen => Some("reden"),
            _ => None,
        }
    }

    fn bericht(&self) -> String {
        match self {
            Self::NietGevonden => "Deze melding bestaat niet.".into(),
            Self::Verouderd { .. } => "Iemand anders wijzigde deze melding terwijl u ze bekeek. Uw wijziging is niet \
                bewaard. Bekijk wat er veranderde en probeer opnieuw; uw tekst staat nog in het formulier."
                .into(),
            Self::Afgerond => "Deze melding is afgerond. Heropen ze eerst om dit te wijzigen.".into(),
            Self::VreemdeBron(_) => "Kies bronnen uit de lijst: tijdlijnregels en beantwoorde adviesvragen van deze \
                melding."
                .into(),
            Self::OnbekendPunt => "Dit punt bestaat niet (meer). Laad de melding opnieuw.".into(),
            Self::OnbekendeDienst(_) => "Kies een actieve dienst uit de lijst.".into(),
            Self::GeenKlantenbeheerder(_) => "Alleen een klantenbeheerder kinderopvang kan medebehandelaar zijn. \
                Kies iemand uit de lijst."
                .into(),
            Self::GeenToewijzingsrecht => "Alleen een teamcoördinator maakt iemand anders medebehandelaar.".into(),
            Self::AlMedebehandelaar => "Deze persoon is al medebehandelaar van deze melding.".into(),
            Self::RedenNodig => "Geef een reden: de melding had al een medebehandelaar.".into(),
            Self::RedenNodigBijStoppen => "Geef een reden waarom de medebehandeling stopt.".into(),
            Self::GeenStoprecht => {
                "Alleen de medebehandelaar zelf of een teamcoördinator beëindigt de medebehandeling.".into()
            }
            Self::GeenMedebehandelaar => "Deze melding heeft geen medebehandelaar.".into(),
            Self::Db(_) | Self::Inconsistent(_) => STORING.into(),
        }
    }
}

impl From<AnalyseFout> for crate::error::AppError {
    fn from(e: AnalyseFout) -> Self {
        e.naar_app()
    }
}

pub(super) use crate::behandeling::service::regel;

/// Another feature's failure, seen from here.
fn anders(e: impl std::fmt::Display) -> AnalyseFout {
    AnalyseFout::Inconsistent(e.to_string())
}

/// The handling facts of the case (`NietGevonden` for an unknown one).
pub(super) async fn stand(db: &Db, referentie: &str) -> Result<Stand, AnalyseFout> {
    crate::behandeling::service::stand(db, referentie).await.map_err(anders)?.ok_or(AnalyseFout::NietGevonden)
}

pub(super) async fn verouderd(db: &Db, referentie: &str, gelezen: i64) -> AnalyseFout {
    match crate::behandeling::service::wijzigingen_sinds(db, referentie, gelezen).await {
        Ok(wijzigingen) => AnalyseFout::Verouderd { gelezen, wijzigingen },
        Err(e) => anders(e),
    }
}

/// The co-handler of a case (for the access check); `None` when there is none or no such case.
pub async fn medebehandelaar(db: &Db, referentie: &str) -> Result<Option<String>, AnalyseFout> {
    Ok(repo::medebehandelaar(db, referentie).await?)
}

fn kort(s: &str, n: usize) -> String {
    let mut k: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        k.push('…');
    }
    k
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
    let tijdlijn = crate::behandeling::service::tijdlijn(db, referentie).await.map_err(anders)?;
    let advies = crate::advies::service::van_melding(db, referentie, nu).await.map_err(anders)?;
    let mut bronkeuzes: Vec<(String, String)> = Vec::new();
    let mut labels: Vec<(String, String, String)> = Vec::new();
    for t in tijdlijn.iter().filter(|t| t.soort != Tijdlijnsoort::Analyse) {
        let code = Bron::Tijdlijn(t.id.clone()).code();
        let label = format!("{} – {}: {}", crate::tijd::toon(t.tijdstip), t.door, kort(&t.tekst, 90));
        bronkeuzes.push((code.clone(), label.clone()));
        labels.push((code, label, format!("#regel-{}", t.id)));
    }
    for v in advies.iter().filter(|v| v.antwoord.is_some()) {
        let code = Bron::Advies(v.id.clone()).code();
        let label = format!("Advies van {}: {}", v.aan, kort(v.antwoord.as_deref().unwrap_or_default(), 90));
        bronkeuzes.push((code.clone(), label.clone()));
        labels.push((code, label, "#h-advies".into()));
    }
    let documenten = crate::documenten::service::van_melding(db, referentie).await.map_err(anders)?;
    for d in &documenten {
        let code = Bron::Document(d.id.clone()).code();
        let label = format!("Document: {} ({}, {})", d.naam, d.door, crate::tijd::toon(d.tijdstip));
        bronkeuzes.push((code.clone(), label.clone()));
        labels.push((code, label, "#documenten".into()));
    }
    let weergave = |code: &str| match labels.iter().find(|(c, _, _)| c == code) {
        Some((c, l, a)) => BronWeergave { code: c.clone(), label: l.clone(), anker: Some(a.clone()) },
        None => BronWeergave {
            code: code.to_string(),
            label: match Bron::parse(code) {
                Some(Bron::Document(k)) => format!("Document {k}"),
                _ => "Een bron die niet meer op deze melding staat".into(),
            },
            anker: None,
        },
    };
    let punten = repo::punten(db, referentie)
        .await?
        .into_iter()
        .map(|p| Analysepunt {
            bronnen: p.bronnen.iter().map(|b| weergave(b.as_str())).collect(),
            conclusie: p.conclusie,
            id: p.id,
            volgnummer: p.volgnummer,
            punt: p.punt,
            bevindingen: p.bevindingen,
            gewijzigd: p.gewijzigd,
            gewijzigd_door: p.gewijzigd_door.unwrap_or_default(),
        })
        .collect();
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
    let kandidaten = if g.rollen.contains(&Rol::Coordinator) { klantenbeheerders(db).await? } else { Vec::new() };
    Ok(AnalyseDossier {
        referentie: referentie.to_string(),
        versie: stand.versie,
        afgerond: is_afgerond(stand.status),
        conclusie: stand.conclusie,
        conclusie_tekst: stand.conclusie_tekst.clone(),
        punten,
        bronkeuzes,
        opvolgacties,
        medebehandelaar: betrokken.medebehandelaar.clone().zip(betrokken.medebehandelaar_naam.clone()),
        voorstel: betrokken.accountbeheerder.clone().zip(betrokken.accountbeheerder_naam.clone()),
        kandidaten,
        ik_klantenbeheerder: g.rollen.contains(&Rol::KlantenbeheerderKinderopvang),
        ik_id: g.id.clone(),
    })
}

/// Active account managers (klantenbeheerders kinderopvang), as (id, name).
pub async fn klantenbeheerders(db: &Db) -> Result<Vec<(String, String)>, AnalyseFout> {
    crate::behandeling::service::medewerkers_met(db, &[Rol::KlantenbeheerderKinderopvang]).await.map_err(anders)
}

async fn controleer_bron(db: &Db, referentie: &str, b: &Bron) -> Result<(), AnalyseFout> {
    let (tabel, key) = match b {
        Bron::Tijdlijn(k) => ("tijdlijn", k),
        Bron::Advies(k) => ("adviesvraag", k),
        Bron::Document(k) => ("document", k),
    };
    if repo::bron_van_melding(db, referentie, tabel, key).await? {
        Ok(())
    } else {
        Err(AnalyseFout::VreemdeBron(b.code()))
    }
}

fn punt_tekst(nummer: i64, nieuw: bool, p: &PuntInvoer) -> String {
    let mut t = format!(
        "Analysepunt {nummer} {}: “{}”. Conclusie: {}.",
        if nieuw { "toegevoegd" } else { "gewijzigd" },
        p.punt,
        p.conclusie.map_or("nog niet beoordeeld", Beoordeling::label)
    );
    if !p.bevindingen.is_empty() {
        t.push_str(&format!(" Bevindingen: {}", p.bevindingen));
    }
    if !p.bronnen.is_empty() {
        t.push_str(&format!(" ({} {})", p.bronnen.len(), if p.bronnen.len() == 1 { "bron" } else { "bronnen" }));
    }
    t
}

/// Adds or changes a point of the analysis, if the case is still at version `versie`.
/// Every source must belong to this case. Returns the point's key.
pub async fn bewaar_punt(
    db: &Db,
    g: &Gebruiker,
    referentie: &str,
    versie: i64,
    p: PuntInvoer,
    nu: DateTime<Utc>,
) -> Result<String, AnalyseFout> {
    let stand = stand(db, referentie).await?;
    if stand.versie != versie {
        return Err(verouderd(db, referentie, versie).await);
    }
    if is_afgerond(stand.status) {
        return Err(AnalyseFout::Afgerond);
    }
    for b in &p.bronnen {
        controleer_bron(db, referentie, b).await?;
    }
    let bestaande = repo::punten(db, referentie).await?;
    let (key, nummer) = match &p.id {
        Some(id) => {
            let punt = bestaande.iter().find(|b| &b.id == id).ok_or(AnalyseFout::OnbekendPunt)?;
            (id.clone(), punt.volgnummer)
        }
        None => {
            let key = format!("p{:016x}", rand::random::<u64>());
            (key, bestaande.iter().map(|b| b.volgnummer).max().unwrap_or(0) + 1)
        }
    };
    let tekst = punt_tekst(nummer, p.id.is_none(), &p);
    let schrijf = PuntSchrijf {
        punt: p.punt.clone(),
        bevindingen: p.bevindingen.clone(),
        bronnen: p.bronnen.iter().map(Bron::code).collect(),
        conclusie: p.conclusie,
    };
    let r = regel(nu, g, Tijdlijnsoort::Analyse, tekst);
    match repo::bewaar_punt(
        db,
        referentie,
        versie,
        p.id.as_deref(),
        (key.as_str(), nummer),
        schrijf,
        gebruiker_record(&g.id),
        r,
    )
    .await?
    {
        Opslag::Bewaard(_) => {
            tracing::info!(referentie, punt = %key, "analysis point stored");
            Ok(key)
        }
        Opslag::Verouderd => Err(verouderd(db, referentie, versie).await),
        Opslag::Onbekend if p.id.is_some() => Err(AnalyseFout::OnbekendPunt),
        Opslag::Onbekend => Err(AnalyseFout::NietGevonden),
    }
}

/// Records a follow-up action with its note (and, for a referral, an active service).
pub async fn voeg_opvolging_toe(
    db: &Db,
    g: &Gebruiker,
    referentie: &str,
    o: OpvolgInvoer,
    nu: DateTime<Utc>,
) -> Result<(), AnalyseFout> {
    let dienst = match &o.dienst {
        Some(id) => Some(
            crate::beheer::service::actieve_dienst(db, id)
                .await
                .map_err(anders)?
                .ok_or_else(|| AnalyseFout::OnbekendeDienst(id.clone()))?,
        ),
        None => None,
    };
    let tekst = match &dienst {
        Some(d) => format!("Opvolging: doorverwezen naar {}. {}", d.met_contact(), o.notitie.as_str()),
        None => format!("Opvolging: {}. {}", o.soort.label(), o.notitie.as_str()),
    };
    let record = dienst.as_ref().map(|d| surrealdb::types::RecordId::new("dienst", d.id.as_str()));
    let r = regel(nu, g, Tijdlijnsoort::Opvolging, tekst);
    match repo::voeg_opvolging_toe(
        db,
        referentie,
        o.soort,
        o.notitie.as_str().to_string(),
        record,
        gebruiker_record(&g.id),
        r,
    )
    .await?
    {
        Opslag::Bewaard(_) => {
            tracing::info!(referentie, soort = o.soort.code(), "follow-up action recorded");
            Ok(())
        }
        _ => Err(AnalyseFout::NietGevonden),
    }
}
