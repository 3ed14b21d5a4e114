//! Check boxes and radio buttons: a list of them under one name in a fieldset with its legend,
//! hint and message (`Keuzelijst`), one check box of its own (`Vink`), and a fieldset around
//! fields of different names (`Groep`).

use super::{beschrijving, control_id, hulp_en_fout, klassen, veldfout};
use leptos::prelude::*;

/// The id of one option: `<lijst>-<code>`, the code reduced to letters, digits, `-` and `_`
/// (`geen` for the empty code).
fn optie_id(lijst: &str, code: &str) -> String {
    let deel: String =
        code.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '-' { c } else { '-' }).collect();
    format!("{lijst}-{}", if deel.is_empty() { "geen" } else { &deel })
}

/// Radio buttons (one choice) or check boxes (`meerdere`) of `(code, label)` options under one
/// name. The fieldset has the list's id (an error summary links to it); each option is
/// `<id>-<code>` and is described by the hint and the message.
#[component]
pub fn Keuzelijst(
    naam: &'static str,
    #[prop(into)] legende: String,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional, into)] prefix: Option<String>,
    opties: Vec<(String, String)>,
    /// The codes chosen before.
    #[prop(optional)]
    gekozen: Vec<String>,
    /// Check boxes instead of radio buttons.
    #[prop(optional)]
    meerdere: bool,
    #[prop(default = None)] fout: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    /// Shown instead of the options when there are none.
    #[prop(optional, into)]
    leeg: Option<String>,
    /// An extra class on the fieldset.
    #[prop(optional)]
    klasse: Option<&'static str>,
) -> impl IntoView {
    let id = control_id(naam, id, prefix);
    let beschreven = beschrijving(&id, None, hint.is_some(), fout.is_some());
    let ongeldig = fout.as_ref().map(|_| "true");
    let heeft_fout = fout.is_some();
    let soort = if meerdere { "checkbox" } else { "radio" };
    let keuzes = if opties.is_empty() {
        leeg.map(|l| view! { <p class="hulp">{l}</p> }).into_any()
    } else {
        opties
            .into_iter()
            .map(|(code, label)| {
                let optie = optie_id(&id, &code);
                let aan = gekozen.contains(&code);
                view! {
                    <div class="keuze">
                        <input type=soort id=optie.clone() name=naam value=code checked=aan
                            aria-describedby=beschreven.clone() aria-invalid=ongeldig/>
                        <label for=optie>{label}</label>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <fieldset class=klassen(klasse) class:fout=heeft_fout id=id.clone() tabindex="-1">
            <legend>{legende}</legend>
            {hulp_en_fout(&id, hint, fout)}
            {keuzes}
        </fieldset>
    }
}

/// One check box with its label (e.g. "Ik wil anoniem melden"), sent as `waarde` when checked.
#[component]
pub fn Vink(
    naam: &'static str,
    #[prop(into)] label: String,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional, into)] prefix: Option<String>,
    #[prop(optional)] aan: bool,
    /// What is sent when checked ("ja" when absent).
    #[prop(optional, into)]
    waarde: Option<String>,
    #[prop(default = None)] fout: Option<String>,
    /// More ids that describe the check box (e.g. the text it confirms).
    #[prop(optional_no_strip, into)]
    beschreven: Option<String>,
) -> impl IntoView {
    let id = control_id(naam, id, prefix);
    let beschreven_door = beschrijving(&id, beschreven.as_deref(), false, fout.is_some());
    let ongeldig = fout.as_ref().map(|_| "true");
    let heeft_fout = fout.is_some();
    let waarde = waarde.unwrap_or_else(|| "ja".into());
    view! {
        <div class="veld keuze" class:fout=heeft_fout>
            {veldfout(&id, fout)}
            <input type="checkbox" id=id.clone() name=naam value=waarde checked=aan
                aria-describedby=beschreven_door aria-invalid=ongeldig/>
            <label for=id>{label}</label>
        </div>
    }
}

/// A fieldset around fields of their own names (e.g. check boxes that each say yes or no).
#[component]
pub fn Groep(
    #[prop(into)] legende: String,
    #[prop(optional, into)] hint: Option<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <fieldset class="veld">
            <legend>{legende}</legend>
            {hint.map(|h| view! { <p class="hulp">{h}</p> })}
            {children()}
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_option_id_is_plain() {
        assert_eq!(optie_id("categorie", "veiligheid"), "categorie-veiligheid");
        assert_eq!(optie_id("analyse-nieuw-bron", "tijdlijn:ab12"), "analyse-nieuw-bron-tijdlijn-ab12");
        assert_eq!(optie_id("punt-conclusie", ""), "punt-conclusie-geen");
    }
}
