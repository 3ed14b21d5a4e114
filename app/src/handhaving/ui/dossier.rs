//! `/handhaving/dossiers/<id>`: one dossier, its steps (with when a public step reaches the
//! register), the licence's history, and the form to add a step. The rules of order are checked
//! on the server; a refused step comes back with the reason next to "Stap".

use crate::handhaving::api::dossier;
use crate::handhaving::model::{DossierPagina, Maatregel, StapRegel, Stapsoort};
use crate::tijd;
use crate::ui::formulier::{Echo, Foutoverzicht, Invoer, Keuze, Keuzelijst, Veld};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn DossierScherm() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let echo = Echo::voor("stap");
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match dossier(id).await {
                    Ok(d) => pagina(d, echo.clone()).into_any(),
                    Err(e) => crate::ui::foutpagina(e, "Handhavingsdossier", "Dit dossier bestaat niet", view! { <p><a href="/handhaving/dossiers">"Naar de dossiers"</a></p> }.into_any()),
                }
            })}
        </Suspense>
    }
}

fn pagina(d: DossierPagina, echo: Echo) -> impl IntoView {
    let r = d.regel.clone();
    let titel = format!("Dossier {} – {}", r.nummer, r.locatie_naam);
    let historiek = (!d.historiek.is_empty()).then(|| view! {
        <h2>"Vergunning"</h2>
        <ul>{d.historiek.iter().map(|(van, naar, wanneer)| view! {
            <li>{format!("{}: {} → {}", tijd::toon(*wanneer), van.label(), naar.label())}</li>
        }).collect_view()}</ul>
    });
    let formulier = (d.mag_schrijven && r.open).then(|| stap_formulier(&r.id, d.versie, echo));
    view! {
        <Title text=format!("{titel} | Meldpunt")/>
        <p class="kruimel"><a href="/handhaving/dossiers">"← Alle dossiers"</a></p>
        <h1>{titel}</h1>
        <dl class="kenmerken">
            <dt>"Locatie"</dt><dd>{format!("{} ({}), {}", r.locatie_naam, r.gemeente, d.organisator)}</dd>
            <dt>"Vergunning"</dt><dd>{r.vergunning.label()}</dd>
            <dt>"Stand"</dt><dd>{if r.open { "Open" } else { "Afgesloten" }}</dd>
            <dt>"Aanleiding"</dt><dd>{d.aanleiding.clone()}</dd>
            <dt>"Geopend"</dt><dd>{format!("{} door {}", tijd::toon(r.geopend), d.geopend_door)}</dd>
            <dt>"Meldingen"</dt><dd>{meldingen(&d.meldingen)}</dd>
        </dl>
        <h2>"Stappen"</h2>
        {if d.stappen.is_empty() { view! { <p>"Nog geen stappen."</p> }.into_any() } else { stappen(d.stappen).into_any() }}
        {historiek}
        {formulier}
    }
}

fn meldingen(refs: &[String]) -> AnyView {
    if refs.is_empty() {
        return view! { "geen" }.into_any();
    }
    refs.iter()
        .map(|r| view! { <a href=format!("/meldingen/{r}")>{r.clone()}</a> " " })
        .collect_view()
        .into_any()
}

