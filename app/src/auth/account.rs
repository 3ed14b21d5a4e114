//! `/account`: the logged-in user's own account: roles, second factor, and a new password
//! (a plain form posting to `/account/wachtwoord`).

use crate::ui::formulier::{Invoer, Veld};
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

/// What the form handler hands the page: a message per field, or that the change worked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WachtwoordStand {
    pub fouten: crate::gemeen::Veldfouten,
    pub gelukt: bool,
}

#[component]
pub fn AccountPagina() -> impl IntoView {
    let g = crate::auth::aangemelde();
    let stand = use_context::<WachtwoordStand>().unwrap_or_default();
    let fout = |k: &str| stand.fouten.get(k).map(str::to_string);
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
            <Veld naam="huidig" label="Huidig wachtwoord" soort=Invoer::Wachtwoord autocomplete="current-password"
                verplicht=true max=256 fout=fout("huidig")/>
            <Veld naam="nieuw" label="Nieuw wachtwoord" soort=Invoer::Wachtwoord autocomplete="new-password"
                verplicht=true max=256 fout=fout("nieuw")
                hint="Minstens 12 tekens. Een zin van enkele woorden is sterk en goed te onthouden; veelgebruikte wachtwoorden weigeren we."/>
            <Veld naam="herhaling" label="Nieuw wachtwoord nog eens" soort=Invoer::Wachtwoord autocomplete="new-password"
                verplicht=true max=256 fout=fout("herhaling")/>
            <button type="submit" class="knop">"Wachtwoord wijzigen"</button>
        </form>
    }
}
