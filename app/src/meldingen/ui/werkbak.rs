//! `/werkbak`: the case worker's inbox. Filters are query parameters, so a view can be
//! bookmarked and shared; paging is by keyset (`na=`), never by offset.

use crate::meldingen::api::werkbak;
use crate::meldingen::model::{Categorie, Status, WerkbakCursor, WerkbakFilter, WerkbakPagina};
use crate::tijd;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn WerkbakPagina() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        query.with(|q| WerkbakFilter {
            status: q.get("status").and_then(|s| Status::from_code(&s)),
            categorie: q.get("onderwerp").and_then(|c| Categorie::from_code(&c)),
            na: q.get("na").and_then(|n| WerkbakCursor::decode(&n)),
        })
    };
    let pagina = Resource::new(filter, |f| werkbak(f.status, f.categorie, f.na.map(|c| c.encode())));
    view! {
        <Title text="Werkbak | Meldpunt"/>
        <h1>"Werkbak"</h1>
        <Filters filter=filter()/>
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {move || pagina.get().map(|r| match r {
                Ok(p) => view! { <Tabel pagina=p filter=filter()/> }.into_any(),
                Err(e) => view! { <p class="foutmelding" role="alert">{e.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Filters(filter: WerkbakFilter) -> impl IntoView {
    view! {
        <form method="get" action="/werkbak" class="filters" role="search" aria-label="Meldingen filteren">
            <div class="veld">
                <label for="f-status">"Status"</label>
                <select id="f-status" name="status">
                    <option value="">"Alle statussen"</option>
                    {Status::ALLE.iter().map(|s| view! {
                        <option value=s.code() selected=filter.status == Some(*s)>{s.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="veld">
                <label for="f-categorie">"Onderwerp"</label>
                <select id="f-categorie" name="onderwerp">
                    <option value="">"Alle onderwerpen"</option>
                    {Categorie::ALLE.iter().map(|c| view! {
                        <option value=c.code() selected=filter.categorie == Some(*c)>{c.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="knop">"Filteren"</button>
        </form>
    }
}

fn link(filter: &WerkbakFilter, na: Option<&WerkbakCursor>) -> String {
    let mut delen = Vec::new();
    if let Some(s) = filter.status {
        delen.push(format!("status={}", s.code()));
    }
    if let Some(c) = filter.categorie {
        delen.push(format!("onderwerp={}", c.code()));
    }
    if let Some(n) = na {
        delen.push(format!("na={}", urlencode(&n.encode())));
    }
    if delen.is_empty() { "/werkbak".into() } else { format!("/werkbak?{}", delen.join("&")) }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[component]
fn Tabel(pagina: WerkbakPagina, filter: WerkbakFilter) -> impl IntoView {
    if pagina.rijen.is_empty() {
        return view! { <p>"Geen meldingen die aan deze filters voldoen."</p> }.into_any();
    }
    let volgende = pagina.volgende.as_ref().map(|c| link(&filter, Some(c)));
    let eerste = filter.na.is_some().then(|| link(&filter, None));
    view! {
        <table class="werkbak">
            <caption class="sr-only">"Meldingen, nieuwste eerst"</caption>
            <thead>
                <tr>
                    <th scope="col">"Referentie"</th>
                    <th scope="col">"Ontvangen"</th>
                    <th scope="col">"Opvang"</th>
                    <th scope="col">"Onderwerpen"</th>
                    <th scope="col">"Urgentie"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col">"Termijn"</th>
                </tr>
            </thead>
            <tbody>
                {pagina.rijen.into_iter().map(|r| {
                    let href = format!("/meldingen/{}", r.referentie);
                    let opvang = if r.gemeente.is_empty() { r.locatie } else { format!("{} ({})", r.locatie, r.gemeente) };
                    view! {
                        <tr class:acuut=r.urgentie == crate::meldingen::model::Urgentie::Acuut class:laat=r.te_laat>
                            <td><a href=href>{r.referentie.to_string()}</a></td>
                            <td>{tijd::toon(r.ontvangen)}</td>
                            <td>{opvang}</td>
                            <td>{r.categorieen.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ")}</td>
                            <td>{r.urgentie.label()}</td>
                            <td>{r.status.label()}</td>
                            <td>{r.te_laat.then(|| view! { <strong class="te-laat">"te laat"</strong> })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <nav class="paginering" aria-label="Paginering">
            {eerste.map(|h| view! { <a href=h>"Eerste pagina"</a> })}
            {volgende.map(|h| view! { <a href=h rel="next">"Volgende pagina"</a> })}
        </nav>
    }
    .into_any()
}
