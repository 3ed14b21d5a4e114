//! The "Kennisbank" section of a case page: the pages cited in this case (each at the revision
//! that was cited), a search in the knowledge base (a GET form on the case page itself), and per
//! result a form that cites it. Works without JavaScript.

use super::api::citaten;
use super::model::{CitatenData, CiteerKeuze, MAX_TOELICHTING};
use crate::behandeling::ui::{ingevuld, stand_voor, veldfout};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CitatenVak(referentie: String) -> impl IntoView {
    let zoek = use_query_map().with_untracked(|q| q.get("kennis").unwrap_or_default());
    let r = referentie.clone();
    view! {
        <section aria-labelledby="h-kennisbank" id="kennisbank">
            <h2 id="h-kennisbank">"Kennisbank"</h2>
            <Suspense fallback=|| view! { <p>"Laden…"</p> }>
                {Suspend::new(async move {
                    match citaten(r.clone(), zoek).await {
                        Ok(d) => view! { <Inhoud referentie=r.clone() d/> }.into_any(),
                        Err(e) => view! { <p class="foutmelding" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Inhoud(referentie: String, d: CitatenData) -> impl IntoView {
    let stand = stand_voor("citaat");
    let (citaat_fout_id, citaat_fout) = veldfout(&stand, "citaat", "citaat");
    let gekozen = ingevuld(&stand, "slug");
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
    let revisie = ingevuld(&stand, "revisie").parse::<i64>().unwrap_or(1);
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
            <div class="veld">
                <label for="kennis-zoek">"Zoek een pagina om te citeren"</label>
                <input type="search" id="kennis-zoek" name="kennis" value=d.zoek.clone() maxlength="200" autocomplete="off"/>
            </div>
            <button type="submit" class="knop knop-tweede">"Zoeken in de kennisbank"</button>
        </form>
        {citaat_fout}
        {gezocht.then(|| view! {
            <p role="status">{match aantal { 0 => "Geen pagina's gevonden.".to_string(), 1 => "1 pagina gevonden.".to_string(), n => format!("{n} pagina's gevonden.") }}</p>
        })}
        <ol class="treffers citeer-treffers">
            {treffers.into_iter().enumerate().map(|(i, t)| {
                let id = format!("toelichting-{i}");
                let (fout_id, fout) = if gekozen == t.slug { veldfout(&stand, "citaat", "toelichting") } else { (None, None) };
                let waarde = if gekozen == t.slug { ingevuld(&stand, "toelichting") } else { String::new() };
                let beschreven = fout_id.clone().or_else(|| citaat_fout_id.clone());
                view! {
                    <li>
                        <h4><a href=format!("/kennisbank/{}", t.slug)>{t.titel.clone()}</a></h4>
                        <p>{t.samenvatting.clone()}</p>
                        <form method="post" action=format!("{actie}/citeren") class="formulier citeer">
                            <input type="hidden" name="slug" value=t.slug.clone()/>
                            <input type="hidden" name="revisie" value=t.revisie.to_string()/>
                            <div class="veld" class:fout=fout_id.is_some()>
                                <label for=id.clone()>{format!("Waarom is “{}” van toepassing? (niet verplicht)", t.titel)}</label>
                                {fout}
                                <textarea id=id name="toelichting" rows="2" maxlength=MAX_TOELICHTING.to_string()
                                    aria-invalid=fout_id.as_ref().map(|_| "true") aria-describedby=beschreven>{waarde}</textarea>
                            </div>
                            <button type="submit" class="knop">{format!("Citeer revisie {}", t.revisie)}</button>
                        </form>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
