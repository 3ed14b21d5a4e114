//! `/login`: a plain form that posts to `/login`; the server answers with this page on failure.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

/// What the server hands the login page after a refused attempt.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginStatus {
    pub email: String,
    pub fout: Option<String>,
    pub volgende: Option<String>,
}

#[component]
pub fn LoginPagina() -> impl IntoView {
    let query = use_query_map();
    let status = use_context::<LoginStatus>()
        .unwrap_or_else(|| LoginStatus { volgende: query.with_untracked(|q| q.get("volgende")), ..Default::default() });
    let beschreven = status.fout.as_ref().map(|_| "loginfout");
    view! {
        <Title text="Aanmelden | Meldpunt"/>
        <h1>"Aanmelden voor medewerkers"</h1>
        {status.fout.clone().map(|f| view! { <p class="foutoverzicht" role="alert" id="loginfout">{f}</p> })}
        <form method="post" action="/login" class="formulier smal">
            <input type="hidden" name="volgende" value=status.volgende.clone().unwrap_or_default()/>
            <div class="veld">
                <label for="email">"E-mailadres"</label>
                <input type="email" id="email" name="email" autocomplete="username" required maxlength="200"
                    value=status.email.clone() aria-describedby=beschreven/>
            </div>
            <div class="veld">
                <label for="wachtwoord">"Wachtwoord"</label>
                <input type="password" id="wachtwoord" name="wachtwoord" autocomplete="current-password" required maxlength="256"
                    aria-describedby=beschreven/>
            </div>
            <button type="submit" class="knop">"Aanmelden"</button>
        </form>
        <p class="hulp">"Ouders en andere melders hebben geen account nodig: " <a href="/melden">"meld hier een zorg"</a> "."</p>
    }
}
