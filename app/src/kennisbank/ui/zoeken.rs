//! `/zoeken`: search with a plain GET form (works without JavaScript). The public searches the
//! published public pages; logged-in staff search every page and can narrow to the public ones.

use super::foutblok;
use super::suggesties::ZoekInvoer;
use crate::kennisbank::api::kennis_zoeken;
use crate::kennisbank::model::{ZoekFilter, ZoekResultaat};
use crate::ui::formulier::{Keuze, Veld, Vink};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The filter in the address bar.
pub fn filter_uit_query() -> impl Fn() -> ZoekFilter + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || {
        query.with_untracked(|q| ZoekFilter {
            q: q.get("q").unwrap_or_default(),
            tag: q.get("tag").filter(|t| !t.is_empty()),
            regelgeving: q.get("regelgeving").filter(|t| !t.is_empty()),
            alleen_publiek: q.get("doelgroep").is_some_and(|d| d == "publiek"),
        })
    }
}

#[component]
pub fn ZoekPagina() -> impl IntoView {
    let filter = filter_uit_query()();
    view! {
        <Title text="Zoeken | Meldpunt"/>
        <h1>"Zoeken"</h1>
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match kennis_zoeken(filter.clone()).await {
                    Ok(res) => view! {
                        <ZoekVak actie="/zoeken" filter=filter.clone() res=res.clone() met_filters=true/>
                        <Treffers filter res/>
                    }.into_any(),
                    Err(e) => foutblok(e, "Zoeken"),
                }
            })}
        </Suspense>
    }
}

/// The search form; `met_filters` adds the tag and regulation filters.
#[component]
pub fn ZoekVak(actie: &'static str, filter: ZoekFilter, res: ZoekResultaat, met_filters: bool) -> impl IntoView {
    let gekozen_tag = filter.tag.clone().unwrap_or_default();
    let gekozen_regel = filter.regelgeving.clone().unwrap_or_default();
    let lijst = |waarden: &[String]| waarden.iter().map(|w| (w.clone(), w.clone())).collect::<Vec<_>>();
    let filters = met_filters.then(|| {
        view! {
            <Keuze naam="tag" id="z-tag" label="Onderwerp" leeg="Alle onderwerpen" opties=lijst(&res.tags) gekozen=gekozen_tag/>
            <Keuze naam="regelgeving" id="z-regelgeving" label="Regelgeving" leeg="Alle regelgeving"
                opties=lijst(&res.regelgevingen) gekozen=gekozen_regel/>
        }
    });
    let doelgroep = (res.medewerker && met_filters).then(|| {
        view! {
            <Vink naam="doelgroep" id="z-doelgroep" label="Alleen pagina's die ouders en publiek zien" waarde="publiek"
                aan=filter.alleen_publiek/>
        }
    });
    view! {
        <form method="get" action=actie class="zoekvak" role="search" aria-label="Zoeken in de uitleg en de vragen">
            <Veld naam="q" id="z-q" label="Zoekwoorden">
                <ZoekInvoer waarde=filter.q.clone()/>
            </Veld>
            {filters}
            {doelgroep}
            <button type="submit" class="knop">"Zoeken"</button>
        </form>
    }
}

/// The hits, with a count that screen readers hear.
#[component]
pub fn Treffers(filter: ZoekFilter, res: ZoekResultaat) -> impl IntoView {
    let gezocht = !filter.q.trim().is_empty() || filter.tag.is_some() || filter.regelgeving.is_some();
    if !gezocht {
        return view! { <p class="hulp">"Typ een of meer woorden, bijvoorbeeld “schorsing” of “hoe lang duurt het”."</p> }.into_any();
    }
    let aantal = res.treffers.len();
    let zin = match aantal {
        0 => format!("Geen resultaten voor “{}”.", filter.q),
        1 => format!("1 resultaat voor “{}”.", filter.q),
        n => format!("{n} resultaten voor “{}”.", filter.q),
    };
    let medewerker = res.medewerker;
    view! {
        <p role="status" class="zoek-aantal">{zin}</p>
        {(aantal == 0).then(|| view! {
            <p>"Probeer een ander of korter woord, of bekijk de " <a href="/faq">"vragen van ouders"</a> "."</p>
        })}
        <ol class="treffers">
            {res.treffers.into_iter().map(|t| view! {
                <li>
                    <h2><a href=t.pad.clone()>{t.titel.clone()}</a></h2>
                    {(medewerker && !t.publiek).then(|| view! { <p class="kb-label">"Alleen voor medewerkers"</p> })}
                    <p class="fragment" inner_html=t.fragment_html.clone()></p>
                </li>
            }).collect_view()}
        </ol>
    }
    .into_any()
}
