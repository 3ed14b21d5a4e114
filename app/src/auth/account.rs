//! `/account`: the logged-in user's own account: roles, second factor, and a new password
//! (a plain form posting to `/account/wachtwoord`).

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the form handler hands the page: a message per field, or that the change worked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WachtwoordStand {
    pub fouten: BTreeMap<String, String>,
    pub gelukt: bool,
}

/// One password field with its label and, after a refused post, its message.
#[component]
fn WachtwoordVeld(
    id: &'static str,
    label: &'static str,
    autocomplete: &'static str,
    fout: Option<String>,
) -> impl IntoView {
    let fout_id = format!("{id}-fout");
    let beschreven = fout.as_ref().map(|_| fout_id.clone());
    view! {
        <div class="veld" class:fout=fout.is_some()>
            <label for=id>{label}</label>
            {fout.clone().map(|f| view! { <p class="veldfout" id=fout_id.clone()>{f}</p> })}
            <input type="password" id=id name=id autocomplete=autocomplete required maxlength="256"
                aria-describedby=beschreven aria-invalid=fout.as_ref().map(|_| "true")/>
        </div>
    }
}

#[component]
pub fn AccountPagina() -> impl IntoView {
    let g = crate::ui::aangemelde();
    let stand = use_context::<WachtwoordStand>().unwrap_or_default();
    let fout = |k: &str| stand.fouten.get(k).cloned();
    view! {
        <Title text="Mijn account | Meldpunt"/>
        <h1>"Mijn account"</h1>
        {g.map(|g| view! {
            <dl class="gegevens">
                <dt>"Naam"</dt><dd>{g.naam}</dd>
                <dt>"E-mailadres"</dt><dd>{g.email}</dd>
                <dt>"Rollen"</dt><dd>{g.rollen.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")}</dd>
            </dl>
        })}
        <p><a href="/account/tweede-factor">"Tweede factor (code uit een app) bekijken of instellen"</a></p>
        <h2 id="h-wachtwoord">"Wachtwoord wijzigen"</h2>
        {stand.gelukt.then(|| view! { <p class="bevestiging" role="status">"Uw wachtwoord is gewijzigd. Uw andere sessies zijn beëindigd."</p> })}
        {(!stand.fouten.is_empty()).then(|| view! { <p class="foutoverzicht" role="alert">"Het wachtwoord is niet gewijzigd. Bekijk de velden hieronder."</p> })}
        <form method="post" action="/account/wachtwoord" class="formulier smal" aria-labelledby="h-wachtwoord" novalidate>
            <WachtwoordVeld id="huidig" label="Huidig wachtwoord" autocomplete="current-password" fout=fout("huidig")/>
            <p class="hulp" id="nieuw-hulp">"Minstens 12 tekens. Een zin van enkele woorden is sterk en goed te onthouden; veelgebruikte wachtwoorden weigeren we."</p>
            <WachtwoordVeld id="nieuw" label="Nieuw wachtwoord" autocomplete="new-password" fout=fout("nieuw")/>
            <WachtwoordVeld id="herhaling" label="Nieuw wachtwoord nog eens" autocomplete="new-password" fout=fout("herhaling")/>
            <button type="submit" class="knop">"Wachtwoord wijzigen"</button>
        </form>
    }
}
