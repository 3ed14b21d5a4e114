//! Every demo case, as stored, is a case the app could have produced: its facts obey the case state
//! machine (`behandeling::model`, README "Case handling") and its timeline is a path through it.
//! The rules below come from the domain, not from the generator.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::behandeling::model::{HandelingSoort, Uitkomst, overgang};
use app::behandeling::repo::{STAND_VELDEN, StandDb, tijdlijn};
use app::gemeen::tijdlijn::{RegelDb, Tijdlijnsoort};
use app::termijnen::model::{kalenderdagen, vervaldata};
use app::zaak::model::{Status, is_afgerond};
use chrono::{DateTime, Utc};
use surrealdb::types::{SurrealValue, Value};

#[derive(Debug, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct Rij {
    referentie: String,
    #[surreal(flatten)]
    stand: StandDb,
    open: bool,
    laat_vanaf: Option<String>,
    afgerond: Option<DateTime<Utc>>,
    vervalt_bevestiging: Option<String>,
    vervalt_uitkomst: Option<String>,
}

/// The status a timeline entry moves the case to ("Status gewijzigd naar In behandeling. …").
fn naar(r: &RegelDb) -> Option<Status> {
    let rest = r.tekst.strip_prefix("Status gewijzigd naar ")?;
    Status::ALLE.iter().copied().find(|s| rest.starts_with(&format!("{}.", s.label())))
}

/// Some step of the state machine leads from `van` to `naar`.
fn mag(van: Status, naar: Status) -> bool {
    HandelingSoort::ALLE.iter().any(|h| {
        let (vanaf, doel) = overgang(*h);
        vanaf.contains(&van) && doel == Some(naar)
    })
}

/// The deadline still running for an open case, as README "Architecture" defines `laat_vanaf`:
/// the first response's while not given, the outcome's while the clock is not paused, the
/// earlier of the two when both run.
fn laat_vanaf(r: &Rij, status: Status) -> Option<String> {
    let s = &r.stand;
    if is_afgerond(status) {
        return None;
    }
    let lopend = [
        (!s.bevestigd).then(|| r.vervalt_bevestiging.clone()).flatten(),
        s.pauze_sinds.is_none().then(|| r.vervalt_uitkomst.clone()).flatten(),
    ];
    lopend.into_iter().flatten().min()
}

