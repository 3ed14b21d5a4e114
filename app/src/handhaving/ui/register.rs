//! `/handhaving`: the public register of enforcement steps. A plain GET form searches by name or
//! municipality; every step says in plain words what it means for parents and links to the FAQ.

use crate::handhaving::api::openbaar_register;
use crate::handhaving::model::{Register, RegisterLocatie, Vergunning, voor_ouders};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn RegisterPagina() -> impl IntoView {
    let zoek = use_query_map().with_untracked(|q| q.get("zoek").unwrap_or_default());
    view! {
        <Title text="Maatregelen tegen kinderopvang | Meldpunt"/>
        <Meta name="description" content="Welke kinderopvang kreeg een aanmaning, een schorsing of een andere maatregel, en wat betekent dat voor ouders?"/>
        <h1>"Maatregelen tegen kinderopvang"</h1>
        <p class="inleiding">
            "Hier staan de stappen die wij zetten als een kinderopvang niet veilig is of de regels niet volgt. "
            "De organisator hoort het eerst van ons en krijgt drie werkdagen om de ouders zelf te informeren. "
            <a href="/faq/gepubliceerde-beslissingen-over-handhaving">"Meer over deze lijst"</a> "."
        </p>
        <form method="get" action="/handhaving" class="zoekvak" role="search">
            <label for="r-zoek">"Zoek een opvang of gemeente"</label>
            <input id="r-zoek" name="zoek" type="search" value=zoek.clone() maxlength="100"/>
            <button type="submit" class="knop">"Zoeken"</button>
        </form>
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match openbaar_register(zoek.clone()).await {
                    Ok(r) => lijst(r).into_any(),
                    Err(e) => crate::ui::foutpagina(e, "Maatregelen tegen kinderopvang", "Deze pagina bestaat niet", view! { <p><a href="/">"Naar de startpagina"</a></p> }.into_any()),
                }
            })}
        </Suspense>
    }
}

fn lijst(r: Register) -> impl IntoView {
    let aantal = match (r.locaties.len(), r.zoek.trim().is_empty()) {
        (0, true) => "Er staan nu geen maatregelen in de lijst.".to_string(),
        (0, false) => format!("Geen opvang gevonden voor “{}”.", r.zoek.trim()),
        (1, _) => "1 opvang.".to_string(),
        (n, _) => format!("{n} opvanglocaties."),
    };
    view! {
        <p role="status">{aantal}</p>
        <ul class="register">{r.locaties.into_iter().map(|l| view! { <li>{locatie(l)}</li> }).collect_view()}</ul>
    }
}

fn locatie(l: RegisterLocatie) -> impl IntoView {
    let stand = match (l.vergunning, l.loopt) {
        (Vergunning::Geschorst, _) => "De schorsing loopt nog.",
        (Vergunning::Opgeheven, _) => "De vergunning is opgeheven.",
        (_, true) => "Het dossier loopt nog.",
        (_, false) => "Het dossier is afgesloten.",
    };
    view! {
        <article class="register-locatie">
            <h2>{l.naam.clone()}</h2>
            <p class="hulp">{format!("{} – {}", l.opvang, l.gemeente)}</p>
            <p><strong>{stand}</strong></p>
            <ol class="register-stappen">
                {l.stappen.into_iter().map(|s| {
                    let (uitleg, faq) = voor_ouders(s.soort, s.maatregel);
                    let wat = match s.maatregel {
                        Some(m) if s.soort != crate::handhaving::model::Stapsoort::Voornemen => m.label().to_string(),
                        Some(m) => format!("{}: {}", s.soort.label(), m.label().to_lowercase()),
                        None => s.soort.label().to_string(),
                    };
                    view! {
                        <li>
                            <p><strong>{wat}</strong> " – " {s.datum}</p>
                            <p>{uitleg} " " <a href=format!("/faq/{faq}")>"Wat betekent dit voor mij?"</a></p>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </article>
    }
}
