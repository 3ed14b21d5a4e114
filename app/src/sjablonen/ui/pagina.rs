//! `/sjablonen/<slug>`: the template filled with example values (as the recipient reads it), what
//! a person still has to write, the merge fields it uses, the text as written, and its versions.

use crate::sjablonen::api::sjabloon;
use crate::sjablonen::model::{
    GEBEURTENISSEN, KANALEN, PUBLIEKEN, RevisieRegel, Schrijfhulp, SjabloonPagina, Verschil, Voorbeeld, label,
};
use crate::ui::DiffTabel;
use crate::ui::formulier::Keuze;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn SjabloonScherm() -> impl IntoView {
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let query = use_query_map();
    let getal = |k: &str| query.with_untracked(|q| q.get(k).and_then(|v| v.parse::<i64>().ok()));
    let (van, naar) = (getal("van"), getal("naar"));
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match sjabloon(slug, van, naar).await {
                    Ok(p) => view! { <Inhoud p/> }.into_any(),
                    Err(e) => super::laadfout(e, "Sjabloon"),
                }
            })}
        </Suspense>
    }
}

/// The example: subject, body and the places a person still has to fill in.
pub(super) fn voorbeeld_blok(v: Voorbeeld, kop: &'static str) -> impl IntoView {
    let open = (!v.open.is_empty()).then(|| {
        view! {
            <div class="let-op" role="status">
                <p>"Wie dit bericht schrijft, vult nog in:"</p>
                <ul>{v.open.iter().map(|o| view! { <li>{o.clone()}</li> }).collect_view()}</ul>
            </div>
        }
    });
    view! {
        <section class="voorbeeld" aria-labelledby="h-voorbeeld">
            <h2 id="h-voorbeeld">{kop}</h2>
            <p><strong>"Onderwerp: "</strong>{v.onderwerp.clone()}</p>
            <div class="kb-inhoud" inner_html=v.html.clone()></div>
            {open}
        </section>
        {schrijfhulp_blok(v.schrijfhulp)}
    }
}

/// The writing aid: the score, the level it suggests and the remarks by line.
pub fn schrijfhulp_blok(h: Schrijfhulp) -> impl IntoView {
    let score = h.score.map_or_else(|| "–".to_string(), |s| s.to_string());
    let opmerkingen = if h.opmerkingen.is_empty() {
        view! { <p>"Geen opmerkingen: korte zinnen, gewone woorden."</p> }.into_any()
    } else {
        view! { <ul>{h.opmerkingen.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul> }.into_any()
    };
    view! {
        <section class="schrijfhulp" aria-labelledby="h-schrijfhulp">
            <h2 id="h-schrijfhulp">"Schrijfhulp"</h2>
            <p>
                "Leesbaarheid (Flesch-Douma): " <strong>{score}</strong> ". " {h.niveau} " "
                {format!("({} zinnen, {} woorden.)", h.zinnen, h.woorden)}
            </p>
            {opmerkingen}
            <p class="hulp">"Dit is advies: het houdt u niet tegen."</p>
        </section>
    }
}

#[component]
fn Inhoud(p: SjabloonPagina) -> impl IntoView {
    let r = p.regel.clone();
    let vanzelf = r.automatisch.as_deref().map_or_else(|| "Nee".to_string(), |g| label(GEBEURTENISSEN, g));
    view! {
        <Title text=format!("{} | Sjablonen | Meldpunt", r.titel)/>
        <p class="kruimel"><a href="/sjablonen">"← Alle sjablonen"</a></p>
        <h1>{r.titel.clone()}</h1>
        <dl class="kenmerken">
            <dt>"Voor"</dt><dd>{label(PUBLIEKEN, &r.publiek)}</dd>
            <dt>"Hoe"</dt><dd>{label(KANALEN, &r.kanaal)}</dd>
            <dt>"Tweede lezer"</dt><dd>{if r.tweede_lezer { "Ja: een collega keurt het bericht goed voor het vertrekt" } else { "Nee" }}</dd>
            <dt>"Vanzelf verstuurd"</dt><dd>{vanzelf}</dd>
            <dt>"Versie"</dt><dd>{r.revisie} " (" {crate::tijd::toon(r.gewijzigd)} ")"</dd>
        </dl>
        <p><a class="knop" href=format!("/sjablonen/{}/bewerken", r.slug)>"Sjabloon aanpassen"</a></p>
        {voorbeeld_blok(p.voorbeeld.clone(), "Voorbeeld met verzonnen gegevens")}
        <h2>"Invulvelden in dit sjabloon"</h2>
        {if p.velden.is_empty() {
            view! { <p>"Geen."</p> }.into_any()
        } else {
            view! {
                <dl class="invulvelden">
                    {p.velden.iter().map(|(n, u)| view! { <dt><code>{format!("{{{{{n}}}}}")}</code></dt><dd>{u.clone()}</dd> }).collect_view()}
                </dl>
            }.into_any()
        }}
        <h2>"De tekst zoals hij geschreven is"</h2>
        <p><strong>"Onderwerp: "</strong><code>{p.onderwerp.clone()}</code></p>
        <pre class="bron">{p.inhoud.clone()}</pre>
        <h2>"Versies"</h2>
        <table class="revisies">
            <thead><tr><th scope="col">"Versie"</th><th scope="col">"Wie"</th><th scope="col">"Wanneer"</th><th scope="col">"Wat veranderde"</th></tr></thead>
            <tbody>
                {p.revisies.iter().map(|v| view! {
                    <tr><td>{v.nummer}</td><td>{v.door.clone()}</td><td>{crate::tijd::toon(v.tijdstip)}</td><td>{v.samenvatting.clone()}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        {p.verschil.clone().map(|v| vergelijking(&r.slug, &p.revisies, v))}
    }
}

/// Two versions side by side as a line diff, with a plain GET form to choose others.
fn vergelijking(slug: &str, revisies: &[RevisieRegel], v: Verschil) -> impl IntoView + use<> {
    let kiezer = |naam: &'static str, label: &'static str, gekozen: i64| {
        let opties = revisies
            .iter()
            .map(|r| (r.nummer.to_string(), format!("Versie {} ({})", r.nummer, crate::tijd::toon(r.tijdstip))))
            .collect();
        view! { <Keuze naam prefix="v" label opties gekozen=gekozen.to_string()/> }
    };
    let gewijzigd = v.regels.iter().any(|d| !matches!(d, crate::gemeen::diff::DiffRegel::Gelijk(_)));
    view! {
        <h2 id="h-vergelijken">"Twee versies vergelijken"</h2>
        <form method="get" action=format!("/sjablonen/{slug}") class="filters" aria-labelledby="h-vergelijken">
            {kiezer("van", "Oude versie", v.van)}
            {kiezer("naar", "Nieuwe versie", v.naar)}
            <button type="submit" class="knop">"Vergelijken"</button>
        </form>
        <p>{format!("Van versie {} naar versie {}:", v.van, v.naar)}</p>
        {(!gewijzigd).then(|| view! { <p>"Geen verschil."</p> })}
        <DiffTabel regels=v.regels/>
    }
}