/// What must hold for one stored case and its timeline; `staf`: (id, name) of who may handle cases.
fn controleer(r: &Rij, t: &[RegelDb], staf: &[(String, String)], nu: DateTime<Utc>) -> Result<(), String> {
    use Status::*;
    let s = &r.stand;
    let status = s.status;
    let bezig = matches!(status, InBehandeling | WachtOpInfo | Conclusie | Afgesloten | Heropend);
    let ok = |v: bool, wat: &str| if v { Ok(()) } else { Err(format!("{status:?}: {wat}")) };

    // The facts.
    ok(r.open != is_afgerond(status), "open agrees with the status")?;
    ok(r.afgerond.is_some() == is_afgerond(status), "a finish time exactly when finished")?;
    ok(!bezig || s.behandelaar.is_some(), "taken up, so it has a behandelaar")?;
    ok(s.behandelaar.as_ref().is_none_or(|b| staf.iter().any(|(id, _)| id == b)), "the behandelaar handles cases")?;
    ok(!bezig || s.bevestigd, "taken up, so the melder got an acknowledgement (or could not)")?;
    ok(status != Ontvangen || !s.bevestigd, "not acknowledged before being taken up")?;
    ok(s.conclusie.is_some() == matches!(status, Conclusie | Afgesloten), "a conclusion exactly when concluded")?;
    ok(s.uitkomst.is_some() == (status == Afgesloten), "closed cases have an outcome, others none")?;
    let verstuurd = matches!(s.uitkomst, Some(Uitkomst::Verstuurd(_)));
    ok(!verstuurd || s.melder_bereikbaar, "an outcome is sent only to a reachable melder")?;
    ok(s.wacht_op.is_some() == (status == WachtOpInfo), "waits on someone exactly while waiting")?;
    ok(s.pauze_sinds.is_some() == (status == WachtOpInfo), "the clock is paused exactly while waiting")?;

    // The clocks, as the app computes them from these facts.
    let (b, u) = vervaldata(&s.klok(is_afgerond(status)));
    ok(r.vervalt_bevestiging.as_deref() == Some(&b) && r.vervalt_uitkomst.as_deref() == Some(&u), "stored deadlines")?;
    ok(r.laat_vanaf == laat_vanaf(r, status), "laat_vanaf is the running deadline")?;

    // The timeline: received first, in order of time and version, each version from one change.
    let eerste = t.first().ok_or("empty timeline")?;
    ok(
        eerste.soort == Tijdlijnsoort::Ontvangen && eerste.tijdstip == s.ontvangen && eerste.versie == 1,
        "received first",
    )?;
    if let Some(w) = t.windows(2).find(|w| w[0].tijdstip > w[1].tijdstip || w[0].versie > w[1].versie) {
        return Err(format!(
            "out of order: {} (v{}) before {} (v{})",
            w[0].tekst, w[0].versie, w[1].tekst, w[1].versie
        ));
    }
    ok(t.iter().all(|e| e.tijdstip <= nu && !e.door.is_empty()), "in the past, by someone")?;
    let mut versies: Vec<i64> = t.iter().map(|e| e.versie).collect();
    versies.dedup();
    ok(versies == (1..=s.versie).collect::<Vec<_>>(), "every version of the case wrote entries")?;

    // ... and a path through the state machine that ends in the stored facts.
    let (mut huidig, mut toegewezen, mut gepauzeerd, mut verlengd) = (Ontvangen, None::<&str>, 0, 0);
    let mut wacht_sinds = None;
    for e in &t[1..] {
        if e.soort == Tijdlijnsoort::Toewijzing {
            toegewezen = Some(e.tekst.as_str());
        }
        if let Some(dagen) = e.tekst.strip_prefix("Termijn voor de uitkomst verlengd met ") {
            let n: i64 = dagen.split(' ').next().and_then(|d| d.parse().ok()).ok_or("extension days")?;
            ok(e.soort == Tijdlijnsoort::Termijn && (1..=90).contains(&n), "an extension of 1 to 90 days")?;
            verlengd += n;
        }
        let Some(volgende) = naar(e) else { continue };
        ok(e.soort == Tijdlijnsoort::Status, "status changes are status entries")?;
        if !mag(huidig, volgende) {
            return Err(format!("{}: no step from {huidig:?} to {volgende:?}", e.tekst));
        }
        if matches!(volgende, InBehandeling | Heropend) {
            ok(toegewezen.is_some(), "assigned before being taken up or reopened")?;
        }
        match (huidig == WachtOpInfo, volgende == WachtOpInfo) {
            (false, true) => wacht_sinds = Some(e.tijdstip),
            (true, false) => gepauzeerd += kalenderdagen(wacht_sinds.take().ok_or("wait without start")?, e.tijdstip),
            _ => {}
        }
        huidig = volgende;
    }
    ok(huidig == status, "the timeline ends in the stored status")?;
    let naam = s.behandelaar.as_ref().and_then(|b| staf.iter().find(|(id, _)| id == b)).map(|(_, n)| n.as_str());
    let laatste_toewijzing = toegewezen.map(|t| t.split(". Reden:").next().unwrap_or(t).trim_end_matches('.'));
    ok(laatste_toewijzing == naam.map(|n| format!("Toegewezen aan {n}")).as_deref(), "the last assignment")?;
    ok(s.pauze_dagen == gepauzeerd, "pause days are the closed waits on the timeline")?;
    ok(s.verlenging_dagen == verlengd, "extension days are the extensions on the timeline")?;
    let sinds = s.pauze_sinds.map(|p| (wacht_sinds.unwrap_or(p) - p).num_seconds().abs());
    ok(sinds.is_none_or(|d| d < 1), "the running pause started when the wait did")?;
    Ok(())
}

#[tokio::test]
async fn every_demo_case_obeys_the_state_machine() {
    let db = common::db_met_demo(300).await;
    let nu = Utc::now();
    let staf = app::behandeling::service::medewerkers(&db).await.unwrap();
    let sql = format!(
        "SELECT referentie, {STAND_VELDEN}, open, laat_vanaf, afgerond, vervalt_bevestiging, vervalt_uitkomst
         FROM melding ORDER BY referentie"
    );
    let rijen: Vec<Rij> = db.query(sql).await.unwrap().check().unwrap().take(0).unwrap();
    assert!(!rijen.is_empty());
    assert_eq!(rijen.len(), 300);
    let mut fouten = Vec::new();
    let mut statussen = std::collections::BTreeSet::new();
    for r in &rijen {
        let t = tijdlijn(&db, &r.referentie, None).await.unwrap();
        if let Err(e) = controleer(r, &t, &staf, nu) {
            fouten.push(format!("{}: {e}", r.referentie));
        }
        statussen.insert(r.stand.status.code());
    }
    assert!(fouten.is_empty(), "{} of {} cases break a rule:\n{}", fouten.len(), rijen.len(), fouten.join("\n"));
    // Every status of the state machine is shown, so the rules above were all exercised.
    assert_eq!(statussen.len(), Status::ALLE.len(), "{statussen:?}");
}
