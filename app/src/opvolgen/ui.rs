//! `/opvolgen`: plain forms that post to `/opvolgen` and `/opvolgen/aanvullen`.

use super::model::{OpvolgInzage, uitleg};
use crate::gemeen::FormEcho;
use crate::tijd;
use crate::ui::formulier::{Echo, Foutoverzicht, Invoer, Veld};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn OpvolgenPagina() -> impl IntoView {
    match use_context::<OpvolgInzage>() {
        Some(inzage) => view! { <Overzicht inzage/> }.into_any(),
        None => view! { <Toegang echo=Echo(use_context::<FormEcho>())/> }.into_any(),
    }
}

#[component]
fn Toegang(echo: Echo) -> impl IntoView {
    let melding = echo.melding();
    let beschreven = melding.as_ref().map(|_| "foutoverzicht".to_string());
    // An addition refused by a limit comes back here, with its text, to send again later.
    let bewaarde_tekst = Some(echo.waarde("aanvulling")).filter(|t| !t.is_empty());
    let (actie, knop) =
        if bewaarde_tekst.is_some() { ("/opvolgen/aanvullen", "Toevoegen") } else { ("/opvolgen", "Bekijken") };
    view! {
        <Title text="Uw melding volgen | Meldpunt kinderopvang"/>
        <h1>"Uw melding volgen"</h1>
        <p class="inleiding">"Vul de referentie en de persoonlijke code in die u kreeg toen u de melding verstuurde."</p>
        <Foutoverzicht fouten=echo.0.clone().map(|e| e.fouten).unwrap_or_default() melding kop="Niet gelukt".to_string()/>
        <form method="post" action=actie class="formulier smal" novalidate>
            <Veld naam="referentie" label="Referentie" hint="Bijvoorbeeld M-2026-00042" max=20 autocomplete="off"
                waarde=echo.waarde("referentie") beschreven=beschreven.clone()/>
            <Veld naam="code" label="Persoonlijke code" max=40 autocomplete="off" geen_spellingcontrole=true beschreven/>
            {bewaarde_tekst.map(|t| view! {
                <Veld naam="aanvulling" label="Uw tekst (nog niet toegevoegd)" soort=Invoer::Tekstvak(5) max=5000 waarde=t
                    fout=echo.fout("aanvulling")/>
            })}
            <button type="submit" class="knop">{knop}</button>
        </form>
        <p class="hulp">"Code kwijt? Bel ons, dan zoeken we uw melding op."</p>
    }
}

#[component]
fn Overzicht(inzage: OpvolgInzage) -> impl IntoView {
    let OpvolgInzage { overzicht: o, code, bedankt } = inzage;
    let echo = Echo::voor("aanvullen");
    let referentie = o.referentie.to_string();
    view! {
        <Title text=format!("Melding {referentie} | Meldpunt kinderopvang")/>
        <h1>"Uw melding " {referentie.clone()}</h1>
        {bedankt.then(|| view! { <p class="bevestiging" role="status">"Bedankt, uw aanvulling is toegevoegd aan uw melding."</p> })}
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
        {echo.0.clone().map(|e| view! { <Foutoverzicht fouten=e.fouten melding=e.melding kop="Niet toegevoegd".to_string()/> })}
        <form method="post" action="/opvolgen/aanvullen" class="formulier" novalidate>
            <input type="hidden" name="referentie" value=referentie/>
            <input type="hidden" name="code" value=code/>
            <Veld naam="aanvulling" label="Wilt u nog iets vertellen over uw melding?" soort=Invoer::Tekstvak(5) max=5000
                waarde=echo.waarde("aanvulling") fout=echo.fout("aanvulling")/>
            <button type="submit" class="knop">"Toevoegen"</button>
        </form>
    }
}
