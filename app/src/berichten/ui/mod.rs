//! The message pages, server-rendered HTML: the composer (its text field an island with a live
//! preview), one message with its proof and the reviewer's form, the review list, the outbox,
//! and the case's message section.

mod bericht;
mod lijsten;
mod live;
mod schrijven;

pub use bericht::BerichtScherm;
pub use lijsten::{BerichtenVak, NazichtLijst, UitgaandLijst};
pub use schrijven::Schrijven;

use crate::error::AppError;
use leptos::prelude::*;

/// A refusal or failure in place of the page; an unknown message or case answers 404.
fn laadfout(e: AppError, titel: &'static str) -> AnyView {
    let verder = view! { <p><a href="/werkbak">"Naar de werkbak"</a></p> };
    crate::ui::foutpagina(e, titel, "Dit bericht bestaat niet", verder.into_any())
}

/// The notice shown where messages wait while no mail server is set.
fn zonder_smtp(smtp: bool) -> Option<impl IntoView> {
    (!smtp).then(|| {
        view! {
            <p class="let-op" role="status">
                "Er is geen mailserver ingesteld. Berichten blijven in de wachtrij tot er een is (instelling --smtp-url)."
            </p>
        }
    })
}
