//! Building a router while another thread renders a page must not stall that page.
//!
//! Leptos' `generate_route_list` renders the app once with a process-wide "suppress resource
//! load" flag set; a `Resource` first polled on another thread in that window never loads, so a
//! page rendered with `SsrMode::Async` never finishes (leptos issue 4773). Every HTTP test builds
//! its own router, so now and then a test hung. `server::router` builds the route list once per
//! process; this test builds routers on another thread, as a parallel test does, while it renders
//! the werkbak (a `Resource`, `SsrMode::Async`) over and over. Without that change this test
//! failed in most runs, on one of the first pages.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use axum::http::StatusCode;
use common::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;
use tower::ServiceExt;

/// The least number of pages rendered, and of routers built meanwhile.
const PAGINAS: usize = 40;

/// Builds routers until `klaar`, on its own runtime and over its own database, like another test.
fn bouw_routers(klaar: Arc<AtomicBool>, gebouwd: Arc<AtomicUsize>) {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let verbinding = app::db::Verbinding { endpoint: "mem://", gebruiker: None, wachtwoord: None };
        let state = app::state::AppState::new(app::db::verbind(verbinding).await.unwrap(), config());
        let options = leptos::config::LeptosOptions::builder().output_name("meldpunt").build();
        while !klaar.load(Ordering::Relaxed) {
            drop(server::router(state.clone(), options.clone()));
            gebouwd.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    });
}

#[tokio::test]
async fn building_routers_does_not_stall_a_page_rendered_meanwhile() {
    let (app, _) = app().await;
    let cookie = inloggen(&app, "els@meldpunt.test").await;
    let klaar = Arc::new(AtomicBool::new(false));
    let gebouwd = Arc::new(AtomicUsize::new(0));
    let bouwer = std::thread::spawn({
        let (klaar, gebouwd) = (klaar.clone(), gebouwd.clone());
        move || bouw_routers(klaar, gebouwd)
    });
    while gebouwd.load(Ordering::Relaxed) == 0 {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }

    // At least PAGINAS pages, and at least PAGINAS routers built while they rendered.
    let begin = gebouwd.load(Ordering::Relaxed);
    let mut i = 0;
    while i < PAGINAS || gebouwd.load(Ordering::Relaxed) - begin < PAGINAS {
        let pagina = async {
            let resp = app.clone().oneshot(met(get("/werkbak"), &cookie)).await.unwrap();
            assert_eq!(resp.status(), StatusCode::OK);
            tekst(resp).await
        };
        let html = tokio::time::timeout(Duration::from_secs(30), pagina).await;
        assert!(html.is_ok(), "page {i} did not finish within 30 s while routers were being built");
        assert!(html.unwrap().contains("M-20"), "the werkbak lists meldingen");
        i += 1;
    }
    klaar.store(true, Ordering::Relaxed);
    bouwer.join().unwrap();
}
