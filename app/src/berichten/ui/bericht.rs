//! `/berichten/<id>`: one message as it was (or will be) sent: recipients, subject, the HTML and
//! plain-text parts, attachments, template and revision, and the proof of sending (time, the mail
//! server's answer, the Message-ID). A coordinator who did not write it approves it here or sends
//! it back with a comment.

use crate::berichten::api::bericht;
use crate::berichten::model::{BerichtDetail, BerichtKanaal, BerichtStatus};
use crate::tijd;
use crate::ui::formulier::{Echo, Foutoverzicht, Invoer, Veld};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn BerichtScherm() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let echo = Echo::voor("nazicht");
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match bericht(id).await {
                    Ok(d) => view! { <Inhoud d echo=echo.clone()/> }.into_any(),
                    Err(e) => super::laadfout(e, "Bericht"),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Inhoud(d: BerichtDetail, echo: Echo) -> impl IntoView {
    let r = d.regel.clone();
    let titel = format!("Bericht: {}", r.onderwerp);
    let is_mail = r.kanaal == BerichtKanaal::Email;
    let bewijs = (r.status == BerichtStatus::Verzonden).then(|| {
        let wanneer = r.verzonden.map(tijd::toon).unwrap_or_default();
        let antwoord = is_mail.then(|| view! {
            <dt>"Antwoord van de mailserver"</dt><dd>{d.smtp_antwoord.clone().unwrap_or_default()}</dd>
        });
        let label = if is_mail { "Verzonden" } else { "Gepost" };
        view! { <dt>{label}</dt><dd>{wanneer}</dd> {antwoord} }
    });
    let message_id = is_mail.then(|| view! { <dt>"Message-ID"</dt><dd><code>{d.message_id.clone()}</code></dd> });
    let sjabloon = r.sjabloon.clone().map(|s| {
        let versie = d.sjabloon_revisie.map(|n| format!(" (versie {n})")).unwrap_or_default();
        view! { <dt>"Sjabloon"</dt><dd><a href=format!("/sjablonen/{s}")>{s.clone()}</a>{versie}</dd> }
    });
    let fout = r.laatste_fout.clone().map(|f| view! { <dt>"Laatste fout"</dt><dd>{f}</dd> });
    let opmerking = r.opmerking.clone().map(|o| view! { <dt>"Opmerking van de nalezer"</dt><dd>{o}</dd> });
    let goedgekeurd = r.goedgekeurd_door.clone().map(|g| view! { <dt>"Goedgekeurd door"</dt><dd>{g}</dd> });
    let bijlagen = (!d.bijlagen.is_empty()).then(|| view! { <dt>"Bijlagen"</dt><dd>{d.bijlagen.join(", ")}</dd> });
    let pdf = d.pdf.clone().map(|doc| {
        let href = format!("/meldingen/{}/documenten/{doc}", r.referentie);
        view! { <dt>"Als brief"</dt><dd><a href=href>"De brief (PDF) in het dossier"</a></dd> }
    });
    let nazicht = d.mag_nazien.then(|| view! { <Nazicht id=r.id.clone() hash=d.hash.clone() echo/> });
    view! {
        <Title text=format!("{titel} | Meldpunt")/>
        <p class="kruimel"><a href=format!("/meldingen/{}#berichten", r.referentie)>"← Terug naar de melding"</a></p>
        <h1>{titel}</h1>
        <dl class="kenmerken">
            <dt>"Hoe"</dt><dd>{r.kanaal.label()}</dd>
            <dt>"Stand"</dt><dd>{r.status.label()}</dd>
            <dt>"Melding"</dt><dd>{r.referentie.clone()}</dd>
            <dt>"Aan"</dt><dd>{r.aan.clone()}</dd>
            <dt>"Geschreven door"</dt><dd>{r.door.clone()} ", " {tijd::toon(r.geschreven)}</dd>
            {sjabloon}
            {bijlagen}
            {pdf}
            {goedgekeurd}
            {opmerking}
            {bewijs}
            {fout}
            {message_id}
            <dt>"Controlegetal (SHA-256)"</dt><dd><code class="hash">{d.hash.clone()}</code></dd>
        </dl>
        {nazicht}
        <section aria-labelledby="h-mail">
            <h2 id="h-mail">{if is_mail { "De e-mail" } else { "De tekst van de brief" }}</h2>
            <div class="kb-inhoud mailvoorbeeld" inner_html=d.html.clone()></div>
            <details>
                <summary>"Tekstversie"</summary>
                <pre class="tekstversie">{d.tekst.clone()}</pre>
            </details>
        </section>
    }
}

/// The reviewer's form: approve exactly this text (its hash), or send it back with a comment.
#[component]
fn Nazicht(id: String, hash: String, echo: Echo) -> impl IntoView {
    let overzicht = echo.0.clone().map(|e| view! { <Foutoverzicht fouten=e.fouten melding=e.melding prefix="n".to_string() kop=Some("Nog niet nagezien".to_string())/> });
    view! {
        <section class="nazicht" aria-labelledby="h-nazicht">
            <h2 id="h-nazicht">"Nazien"</h2>
            {overzicht}
            <p>"Lees het bericht hieronder. Keurt u het goed, dan vertrekt precies deze tekst naar deze ontvangers."</p>
            <form method="post" action=format!("/berichten/{id}/nazicht") class="formulier" novalidate>
                <input type="hidden" name="hash" value=hash/>
                <Veld naam="opmerking" prefix="n" label="Opmerking voor de schrijver" soort=Invoer::Tekstvak(4)
                    waarde=echo.waarde("opmerking") fout=echo.fout("opmerking") hint="Nodig als u het terugstuurt."/>
                <div class="knoppen">
                    <button type="submit" name="actie" value="terugsturen" class="knop knop-tweede">"Terugsturen"</button>
                    <button type="submit" name="actie" value="goedkeuren" class="knop">"Goedkeuren en versturen"</button>
                </div>
            </form>
        </section>
    }
}
