//! One page: `/kennisbank/<slug>` for staff, `/faq/<slug>` and `/regelgeving/<slug>` for the public.

use super::foutblok;
use crate::kennisbank::api::kennis_pagina;
use crate::kennisbank::model::PaginaWeergave;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn KennisPaginaScherm() -> impl IntoView {
    pagina_voor("kennisbank")
}

#[component]
pub fn FaqPaginaScherm() -> impl IntoView {
    pagina_voor("faq")
}

#[component]
pub fn RegelgevingPaginaScherm() -> impl IntoView {
    pagina_voor("regelgeving")
}

fn pagina_voor(waar: &'static str) -> impl IntoView {
    // Suspend, not a Resource: the data is not serialised into the page (no wasm reads it).
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match kennis_pagina(slug, waar.to_string()).await {
                    Ok(p) => view! { <Artikel p waar/> }.into_any(),
                    Err(e) => foutblok(e, "Pagina"),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Artikel(p: PaginaWeergave, waar: &'static str) -> impl IntoView {
    let staff = waar == "kennisbank";
    let beheerder = staff && crate::auth::aangemelde().is_some_and(|g| g.heeft_een_van(crate::kennisbank::BEHEERDERS));
    let (terug, terug_tekst) = if staff { ("/kennisbank", "Kennisbank") } else { ("/faq", "Vragen van ouders") };
    let slug = p.slug.clone();
    let regelgeving = (!p.regelgeving.is_empty()).then(|| {
        let artikels = (!p.artikels.is_empty()).then(|| view! { <dt>"Artikels"</dt><dd>{p.artikels.join(", ")}</dd> });
        view! { <dt>"Regelgeving"</dt><dd>{p.regelgeving.clone()}</dd> {artikels} }
    });
    let toc = (p.inhoudstafel.len() >= 2).then(|| {
        view! {
            <nav class="inhoudstafel" aria-labelledby="h-inhoudstafel">
                <h2 id="h-inhoudstafel">"Op deze pagina"</h2>
                <ul>
                    {p.inhoudstafel.iter().map(|k| view! {
                        <li class=format!("niveau-{}", k.niveau)><a href=format!("#{}", k.anker)>{k.tekst.clone()}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
        }
    });
    let kapot = (staff && !p.kapotte_links.is_empty()).then(|| {
        view! {
            <p class="let-op">"Deze pagina verwijst naar pagina's die niet bestaan: " {p.kapotte_links.join(", ")}</p>
        }
    });
    let beheer = staff.then(|| {
        let doelgroep = if p.publiek { "Ook voor ouders en publiek" } else { "Alleen voor medewerkers" };
        let status = if p.gepubliceerd { "gepubliceerd" } else { "niet gepubliceerd" };
        view! {
            <p class="kb-status">{doelgroep} ", " {status} ", versie " {p.revisie} " · "
                <a href=format!("/kennisbank/{slug}/revisies")>"Revisies"</a>
                {beheerder.then(|| view! { " · " <a href=format!("/kennisbank/{slug}/bewerken")>"Bewerken"</a> })}
            </p>
        }
    });
    view! {
        <Title text=format!("{} | Meldpunt", p.titel)/>
        <p class="kruimel"><a href=terug>"← " {terug_tekst}</a></p>
        <article class="kb-pagina">
            <h1>{p.titel.clone()}</h1>
            {beheer}
            <p class="inleiding">{p.samenvatting.clone()}</p>
            <dl class="kenmerken">
                {regelgeving}
                <dt>"Geldig vanaf"</dt><dd>{p.geldig_vanaf.clone()}</dd>
            </dl>
            {kapot}
            {toc}
            <div class="kb-inhoud" inner_html=p.html.clone()></div>
        </article>
        <p class="kb-verder"><a href="/zoeken">"Iets anders zoeken"</a></p>
    }
}
