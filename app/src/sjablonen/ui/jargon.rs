//! `/sjablonen/jargon`: the words the writing aid points out, with what to write instead.
//! Coordinators add, change and remove words with plain forms; knowledge editors read the list.

use crate::sjablonen::api::jargon;
use crate::sjablonen::model::{JargonPagina, JargonRegel};
use crate::ui::formulier::{Echo, EchoOverzicht, Veld};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const PAD: &str = "/sjablonen/jargon";

#[component]
pub fn JargonLijst() -> impl IntoView {
    // "Wijzigen" on a row fills the form with that word (`?woord=…`).
    let gekozen = use_query_map().with_untracked(|q| q.get("woord").unwrap_or_default());
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match jargon().await {
                    Ok(p) => view! { <Inhoud p gekozen=gekozen.clone()/> }.into_any(),
                    Err(e) => super::laadfout(e, "Moeilijke woorden"),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Inhoud(p: JargonPagina, gekozen: String) -> impl IntoView {
    let bewerkt = p.woorden.iter().find(|w| w.woord == gekozen).cloned();
    let formulier = p.mag_wijzigen.then(|| view! { <Formulier bewerkt/> });
    let alleen_lezen = (!p.mag_wijzigen).then(|| view! { <p>"Alleen coördinatoren passen deze lijst aan."</p> });
    view! {
        <Title text="Moeilijke woorden | Sjablonen | Meldpunt"/>
        <p class="kruimel"><a href="/sjablonen">"← Alle sjablonen"</a></p>
        <h1>"Moeilijke woorden"</h1>
        <p>
            "De schrijfhulp wijst deze woorden aan in sjablonen en berichten, met wat u beter schrijft. "
            "Een woord telt ook als het begin van een langer woord: “conform” vindt ook “conformiteit”."
        </p>
        {alleen_lezen}
        <EchoOverzicht/>
        <Tabel woorden=p.woorden mag_wijzigen=p.mag_wijzigen/>
        {formulier}
    }
}

#[component]
fn Tabel(woorden: Vec<JargonRegel>, mag_wijzigen: bool) -> impl IntoView {
    if woorden.is_empty() {
        return view! { <p>"Er staan nog geen woorden in de lijst."</p> }.into_any();
    }
    view! {
        <table class="werkbak" id="jargon">
            <caption>"Woorden die we vermijden, met wat we beter schrijven"</caption>
            <thead>
                <tr>
                    <th scope="col">"Woord"</th>
                    <th scope="col">"Schrijf liever"</th>
                    <th scope="col">"Laatst gewijzigd"</th>
                    {mag_wijzigen.then(|| view! { <th scope="col">"Acties"</th> })}
                </tr>
            </thead>
            <tbody>
                {woorden.into_iter().map(|w| view! {
                    <tr>
                        <th scope="row">{w.woord.clone()}</th>
                        <td>{w.alternatief.clone()}</td>
                        <td>{format!("{}, {}", w.door, crate::tijd::toon(w.gewijzigd))}</td>
                        {mag_wijzigen.then(|| acties(&w.woord))}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// Change (the form below, filled in) and remove (a small post form) for one word.
fn acties(woord: &str) -> impl IntoView + use<> {
    let wijzig = format!(
        "{PAD}?woord={}#jargon-formulier",
        form_urlencoded::byte_serialize(woord.as_bytes()).collect::<String>()
    );
    let uitleg = format!(" ({woord})");
    view! {
        <td>
            <a href=wijzig>"Wijzigen" <span class="sr-only">{uitleg.clone()}</span></a>
            <form method="post" action=PAD class="inline">
                <input type="hidden" name="actie" value="verwijder"/>
                <input type="hidden" name="woord" value=woord.to_string()/>
                <button type="submit" class="link">"Verwijderen" <span class="sr-only">{uitleg}</span></button>
            </form>
        </td>
    }
}

#[component]
fn Formulier(bewerkt: Option<JargonRegel>) -> impl IntoView {
    let echo = Echo::voor("jargon");
    let woord = echo.of("woord", || bewerkt.as_ref().map(|w| w.woord.clone()).unwrap_or_default());
    let alternatief = echo.of("alternatief", || bewerkt.as_ref().map(|w| w.alternatief.clone()).unwrap_or_default());
    let titel = if bewerkt.is_some() { "Woord wijzigen" } else { "Woord toevoegen of wijzigen" };
    view! {
        <section aria-labelledby="h-jargon-formulier" id="jargon-formulier">
            <h2 id="h-jargon-formulier">{titel}</h2>
            <form method="post" action=PAD class="formulier" novalidate>
                <input type="hidden" name="actie" value="bewaar"/>
                <Veld naam="woord" prefix="jargon" label="Woord" waarde=woord fout=echo.fout("woord") max=60
                    hint="Eén woord of een korte uitdrukking van hoogstens drie woorden. Staat het woord al in de lijst, dan vervangt u wat we beter schrijven."/>
                <Veld naam="alternatief" prefix="jargon" label="Schrijf liever" waarde=alternatief
                    fout=echo.fout("alternatief") max=200 hint="Gewone woorden, zoals: we kunnen uw melding behandelen."/>
                <button type="submit" class="knop">"Bewaren"</button>
                {bewerkt.is_some().then(|| view! { " " <a href=PAD>"Annuleren"</a> })}
            </form>
        </section>
    }
}
