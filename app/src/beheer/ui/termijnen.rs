//! `/beheer/termijnen`: the deadline rules per case type and category. A new case gets the
//! periods of the rule that fits it best at intake; cases already received keep theirs.

use super::super::api::beheer_termijnen;
use super::BeheerMenu;
use crate::termijnen::regels::Termijnregel;
use crate::ui::formulier::{Echo, Invoer, Keuze, Veld, Weigeringsbericht, geweigerde_pagina, opties};
use crate::zaak::model::{Categorie, Zaaksoort};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn TermijnenPagina() -> impl IntoView {
    let query = use_query_map();
    let gekozen = move || query.with(|q| q.get("regel").unwrap_or_default());
    let data = Resource::new(|| (), |_| beheer_termijnen());
    view! {
        <Title text="Termijnen | Meldpunt"/>
        <h1>"Termijnen per soort zaak en onderwerp"</h1>
        <BeheerMenu/>
        <p>"Een nieuwe zaak krijgt bij ontvangst de termijnen van de regel die het best past: een regel voor een van
            haar onderwerpen gaat voor op de regel voor alle onderwerpen, en bij meer onderwerpen met een eigen regel
            geldt de strengste. Zaken die al binnen zijn, houden hun termijnen."</p>
        <Weigeringsbericht/>
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {move || data.get().map(|r| match r {
                Ok(regels) => {
                    let bewerkt = regels.iter().find(|r| r.sleutel() == gekozen()).cloned();
                    view! { <Tabel regels/> <Formulier bewerkt/> }.into_any()
                }
                Err(e) => geweigerde_pagina(&e),
            })}
        </Suspense>
    }
}

#[component]
fn Tabel(regels: Vec<Termijnregel>) -> impl IntoView {
    view! {
        <table class="werkbak" id="termijnregels">
            <caption class="sr-only">"Termijnregels"</caption>
            <thead>
                <tr>
                    <th scope="col">"Soort zaak"</th>
                    <th scope="col">"Onderwerp"</th>
                    <th scope="col">"Ontvangstbevestiging binnen"</th>
                    <th scope="col">"Uitkomst binnen"</th>
                    <th scope="col">"Acties"</th>
                </tr>
            </thead>
            <tbody>
                {regels.into_iter().map(|r| {
                    let sleutel = r.sleutel();
                    let onderwerp = r.categorie.map_or("Alle onderwerpen", Categorie::label);
                    view! {
                        <tr>
                            <td>{r.zaaksoort.label()}</td>
                            <td>{onderwerp}</td>
                            <td>{r.waarden.ontvangst_tekst()}</td>
                            <td>{format!("{} dagen", r.waarden.uitkomst_dagen)}</td>
                            <td>
                                <a href=format!("/beheer/termijnen?regel={sleutel}#termijn-formulier")>
                                    "Wijzigen" <span class="sr-only">{format!(" ({}, {})", r.zaaksoort.label(), onderwerp)}</span>
                                </a>
                                {r.categorie.is_some().then(|| view! {
                                    <form method="post" action="/beheer/termijnen" class="inline">
                                        <input type="hidden" name="actie" value="verwijder"/>
                                        <input type="hidden" name="sleutel" value=sleutel.clone()/>
                                        <button type="submit" class="link">"Verwijderen" <span class="sr-only">{format!(" ({}, {})", r.zaaksoort.label(), onderwerp)}</span></button>
                                    </form>
                                })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn Formulier(bewerkt: Option<Termijnregel>) -> impl IntoView {
    let echo = Echo::voor("termijn");
    let b = bewerkt.clone();
    let zaaksoort = echo.of("zaaksoort", || b.as_ref().map_or("melding", |r| r.zaaksoort.code()).to_string());
    let categorie =
        echo.of("categorie", || b.as_ref().and_then(|r| r.categorie).map_or("", Categorie::code).to_string());
    let ontvangst = echo.of("ontvangst", || b.as_ref().map(|r| r.waarden.ontvangst.to_string()).unwrap_or_default());
    let eenheid = echo
        .of("ontvangst_eenheid", || b.as_ref().map_or("werkdagen", |r| r.waarden.ontvangst_eenheid.code()).to_string());
    let uitkomst =
        echo.of("uitkomst_dagen", || b.as_ref().map(|r| r.waarden.uitkomst_dagen.to_string()).unwrap_or_default());
    let mut onderwerpen = vec![(String::new(), "Alle onderwerpen".to_string())];
    onderwerpen.extend(opties(Categorie::ALLE, Categorie::code, Categorie::label));
    let eenheden =
        vec![("werkdagen".to_string(), "werkdagen".to_string()), ("dagen".to_string(), "kalenderdagen".to_string())];
    view! {
        <section aria-labelledby="h-termijn-formulier" id="termijn-formulier">
            <h2 id="h-termijn-formulier">"Termijnregel instellen"</h2>
            <p class="hulp">"Bestaat er al een regel voor deze soort zaak en dit onderwerp, dan vervangt deze ze."</p>
            <form method="post" action="/beheer/termijnen" class="formulier" novalidate>
                <input type="hidden" name="actie" value="bewaar"/>
                <Keuze naam="zaaksoort" prefix="termijn" label="Soort zaak" opties=opties(Zaaksoort::ALLE, Zaaksoort::code, Zaaksoort::label)
                    gekozen=zaaksoort fout=echo.fout("zaaksoort")/>
                <Keuze naam="categorie" prefix="termijn" label="Onderwerp" opties=onderwerpen gekozen=categorie fout=echo.fout("categorie")/>
                <Veld naam="ontvangst" prefix="termijn" label="Ontvangstbevestiging binnen (aantal)" soort=Invoer::Getal
                    waarde=ontvangst fout=echo.fout("ontvangst")/>
                <Keuze naam="ontvangst_eenheid" prefix="termijn" label="Geteld in" opties=eenheden gekozen=eenheid
                    fout=echo.fout("ontvangst_eenheid")/>
                <Veld naam="uitkomst_dagen" prefix="termijn" label="Uitkomst binnen (kalenderdagen)" soort=Invoer::Getal
                    waarde=uitkomst fout=echo.fout("uitkomst_dagen")/>
                <button type="submit" class="knop">"Regel bewaren"</button>
            </form>
        </section>
    }
}
