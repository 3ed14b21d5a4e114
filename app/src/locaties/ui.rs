//! `/organisatoren/<id>` and `/locaties/<id>`: data, licence, account manager, and every melding
//! with its outcome, with the count of the last 12 months up front.

use super::api::{locatie, organisator};
use super::overzicht::{LocatieOverzicht, LocatieRegel, MAX_MELDINGEN, MeldingRegel, OrganisatorOverzicht};
use crate::tijd;
use crate::ui::formulier::laadfout;
use crate::zaak::werkbak_filter::{Weergave, WerkbakFilter};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

fn aantal(n: u32) -> String {
    match n {
        0 => "geen meldingen in de laatste 12 maanden".into(),
        1 => "1 melding in de laatste 12 maanden".into(),
        n => format!("{n} meldingen in de laatste 12 maanden"),
    }
}

#[component]
fn Meldingen(meldingen: Vec<MeldingRegel>, alle: String) -> impl IntoView {
    if meldingen.is_empty() {
        return view! { <p>"Nog geen meldingen."</p> }.into_any();
    }
    let meer = (meldingen.len() as i64 >= MAX_MELDINGEN)
        .then(|| view! { <p><a href=alle.clone()>"Alle meldingen in de werkbak"</a></p> });
    view! {
        <table class="werkbak">
            <caption class="sr-only">"Meldingen, nieuwste eerst, met hun uitkomst"</caption>
            <thead><tr>
                <th scope="col">"Referentie"</th><th scope="col">"Ontvangen"</th><th scope="col">"Opvang"</th>
                <th scope="col">"Onderwerpen"</th><th scope="col">"Status"</th><th scope="col">"Uitkomst"</th>
            </tr></thead>
            <tbody>
                {meldingen.into_iter().map(|m| view! {
                    <tr>
                        <td><a href=format!("/meldingen/{}", m.referentie)>{m.referentie.to_string()}</a></td>
                        <td>{tijd::toon(m.ontvangen)}</td>
                        <td>{m.locatie}</td>
                        <td>{m.categorieen.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ")}</td>
                        <td>{m.status.label()}</td>
                        <td>{m.conclusie.map_or("–", |c| c.label())}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        {meer}
    }
    .into_any()
}

fn werkbak_link(f: WerkbakFilter) -> String {
    WerkbakFilter { weergave: Some(Weergave::Alle), ..f }.link(None)
}

#[component]
pub fn OrganisatorPagina() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(id, organisator);
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {move || data.get().map(|r| match r {
                Ok(o) => view! { <Organisator o/> }.into_any(),
                Err(e) => view! { <Title text="Organisator | Meldpunt"/><h1>"Organisator"</h1>{laadfout(&e)} }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Organisator(o: OrganisatorOverzicht) -> impl IntoView {
    let alle = werkbak_link(WerkbakFilter { organisator: Some(o.id.clone()), ..Default::default() });
    view! {
        <Title text=format!("{} | Meldpunt", o.naam)/>
        <h1>{o.naam.clone()}</h1>
        <p class="signaal" class:veel={o.meldingen_12_maanden >= 3}><strong>{aantal(o.meldingen_12_maanden)}</strong></p>
        <dl class="kenmerken">
            <dt>"Ondernemingsnummer"</dt><dd>{o.ondernemingsnummer.clone()}</dd>
            <dt>"E-mail"</dt><dd>{o.email.clone().unwrap_or_else(|| "–".into())}</dd>
            <dt>"Telefoon"</dt><dd>{o.telefoon.clone().unwrap_or_else(|| "–".into())}</dd>
            <dt>"Klantenbeheerder"</dt><dd>{o.accountbeheerder.clone().unwrap_or_else(|| "Niet toegewezen".into())}</dd>
        </dl>
        <h2>"Locaties"</h2>
        <ul class="locaties">
            {o.locaties.into_iter().map(|l: LocatieRegel| view! {
                <li>
                    <a href=format!("/locaties/{}", l.id)>{l.naam}</a> " – " {l.adres} " – " {l.vergunning.label()}
                    " – " {aantal(l.meldingen_12_maanden)}
                </li>
            }).collect_view()}
        </ul>
        <h2>"Meldingen"</h2>
        <Meldingen meldingen=o.meldingen alle/>
    }
}

#[component]
pub fn LocatiePagina() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(id, locatie);
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {move || data.get().map(|r| match r {
                Ok(l) => view! { <Locatie l/> }.into_any(),
                Err(e) => view! { <Title text="Locatie | Meldpunt"/><h1>"Locatie"</h1>{laadfout(&e)} }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Locatie(l: LocatieOverzicht) -> impl IntoView {
    let alle = werkbak_link(WerkbakFilter { locatie: Some(l.locatie.id.clone()), ..Default::default() });
    let loc = l.locatie;
    view! {
        <Title text=format!("{} | Meldpunt", loc.naam)/>
        <h1>{loc.naam.clone()}</h1>
        <p class="signaal" class:veel={loc.meldingen_12_maanden >= 3}><strong>{aantal(loc.meldingen_12_maanden)}</strong></p>
        <dl class="kenmerken">
            <dt>"Adres"</dt><dd>{loc.adres.clone()}</dd>
            <dt>"Soort"</dt><dd>{loc.soort.label()} ", " {loc.capaciteit} " plaatsen"</dd>
            <dt>"Vergunning"</dt><dd>{loc.vergunning.label()}</dd>
            <dt>"Organisator"</dt><dd><a href=format!("/organisatoren/{}", l.organisator_id)>{l.organisator.clone()}</a></dd>
            <dt>"Klantenbeheerder"</dt><dd>{l.accountbeheerder.clone().unwrap_or_else(|| "Niet toegewezen".into())}</dd>
        </dl>
        <h2>"Meldingen"</h2>
        <Meldingen meldingen=l.meldingen alle/>
    }
}
