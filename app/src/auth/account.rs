//! `/account`: the logged-in user's own account: roles, second factor, and a new password
//! (a plain form posting to `/account/wachtwoord`).

use crate::ui::formulier::{Echo, EchoOverzicht, Invoer, Veld};
use leptos::prelude::*;
use leptos_meta::Title;

/// Handed to the page by the form handler when the password was changed (a refusal comes as the
/// echo of the form `wachtwoord`, without the passwords).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WachtwoordGewijzigd;

#[component]
pub fn AccountPagina() -> impl IntoView {
    let g = crate::auth::aangemelde();
    let gelukt = use_context::<WachtwoordGewijzigd>().is_some();
    let echo = Echo::voor("wachtwoord");
    let fout = |k: &str| echo.fout(k);
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
        {gelukt.then(|| view! { <p class="bevestiging" role="status">"Uw wachtwoord is gewijzigd. Uw andere sessies zijn beëindigd."</p> })}
        <EchoOverzicht zonder_prefix=true kop="Het wachtwoord is niet gewijzigd".to_string()/>
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
