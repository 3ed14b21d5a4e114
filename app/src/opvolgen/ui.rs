//! `/opvolgen`: plain forms that post to `/opvolgen` and `/opvolgen/aanvullen`.

use super::model::{OpvolgStatus, uitleg};
use crate::tijd;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn OpvolgenPagina() -> impl IntoView {
    let status = use_context::<OpvolgStatus>().unwrap_or_default();
    match status.overzicht.clone() {
        Some(_) => view! { <Overzicht status/> }.into_any(),
        None => view! { <Toegang status/> }.into_any(),
    }
}

#[component]
fn Toegang(status: OpvolgStatus) -> impl IntoView {
    let beschreven = status.fout.as_ref().map(|_| "opvolgfout");
    // An addition refused by a limit comes back here, with its text, to send again later.
    let bewaarde_tekst = (!status.aanvulling.is_empty()).then(|| status.aanvulling.clone());
    let (actie, knop) =
        if bewaarde_tekst.is_some() { ("/opvolgen/aanvullen", "Toevoegen") } else { ("/opvolgen", "Bekijken") };
    view! {
        <Title text="Uw melding volgen | Meldpunt kinderopvang"/>
        <h1>"Uw melding volgen"</h1>
        <p class="inleiding">"Vul de referentie en de persoonlijke code in die u kreeg toen u de melding verstuurde."</p>
        {status.fout.clone().map(|f| view! { <p class="foutoverzicht" role="alert" id="opvolgfout">{f}</p> })}
        <form method="post" action=actie class="formulier smal" novalidate>
            <div class="veld">
                <label for="referentie">"Referentie"</label>
                <p class="hulp" id="hulp-referentie">"Bijvoorbeeld M-2026-00042"</p>
                <input type="text" id="referentie" name="referentie" maxlength="20" autocomplete="off"
                    value=status.referentie.clone() aria-describedby=beschreven.map_or("hulp-referentie".to_string(), |b| format!("hulp-referentie {b}"))
                    aria-invalid=beschreven.map(|_| "true")/>
            </div>
            <div class="veld">
                <label for="code">"Persoonlijke code"</label>
                <input type="text" id="code" name="code" maxlength="40" autocomplete="off" spellcheck="false"
                    aria-describedby=beschreven aria-invalid=beschreven.map(|_| "true")/>
            </div>
            {bewaarde_tekst.map(|t| view! {
                <div class="veld">
                    <label for="aanvulling">"Uw tekst (nog niet toegevoegd)"</label>
                    <textarea id="aanvulling" name="aanvulling" rows="5" maxlength="5000">{t}</textarea>
                </div>
            })}
            <button type="submit" class="knop">{knop}</button>
        </form>
        <p class="hulp">"Code kwijt? Bel ons, dan zoeken we uw melding op."</p>
    }
}

#[component]
fn Overzicht(status: OpvolgStatus) -> impl IntoView {
    let Some(o) = status.overzicht else { return ().into_any() };
    let referentie = o.referentie.to_string();
    let fout = status.aanvulling_fout.clone();
    let beschreven = fout.as_ref().map(|_| "fout-aanvulling");
    let heeft_fout = fout.is_some();
    view! {
        <Title text=format!("Melding {referentie} | Meldpunt kinderopvang")/>
        <h1>"Uw melding " {referentie.clone()}</h1>
        {status.bedankt.then(|| view! { <p class="bevestiging" role="status">"Bedankt, uw aanvulling is toegevoegd aan uw melding."</p> })}
        <dl class="kenmerken">
            <dt>"Ontvangen op"</dt><dd>{tijd::toon(o.ontvangen)}</dd>
            <dt>"Stand van zaken"</dt><dd data-testid="status">{o.status.label()}</dd>
        </dl>
        <p>{uitleg(o.status)}</p>
        <h2>"Berichten aan u"</h2>
        {if o.berichten.is_empty() {
            view! { <p>"Nog geen berichten."</p> }.into_any()
        } else {
            view! { <ul>{o.berichten.into_iter().map(|(t, b)| view! { <li><time>{tijd::toon(t)}</time> ": " {b}</li> }).collect_view()}</ul> }.into_any()
        }}
        {(!o.aanvullingen.is_empty()).then(|| view! {
            <h2>"Wat u zelf toevoegde"</h2>
            <ul class="aanvullingen">
                {o.aanvullingen.into_iter().map(|(t, tekst)| view! { <li><time>{tijd::toon(t)}</time> ": " {tekst}</li> }).collect_view()}
            </ul>
        })}
        <h2>"Iets toevoegen"</h2>
        <form method="post" action="/opvolgen/aanvullen" class="formulier" novalidate>
            <input type="hidden" name="referentie" value=referentie/>
            <input type="hidden" name="code" value=status.code.clone()/>
            <div class="veld" class:fout=heeft_fout>
                <label for="aanvulling">"Wilt u nog iets vertellen over uw melding?"</label>
                {fout.map(|f| view! { <p class="veldfout" id="fout-aanvulling">{f}</p> })}
                <textarea id="aanvulling" name="aanvulling" rows="5" maxlength="5000"
                    aria-describedby=beschreven aria-invalid=beschreven.map(|_| "true")>{status.aanvulling.clone()}</textarea>
            </div>
            <button type="submit" class="knop">"Toevoegen"</button>
        </form>
    }
    .into_any()
}
