//! `/sjablonen/<slug>/bewerken` and `/sjablonen/nieuw`: a plain form posted to the server.
//! "Voorbeeld tonen" shows the template filled with example values under the same form;
//! "Opslaan" stores a new version based on the one read (a new template: its first version,
//! under the short name given). A mistake in the text is named with its line in the text box.

use crate::error::AppError;
use crate::sjablonen::api::{sjabloon_bewerken, sjabloon_nieuw};
use crate::sjablonen::model::{BewerkData, GEBEURTENISSEN, KANALEN, PUBLIEKEN, SjabloonInvoer, Voorbeeld, ZAAKSOORTEN};
use crate::ui::formulier::{Echo, Foutoverzicht, Invoer, Keuze, Keuzelijst, Veld, Vink};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::future::Future;

/// The controls' ids are `s-<veld>`.
const PREFIX: &str = "s";

/// Which form: an existing template's, or a new one's (with its short name, without a summary
/// of the change).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Soort {
    Aanpassen,
    Nieuw,
}

#[component]
pub fn SjabloonBewerken() -> impl IntoView {
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    laden(Soort::Aanpassen, sjabloon_bewerken(slug))
}

#[component]
pub fn SjabloonNieuw() -> impl IntoView {
    laden(Soort::Nieuw, sjabloon_nieuw())
}

/// The form once its data is there, with the echo and preview of the last post.
fn laden(soort: Soort, data: impl Future<Output = Result<BewerkData, AppError>> + Send + 'static) -> impl IntoView {
    let echo = Echo::voor("sjabloon");
    let voorbeeld = use_context::<Voorbeeld>();
    let kop = if soort == Soort::Nieuw { "Nieuw sjabloon" } else { "Sjabloon aanpassen" };
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match data.await {
                    Ok(d) => view! { <Formulier d soort echo=echo.clone() voorbeeld=voorbeeld.clone()/> }.into_any(),
                    Err(e) => super::laadfout(e, kop),
                }
            })}
        </Suspense>
    }
}

fn paren(lijst: &[(&str, &str)]) -> Vec<(String, String)> {
    lijst.iter().map(|(c, l)| (c.to_string(), l.to_string())).collect()
}

/// The page title, the way back, the heading and where the form posts.
fn kop_en_pad(soort: Soort, slug: &str, titel: &str) -> (String, AnyView, &'static str, String) {
    match soort {
        Soort::Nieuw => (
            "Nieuw sjabloon | Meldpunt".into(),
            view! { <a href="/sjablonen">"← Alle sjablonen"</a> }.into_any(),
            "Nieuw sjabloon",
            "/sjablonen/nieuw".into(),
        ),
        Soort::Aanpassen => (
            format!("{titel} aanpassen | Meldpunt"),
            view! { <a href=format!("/sjablonen/{slug}")>"← Terug naar het sjabloon"</a> }.into_any(),
            "Sjabloon aanpassen",
            format!("/sjablonen/{slug}/bewerken"),
        ),
    }
}

#[component]
fn Formulier(d: BewerkData, soort: Soort, echo: Echo, voorbeeld: Option<Voorbeeld>) -> impl IntoView {
    let i = echo.0.as_ref().map_or_else(|| d.invoer.clone(), |e| SjabloonInvoer::uit(&e.invoer));
    let (titel, terug, kop, actie) = kop_en_pad(soort, &d.slug, &i.titel);
    let overzicht = echo.0.clone().map(|e| {
        view! { <Foutoverzicht fouten=e.fouten melding=e.melding prefix=PREFIX.to_string()/> }
    });
    let voorbeeld = voorbeeld.map(|v| super::pagina::voorbeeld_blok(v, "Voorbeeld (nog niet bewaard)"));
    let velden = d.alle_velden.clone();
    let nieuw = soort == Soort::Nieuw;
    view! {
        <Title text=titel/>
        <p class="kruimel">{terug}</p>
        <h1>{kop}</h1>
        {overzicht}
        <form method="post" action=actie class="formulier" novalidate>
            {(!nieuw).then(|| view! { <input type="hidden" name="revisie" value=i.revisie.clone()/> })}
            <Veld naam="titel" prefix=PREFIX label="Titel" waarde=i.titel.clone() fout=echo.fout("titel")/>
            {nieuw.then(|| view! {
                <Veld naam="slug" prefix=PREFIX label="Korte naam (in de adresbalk)" waarde=echo.waarde("slug")
                    fout=echo.fout("slug") max=60 autocomplete="off" geen_spellingcontrole=true
                    hint="Kleine letters, cijfers en koppeltekens, 3 tot 60 tekens, bijvoorbeeld uitleg-wachttijd. Hij verandert later niet."/>
            })}
            <Keuze naam="publiek" prefix=PREFIX label="Voor wie is het bericht?" opties=paren(PUBLIEKEN)
                gekozen=i.publiek.clone() fout=echo.fout("publiek")/>
            <Keuze naam="kanaal" prefix=PREFIX label="Hoe vertrekt het?" opties=paren(KANALEN)
                gekozen=i.kanaal.clone() fout=echo.fout("kanaal")/>
            <Keuzelijst naam="zaaksoorten" prefix=PREFIX legende="Bij welke zaken past het?" meerdere=true
                opties=paren(ZAAKSOORTEN) gekozen=i.zaaksoorten.clone() fout=echo.fout("zaaksoorten")
                hint="Niets aangevinkt: een brief bij een handhavingsdossier."/>
            <Vink naam="tweede_lezer" prefix=PREFIX aan=i.tweede_lezer fout=echo.fout("tweede_lezer")
                label="Een collega moet het bericht goedkeuren voor het vertrekt"/>
            <Keuze naam="automatisch" prefix=PREFIX label="Verstuurt Meldpunt het vanzelf?" opties=paren(GEBEURTENISSEN)
                gekozen=i.automatisch.clone() fout=echo.fout("automatisch")/>
            <Veld naam="onderwerp" prefix=PREFIX label="Onderwerp" waarde=i.onderwerp.clone() fout=echo.fout("onderwerp")
                hint="Eén regel. Invulvelden mogen, bijvoorbeeld {{melding.referentie}}."/>
            <Veld naam="inhoud" prefix=PREFIX label="Tekst (markdown)" soort=Invoer::Tekstvak(24) waarde=i.inhoud.clone()
                fout=echo.fout("inhoud")
                hint="Een deel dat alleen verschijnt als een veld ingevuld is: {{#als veld}} … {{#anders}} … {{/als}}. Wat de schrijver nog moet aanvullen: [[…]]."/>
            {(!nieuw).then(|| view! {
                <Veld naam="wijziging" prefix=PREFIX label="Wat hebt u gewijzigd?" waarde=i.wijziging.clone()
                    fout=echo.fout("wijziging") hint="Kort, voor de lijst met versies."/>
            })}
            <div class="knoppen">
                <button type="submit" name="actie" value="voorbeeld" class="knop knop-tweede">"Voorbeeld tonen"</button>
                <button type="submit" name="actie" value="opslaan" class="knop">"Opslaan"</button>
            </div>
        </form>
        {voorbeeld}
        <details id="s-uitleg">
            <summary>"Welke invulvelden zijn er?"</summary>
            <dl class="invulvelden">
                {velden.into_iter().map(|(n, u)| view! { <dt><code>{format!("{{{{{n}}}}}")}</code></dt><dd>{u}</dd> }).collect_view()}
            </dl>
        </details>
    }
}
