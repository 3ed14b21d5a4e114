//! `/faq` (the public index of questions and explained rules) and `/kennisbank` (every page, for
//! staff, with search at `/kennisbank?q=`), both grouped by theme.

use super::foutblok;
use super::zoeken::{Treffers, ZoekVak, filter_uit_query};
use crate::kennisbank::api::{kennis_index, kennis_zoeken};
use crate::kennisbank::model::{Thema, ZoekFilter, ZoekResultaat};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn FaqIndex() -> impl IntoView {
    view! {
        <Title text="Vragen van ouders | Meldpunt"/>
        <h1>"Vragen van ouders"</h1>
        <p class="inleiding">"Antwoorden op vragen over meldingen, de opvang van uw kind en wat wij doen als de regels niet gevolgd worden."</p>
        <ZoekVak actie="/zoeken" filter=ZoekFilter::default() res=ZoekResultaat::default() met_filters=false/>
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match kennis_index(true).await {
                    Ok(themas) => view! { <Themas themas/> }.into_any(),
                    Err(e) => foutblok(e, "Vragen van ouders"),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn KennisbankIndex() -> impl IntoView {
    let filter = filter_uit_query()();
    view! {
        <Title text="Kennisbank | Meldpunt"/>
        <h1>"Kennisbank"</h1>
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                let zoek = kennis_zoeken(filter.clone()).await;
                let index = kennis_index(false).await;
                match (zoek, index) {
                    (Ok(res), Ok(themas)) => view! {
                        <ZoekVak actie="/kennisbank" filter=filter.clone() res=res.clone() met_filters=true/>
                        {(!filter.q.trim().is_empty()).then(|| view! { <Treffers filter=filter.clone() res/> })}
                        <Themas themas/>
                    }.into_any(),
                    (Err(e), _) | (_, Err(e)) => foutblok(e, "Kennisbank"),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Themas(themas: Vec<Thema>) -> impl IntoView {
    view! {
        {themas.into_iter().enumerate().map(|(i, t)| {
            let id = format!("thema-{i}");
            view! {
                <section class="thema" aria-labelledby=id.clone()>
                    <h2 id=id.clone()>{t.naam}</h2>
                    <ul class="paginalijst">
                        {t.paginas.into_iter().map(|p| view! {
                            <li>
                                <a href=p.pad>{p.titel}</a>
                                {(!p.gepubliceerd).then(|| view! { " " <span class="kb-label">"(niet gepubliceerd)"</span> })}
                                <p>{p.samenvatting}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        }).collect_view()}
    }
}
