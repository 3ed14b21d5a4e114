//! `/audit`: the audit log for coordinators, filtered by user, action, object and period with a
//! plain GET form, paged by keyset (`na=`), and exportable as CSV with the same filters.

use super::api::auditlog;
use super::model::{AuditFilter, AuditPagina, AuditRegel, Medewerker};
use crate::gemeen::audit::Actie;
use crate::tijd;
use crate::ui::formulier::{Invoer, Keuze, Veld, laadfout, opties};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AuditLogPagina() -> impl IntoView {
    let query = use_query_map();
    let filter = move || query.with(|q| AuditFilter::uit_query(|k| q.get(k)));
    let pagina = Resource::new(filter, |f| auditlog(f.link("", f.na.as_ref()).strip_prefix('?').map(str::to_string)));
    view! {
        <Title text="Auditlog | Meldpunt"/>
        <h1>"Auditlog"</h1>
        <p class="inleiding">
            "Wie wat bekeek, wijzigde, exporteerde of probeerde, wanneer en vanaf welk adres. "
            "Niemand kan deze regels wijzigen of verwijderen."
        </p>
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {move || pagina.get().map(|r| match r {
                Ok(p) => view! { <Inhoud pagina=p filter=filter()/> }.into_any(),
                Err(e) => {
                    match e {
                        crate::error::AppError::GeenToegang => crate::ui::zet_status(403),
                        crate::error::AppError::NietAangemeld => crate::ui::zet_status(401),
                        _ => {}
                    }
                    laadfout(&e)
                }
            })}
        </Suspense>
    }
}

#[component]
fn Inhoud(pagina: AuditPagina, filter: AuditFilter) -> impl IntoView {
    let csv = filter.link("/audit.csv", None);
    let eerste = filter.na.is_some().then(|| filter.link("/audit", None));
    let volgende = pagina.volgende.as_ref().map(|c| filter.link("/audit", Some(c)));
    let leeg = pagina.rijen.is_empty();
    view! {
        <Filters filter=filter.clone() medewerkers=pagina.medewerkers/>
        <p><a href=csv class="knop">"Exporteren als CSV (met deze filters)"</a></p>
        {if leeg {
            view! { <p>"Geen regels voor deze filters."</p> }.into_any()
        } else {
            view! { <Tabel rijen=pagina.rijen/> }.into_any()
        }}
        <nav aria-label="Pagina's" class="paginering">
            {eerste.map(|h| view! { <a href=h>"← Nieuwste regels"</a> " " })}
            {volgende.map(|h| view! { <a href=h rel="next">"Oudere regels →"</a> })}
        </nav>
    }
}

#[component]
fn Filters(filter: AuditFilter, medewerkers: Vec<Medewerker>) -> impl IntoView {
    let datum = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
    let gekozen = filter.gebruiker.clone().unwrap_or_default();
    // A user id that is not an account (e.g. `systeem`) stays selectable.
    let mut wie = vec![(crate::gemeen::audit::SYSTEEM.to_string(), "Systeem (automatisch)".to_string())];
    if !gekozen.is_empty() && gekozen != crate::gemeen::audit::SYSTEEM && !medewerkers.iter().any(|m| m.id == gekozen) {
        wie.push((gekozen.clone(), gekozen.clone()));
    }
    wie.extend(medewerkers.into_iter().map(|m| (m.id, m.naam)));
    let actie = filter.actie.map(Actie::code).unwrap_or_default();
    view! {
        <form method="get" action="/audit" class="filters" role="search" aria-label="Auditlog filteren">
            <Keuze naam="gebruiker" prefix="a" label="Medewerker" leeg="Iedereen" opties=wie gekozen/>
            <Keuze naam="actie" prefix="a" label="Actie" leeg="Alle acties" opties=opties(Actie::ALLE, Actie::code, Actie::label)
                gekozen=actie/>
            <Veld naam="object" prefix="a" label="Object" waarde=filter.object.clone().unwrap_or_default()
                hint="Precies zoals gelogd, bijvoorbeeld M-2026-00042 of account:naam@voorbeeld.be"/>
            <Veld naam="van" prefix="a" label="Vanaf" soort=Invoer::Datum waarde=datum(filter.van)/>
            <Veld naam="tot" prefix="a" label="Tot en met" soort=Invoer::Datum waarde=datum(filter.tot)/>
            <button type="submit" class="knop">"Toepassen"</button>
            <a href="/audit">"Filters wissen"</a>
        </form>
    }
}

#[component]
fn Tabel(rijen: Vec<AuditRegel>) -> impl IntoView {
    view! {
        <table class="auditlog">
            <caption class="sr-only">"Regels van het auditlog, nieuwste eerst"</caption>
            <thead>
                <tr>
                    <th scope="col">"Tijdstip"</th>
                    <th scope="col">"Medewerker"</th>
                    <th scope="col">"Rollen"</th>
                    <th scope="col">"Actie"</th>
                    <th scope="col">"Object"</th>
                    <th scope="col">"Adres"</th>
                </tr>
            </thead>
            <tbody>
                {rijen.into_iter().map(|r| {
                    let wie = r.gebruiker.clone().map(|g| {
                        let href = AuditFilter { gebruiker: Some(g.clone()), ..Default::default() }.link("/audit", None);
                        view! { <a href=href>{r.naam.clone().unwrap_or(g)}</a> }
                    });
                    let object = r.object.clone().map(|o| {
                        let href = AuditFilter { object: Some(o.clone()), ..Default::default() }.link("/audit", None);
                        view! { <a href=href>{o}</a> }
                    });
                    view! {
                        <tr>
                            <td><time datetime=r.tijdstip.to_rfc3339()>{tijd::toon(r.tijdstip)}</time></td>
                            <td>{wie.map(IntoAny::into_any).unwrap_or_else(|| "onbekend".into_any())}</td>
                            <td>{r.rollen.join(", ")}</td>
                            <td>{r.actie.label()}</td>
                            <td>{object.map(IntoAny::into_any).unwrap_or_else(|| "–".into_any())}</td>
                            <td>{r.adres.unwrap_or_else(|| "–".into())}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