fn stappen(lijst: Vec<StapRegel>) -> impl IntoView {
    view! {
        <ol class="dossierstappen">
            {lijst.into_iter().map(|s| {
                let wat = match s.maatregel {
                    Some(m) => format!("{}: {}", s.soort.label(), m.label().to_lowercase()),
                    None => s.soort.label().to_string(),
                };
                let onmiddellijk = s.onmiddellijk.then(|| view! {
                    <p><strong>"Onmiddellijk: "</strong>{s.reden.clone().unwrap_or_default()}</p>
                });
                let betekend = s.betekend.map(|b| format!("Organisator verwittigd op {}.", tijd::voluit(b)));
                let termijn = s.termijn.map(|t| format!(" Termijn: {}.", tijd::voluit(t)));
                let openbaar = match (s.publiek, s.openbaar_vanaf) {
                    (true, Some(v)) => format!(" Openbaar vanaf {}.", tijd::toon(v)),
                    (true, None) => " Openbaar zodra de organisator verwittigd is.".to_string(),
                    (false, _) => " Niet openbaar.".to_string(),
                };
                view! {
                    <li>
                        <h3>{format!("{wat} – {}", tijd::voluit(s.datum))}</h3>
                        {onmiddellijk}
                        <p class="witruimte">{s.tekst.clone()}</p>
                        <p class="hulp">{betekend}{termijn}{openbaar}{format!(" Door {}.", s.door)}</p>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

fn stap_formulier(id: &str, versie: i64, echo: Echo) -> impl IntoView + use<> {
    let overzicht = echo.0.clone().map(|e| {
        view! { <Foutoverzicht fouten=e.fouten melding=e.melding prefix="s".to_string() kop=Some("Stap niet toegevoegd".to_string())/> }
    });
    let soorten = Stapsoort::ALLE.iter().map(|s| (s.code().to_string(), s.label().to_string())).collect();
    let maatregelen = Maatregel::ALLE.iter().map(|m| (m.code().to_string(), m.label().to_string())).collect();
    let vandaag = tijd::vandaag(chrono::Utc::now()).format("%Y-%m-%d").to_string();
    let vinkjes = |naam: &'static str, tekst: &str| {
        let gekozen = if echo.aangevinkt(naam) { vec!["ja".to_string()] } else { Vec::new() };
        (vec![("ja".to_string(), tekst.to_string())], gekozen)
    };
    let (publiek_optie, publiek_gekozen) = vinkjes("publiek", "Openbaar maken in het register (na het embargo)");
    let (nu_optie, nu_gekozen) = vinkjes("onmiddellijk", "Onmiddellijke schorsing: kinderen zijn in gevaar");
    view! {
        <section aria-labelledby="h-stap">
            <h2 id="h-stap">"Stap toevoegen"</h2>
            {overzicht}
            <form method="post" action=format!("/handhaving/dossiers/{id}/stappen") class="formulier" novalidate>
                <input type="hidden" name="versie" value=versie.to_string()/>
                <Keuze naam="soort" prefix="s" label="Stap" opties=soorten gekozen=echo.waarde("soort") leeg="Kies een stap" fout=echo.fout("soort")/>
                <Keuze naam="maatregel" prefix="s" label="Maatregel" opties=maatregelen gekozen=echo.waarde("maatregel") leeg="Geen (niet nodig voor deze stap)"
                    fout=echo.fout("maatregel") hint="Voor een voornemen of een beslissing."/>
                <Keuzelijst naam="onmiddellijk" prefix="s" legende="Onmiddellijk" meerdere=true opties=nu_optie gekozen=nu_gekozen fout=echo.fout("onmiddellijk")/>
                <Veld naam="reden" prefix="s" label="Waarom zijn de kinderen in gevaar?" soort=Invoer::Tekstvak(3) waarde=echo.waarde("reden")
                    fout=echo.fout("reden") hint="Alleen bij een onmiddellijke schorsing."/>
                <Veld naam="tekst" prefix="s" label="Vaststelling of beslissing" soort=Invoer::Tekstvak(6) waarde=echo.waarde("tekst") fout=echo.fout("tekst")/>
                <Veld naam="datum" prefix="s" label="Datum van de stap" soort=Invoer::Datum waarde=echo.of("datum", || vandaag.clone()) fout=echo.fout("datum")/>
                <Veld naam="betekend" prefix="s" label="Organisator verwittigd op" soort=Invoer::Datum waarde=echo.waarde("betekend")
                    fout=echo.fout("betekend") hint="Het embargo van het register telt vanaf deze dag."/>
                <Veld naam="termijn" prefix="s" label="Termijn" soort=Invoer::Datum waarde=echo.waarde("termijn") fout=echo.fout("termijn")
                    hint="Bijvoorbeeld de datum om in orde te zijn, of om te vragen gehoord te worden."/>
                <Keuzelijst naam="publiek" prefix="s" legende="Register" meerdere=true opties=publiek_optie gekozen=publiek_gekozen fout=echo.fout("publiek")/>
                <div class="knoppen"><button type="submit" class="knop">"Stap toevoegen"</button></div>
            </form>
        </section>
    }
}
