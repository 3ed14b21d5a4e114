//! The UI kit of every form: a field with its label, hint and message (linked to the control with
//! `aria-describedby`, marked `aria-invalid`), a choice list, check boxes and radio buttons, the
//! error summary above a refused form, and the message of a failed load. Plain HTML: works
//! without JavaScript.
//!
//! Ids: a control's id is its name, or `<prefix>-<name>`, or the id given; its hint is
//! `hulp-<id>` and its message `fout-<id>`.

mod echo;
mod keuzes;
mod overzicht;
mod weigering;

pub use echo::Echo;
pub use keuzes::{Groep, Keuzelijst, Vink};
pub use overzicht::{EchoOverzicht, Foutoverzicht, geladen, geweigerde_pagina, laadfout};
pub use weigering::Weigeringsbericht;

use leptos::prelude::*;

/// The kind of control a `Veld` holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Invoer {
    #[default]
    Tekst,
    Email,
    Telefoon,
    Url,
    /// A search field (`type="search"`).
    Zoeken,
    Datum,
    DatumTijd,
    Getal,
    Wachtwoord,
    /// A multi-line text with this many rows.
    Tekstvak(u32),
    /// A file, of the kinds in `accept`.
    Bestand(&'static str),
}

impl Invoer {
    fn html_type(self) -> &'static str {
        match self {
            Self::Tekst | Self::Tekstvak(_) => "text",
            Self::Email => "email",
            Self::Telefoon => "tel",
            Self::Url => "url",
            Self::Zoeken => "search",
            Self::Datum => "date",
            Self::DatumTijd => "datetime-local",
            Self::Getal => "number",
            Self::Wachtwoord => "password",
            Self::Bestand(_) => "file",
        }
    }
}

/// The id of the message of the control `id`.
pub fn fout_id(id: &str) -> String {
    format!("fout-{id}")
}

/// The id of the hint of the control `id`.
pub fn hulp_id(id: &str) -> String {
    format!("hulp-{id}")
}

/// A control's id: the one given, else `<prefix>-<naam>`, else its name.
pub(crate) fn control_id(naam: &str, id: Option<String>, prefix: Option<String>) -> String {
    id.unwrap_or_else(|| prefix.map_or_else(|| naam.to_string(), |p| format!("{p}-{naam}")))
}

