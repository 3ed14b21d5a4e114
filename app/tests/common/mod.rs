#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test
use app::db::{Verbinding, migreer, verbind};
use app::gemeen::Db;
use app::meldingen::formulier::MeldFormulier;

pub mod berichten;

/// A fresh, migrated in-memory database: one per test.
pub async fn db() -> Db {
    let db = verbind(Verbinding { endpoint: "mem://", gebruiker: None, wachtwoord: None }).await.unwrap();
    migreer(&db).await.unwrap();
    db
}

/// A database with the demo organisers and locations and `n` meldingen.
pub async fn db_met_demo(n: usize) -> Db {
    let db = db().await;
    app::seed::laad_demo(&db, &app::seed::genereer(n, chrono::Utc::now())).await.unwrap();
    db
}

/// A staff account with these roles (password "lang genoeg wachtwoord"), as the signed-in user.
pub async fn account(db: &Db, email: &str, rollen: &[app::auth::model::Rol]) -> app::auth::model::Gebruiker {
    let wachtwoord = app::auth::model::Wachtwoord::new("lang genoeg wachtwoord");
    let id = app::auth::service::voeg_gebruiker_toe(db, email, email, rollen, wachtwoord).await.unwrap();
    app::auth::model::Gebruiker { id, email: email.into(), naam: email.into(), rollen: rollen.to_vec() }
}

pub fn formulier(locatie: &str, omschrijving: &str) -> MeldFormulier {
    MeldFormulier {
        locatie_id: locatie.into(),
        categorieen: vec!["veiligheid".into()],
        omschrijving: omschrijving.into(),
        feit_datum: (chrono::Utc::now().date_naive() - chrono::Days::new(2)).format("%Y-%m-%d").to_string(),
        relatie: "ouder".into(),
        naam: "Wout Maes".into(),
        telefoon: "0470 12 34 56".into(),
        privacy: true,
        ..Default::default()
    }
}
