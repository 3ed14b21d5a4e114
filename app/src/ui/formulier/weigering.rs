//! What a refused post left behind, above the page: the messages (linked to their fields), what
//! changed meanwhile when the form was based on an old version, and the text typed. Any page with
//! forms on a versioned object shows it.

use super::Foutoverzicht;
use crate::gemeen::FormEcho;
use crate::gemeen::tijdlijn::Wijzigingen;
use leptos::prelude::*;

/// Above everything after a refused post (a step, or any other form on the page): the summary
/// with a link to each field (`<formulier>-<veld>`, except those in `ids`), and for a stale
/// version what changed meanwhile and the text typed.
#[component]
pub fn Weigeringsbericht(#[prop(optional)] ids: Vec<(&'static str, String)>) -> impl IntoView {
    let wijzigingen = use_context::<Wijzigingen>().unwrap_or_default().0;
    use_context::<FormEcho>().map(|e| {
        // Whatever the case worker wrote stays at hand, also when that form is no longer offered.
        let getypt: Vec<String> = ["tekst", "reden"]
            .iter()
            .map(|k| e.invoer.get(k).to_string())
            .filter(|t| !t.trim().is_empty() && e.melding.is_some())
            .collect();
        let bewaard = (!getypt.is_empty()).then(|| {
            view! {
                <label for="niet-bewaard">"Uw tekst (niet bewaard, kopieer hem gerust)"</label>
                <textarea id="niet-bewaard" readonly rows="4">{super::tekstvak_inhoud(getypt.join("\n\n"))}</textarea>
            }
        });
        let lijst = (!wijzigingen.is_empty()).then(|| {
            view! {
                <p>"Intussen veranderde dit:"</p>
                <ul>
                    {wijzigingen.into_iter().map(|w| view! {
                        <li>{crate::tijd::toon(w.tijdstip)} " – " {w.door} ": " {w.tekst}</li>
                    }).collect_view()}
                </ul>
            }
        });
        view! {
            <Foutoverzicht fouten=e.fouten melding=e.melding prefix=e.formulier ids>
                {lijst}
                {bewaard}
            </Foutoverzicht>
        }
    })
}
