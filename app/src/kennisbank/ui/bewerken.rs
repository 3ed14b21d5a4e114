//! `/kennisbank/<slug>/bewerken`: a plain form posted to the server. "Voorbeeld tonen" shows the
//! rendered page under the same form; "Opslaan" stores a new revision based on the one read. When
//! the page hydrates, the text field also shows a live preview.

use super::foutblok;
use super::live_voorbeeld::InhoudVeld;
use crate::kennisbank::api::kennis_bewerken;
use crate::kennisbank::model::{BewerkData, BewerkInvoer, BewerkVoorbeeld, DOELGROEPEN, SOORTEN};
use crate::ui::formulier::{Echo, Foutoverzicht, Keuze, Veld};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The controls' ids are `k-<veld>`.
const PREFIX: &str = "k";

#[component]
pub fn BewerkPagina() -> impl IntoView {
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let echo = Echo::voor("bewerken");
    let voorbeeld = use_context::<BewerkVoorbeeld>();
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match kennis_bewerken(slug).await {
                    Ok(d) => view! { <Formulier d echo=echo.clone() voorbeeld=voorbeeld.clone()/> }.into_any(),
                    Err(e) => foutblok(e, "Pagina bewerken"),
                }
            })}
        </Suspense>
    }
}

/// A one-line text field of the editor, with its hint.
fn veld(echo: &Echo, naam: &'static str, label: &'static str, waarde: String, hint: Option<&'static str>) -> AnyView {
    match hint {
        Some(hint) => view! { <Veld naam prefix=PREFIX label waarde fout=echo.fout(naam) hint/> }.into_any(),
        None => view! { <Veld naam prefix=PREFIX label waarde fout=echo.fout(naam)/> }.into_any(),
    }
}

fn keuze(
    echo: &Echo,
    naam: &'static str,
    label: &'static str,
    opties: &'static [(&'static str, &'static str)],
    gekozen: String,
) -> AnyView {
    let opties = opties.iter().map(|(c, t)| (c.to_string(), t.to_string())).collect();
    view! { <Keuze naam prefix=PREFIX label opties gekozen fout=echo.fout(naam)/> }.into_any()
}

#[component]
fn Formulier(d: BewerkData, echo: Echo, voorbeeld: Option<BewerkVoorbeeld>) -> impl IntoView {
    let i = echo.0.as_ref().map_or_else(|| d.invoer.clone(), |e| BewerkInvoer::uit(&e.invoer));
    let kapotte_links = voorbeeld.as_ref().map_or_else(|| d.kapotte_links.clone(), |v| v.kapotte_links.clone());
    let slug = d.slug.clone();
    let inhoud_fout = echo.fout("inhoud");
    let overzicht = echo.0.clone().map(|e| {
        view! { <Foutoverzicht fouten=e.fouten melding=e.melding prefix=PREFIX.to_string()/> }
    });
    let kapot = (!kapotte_links.is_empty()).then(|| {
        view! {
            <div class="let-op" role="status">
                <p>"Let op: deze links verwijzen naar pagina's die niet bestaan. Lezers zien ze als gewone tekst."</p>
                <ul>{kapotte_links.iter().map(|s| view! { <li><code>{s.clone()}</code></li> }).collect_view()}</ul>
            </div>
        }
    });
    let voorbeeld = voorbeeld.map(|v| v.html).map(|html| {
        view! {
            <section class="voorbeeld" aria-labelledby="h-voorbeeld">
                <h2 id="h-voorbeeld">"Voorbeeld (nog niet bewaard)"</h2>
                <div class="kb-inhoud" inner_html=html></div>
            </section>
        }
    });
    let toch = !kapotte_links.is_empty();
    let (pub_waarde, pub_knop, pub_tekst) = if d.gepubliceerd {
        ("nee", "Niet meer publiceren", "Deze pagina is gepubliceerd.")
    } else {
        ("ja", "Publiceren", "Deze pagina is niet gepubliceerd: alleen medewerkers zien ze.")
    };
    view! {
        <Title text=format!("{} bewerken | Meldpunt", i.titel)/>
        <p class="kruimel"><a href=format!("/kennisbank/{slug}")>"← Terug naar de pagina"</a></p>
        <h1>"Pagina bewerken"</h1>
        {overzicht}
        <form method="post" action=format!("/kennisbank/{slug}/publiceren") class="publiceren">
            <p>{pub_tekst}</p>
            <input type="hidden" name="gepubliceerd" value=pub_waarde/>
            <button type="submit" class="knop knop-tweede">{pub_knop}</button>
        </form>
        <form method="post" action=format!("/kennisbank/{slug}/bewerken") class="formulier kb-bewerken" novalidate>
            <input type="hidden" name="revisie" value=i.revisie.clone()/>
            {veld(&echo, "titel", "Titel", i.titel.clone(), None)}
            {veld(&echo, "samenvatting", "Samenvatting", i.samenvatting.clone(), Some("Eén of twee zinnen; verschijnt in de zoekresultaten."))}
            {keuze(&echo, "soort", "Soort pagina", SOORTEN, i.soort.clone())}
            {keuze(&echo, "doelgroep", "Wie mag de pagina lezen?", DOELGROEPEN, i.doelgroep.clone())}
            {veld(&echo, "regelgeving", "Regelgeving", i.regelgeving.clone(), Some("Bijvoorbeeld: Decreet van 20 april 2012. Leeg laten mag."))}
            {veld(&echo, "artikels", "Artikels", i.artikels.clone(), Some("Gescheiden door komma's, bijvoorbeeld: art. 10, art. 11"))}
            {veld(&echo, "geldig_vanaf", "Geldig vanaf", i.geldig_vanaf.clone(), Some("Als jjjj-mm-dd, bijvoorbeeld 2024-04-19."))}
            {veld(&echo, "tags", "Trefwoorden", i.tags.clone(), Some("Gescheiden door komma's."))}
            {veld(&echo, "thema", "Thema", i.thema.clone(), Some("Pagina's met hetzelfde thema staan samen in het overzicht."))}
            <Veld naam="inhoud" prefix=PREFIX label="Tekst (markdown)" fout=inhoud_fout.clone()
                hint="Link naar een andere pagina met haar adres, bijvoorbeeld [schorsing](schorsing-vergunning).">
                <InhoudVeld inhoud=i.inhoud.clone() ongeldig=inhoud_fout.is_some()/>
            </Veld>
            {veld(&echo, "wijziging", "Wat hebt u gewijzigd?", i.wijziging.clone(), Some("Kort, voor de lijst met revisies."))}
            {kapot}
            <div class="knoppen">
                <button type="submit" name="actie" value="voorbeeld" class="knop knop-tweede">"Voorbeeld tonen"</button>
                <button type="submit" name="actie" value=if toch { "toch_opslaan" } else { "opslaan" } class="knop">
                    {if toch { "Toch opslaan" } else { "Opslaan" }}
                </button>
            </div>
        </form>
        {voorbeeld}
    }
}
