//! `/handhaving/dossiers`: the enforcement dossiers, open ones first, and for account managers
//! and coordinators the form to open one. Plain HTML forms; no JavaScript needed.

use crate::handhaving::api::dossiers;
use crate::handhaving::model::Dossierlijst;
use crate::tijd;
use crate::ui::formulier::{Echo, Foutoverzicht, Invoer, Veld};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn DossiersPagina() -> impl IntoView {
    let echo = Echo::voor("dossier");
    view! {
        <Title text="Handhavingsdossiers | Meldpunt"/>
        <h1>"Handhavingsdossiers"</h1>
        <p><a href="/handhaving">"Het openbare register bekijken"</a></p>
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match dossiers().await {
                    Ok(l) => lijst(l, echo.clone()).into_any(),
                    Err(e) => crate::ui::foutpagina(e, "Handhavingsdossiers", "Deze pagina bestaat niet", view! { <p><a href="/werkbak">"Naar de werkbak"</a></p> }.into_any()),
                }
            })}
        </Suspense>
    }
}

fn lijst(l: Dossierlijst, echo: Echo) -> impl IntoView {
    let tabel = if l.dossiers.is_empty() {
        view! { <p>"Er zijn nog geen dossiers."</p> }.into_any()
    } else {
        view! {
            <table class="dossiers">
                <thead><tr>
                    <th scope="col">"Dossier"</th><th scope="col">"Locatie"</th><th scope="col">"Vergunning"</th>
                    <th scope="col">"Stand"</th><th scope="col">"Geopend"</th>
                </tr></thead>
                <tbody>
                    {l.dossiers.into_iter().map(|d| view! {
                        <tr>
                            <td><a href=format!("/handhaving/dossiers/{}", d.id)>{d.nummer.clone()}</a></td>
                            <td>{format!("{} ({})", d.locatie_naam, d.gemeente)}</td>
                            <td>{d.vergunning.label()}</td>
                            <td>{if d.open { "Open" } else { "Afgesloten" }}</td>
                            <td><time datetime=d.geopend.to_rfc3339()>{tijd::toon(d.geopend)}</time></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        {tabel}
        {l.mag_schrijven.then(|| openen(echo))}
    }
}

fn openen(echo: Echo) -> impl IntoView {
    let overzicht = echo.0.clone().map(|e| {
        view! { <Foutoverzicht fouten=e.fouten melding=e.melding prefix="d".to_string() kop=Some("Niet geopend".to_string())/> }
    });
    view! {
        <section aria-labelledby="h-openen">
            <h2 id="h-openen">"Dossier openen"</h2>
            {overzicht}
            <form method="post" action="/handhaving/dossiers" class="formulier" novalidate>
                <Veld naam="locatie" prefix="d" label="Code van de locatie" waarde=echo.waarde("locatie")
                    fout=echo.fout("locatie") hint="Staat op de pagina van de locatie, bijvoorbeeld L0007."/>
                <Veld naam="aanleiding" prefix="d" label="Aanleiding" soort=Invoer::Tekstvak(4) waarde=echo.waarde("aanleiding")
                    fout=echo.fout("aanleiding") hint="Waarom opent u dit dossier?"/>
                <Veld naam="meldingen" prefix="d" label="Meldingen achter dit dossier" waarde=echo.waarde("meldingen")
                    fout=echo.fout("meldingen") hint="Referenties gescheiden door komma's. Leeg laten mag."/>
                <div class="knoppen"><button type="submit" class="knop">"Dossier openen"</button></div>
            </form>
        </section>
    }
}
