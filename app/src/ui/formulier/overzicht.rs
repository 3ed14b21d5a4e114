//! Above a refused form: the error summary; and the message of a load that failed.

use crate::error::AppError;
use crate::gemeen::{FormEcho, Veldfouten};
use leptos::prelude::*;

/// The link target of each message: in the order of `ids` (field name → control id) first, the
/// other fields after them as `#<prefix>-<veld>` (or `#<veld>`).
fn doelen(fouten: Veldfouten, prefix: Option<&str>, ids: &[(&'static str, String)]) -> Vec<(String, String)> {
    let plek = |veld: &str| ids.iter().position(|(v, _)| *v == veld).unwrap_or(ids.len());
    let mut lijst: Vec<(String, String)> = fouten.0.into_iter().collect();
    lijst.sort_by_key(|(veld, _)| plek(veld));
    lijst
        .into_iter()
        .map(|(veld, bericht)| {
            let doel = match ids.iter().find(|(v, _)| *v == veld) {
                Some((_, id)) => id.clone(),
                None => prefix.map_or_else(|| veld.clone(), |p| format!("{p}-{veld}")),
            };
            (format!("#{doel}"), bericht)
        })
        .collect()
}

/// Above a refused form: what went wrong, with a link to each field that has a message, and
/// `children` (e.g. what changed meanwhile). Focusable, announced as an alert. Nothing when there
/// is neither a message nor a field message.
#[component]
pub fn Foutoverzicht(
    #[prop(optional)] fouten: Veldfouten,
    #[prop(optional_no_strip, into)] melding: Option<String>,
    /// The prefix of the controls' ids (`<prefix>-<veld>`), when the form uses one.
    #[prop(optional_no_strip, into)]
    prefix: Option<String>,
    /// Field name → control id where that is not `<prefix>-<veld>`; also the order of the links.
    #[prop(optional)]
    ids: Vec<(&'static str, String)>,
    /// The heading ("Niet bewaard" when absent).
    #[prop(optional_no_strip, into)]
    kop: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    (melding.is_some() || !fouten.is_empty()).then(move || {
        let links = doelen(fouten, prefix.as_deref(), &ids)
            .into_iter()
            .map(|(doel, bericht)| view! { <li><a href=doel>{bericht}</a></li> })
            .collect::<Vec<_>>();
        let lijst = (!links.is_empty()).then(|| view! { <ul>{links}</ul> });
        view! {
            <div class="foutoverzicht" role="alert" tabindex="-1" id="foutoverzicht">
                <h2>{kop.unwrap_or_else(|| "Niet bewaard".into())}</h2>
                {melding.map(|m| view! { <p>{m}</p> })}
                {lijst}
                {children.map(|c| c())}
            </div>
        }
    })
}

/// The summary of the echo in context, whichever form of the page it belongs to: its controls
/// are `<formulier>-<veld>` (or `<veld>` with `zonder_prefix`), except those in `ids`.
#[component]
pub fn EchoOverzicht(
    #[prop(optional)] ids: Vec<(&'static str, String)>,
    #[prop(optional)] zonder_prefix: bool,
    #[prop(optional_no_strip, into)] kop: Option<String>,
) -> impl IntoView {
    use_context::<FormEcho>().map(|e| {
        let prefix = (!zonder_prefix).then_some(e.formulier);
        view! { <Foutoverzicht fouten=e.fouten melding=e.melding prefix ids kop/> }
    })
}

/// The message of a load that failed, in the words of the wire error.
pub fn laadfout(e: &AppError) -> AnyView {
    view! { <p class="foutmelding" role="alert">{e.to_string()}</p> }.into_any()
}

/// A page that only some roles may open, refused: its status (401 not signed in, 403 otherwise)
/// and the message.
pub fn geweigerde_pagina(e: &AppError) -> AnyView {
    crate::ui::zet_status(match e {
        AppError::NietAangemeld => 401,
        _ => 403,
    });
    laadfout(e)
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
    fn messages_link_to_their_controls_in_form_order() {
        let mut f = Veldfouten::default();
        f.zet("privacy", "Bevestig.");
        f.zet("categorie", "Kies.");
        f.zet("email", "Klopt niet.");
        let ids = vec![("categorie", "categorie-veiligheid".to_string()), ("email", "email".to_string())];
        let d = doelen(f, Some("x"), &ids);
        let doel: Vec<&str> = d.iter().map(|(d, _)| d.as_str()).collect();
        assert_eq!(doel, ["#categorie-veiligheid", "#email", "#x-privacy"]);
    }
}
