//! The handling panel on the case page: the steps possible now, the timeline form, and what
//! a refused post left behind (messages next to the fields, the typed text, what changed).

mod notitie;
mod stappen;

pub use notitie::NotitieVak;
pub use stappen::StappenVak;

use crate::gemeen::FormEcho;
use crate::meldingen::model::Wijzigingen;
use leptos::prelude::*;

/// The state of the form that was refused on the last post, if any, for this form.
pub(crate) fn stand_voor(formulier: &str) -> Option<FormEcho> {
    use_context::<FormEcho>().filter(|s| s.is(formulier))
}

/// A field's error message, placed right above the field and linked with `aria-describedby`.
pub(crate) fn veldfout(stand: &Option<FormEcho>, form: &str, veld: &str) -> (Option<String>, Option<AnyView>) {
    match stand.as_ref().and_then(|s| s.fouten.get(veld)) {
        Some(m) => {
            let id = format!("fout-{form}-{veld}");
            let v = view! { <p class="veldfout" id=id.clone()>{m.to_string()}</p> }.into_any();
            (Some(id), Some(v))
        }
        None => (None, None),
    }
}

/// What the case worker typed in this field before the refused post.
pub(crate) fn ingevuld(stand: &Option<FormEcho>, veld: &str) -> String {
    stand.as_ref().map(|s| s.waarde(veld)).unwrap_or_default()
}

/// A message above everything when a step was refused or the case changed meanwhile.
#[component]
pub fn Weigeringsbericht() -> impl IntoView {
    let wijzigingen = use_context::<Wijzigingen>().unwrap_or_default().0;
    let stand = use_context::<FormEcho>();
    stand.and_then(|s| s.melding.clone().map(|m| (m, s.invoer))).map(|(m, invoer)| {
        // Whatever the case worker wrote stays at hand, also when that form is no longer offered.
        let getypt: Vec<String> =
            ["tekst", "reden"].iter().map(|k| invoer.get(k).to_string()).filter(|t| !t.trim().is_empty()).collect();
        let bewaard = (!getypt.is_empty()).then(|| {
            view! {
                <label for="niet-bewaard">"Uw tekst (niet bewaard, kopieer hem gerust)"</label>
                <textarea id="niet-bewaard" readonly rows="4">{getypt.join("\n\n")}</textarea>
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
            <div class="foutoverzicht" role="alert" id="weigering" tabindex="-1">
                <h2>"Niet bewaard"</h2>
                <p>{m}</p>
                {lijst}
                {bewaard}
            </div>
        }
    })
}