/// The ids that describe a control, as `aria-describedby` wants them (`None` when there are none).
pub fn beschreven_door(ids: &[Option<&str>]) -> Option<String> {
    let ids: Vec<&str> = ids.iter().flatten().copied().filter(|i| !i.is_empty()).collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// What `aria-describedby` of the control `id` holds: `extra` (e.g. a text the field refers to),
/// its hint and its message.
pub fn beschrijving(id: &str, extra: Option<&str>, hint: bool, fout: bool) -> Option<String> {
    let hulp = hint.then(|| hulp_id(id));
    let fout = fout.then(|| fout_id(id));
    beschreven_door(&[extra, hulp.as_deref(), fout.as_deref()])
}

/// The message of a field, placed right above its control(s).
pub(crate) fn veldfout(id: &str, fout: Option<String>) -> Option<impl IntoView + use<>> {
    let i = fout_id(id);
    fout.map(|f| view! { <p class="veldfout" id=i>{f}</p> })
}

/// Under a field's label or legend: its hint, then its message.
fn hulp_en_fout(id: &str, hint: Option<String>, fout: Option<String>) -> impl IntoView + use<> {
    let i = hulp_id(id);
    (hint.map(|h| view! { <p class="hulp" id=i>{h}</p> }), veldfout(id, fout))
}

/// The classes of a field: `veld` and the extra one.
fn klassen(klasse: Option<&str>) -> String {
    klasse.map_or_else(|| "veld".to_string(), |k| format!("veld {k}"))
}

/// The content of a `<textarea>` as written into the page. Leptos writes a textarea's children
/// unescaped on the server (as it does a script's), so a typed `</textarea>` would end the field
/// and what follows would become markup when a refused form is shown again. On the server the
/// text is escaped here; in the browser it is a text node already, and the parsed page has the
/// same text, so hydration matches.
pub fn tekstvak_inhoud(tekst: String) -> String {
    #[cfg(feature = "ssr")]
    {
        if tekst.contains(['&', '<', '>']) {
            return tekst.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        }
    }
    tekst
}

/// One field: label, optional hint, the message of a refused post right above the control, and
/// the control with what was typed. `children` replaces the control (e.g. an island that
/// enhances it); it must carry the id and `beschrijving`.
#[component]
pub fn Veld(
    /// The form field's name; also the control's id unless `id` or `prefix` is given.
    naam: &'static str,
    #[prop(into)] label: String,
    #[prop(optional, into)] id: Option<String>,
    /// The control's id is `<prefix>-<naam>`.
    #[prop(optional, into)]
    prefix: Option<String>,
    #[prop(optional)] soort: Invoer,
    #[prop(optional, into)] waarde: String,
    /// The message after a refused post (`None`: no message).
    #[prop(default = None)]
    fout: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] verplicht: bool,
    /// The most characters.
    #[prop(optional)]
    max: Option<usize>,
    /// The lowest and highest number (`Invoer::Getal`).
    #[prop(optional)]
    bereik: Option<(i64, i64)>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] autofocus: bool,
    /// No spell check (codes: some browsers send the text to a service to check it).
    #[prop(optional)]
    geen_spellingcontrole: bool,
    /// More ids that describe the control, read before its hint and message.
    #[prop(optional_no_strip, into)]
    beschreven: Option<String>,
    /// An extra class on the field.
    #[prop(optional)]
    klasse: Option<&'static str>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let id = control_id(naam, id, prefix);
    let beschreven = beschrijving(&id, beschreven.as_deref(), hint.is_some(), fout.is_some());
    let ongeldig = fout.as_ref().map(|_| "true");
    let heeft_fout = fout.is_some();
    let max = max.map(|m| m.to_string());
    let (min_getal, max_getal) = bereik.map_or((None, None), |(a, b)| (Some(a), Some(b)));
    let inputmode = inputmode.or((soort == Invoer::Getal).then_some("numeric"));
    let spellcheck = geen_spellingcontrole.then_some("false");
    let control = match (children, soort) {
        (Some(c), _) => c().into_any(),
        (None, Invoer::Tekstvak(rijen)) => view! {
            <textarea id=id.clone() name=naam rows=rijen maxlength=max required=verplicht autofocus=autofocus
                autocomplete=autocomplete aria-describedby=beschreven aria-invalid=ongeldig>{tekstvak_inhoud(waarde)}</textarea>
        }
        .into_any(),
        (None, _) => {
            let accept = match soort {
                Invoer::Bestand(a) => Some(a),
                _ => None,
            };
            // A file field never shows a value.
            let waarde = accept.is_none().then_some(waarde);
            view! {
                <input type=soort.html_type() id=id.clone() name=naam value=waarde maxlength=max required=verplicht
                    min=min_getal max=max_getal accept=accept autocomplete=autocomplete inputmode=inputmode
                    autofocus=autofocus spellcheck=spellcheck aria-describedby=beschreven aria-invalid=ongeldig/>
            }
            .into_any()
        }
    };
    view! {
        <div class=klassen(klasse) class:fout=heeft_fout>
            <label for=id.clone()>{label}</label>
            {hulp_en_fout(&id, hint, fout)}
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
    #[prop(optional, into)] prefix: Option<String>,
    opties: Vec<(String, String)>,
    #[prop(optional, into)] gekozen: String,
    /// The first, empty option ("Kies …"); none when absent.
    #[prop(optional, into)]
    leeg: Option<String>,
    #[prop(default = None)] fout: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let id = control_id(naam, id, prefix);
    let beschreven = beschrijving(&id, None, hint.is_some(), fout.is_some());
    let ongeldig = fout.as_ref().map(|_| "true");
    let heeft_fout = fout.is_some();
    view! {
        <div class="veld" class:fout=heeft_fout>
            <label for=id.clone()>{label}</label>
            {hulp_en_fout(&id, hint, fout)}
            <select id=id.clone() name=naam aria-describedby=beschreven aria-invalid=ongeldig>
                {leeg.map(|l| view! { <option value="">{l}</option> })}
                {opties.into_iter().map(|(code, tekst)| {
                    let kies = code == gekozen;
                    view! { <option value=code selected=kies>{tekst}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// `(code, label)` pairs of a word list, for `Keuze` and `Keuzelijst`.
pub fn opties<T: Copy>(alle: &[T], code: fn(T) -> &'static str, label: fn(T) -> &'static str) -> Vec<(String, String)> {
    alle.iter().map(|x| (code(*x).to_string(), label(*x).to_string())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_control_is_described_by_its_hint_and_its_message() {
        assert_eq!(beschrijving("a", None, true, true).as_deref(), Some("hulp-a fout-a"));
        assert_eq!(beschrijving("a", Some("uitleg"), false, true).as_deref(), Some("uitleg fout-a"));
        assert_eq!(beschrijving("a", None, false, false), None);
    }

    #[test]
    fn a_control_is_named_by_its_id_or_prefix() {
        assert_eq!(control_id("tekst", None, None), "tekst");
        assert_eq!(control_id("tekst", None, Some("notitie".into())), "notitie-tekst");
        assert_eq!(control_id("tekst", Some("eigen".into()), Some("notitie".into())), "eigen");
    }
}
