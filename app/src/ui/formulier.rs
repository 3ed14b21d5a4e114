//! The UI kit of every form: a field with its label, hint and message (linked to the control with
//! `aria-describedby`, marked `aria-invalid`), a choice list, the error summary above a refused
//! form, and the message of a failed load. Plain HTML: works without JavaScript.

use crate::error::AppError;
use crate::gemeen::Veldfouten;
use leptos::prelude::*;

/// The kind of control a `Veld` holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Invoer {
    #[default]
    Tekst,
    Email,
    Telefoon,
    Datum,
    Getal,
    Wachtwoord,
    /// A multi-line text with this many rows.
    Tekstvak(u32),
}

impl Invoer {
    fn html_type(self) -> &'static str {
        match self {
            Self::Tekst | Self::Tekstvak(_) => "text",
            Self::Email => "email",
            Self::Telefoon => "tel",
            Self::Datum => "date",
            Self::Getal => "number",
            Self::Wachtwoord => "password",
        }
    }
}

/// The ids of the hint and the message that describe a control, as `aria-describedby` wants them.
fn beschreven_door(hint: Option<&str>, fout: Option<&str>) -> Option<String> {
    let ids: Vec<&str> = [hint, fout].into_iter().flatten().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// One field: label, optional hint, the message of a refused post right above the control, and
/// the control with what was typed.
#[component]
pub fn Veld(
    /// The form field's name; also the control's id unless `id` is given.
    naam: &'static str,
    #[prop(into)] label: String,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional)] soort: Invoer,
    #[prop(optional, into)] waarde: String,
    /// The message after a refused post (`None`: no message).
    #[prop(default = None)]
    fout: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] verplicht: bool,
    #[prop(optional)] max: Option<usize>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| naam.to_string());
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let fout_id = fout.as_ref().map(|_| format!("{id}-fout"));
    let beschreven = beschreven_door(hint_id.as_deref(), fout_id.as_deref());
    let ongeldig = fout.as_ref().map(|_| "true");
    let heeft_fout = fout.is_some();
    let max = max.map(|m| m.to_string());
    let control = match soort {
        Invoer::Tekstvak(rijen) => view! {
            <textarea id=id.clone() name=naam rows=rijen maxlength=max required=verplicht
                aria-describedby=beschreven aria-invalid=ongeldig>{waarde}</textarea>
        }
        .into_any(),
        _ => view! {
            <input type=soort.html_type() id=id.clone() name=naam value=waarde maxlength=max required=verplicht
                autocomplete=autocomplete aria-describedby=beschreven aria-invalid=ongeldig/>
        }
        .into_any(),
    };
    view! {
        <div class="veld" class:fout=heeft_fout>
            <label for=id>{label}</label>
            {hint.zip(hint_id).map(|(h, i)| view! { <p class="hulp" id=i>{h}</p> })}
            {fout.zip(fout_id).map(|(f, i)| view! { <p class="veldfout" id=i>{f}</p> })}
            {control}
        </div>
    }
}

/// A choice list (`<select>`) of `(code, label)` options, with the one chosen before selected.
#[component]
pub fn Keuze(
    naam: &'static str,
    #[prop(into)] label: String,
    #[prop(optional, into)] id: Option<String>,
    opties: Vec<(String, String)>,
    #[prop(optional, into)] gekozen: String,
    /// The first, empty option ("Kies …"); none when absent.
    #[prop(optional, into)]
    leeg: Option<String>,
    #[prop(default = None)] fout: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| naam.to_string());
    let fout_id = fout.as_ref().map(|_| format!("{id}-fout"));
    view! {
        <div class="veld" class:fout=fout.is_some()>
            <label for=id.clone()>{label}</label>
            {fout.clone().zip(fout_id.clone()).map(|(f, i)| view! { <p class="veldfout" id=i>{f}</p> })}
            <select id=id name=naam aria-describedby=fout_id aria-invalid=fout.as_ref().map(|_| "true")>
                {leeg.map(|l| view! { <option value="">{l}</option> })}
                {opties.into_iter().map(|(code, tekst)| {
                    let kies = code == gekozen;
                    view! { <option value=code selected=kies>{tekst}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// Above a refused form: what went wrong, with a link to each field that has a message (`ids`
/// maps a field name to its control's id when they differ). Focusable, announced as an alert.
#[component]
pub fn Foutoverzicht(
    fouten: Veldfouten,
    #[prop(optional, into)] melding: Option<String>,
    /// The prefix of the controls' ids (`<prefix>-<veld>`), when the form uses one.
    #[prop(optional)]
    prefix: Option<&'static str>,
) -> impl IntoView {
    (melding.is_some() || !fouten.is_empty()).then(|| {
        let links = fouten
            .0
            .into_iter()
            .map(|(veld, bericht)| {
                let doel = prefix.map_or_else(|| format!("#{veld}"), |p| format!("#{p}-{veld}"));
                view! { <li><a href=doel>{bericht}</a></li> }
            })
            .collect_view();
        view! {
            <div class="foutoverzicht" role="alert" tabindex="-1" id="foutoverzicht">
                <h2>"Niet bewaard"</h2>
                {melding.map(|m| view! { <p>{m}</p> })}
                <ul>{links}</ul>
            </div>
        }
    })
}

/// The message of a load that failed, in the words of the wire error.
pub fn laadfout(e: &AppError) -> AnyView {
    view! { <p class="foutmelding" role="alert">{e.to_string()}</p> }.into_any()
}

/// A loaded value shown by `toon`, or the message of its failure.
pub fn geladen<T>(r: Result<T, AppError>, toon: impl FnOnce(T) -> AnyView) -> AnyView {
    match r {
        Ok(t) => toon(t),
        Err(e) => laadfout(&e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_control_is_described_by_its_hint_and_its_message() {
        assert_eq!(beschreven_door(Some("a-hint"), Some("a-fout")).as_deref(), Some("a-hint a-fout"));
        assert_eq!(beschreven_door(None, Some("a-fout")).as_deref(), Some("a-fout"));
        assert_eq!(beschreven_door(None, None), None);
    }
}
