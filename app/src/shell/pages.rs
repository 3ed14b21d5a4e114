use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <Title text="Meldpunt kinderopvang"/>
        <h1>"Meldpunt kinderopvang"</h1>
        <p class="inleiding">
            "Maakt u zich zorgen over de opvang van een kind? Vertel het ons. "
            "We bekijken elke melding en nemen zo nodig contact op met de opvang."
        </p>
        <p><a class="knop" href="/melden">"Een zorg melden"</a></p>
        <p class="let-op">"Is een kind nu in gevaar? Bel meteen 112."</p>
    }
}

#[component]
pub fn NietGevonden() -> impl IntoView {
    crate::ui::zet_status(404);
    view! {
        <Title text="Pagina niet gevonden"/>
        <h1>"Deze pagina bestaat niet"</h1>
        <p>"Controleer het adres of ga naar de " <a href="/">"startpagina"</a> "."</p>
    }
}
