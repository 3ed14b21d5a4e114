//! The documents section of the case page and of an expert's advice request: the list with
//! download links, and a plain multipart form to add one (works without JavaScript).

use super::api::{advies_documenten, documenten};
use super::model::{Document, TOEGELATEN, grootte_tekst};
use crate::error::AppError;
use crate::gemeen::FormEcho;
use crate::tijd;
use leptos::prelude::*;

/// The list, each name a download link under `basis`.
fn lijst(docs: Vec<Document>, basis: String) -> AnyView {
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

fn fout(e: AppError) -> AnyView {
    view! { <p class="foutmelding" role="alert">{e.to_string()}</p> }.into_any()
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
fn UploadFormulier(actie: String, knop: &'static str) -> impl IntoView {
    let melding = use_context::<FormEcho>().filter(|e| e.is("document")).and_then(|s| s.fout("bestand"));
    let beschreven = match melding {
        Some(_) => "hulp-bestand fout-bestand",
        None => "hulp-bestand",
    };
    let ongeldig = melding.as_ref().map(|_| "true");
    let heeft_fout = melding.is_some();
    view! {
        <form method="post" action=actie enctype="multipart/form-data" class="formulier">
            <div class="veld" class:fout=heeft_fout>
                <label for="bestand">"Bestand"</label>
                <p class="hulp" id="hulp-bestand">
                    "PDF, foto (PNG of JPEG), Word, Excel, OpenDocument of tekst (.txt); hoogstens "
                    {grootte_tekst(max_document())} "."
                </p>
                {melding.map(|m| view! { <p class="veldfout" id="fout-bestand" role="alert">{m}</p> })}
                <input type="file" id="bestand" name="bestand" accept=TOEGELATEN required
                    aria-describedby=beschreven aria-invalid=ongeldig/>
            </div>
            <button type="submit" class="knop">{knop}</button>
        </form>
    }
}

/// `/meldingen/<referentie>`: the case's documents and the form to add one.
#[component]
pub fn DocumentenVak(referentie: String) -> impl IntoView {
    let r = referentie.clone();
    let data = Resource::new(move || r.clone(), documenten);
    let basis = format!("/meldingen/{referentie}/documenten");
    let open = use_context::<FormEcho>().is_some_and(|e| e.is("document"));
    let actie = basis.clone();
    view! {
        <section aria-labelledby="h-documenten" id="documenten">
            <h2 id="h-documenten">"Documenten"</h2>
            <Suspense fallback=|| view! { <p>"Laden…"</p> }>
                {move || data.get().map(|r| match r {
                    Ok(docs) => lijst(docs, basis.clone()),
                    Err(e) => fout(e),
                })}
            </Suspense>
            <details class="stap" open=open>
                <summary>"Document toevoegen"</summary>
                <UploadFormulier actie=actie knop="Document toevoegen"/>
            </details>
        </section>
    }
}

/// `/advies/<id>`: the documents the expert attached to this request, and the form to add one.
#[component]
pub fn AdviesDocumentenVak(id: String) -> impl IntoView {
    let i = id.clone();
    let data = Resource::new(move || i.clone(), advies_documenten);
    let basis = format!("/advies/{id}/documenten");
    let actie = basis.clone();
    view! {
        <section aria-labelledby="h-documenten" id="documenten">
            <h2 id="h-documenten">"Documenten bij uw antwoord"</h2>
            <Suspense fallback=|| view! { <p>"Laden…"</p> }>
                {move || data.get().map(|r| match r {
                    Ok(docs) => lijst(docs, basis.clone()),
                    Err(e) => fout(e),
                })}
            </Suspense>
            <UploadFormulier actie=actie knop="Document toevoegen"/>
        </section>
    }
}
