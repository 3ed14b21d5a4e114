//! Analysis per point and follow-up actions: the rules between the routes and the queries. Point
//! edits go through the case's version check, like the steps. Co-handling is in `medebehandeling`,
//! what the section shows in `dossier`.

use super::model::*;
use super::repo::{self, Opslag, PuntSchrijf};
use crate::auth::model::{Gebruiker, Rol};
use crate::behandeling::service::Stand;
use crate::gemeen::Db;
use crate::gemeen::records::gebruiker_record;
use crate::gemeen::tijdlijn::{TijdlijnItem, Tijdlijnsoort};
use crate::gemeen::{Foutsoort, GebruikersFout, STORING};
use crate::zaak::model::{Beoordeling, is_afgerond};
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

pub(super) use crate::zaak::service::regel;

/// Another feature's failure, seen from here.
pub(super) fn anders(e: impl std::fmt::Display) -> AnalyseFout {
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
