//! `/kennisbank/<slug>/revisies`: who changed what when, and the diff between two revisions
//! (added and removed lines marked with `<ins>`/`<del>` and a text label, not colour only).

use super::foutblok;
use crate::kennisbank::api::{kennis_revisie, kennis_revisies};
use crate::kennisbank::model::{DiffRegel, RevisieWeergave, Revisies};
use crate::ui::DiffTabel;
use crate::ui::formulier::Keuze;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn RevisiesPagina() -> impl IntoView {
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let query = use_query_map();
    let getal = |k: &str| query.with_untracked(|q| q.get(k).and_then(|v| v.parse::<i64>().ok()));
    let (van, naar) = (getal("van"), getal("naar"));
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match kennis_revisies(slug, van, naar).await {
                    Ok(r) => view! { <Lijst r/> }.into_any(),
                    Err(e) => foutblok(e, "Revisies"),
                }
            })}
        </Suspense>
    }
}

fn kiezer(naam: &'static str, label: &'static str, r: &Revisies, gekozen: i64) -> impl IntoView + use<> {
    let opties =
        r.revisies.iter().map(|v| (v.nummer.to_string(), format!("Versie {} ({})", v.nummer, v.tijdstip))).collect();
    view! { <Keuze naam prefix="r" label opties gekozen=gekozen.to_string()/> }
}

#[component]
fn Lijst(r: Revisies) -> impl IntoView {
    let slug = r.slug.clone();
    let gewijzigd = r.diff.iter().any(|d| !matches!(d, DiffRegel::Gelijk(_)));
    view! {
        <Title text=format!("Revisies van {} | Meldpunt", r.titel)/>
        <p class="kruimel"><a href=format!("/kennisbank/{slug}")>"← Terug naar de pagina"</a></p>
        <h1>"Revisies van “" {r.titel.clone()} "”"</h1>
        <table class="revisies">
            <thead><tr><th scope="col">"Versie"</th><th scope="col">"Wie"</th><th scope="col">"Wanneer"</th><th scope="col">"Wat veranderde"</th></tr></thead>
            <tbody>
                {r.revisies.iter().map(|v| view! {
                    <tr><td>{v.nummer}</td><td>{v.door.clone()}</td><td>{v.tijdstip.clone()}</td><td>{v.samenvatting.clone()}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <h2 id="h-vergelijken">"Twee versies vergelijken"</h2>
        <form method="get" action=format!("/kennisbank/{slug}/revisies") class="filters" aria-labelledby="h-vergelijken">
            {kiezer("van", "Oude versie", &r, r.van)}
            {kiezer("naar", "Nieuwe versie", &r, r.naar)}
            <button type="submit" class="knop">"Vergelijken"</button>
        </form>
        <p>{format!("Van versie {} naar versie {}:", r.van, r.naar)}</p>
        {(!gewijzigd).then(|| view! { <p>"Geen verschil."</p> })}
        <DiffTabel regels=r.diff/>
    }
}

/// `/kennisbank/<slug>/revisie/<nummer>`: a page as it read in that revision, e.g. the one a case
/// cites, with a clear note when the page has changed since.
#[component]
pub fn RevisiePagina() -> impl IntoView {
    let (slug, nummer) = use_params_map().with_untracked(|p| {
        (p.get("slug").unwrap_or_default(), p.get("nummer").and_then(|n| n.parse::<i64>().ok()).unwrap_or(0))
    });
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match kennis_revisie(slug, nummer).await {
                    Ok(r) => view! { <Revisie r/> }.into_any(),
                    Err(e) => foutblok(e, "Revisie"),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Revisie(r: RevisieWeergave) -> impl IntoView {
    let nu = if r.nummer == r.huidige {
        view! { <p class="hulp">"Dit is de huidige versie van de pagina."</p> }.into_any()
    } else {
        view! {
            <div class="let-op" role="note">
                <p>
                    {format!("U leest versie {} van {}. De pagina is sindsdien gewijzigd (nu versie {}). ", r.nummer, r.tijdstip, r.huidige)}
                    <a href=format!("/kennisbank/{}", r.slug)>"Lees de huidige versie"</a>
                    " of "
                    <a href=format!("/kennisbank/{}/revisies?van={}&naar={}", r.slug, r.nummer, r.huidige)>"bekijk wat er veranderde"</a>
                    "."
                </p>
            </div>
        }
        .into_any()
    };
    let bron = (!r.regelgeving.is_empty()).then(|| {
        let artikels = if r.artikels.is_empty() { String::new() } else { format!(", {}", r.artikels.join(", ")) };
        view! { <p class="kb-bron">{format!("{}{artikels}", r.regelgeving)}</p> }
    });
    view! {
        <Title text=format!("{} (versie {}) | Meldpunt", r.titel, r.nummer)/>
        <p class="kruimel"><a href="/kennisbank">"Kennisbank"</a></p>
        <article class="kb-pagina">
            <h1>{r.titel.clone()}</h1>
            <p class="hulp">{format!("Versie {}, bewaard door {} op {}", r.nummer, r.door, r.tijdstip)}</p>
            {nu}
            {bron}
            <div class="kb-inhoud" inner_html=r.html></div>
        </article>
    }
}
