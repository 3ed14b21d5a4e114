//! The message lists: the case's section, `/nazicht` (waiting for a second reader) and
//! `/uitgaand` (the outbox: letters to print and post; waiting and failed e-mails, with retry
//! and cancel).

use crate::berichten::api::{nazicht, uitgaand};
use crate::berichten::model::{BerichtKanaal, BerichtRegel, BerichtStatus, Berichtenlijst};
use crate::tijd;
use crate::ui::formulier::Echo;
use leptos::prelude::*;
use leptos_meta::Title;

/// The case page's section: its messages and the way to write one.
#[component]
pub fn BerichtenVak(referentie: String, berichten: Vec<BerichtRegel>) -> impl IntoView {
    let lijst = if berichten.is_empty() {
        view! { <p>"Nog geen berichten."</p> }.into_any()
    } else {
        view! { <Tabel berichten met_melding=false/> }.into_any()
    };
    view! {
        <section aria-labelledby="h-berichten" id="berichten">
            <h2 id="h-berichten">"Berichten"</h2>
            {lijst}
            <p><a class="knop" href=format!("/meldingen/{referentie}/schrijven")>"Bericht schrijven"</a></p>
        </section>
    }
}

#[component]
fn Tabel(berichten: Vec<BerichtRegel>, met_melding: bool, #[prop(optional)] acties: bool) -> impl IntoView {
    view! {
        <table class="berichten">
            <thead><tr>
                {met_melding.then(|| view! { <th scope="col">"Melding"</th> })}
                <th scope="col">"Onderwerp"</th><th scope="col">"Aan"</th><th scope="col">"Door"</th>
                <th scope="col">"Stand"</th>
                {acties.then(|| view! { <th scope="col">"Actie"</th> })}
            </tr></thead>
            <tbody>
                {berichten.into_iter().map(|b| {
                    let stand = stand(&b);
                    let melding = met_melding.then(|| view! { <td><a href=format!("/meldingen/{}#berichten", b.referentie)>{b.referentie.clone()}</a></td> });
                    let knoppen = acties.then(|| knoppen(&b));
                    view! {
                        <tr class=format!("bericht-{}", b.status.code())>
                            {melding}
                            <td><a href=format!("/berichten/{}", b.id)>{b.onderwerp.clone()}</a></td>
                            <td>{b.aan.clone()}</td>
                            <td>{b.door.clone()} <br/> <time datetime=b.geschreven.to_rfc3339()>{tijd::toon(b.geschreven)}</time></td>
                            <td>{stand}</td>
                            {knoppen}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The status in words, with what it means now.
fn stand(b: &BerichtRegel) -> String {
    match b.status {
        BerichtStatus::Verzonden => format!("Verzonden {}", b.verzonden.map(tijd::toon).unwrap_or_default()),
        BerichtStatus::Wachtrij if b.pogingen > 0 => format!(
            "Nog niet gelukt na {} poging(en); nieuwe poging {}. {}",
            b.pogingen,
            tijd::toon(b.volgende_poging),
            b.laatste_fout.clone().unwrap_or_default()
        ),
        BerichtStatus::Mislukt => format!("Niet verzonden: {}", b.laatste_fout.clone().unwrap_or_default()),
        BerichtStatus::Teruggestuurd => {
            format!("Teruggestuurd: {}", b.opmerking.clone().unwrap_or_default())
        }
        s => s.label().to_string(),
    }
}

fn knoppen(b: &BerichtRegel) -> impl IntoView + use<> {
    let actie = format!("/berichten/{}/uitgaand", b.id);
    let opnieuw = (b.status == BerichtStatus::Mislukt).then(|| view! {
        <button type="submit" name="actie" value="opnieuw" class="knop knop-klein">"Opnieuw proberen"</button>
    });
    view! {
        <td>
            <form method="post" action=actie class="inline">
                {opnieuw}
                <button type="submit" name="actie" value="annuleer" class="knop knop-tweede knop-klein">"Annuleren"</button>
            </form>
        </td>
    }
}

fn lijstpagina(titel: &'static str, uitleg: &'static str, mut l: Berichtenlijst, acties: bool) -> AnyView {
    let echo = Echo::voor("uitgaand");
    let melding = echo.melding().map(|m| view! { <p class="foutmelding" role="alert">{m}</p> });
    // In the outbox, letters ready to post get their own print form.
    let (brieven, rest): (Vec<_>, Vec<_>) = l
        .berichten
        .into_iter()
        .partition(|b| acties && b.kanaal == BerichtKanaal::Brief && b.status == BerichtStatus::Wachtrij);
    l.berichten = rest;
    let brieven = acties.then(|| afdrukken(brieven));
    let inhoud = if l.berichten.is_empty() {
        view! { <p>"Er zijn geen berichten."</p> }.into_any()
    } else {
        view! { <Tabel berichten=l.berichten met_melding=true acties/> }.into_any()
    };
    view! {
        <Title text=format!("{titel} | Meldpunt")/>
        <h1>{titel}</h1>
        <p>{uitleg}</p>
        {melding}
        {super::zonder_smtp(l.smtp)}
        {brieven}
        {acties.then(|| view! { <h2>"E-mails"</h2> })}
        {inhoud}
    }
    .into_any()
}

/// Letters ready to post: print the ticked ones as one PDF, then mark them posted.
fn afdrukken(brieven: Vec<BerichtRegel>) -> impl IntoView {
    let echo = Echo::voor("brieven");
    // A refusal with a field (none ticked) or without one (changed meanwhile).
    let fout = echo.fout("brieven").or(echo.melding()).map(|m| view! { <p class="foutmelding" role="alert">{m}</p> });
    let inhoud = if brieven.is_empty() {
        view! { <p>"Er liggen geen brieven klaar."</p> }.into_any()
    } else {
        view! {
            <form method="post" action="/uitgaand/brieven">
                <table class="berichten afdrukken">
                    <thead><tr>
                        <th scope="col">"Kiezen"</th><th scope="col">"Melding"</th><th scope="col">"Onderwerp"</th>
                        <th scope="col">"Adres"</th><th scope="col">"Door"</th>
                    </tr></thead>
                    <tbody>
                        {brieven.into_iter().map(|b| {
                            let id = format!("brief-{}", b.id);
                            view! {
                                <tr>
                                    <td>
                                        <input type="checkbox" name="brieven" value=b.id.clone() id=id.clone() checked/>
                                        <label for=id class="sr-only">{format!("Brief kiezen: {}", b.onderwerp)}</label>
                                    </td>
                                    <td><a href=format!("/meldingen/{}#berichten", b.referentie)>{b.referentie.clone()}</a></td>
                                    <td><a href=format!("/berichten/{}", b.id)>{b.onderwerp.clone()}</a></td>
                                    <td>{b.aan.trim_start_matches("per post: ").to_string()}</td>
                                    <td>{b.door.clone()}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <div class="knoppen">
                    <button type="submit" name="actie" value="pdf" class="knop knop-tweede" formtarget="_blank">"Afdrukken (één PDF)"</button>
                    <button type="submit" name="actie" value="gepost" class="knop">"Gepost: markeer als verzonden"</button>
                </div>
            </form>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="h-brieven">
            <h2 id="h-brieven">"Brieven om te posten"</h2>
            <p>"Druk de gekozen brieven af als één PDF: het adres staat op de plaats van het venster van een DL-envelop. Meld ze als gepost zodra ze vertrokken zijn; dat komt bij de melding."</p>
            {fout}
            {inhoud}
        </section>
    }
}

#[component]
pub fn NazichtLijst() -> impl IntoView {
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match nazicht().await {
                    Ok(l) => lijstpagina("Na te lezen berichten", "Berichten die een tweede lezer nodig hebben. Open een bericht om het goed te keuren of terug te sturen.", l, false),
                    Err(e) => super::laadfout(e, "Na te lezen berichten"),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn UitgaandLijst() -> impl IntoView {
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match uitgaand().await {
                    Ok(l) => lijstpagina("Uitgaande berichten", "Berichten die nog moeten vertrekken of niet verzonden konden worden.", l, true),
                    Err(e) => super::laadfout(e, "Uitgaande berichten"),
                }
            })}
        </Suspense>
    }
}
