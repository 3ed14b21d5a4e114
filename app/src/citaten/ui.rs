//! The "Kennisbank" section of a case page: the pages cited in this case (each at the revision
//! that was cited), a search in the knowledge base (a GET form on the case page itself), and per
//! result a form that cites it. Works without JavaScript.

use super::model::{CitatenData, CiteerKeuze, MAX_TOELICHTING};
use crate::error::AppError;
use crate::ui::formulier::{Echo, Invoer, Veld, laadfout, veldfout};
use leptos::prelude::*;

/// Placed by the case page, which loads `data` with the rest of the case (the search typed is
/// its `kennis` query parameter).
#[component]
pub fn CitatenVak(referentie: String, data: Result<CitatenData, AppError>) -> impl IntoView {
    view! {
        <section aria-labelledby="h-kennisbank" id="kennisbank">
            <h2 id="h-kennisbank">"Kennisbank"</h2>
            {match data {
                Ok(d) => view! { <Inhoud referentie d/> }.into_any(),
                Err(e) => laadfout(&e),
            }}
        </section>
    }
}

#[component]
fn Inhoud(referentie: String, d: CitatenData) -> impl IntoView {
    let echo = Echo::voor("citaat");
    let citaat_fout = echo.fout("citaat");
    let gekozen = echo.waarde("slug");
    let lijst = if d.citaten.is_empty() {
        view! { <p>"Nog geen pagina's geciteerd in deze melding."</p> }.into_any()
    } else {
        view! {
            <ul class="citaten">
                {d.citaten.into_iter().map(|c| {
                    let verouderd = c.verouderd();
                    let pad = c.pad();
                    view! {
                        <li>
                            <a href=pad>{c.titel.clone()}</a>
                            {format!(" (revisie {})", c.revisie)}
                            {verouderd.then(|| view! {
                                " – " <a href=format!("/kennisbank/{}", c.slug)>"de pagina is intussen gewijzigd"</a>
                            })}
                            <br/>
                            <span class="hulp">{format!("Geciteerd door {} op {}", c.door, crate::tijd::toon(c.tijdstip))}</span>
                            {(!c.toelichting.is_empty()).then(|| view! { <p>{c.toelichting.clone()}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    // After a refused post the page the case worker chose stays on screen with the note as typed,
    // also when it is not among the current search results.
    let mut treffers = d.treffers;
    let aantal = treffers.len();
    let revisie = echo.waarde("revisie").parse::<i64>().unwrap_or(1);
    if !gekozen.is_empty() && !treffers.iter().any(|t| t.slug == gekozen) {
        treffers.insert(
            0,
            CiteerKeuze { slug: gekozen.clone(), titel: gekozen.clone(), samenvatting: String::new(), revisie },
        );
    }
    let actie = format!("/meldingen/{referentie}");
    let gezocht = !d.zoek.is_empty();
    view! {
        <h3>"Geciteerd in deze melding"</h3>
        {lijst}
        <form method="get" action=format!("{actie}#kennisbank") role="search" aria-label="Zoeken in de kennisbank om te citeren" class="zoekvak">
            <Veld naam="kennis" id="kennis-zoek" label="Zoek een pagina om te citeren" soort=Invoer::Zoeken waarde=d.zoek.clone()
                max=200 autocomplete="off"/>
            <button type="submit" class="knop knop-tweede">"Zoeken in de kennisbank"</button>
        </form>
        {veldfout("citaat", citaat_fout.clone())}
        {gezocht.then(|| view! {
            <p role="status">{match aantal { 0 => "Geen pagina's gevonden.".to_string(), 1 => "1 pagina gevonden.".to_string(), n => format!("{n} pagina's gevonden.") }}</p>
        })}
        <ol class="treffers citeer-treffers">
            {treffers.into_iter().map(|t| {
                let dit = gekozen == t.slug;
                let fout = if dit { echo.fout("toelichting") } else { None };
                let waarde = if dit { echo.waarde("toelichting") } else { String::new() };
                // The message about the citation itself describes the field of the page it is about.
                let beschreven = (dit && citaat_fout.is_some()).then(|| "fout-citaat".to_string());
                view! {
                    <li>
                        <h4><a href=format!("/kennisbank/{}", t.slug)>{t.titel.clone()}</a></h4>
                        <p>{t.samenvatting.clone()}</p>
                        <form method="post" action=format!("{actie}/citeren") class="formulier citeer">
                            <input type="hidden" name="slug" value=t.slug.clone()/>
                            <input type="hidden" name="revisie" value=t.revisie.to_string()/>
                            <Veld naam="toelichting" id=format!("toelichting-{}", t.slug)
                                label=format!("Waarom is “{}” van toepassing? (niet verplicht)", t.titel)
                                soort=Invoer::Tekstvak(2) max=MAX_TOELICHTING waarde fout beschreven=beschreven.unwrap_or_default()/>
                            <button type="submit" class="knop">{format!("Citeer revisie {}", t.revisie)}</button>
                        </form>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
