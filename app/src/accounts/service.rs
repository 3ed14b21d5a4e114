//! Account administration. Every change goes through the auth service (which ends the account's
//! sessions where the change calls for it) and is written to the audit log with the admin.

use super::model::{AccountRegel, BeheerOverzicht, NieuwAccount};
use super::repo;
use crate::advies::model::Discipline;
use crate::auth::model::{Gebruiker, Rol, Wachtwoord};
use crate::auth::service::{self as auth, AuthFout, Door};
use crate::auth::tweede_factor::service::{self as tweede_factor, TweedeFactorFout};
use crate::error::AppError;
use crate::gemeen::Db;
use crate::gemeen::audit;
use crate::gemeen::audit::{Actie, Wie};
use crate::gemeen::{Foutsoort, GebruikersFout, STORING};

#[derive(Debug, thiserror::Error)]
pub enum BeheerFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
    #[error("auth: {0}")]
    Auth(#[from] AuthFout),
    #[error("second factor: {0}")]
    TweedeFactor(#[from] TweedeFactorFout),
    #[error("no such account")]
    NietGevonden,
    #[error("an admin cannot do this to their own account")]
    EigenAccount(&'static str),
}

impl GebruikersFout for BeheerFout {
    fn soort(&self) -> Foutsoort {
        match self {
            Self::NietGevonden => Foutsoort::NietGevonden,
            Self::EigenAccount(_) | Self::Auth(AuthFout::BestaatAl) => Foutsoort::Ongeldig,
            _ => Foutsoort::Storing,
        }
    }

    fn bericht(&self) -> String {
        match self {
            Self::NietGevonden => AppError::NietGevonden.to_string(),
            Self::EigenAccount(m) => (*m).to_string(),
            Self::Auth(AuthFout::BestaatAl) => "Er bestaat al een account met dit e-mailadres.".into(),
            _ => STORING.into(),
        }
    }
}

impl From<BeheerFout> for AppError {
    fn from(e: BeheerFout) -> Self {
        e.naar_app()
    }
}

fn regel(r: repo::AccountRij) -> AccountRegel {
    AccountRegel {
        id: r.id,
        naam: r.naam,
        email: r.email,
        rollen: r.rollen,
        discipline: r.discipline,
        actief: r.actief,
        totp: r.totp,
    }
}

pub async fn overzicht(db: &Db) -> Result<BeheerOverzicht, BeheerFout> {
    Ok(BeheerOverzicht {
        accounts: repo::lijst(db).await?.into_iter().map(regel).collect(),
        verplicht: tweede_factor::verplichte_rollen(db).await?,
    })
}

pub async fn account(db: &Db, id: &str) -> Result<AccountRegel, BeheerFout> {
    repo::een(db, id).await?.map(regel).ok_or(BeheerFout::NietGevonden)
}

/// Adds an account; answers its id.
pub async fn voeg_toe(db: &Db, door: Door<'_>, n: NieuwAccount) -> Result<String, BeheerFout> {
    let id = auth::voeg_gebruiker_toe(db, &n.email, &n.naam, &n.rollen, n.wachtwoord).await?;
    repo::zet_discipline(db, &n.email, n.discipline).await?;
    let rollen = n.rollen.iter().map(|r| r.code()).collect::<Vec<_>>().join(", ");
    let wie = door.gebruiker.map_or(Wie::Onbekend, |g| Wie::Gebruiker(g));
    audit::schrijf(db, wie, Actie::Aanmaken, Some(&format!("account:{} rollen: {rollen}", n.email)), door.adres).await;
    Ok(id)
}

fn is_zelf(door: &Door<'_>, a: &AccountRegel) -> bool {
    door.gebruiker.is_some_and(|g| g.id == a.id)
}

/// New roles and discipline; the account's sessions end (a change of privilege).
pub async fn zet_rollen(
    db: &Db,
    door: Door<'_>,
    id: &str,
    rollen: &[Rol],
    discipline: Option<Discipline>,
) -> Result<(), BeheerFout> {
    let a = account(db, id).await?;
    if is_zelf(&door, &a) && !rollen.contains(&Rol::Beheerder) {
        return Err(BeheerFout::EigenAccount(
            "U kunt uw eigen rol als beheerder niet afnemen. Vraag dat aan een andere beheerder.",
        ));
    }
    repo::zet_discipline(db, &a.email, discipline).await?;
    auth::zet_rollen_door(db, door, &a.email, rollen).await?;
    Ok(())
}

/// Disables (sessions end at once) or enables an account.
pub async fn zet_actief(db: &Db, door: Door<'_>, id: &str, actief: bool) -> Result<(), BeheerFout> {
    let a = account(db, id).await?;
    if is_zelf(&door, &a) && !actief {
        return Err(BeheerFout::EigenAccount("U kunt uw eigen account niet uitschakelen."));
    }
    auth::zet_actief_door(db, door, &a.email, actief).await?;
    Ok(())
}

/// A new password set by the admin; the account's sessions end.
pub async fn zet_wachtwoord(db: &Db, door: Door<'_>, id: &str, w: Wachtwoord) -> Result<(), BeheerFout> {
    let a = account(db, id).await?;
    auth::zet_wachtwoord_door(db, door, &a.email, w).await?;
    Ok(())
}

/// Wipes the account's second factor and recovery codes (e.g. a lost phone); sessions end.
pub async fn wis_tweede_factor(
    db: &Db,
    door: &Gebruiker,
    id: &str,
    adres: Option<std::net::IpAddr>,
) -> Result<(), BeheerFout> {
    let a = account(db, id).await?;
    tweede_factor::wis(db, door, &a.email, adres).await?;
    Ok(())
}
