//! Writing audit entries (server only). A failed write is logged; it never breaks the request.

use super::{Actie, SYSTEEM, schoon};
use crate::auth::model::Gebruiker;
use crate::gemeen::Db;

/// Who acted: a staff member, or nobody known (a refused or failed attempt).
pub enum Wie<'a> {
    Gebruiker(&'a Gebruiker),
    /// An account known only by its record key (e.g. at login).
    Account(&'a str),
    Onbekend,
    /// The server itself (a scheduled job or a command), recorded as `systeem`.
    Systeem,
}

pub async fn schrijf(db: &Db, wie: Wie<'_>, actie: Actie, object: Option<&str>, adres: Option<std::net::IpAddr>) {
    let (gebruiker, rollen) = match wie {
        Wie::Gebruiker(g) => (Some(schoon(&g.id)), g.rollen.iter().map(|r| r.code().to_string()).collect()),
        Wie::Account(id) => (Some(schoon(id)), Vec::new()),
        Wie::Onbekend => (None, Vec::new()),
        Wie::Systeem => (Some(SYSTEEM.to_string()), vec![SYSTEEM.to_string()]),
    };
    let res = db
        .query(
            "CREATE audit SET tijdstip = time::now(), gebruiker = $gebruiker, rollen = $rollen, actie = $actie,
                 object = $object, adres = $adres RETURN NONE",
        )
        .bind(("gebruiker", gebruiker))
        .bind(("rollen", rollen))
        .bind(("actie", actie))
        .bind(("object", object.map(schoon)))
        .bind(("adres", adres.map(|a| a.to_string())))
        .await
        .and_then(|r| r.check());
    if let Err(e) = res {
        tracing::error!(error = %e, actie = actie.code(), "audit entry could not be written");
    }
}

/// For server functions: the user and address of the current request.
pub async fn schrijf_voor_verzoek(db: &Db, gebruiker: Option<&Gebruiker>, actie: Actie, object: Option<&str>) {
    let adres = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip()));
    let wie = gebruiker.map_or(Wie::Onbekend, Wie::Gebruiker);
    schrijf(db, wie, actie, object, adres).await;
}
