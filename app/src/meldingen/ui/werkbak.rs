//! `/werkbak`: the case worker's inbox. Views and filters are query parameters, so a view can be
//! bookmarked and shared; paging is by keyset (`na=`), never by offset. Open meldingen with
//! acute danger stand on top of every view.

use crate::meldingen::api::werkbak;
use crate::meldingen::model::{WerkbakPagina, WerkbakRij};
use crate::tijd;
use crate::ui::formulier::{Invoer, Keuze, Veld, laadfout, opties};
use crate::zaak::model::{Categorie, Status, Urgentie, Zaaksoort};
use crate::zaak::werkbak_filter::{Weergave, WerkbakFilter};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn WerkbakPagina() -> impl IntoView {
    let query = use_query_map();
    let filter = move || query.with(|q| WerkbakFilter::uit_query(|k| q.get(k)));
    let pagina = Resource::new(filter, |f| werkbak(f.link(f.na.as_ref()).split_once('?').map(|(_, q)| q.to_string())));
    view! {
        <Title text="Werkbak | Meldpunt"/>
        <h1>"Werkbak"</h1>
        <p><a href="/melden" class="knop">"Melding registreren (telefoon, e-mail, brief, balie)"</a></p>
        <Weergaven filter=filter()/>
        <Filters filter=filter()/>
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {move || pagina.get().map(|r| match r {
                Ok(p) => view! { <Tabellen pagina=p filter=filter()/> }.into_any(),
                Err(e) => laadfout(&e),
            })}
        </Suspense>
    }
}

