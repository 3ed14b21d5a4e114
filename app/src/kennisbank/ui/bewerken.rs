//! `/kennisbank/<slug>/bewerken`: a plain form posted to the server. "Voorbeeld tonen" shows the
//! rendered page under the same form; "Opslaan" stores a new revision based on the one read. When
//! the page hydrates, the text field also shows a live preview.

use super::foutblok;
use super::live_voorbeeld::InhoudVeld;
use crate::kennisbank::api::kennis_bewerken;
use crate::kennisbank::model::{BewerkData, BewerkStand, DOELGROEPEN, SOORTEN};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn BewerkPagina() -> impl IntoView {
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let stand = use_context::<BewerkStand>();
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match kennis_bewerken(slug).await {
                    Ok(d) => view! { <Formulier d stand=stand.clone()/> }.into_any(),
                    Err(e) => foutblok(e, "Pagina bewerken"),
                }
            })}
        </Suspense>
    }
}

/// A text field with its label and its message.
fn veld(stand: &BewerkStand, naam: &'static str, label: &'static str, waarde: String, hulp: &'static str) -> AnyView {
    let id = format!("k-{naam}");
    let fout = stand.fouten.get(naam).map(str::to_string);
    let fout_id = fout.as_ref().map(|_| format!("fout-{naam}"));
    let hulp_id = (!hulp.is_empty()).then(|| format!("hulp-{naam}"));
    let beschreven = [fout_id.clone(), hulp_id.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ");
    view! {
        <div class="veld" class:fout=fout_id.is_some()>
            <label for=id.clone()>{label}</label>
            {hulp_id.map(|h| view! { <p class="hulp" id=h>{hulp}</p> })}
            {fout.map(|m| view! { <p class="veldfout" id=fout_id.clone()>{m}</p> })}
            <input type="text" id=id name=naam value=waarde aria-invalid=fout_id.as_ref().map(|_| "true")
                aria-describedby=(!beschreven.is_empty()).then_some(beschreven)/>
        </div>
    }
    .into_any()
}

fn keuze(
    stand: &BewerkStand,
    naam: &'static str,
    label: &'static str,
    opties: &'static [(&'static str, &'static str)],
    gekozen: String,
) -> AnyView {
    let fout = stand.fouten.get(naam).map(str::to_string);
    let is_fout = fout.is_some();
    view! {
        <div class="veld" class:fout=is_fout>
            <label for=format!("k-{naam}")>{label}</label>
            {fout.map(|m| view! { <p class="veldfout" id=format!("fout-{naam}")>{m}</p> })}
            <select id=format!("k-{naam}") name=naam>
                {opties.iter().map(|(code, tekst)| view! { <option value=*code selected=gekozen == *code>{*tekst}</option> }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

#[component]
fn Formulier(d: BewerkData, stand: Option<BewerkStand>) -> impl IntoView {
    let stand = stand.unwrap_or_else(|| BewerkStand {
        invoer: d.invoer.clone(),
        kapotte_links: d.kapotte_links.clone(),
        ..Default::default()
    });
    let i = stand.invoer.clone();
    let slug = d.slug.clone();
    let inhoud_fout = stand.fouten.get("inhoud").map(str::to_string);
    let melding = stand.melding.clone().map(|m| {
        view! { <div class="foutoverzicht" role="alert" id="weigering" tabindex="-1"><h2>"Niet bewaard"</h2><p>{m}</p></div> }
    });
    let kapot = (!stand.kapotte_links.is_empty()).then(|| {
        view! {
            <div class="let-op" role="status">
                <p>"Let op: deze links verwijzen naar pagina's die niet bestaan. Lezers zien ze als gewone tekst."</p>
                <ul>{stand.kapotte_links.iter().map(|s| view! { <li><code>{s.clone()}</code></li> }).collect_view()}</ul>
            </div>
        }
    });
    let voorbeeld = stand.voorbeeld.clone().map(|html| {
        view! {
            <section class="voorbeeld" aria-labelledby="h-voorbeeld">
                <h2 id="h-voorbeeld">"Voorbeeld (nog niet bewaard)"</h2>
                <div class="kb-inhoud" inner_html=html></div>
            </section>
        }
    });
    let toch = !stand.kapotte_links.is_empty();
    let (pub_waarde, pub_knop, pub_tekst) = if d.gepubliceerd {
        ("nee", "Niet meer publiceren", "Deze pagina is gepubliceerd.")
    } else {
        ("ja", "Publiceren", "Deze pagina is niet gepubliceerd: alleen medewerkers zien ze.")
    };
    view! {
        <Title text=format!("{} bewerken | Meldpunt", i.titel)/>
        <p class="kruimel"><a href=format!("/kennisbank/{slug}")>"← Terug naar de pagina"</a></p>
        <h1>"Pagina bewerken"</h1>
        {melding}
        <form method="post" action=format!("/kennisbank/{slug}/publiceren") class="publiceren">
            <p>{pub_tekst}</p>
            <input type="hidden" name="gepubliceerd" value=pub_waarde/>
            <button type="submit" class="knop knop-tweede">{pub_knop}</button>
        </form>
        <form method="post" action=format!("/kennisbank/{slug}/bewerken") class="formulier kb-bewerken" novalidate>
            <input type="hidden" name="revisie" value=i.revisie.clone()/>
            {veld(&stand, "titel", "Titel", i.titel.clone(), "")}
            {veld(&stand, "samenvatting", "Samenvatting", i.samenvatting.clone(), "Eén of twee zinnen; verschijnt in de zoekresultaten.")}
            {keuze(&stand, "soort", "Soort pagina", SOORTEN, i.soort.clone())}
            {keuze(&stand, "doelgroep", "Wie mag de pagina lezen?", DOELGROEPEN, i.doelgroep.clone())}
            {veld(&stand, "regelgeving", "Regelgeving", i.regelgeving.clone(), "Bijvoorbeeld: Decreet van 20 april 2012. Leeg laten mag.")}
            {veld(&stand, "artikels", "Artikels", i.artikels.clone(), "Gescheiden door komma's, bijvoorbeeld: art. 10, art. 11")}
            {veld(&stand, "geldig_vanaf", "Geldig vanaf", i.geldig_vanaf.clone(), "Als jjjj-mm-dd, bijvoorbeeld 2024-04-19.")}
            {veld(&stand, "tags", "Trefwoorden", i.tags.clone(), "Gescheiden door komma's.")}
            {veld(&stand, "thema", "Thema", i.thema.clone(), "Pagina's met hetzelfde thema staan samen in het overzicht.")}
            <div class="veld" class:fout=inhoud_fout.is_some()>
                <label for="k-inhoud">"Tekst (markdown)"</label>
                <p class="hulp" id="hulp-inhoud">"Link naar een andere pagina met haar adres, bijvoorbeeld [schorsing](schorsing-vergunning)."</p>
                {inhoud_fout.clone().map(|m| view! { <p class="veldfout" id="fout-inhoud">{m}</p> })}
                <InhoudVeld inhoud=i.inhoud.clone() fout=inhoud_fout.clone()/>
            </div>
            {veld(&stand, "wijziging", "Wat hebt u gewijzigd?", i.wijziging.clone(), "Kort, voor de lijst met revisies.")}
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
