//! Follow-up actions after the analysis: the list and the form that records one with a note.

use crate::analyse::model::{Opvolgactie, Opvolgsoort};
use crate::beheer::ui::DienstKeuze;
use crate::ui::formulier::{Echo, Invoer, Keuzelijst, Veld, opties};
use leptos::prelude::*;

#[component]
pub fn Opvolging(referentie: String, acties: Vec<Opvolgactie>) -> impl IntoView {
    let echo = Echo::voor("opvolging");
    let lijst = if acties.is_empty() {
        view! { <p>"Nog geen opvolgacties."</p> }.into_any()
    } else {
        view! {
            <ul class="opvolgacties">
                {acties.into_iter().map(|a| view! {
                    <li>
                        <strong>{a.soort.label()}</strong>
                        {a.dienst.map(|d| view! { ": " {d} })}
                        " – " {crate::tijd::toon(a.tijdstip)} ", " {a.door}
                        <p>{a.notitie}</p>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <h3 id="h-opvolging">"Opvolgacties"</h3>
        {lijst}
        <details class="stap" open=echo.is_er()>
            <summary>"Opvolgactie vastleggen"</summary>
            <form method="post" action=format!("/meldingen/{referentie}/opvolging") class="formulier" novalidate>
                <Keuzelijst naam="soort" prefix="opvolging" legende="Welke opvolging?"
                    opties=opties(Opvolgsoort::ALLE, Opvolgsoort::code, Opvolgsoort::label)
                    gekozen=vec![echo.waarde("soort")] fout=echo.fout("soort")/>
                <DienstKeuze prefix="opvolging" label="Naar welke dienst? (alleen bij een doorverwijzing)"
                    gekozen=echo.waarde("dienst") fout=echo.fout("dienst")/>
                <Veld naam="tekst" prefix="opvolging" label="Notitie: wat werd gevraagd of geadviseerd, en waarom?"
                    soort=Invoer::Tekstvak(3) max=4000 waarde=echo.waarde("tekst") fout=echo.fout("tekst")/>
                <button type="submit" class="knop">"Opvolgactie vastleggen"</button>
            </form>
        </details>
    }
}