#[component]
fn Weergaven(filter: WerkbakFilter) -> impl IntoView {
    let huidig = filter.weergave.unwrap_or(Weergave::Open);
    view! {
        <nav aria-label="Weergaven" class="weergaven">
            <ul>
                {Weergave::ALLE.iter().map(|w| {
                    let href = filter.met_weergave((*w != Weergave::Open).then_some(*w)).link(None);
                    let actief = *w == huidig;
                    view! {
                        <li><a href=href aria-current=actief.then_some("page")>{w.label()}</a></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// A filter of the werkbak: a choice among `opties` (the code chosen, or "" for everything).
fn keuzefilter(
    naam: &'static str,
    label: &'static str,
    leeg: &'static str,
    opties: Vec<(String, String)>,
    gekozen: Option<&'static str>,
) -> impl IntoView + use<> {
    view! { <Keuze naam prefix="f" label leeg opties gekozen=gekozen.unwrap_or_default()/> }
}

#[component]
fn Filters(filter: WerkbakFilter) -> impl IntoView {
    let datum = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
    // Filters not shown as fields (view, location, organiser, assignee) travel along as hidden fields.
    let verborgen = filter
        .paren()
        .into_iter()
        .filter(|(k, _)| matches!(*k, "weergave" | "locatie" | "organisator" | "behandelaar"))
        .map(|(k, v)| view! { <input type="hidden" name=k value=v/> })
        .collect_view();
    let wissen = WerkbakFilter { weergave: filter.weergave, ..Default::default() }.link(None);
    view! {
        <form method="get" action="/werkbak" class="filters" role="search" aria-label="Meldingen zoeken en filteren">
            {verborgen}
            <Veld naam="q" prefix="f" label="Zoeken" soort=Invoer::Zoeken klasse="zoekveld"
                waarde=filter.zoek.clone().unwrap_or_default()
                hint="Referentie, opvang, gemeente, melder of woorden uit de melding"/>
            {keuzefilter("status", "Status", "Alle statussen", opties(Status::ALLE, Status::code, Status::label),
                filter.status.map(Status::code))}
            {keuzefilter("soort", "Soort", "Alle soorten", opties(Zaaksoort::ALLE, Zaaksoort::code, Zaaksoort::label),
                filter.soort.map(Zaaksoort::code))}
            {keuzefilter("onderwerp", "Onderwerp", "Alle onderwerpen", opties(Categorie::ALLE, Categorie::code, Categorie::label),
                filter.categorie.map(Categorie::code))}
            {keuzefilter("urgentie", "Urgentie", "Elke urgentie", opties(Urgentie::ALLE, Urgentie::code, Urgentie::label),
                filter.urgentie.map(Urgentie::code))}
            <Veld naam="van" prefix="f" label="Ontvangen vanaf" soort=Invoer::Datum waarde=datum(filter.van)/>
            <Veld naam="tot" prefix="f" label="Ontvangen tot en met" soort=Invoer::Datum waarde=datum(filter.tot)/>
            <Keuze naam="sorteer" prefix="f" label="Volgorde" leeg="Nieuwste eerst"
                opties=vec![("oudste".to_string(), "Oudste eerst".to_string())]
                gekozen=if filter.oudste_eerst { "oudste" } else { "" }/>
            <button type="submit" class="knop">"Toepassen"</button>
            <a href=wissen>"Filters wissen"</a>
        </form>
    }
}

#[component]
fn Tabel(rijen: Vec<WerkbakRij>, bijschrift: String) -> impl IntoView {
    view! {
        <table class="werkbak">
            <caption class="sr-only">{bijschrift}</caption>
            <thead>
                <tr>
                    <th scope="col">"Referentie"</th>
                    <th scope="col">"Ontvangen"</th>
                    <th scope="col">"Opvang"</th>
                    <th scope="col">"Onderwerpen"</th>
                    <th scope="col">"Urgentie"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col">"Behandelaar"</th>
                    <th scope="col">"Termijn"</th>
                </tr>
            </thead>
            <tbody>
                {rijen.into_iter().map(|r| {
                    let href = format!("/meldingen/{}", r.referentie);
                    let opvang = if r.gemeente.is_empty() { r.locatie } else { format!("{} ({})", r.locatie, r.gemeente) };
                    view! {
                        <tr class:acuut=r.urgentie == Urgentie::Acuut class:laat=r.te_laat>
                            <td><a href=href>{r.referentie.to_string()}</a></td>
                            <td>{tijd::toon(r.ontvangen)}</td>
                            <td>{opvang}</td>
                            <td>{r.categorieen.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ")}</td>
                            <td>{r.urgentie.label()}</td>
                            <td>{r.status.label()}</td>
                            <td>
                                {r.behandelaar.unwrap_or_else(|| "–".into())}
                                {r.medebehandelaar.map(|m| view! { <br/><span class="hulp">{format!("medebehandelaar: {m}")}</span> })}
                            </td>
                            <td>{r.te_laat.then(|| view! { <strong class="te-laat">"te laat"</strong> })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn Tabellen(pagina: WerkbakPagina, filter: WerkbakFilter) -> impl IntoView {
    let acuut = (!pagina.acuut.is_empty()).then(|| {
        let n = pagina.acuut.len();
        view! {
            <section class="acuut-blok" aria-labelledby="h-acuut">
                <h2 id="h-acuut">{format!("Acuut gevaar: vandaag oppakken ({n})")}</h2>
                <Tabel rijen=pagina.acuut bijschrift="Open meldingen met acuut gevaar, oudste eerst".into()/>
            </section>
        }
    });
    let lijst = if pagina.rijen.is_empty() {
        view! { <p>"Geen meldingen in deze weergave."</p> }.into_any()
    } else {
        let volgende = pagina.volgende.as_ref().map(|c| filter.link(Some(c)));
        let eerste = filter.na.is_some().then(|| filter.link(None));
        view! {
            <Tabel rijen=pagina.rijen bijschrift="Meldingen in deze weergave".into()/>
            <nav class="paginering" aria-label="Paginering">
                {eerste.map(|h| view! { <a href=h>"Eerste pagina"</a> })}
                {volgende.map(|h| view! { <a href=h rel="next">"Volgende pagina"</a> })}
            </nav>
        }
        .into_any()
    };
    let post = pagina.niet_verzonden.filter(|n| *n > 0).map(|n| {
        let tekst = if n == 1 { "1 bericht kon niet verzonden worden.".to_string() } else { format!("{n} berichten konden niet verzonden worden.") };
        view! { <p class="let-op" role="status">{tekst} " " <a href="/uitgaand">"Bekijk de uitgaande berichten"</a></p> }
    });
    view! {
        {post}
        {acuut}
        <h2 class="sr-only">"Meldingen"</h2>
        {lijst}
    }
}
