//! The documents section of the case page: the list with download links, and a plain multipart
//! form to add one (works without JavaScript). The expert's advice request shows the same list
//! and form (`advies::ui`).

use super::model::{Document, TOEGELATEN, grootte_tekst};
use crate::error::AppError;
use crate::tijd;
use crate::ui::formulier::{Echo, Invoer, Veld, geladen};
use leptos::prelude::*;

/// The list, each name a download link under `basis`.
pub fn lijst(docs: Vec<Document>, basis: String) -> AnyView {
    if docs.is_empty() {
        return view! { <p>"Nog geen documenten."</p> }.into_any();
    }
    view! {
        <ul class="documenten">
            {docs.into_iter().map(|d| {
                let href = format!("{basis}/{}", d.id);
                let uitleg = format!(
                    "{}, {}, toegevoegd door {} op {}{}",
                    d.soort.label(),
                    grootte_tekst(d.grootte),
                    d.door,
                    tijd::toon(d.tijdstip),
                    if d.adviesvraag.is_some() { ", bij een adviesvraag" } else { "" },
                );
                match d.verwijderd {
                    // The file is gone under the retention rule: the name stays, without a link.
                    Some(op) => view! {
                        <li>{d.naam.clone()} <span class="hulp">
                            {format!("{uitleg}. Verwijderd op {} (bewaartermijn voorbij)", tijd::toon(op))}
                        </span></li>
                    }.into_any(),
                    None => view! {
                        <li><a href=href download=d.naam.clone()>{d.naam.clone()}</a> <span class="hulp">{uitleg}</span></li>
                    }.into_any(),
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The largest accepted document, as configured.
fn max_document() -> u64 {
    #[cfg(feature = "ssr")]
    if let Some(s) = use_context::<crate::state::AppState>() {
        return s.config.max_document as u64;
    }
    10_000_000
}

/// The upload form; a refused upload shows its message right above the file field.
#[component]
pub fn UploadFormulier(actie: String, knop: &'static str) -> impl IntoView {
    let echo = Echo::voor("document");
    let hint = format!(
        "PDF, foto (PNG of JPEG), Word, Excel, OpenDocument of tekst (.txt); hoogstens {}.",
        grootte_tekst(max_document())
    );
    view! {
        <form method="post" action=actie enctype="multipart/form-data" class="formulier">
            <Veld naam="bestand" label="Bestand" soort=Invoer::Bestand(TOEGELATEN) verplicht=true hint fout=echo.fout("bestand")/>
            <button type="submit" class="knop">{knop}</button>
        </form>
    }
}

/// `/meldingen/<referentie>`: the case's documents and the form to add one.
#[component]
pub fn DocumentenVak(referentie: String, data: Result<Vec<Document>, AppError>) -> impl IntoView {
    let basis = format!("/meldingen/{referentie}/documenten");
    let open = Echo::voor("document").is_er();
    let actie = basis.clone();
    view! {
        <section aria-labelledby="h-documenten" id="documenten">
            <h2 id="h-documenten">"Documenten"</h2>
            {geladen(data, |docs| lijst(docs, basis.clone()))}
            <details class="stap" open=open>
                <summary>"Document toevoegen"</summary>
                <UploadFormulier actie=actie knop="Document toevoegen"/>
            </details>
        </section>
    }
}
