//! Shared by the message tests: the starter templates, a melding with an e-mail address, the
//! sender, and filling the places a template leaves open.

#![allow(dead_code)] // each test file uses part of this

use app::berichten::service::Afzender;
use app::gemeen::Db;
use app::meldingen::intake::{Indiening, dien_in};
use chrono::Utc;

pub async fn met_sjablonen(db: &Db) {
    app::sjablonen::service::importeer_als_leeg(db, std::path::Path::new("../content")).await.unwrap().unwrap();
}

/// A melding through the public form, with the melder's e-mail address.
pub async fn melding(db: &Db, email: &str) -> String {
    let mut f = super::formulier("L0007", "De poort van de speelplaats stond open en niemand hield toezicht.");
    f.email = email.into();
    f.naam = "Jana <Peeters> & co".into();
    let Indiening::Ontvangen(b) = dien_in(db, &f, Utc::now()).await.unwrap() else { panic!("refused") };
    b.referentie.to_string()
}

pub fn afzender() -> Afzender {
    Afzender { smtp: true, email: "meldpunt@meldpunt.test".into(), ..Afzender::default() }
}

pub fn vul_plekken(tekst: &str) -> String {
    let mut uit = String::new();
    let mut rest = tekst;
    while let Some(begin) = rest.find("[[") {
        let einde = rest[begin..].find("]]").unwrap() + begin + 2;
        uit.push_str(&rest[..begin]);
        uit.push_str("We bezochten de opvang.");
        rest = &rest[einde..];
    }
    uit.push_str(rest);
    uit
}

