//! Meldpunt: components, domain types shared by server and browser, server functions,
//! and the `hydrate()` entry point for the islands.
#![recursion_limit = "256"]

pub mod accounts;
pub mod advies;
pub mod analyse;
pub mod audit;
pub mod auth;
pub mod behandeling;
pub mod beheer;
pub mod berichten;
pub mod bewaring;
pub mod citaten;
#[cfg(feature = "ssr")]
pub mod db;
pub mod documenten;
pub mod dubbels;
pub mod error;
#[cfg(feature = "ssr")]
pub mod geheim;
pub mod gemeen;
pub mod handhaving;
pub mod kennisbank;
#[cfg(feature = "ssr")]
pub mod kluis;
#[cfg(feature = "ssr")]
pub mod limiet;
pub mod locaties;
pub mod meldingen;
pub mod opvolgen;
pub mod seed;
pub mod sjablonen;
#[cfg(feature = "ssr")]
pub mod state;
pub mod termijnen;
pub mod tijd;
pub mod ui;
pub mod zaak;

pub mod shell;
pub use shell::{App, shell};

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Readable panic messages while developing; left out of release bundles to keep them small.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // A marker for tests and styles: interactive parts are live from here on.
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
