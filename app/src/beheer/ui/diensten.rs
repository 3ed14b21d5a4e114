//! `/beheer/diensten`: the services a case can be referred to. Coordinators add and change them,
//! and deactivate the ones no longer used (never delete: past referrals name them).

use super::super::api::beheer_diensten;
use super::super::model::Dienst;
use super::BeheerMenu;
use crate::ui::formulier::{Echo, Invoer, Veld, Weigeringsbericht, geweigerde_pagina};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DienstenPagina() -> impl IntoView {
    let query = use_query_map();
    let bewerk = move || query.with(|q| q.get("bewerk").unwrap_or_default());
    let data = Resource::new(|| (), |_| beheer_diensten());
    view! {
        <Title text="Diensten voor doorverwijzing | Meldpunt"/>
        <h1>"Diensten voor doorverwijzing"</h1>
        <BeheerMenu/>
        <Weigeringsbericht/>
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {move || data.get().map(|r| match r {
                Ok(lijst) => {
                    let bewerkt = lijst.iter().find(|d| d.id == bewerk()).cloned();
                    view! { <Lijst lijst/> <Formulier bewerkt/> }.into_any()
                }
                Err(e) => geweigerde_pagina(&e),
            })}
        </Suspense>
    }
}

#[component]
fn Lijst(lijst: Vec<Dienst>) -> impl IntoView {
    view! {
        <table class="werkbak" id="diensten">
            <caption>"Case workers kiezen uit de actieve diensten wanneer ze doorverwijzen."</caption>
            <thead>
                <tr>
                    <th scope="col">"Dienst"</th>
                    <th scope="col">"Waarvoor"</th>
                    <th scope="col">"Contact"</th>
                    <th scope="col">"Stand"</th>
                    <th scope="col">"Acties"</th>
                </tr>
            </thead>
            <tbody>
                {lijst.into_iter().map(|d| {
                    let (actie, knop) = if d.actief { ("deactiveer", "Deactiveren") } else { ("activeer", "Weer activeren") };
                    let contact = d.contact();
                    view! {
                        <tr class:inactief=!d.actief>
                            <td>{d.naam.clone()}</td>
                            <td>{d.waarvoor.clone()}</td>
                            <td>{if contact.is_empty() { "–".to_string() } else { contact }}</td>
                            <td>{if d.actief { "actief" } else { "niet actief" }}</td>
                            <td>
                                <a href=format!("/beheer/diensten?bewerk={}#dienst-formulier", d.id)>
                                    "Wijzigen" <span class="sr-only">{format!(" ({})", d.naam)}</span>
                                </a>
                                <form method="post" action="/beheer/diensten" class="inline">
                                    <input type="hidden" name="id" value=d.id.clone()/>
                                    <input type="hidden" name="actie" value=actie/>
                                    <button type="submit" class="link">{knop} <span class="sr-only">{format!(" ({})", d.naam)}</span></button>
                                </form>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn Formulier(bewerkt: Option<Dienst>) -> impl IntoView {
    let echo = Echo::voor("dienst");
    let id = echo.of("id", || bewerkt.as_ref().map(|d| d.id.clone()).unwrap_or_default());
    let titel = if id.is_empty() { "Dienst toevoegen".to_string() } else { "Dienst wijzigen".to_string() };
    let veld =
        |v: &str, f: fn(&Dienst) -> Option<String>| echo.of(v, || bewerkt.as_ref().and_then(f).unwrap_or_default());
    let naam = veld("naam", |d| Some(d.naam.clone()));
    let waarvoor = veld("waarvoor", |d| Some(d.waarvoor.clone()));
    let telefoon = veld("telefoon", |d| d.telefoon.clone());
    let email = veld("email", |d| d.email.clone());
    let website = veld("website", |d| d.website.clone());
    let nieuw = id.is_empty();
    view! {
        <section aria-labelledby="h-dienst-formulier" id="dienst-formulier">
            <h2 id="h-dienst-formulier">{titel}</h2>
            <form method="post" action="/beheer/diensten" class="formulier" novalidate>
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="actie" value="bewaar"/>
                <Veld naam="naam" prefix="dienst" label="Naam" waarde=naam fout=echo.fout("naam")/>
                <Veld naam="waarvoor" prefix="dienst" label="Waarvoor is deze dienst de juiste plaats?" soort=Invoer::Tekstvak(2)
                    max=500 waarde=waarvoor fout=echo.fout("waarvoor")/>
                <Veld naam="telefoon" prefix="dienst" label="Telefoon (niet verplicht)" soort=Invoer::Telefoon
                    waarde=telefoon fout=echo.fout("telefoon")/>
                <Veld naam="email" prefix="dienst" label="E-mail (niet verplicht)" soort=Invoer::Email
                    waarde=email fout=echo.fout("email")/>
                <Veld naam="website" prefix="dienst" label="Website (niet verplicht)" soort=Invoer::Url
                    waarde=website fout=echo.fout("website")/>
                <button type="submit" class="knop">{if nieuw { "Toevoegen" } else { "Wijzigingen bewaren" }}</button>
                {(!nieuw).then(|| view! { " " <a href="/beheer/diensten">"Annuleren"</a> })}
            </form>
        </section>
    }
}
