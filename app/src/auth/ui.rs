//! `/login`: a plain form that posts to `/login`; the server answers with this page on failure
//! (the echo of the form `login`: the address typed, where to go next, and the message).

use crate::ui::formulier::{Echo, Foutoverzicht, Invoer, Veld};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The page to go to after logging in: from the refused post, else from the address.
pub(crate) fn volgende(echo: &Echo) -> String {
    let query = use_query_map();
    echo.of("volgende", || query.with_untracked(|q| q.get("volgende")).unwrap_or_default())
}

#[component]
pub fn LoginPagina() -> impl IntoView {
    let echo = Echo::voor("login");
    let melding = echo.melding();
    let beschreven = melding.as_ref().map(|_| "foutoverzicht".to_string());
    view! {
        <Title text="Aanmelden | Meldpunt"/>
        <h1>"Aanmelden voor medewerkers"</h1>
        <Foutoverzicht melding kop="Niet aangemeld".to_string()/>
        <form method="post" action="/login" class="formulier smal">
            <input type="hidden" name="volgende" value=volgende(&echo)/>
            <Veld naam="email" label="E-mailadres" soort=Invoer::Email autocomplete="username" verplicht=true max=200
                waarde=echo.waarde("email") beschreven=beschreven.clone()/>
            <Veld naam="wachtwoord" label="Wachtwoord" soort=Invoer::Wachtwoord autocomplete="current-password"
                verplicht=true max=256 beschreven/>
            <button type="submit" class="knop">"Aanmelden"</button>
        </form>
        <p class="hulp">"Ouders en andere melders hebben geen account nodig: " <a href="/melden">"meld hier een zorg"</a> "."</p>
    }
}
