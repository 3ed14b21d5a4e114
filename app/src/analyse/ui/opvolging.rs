//! Follow-up actions after the analysis: the list and the form that records one with a note.

use crate::analyse::model::{Opvolgactie, Opvolgsoort};
use crate::behandeling::ui::{ingevuld, stand_voor, veldfout};
use crate::beheer::ui::DienstKeuze;
use leptos::prelude::*;

#[component]
pub fn Opvolging(referentie: String, acties: Vec<Opvolgactie>) -> impl IntoView {
    let stand = stand_voor("opvolging");
    let open = stand.is_some();
    let soort = ingevuld(&stand, "soort");
    let (soort_id, soort_fout) = veldfout(&stand, "opvolging", "soort");
    let (tekst_id, tekst_fout) = veldfout(&stand, "opvolging", "tekst");
    let (dienst_id, dienst_fout) = veldfout(&stand, "opvolging", "dienst");
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
        <details class="stap" open=open>
            <summary>"Opvolgactie vastleggen"</summary>
            <form method="post" action=format!("/meldingen/{referentie}/opvolging") class="formulier" novalidate>
                <fieldset class="veld" class:fout=soort_id.is_some() aria-describedby=soort_id.clone()>
                    <legend>"Welke opvolging?"</legend>
                    {soort_fout}
                    {Opvolgsoort::ALLE.iter().map(|s| {
                        let id = format!("opvolging-soort-{}", s.code());
                        view! {
                            <div class="keuze">
                                <input type="radio" name="soort" id=id.clone() value=s.code() checked=soort == s.code()/>
                                <label for=id>{s.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="veld" class:fout=dienst_id.is_some()>
                    <label for="opvolging-dienst">"Naar welke dienst? (alleen bij een doorverwijzing)"</label>
                    {dienst_fout}
                    <DienstKeuze id="opvolging-dienst" gekozen=ingevuld(&stand, "dienst") fout_id=dienst_id.clone()/>
                </div>
                <div class="veld" class:fout=tekst_id.is_some()>
                    <label for="opvolging-tekst">"Notitie: wat werd gevraagd of geadviseerd, en waarom?"</label>
                    {tekst_fout}
                    <textarea id="opvolging-tekst" name="tekst" rows="3" maxlength="4000" aria-describedby=tekst_id.clone()
                        aria-invalid=tekst_id.as_ref().map(|_| "true")>{ingevuld(&stand, "tekst")}</textarea>
                </div>
                <button type="submit" class="knop">"Opvolgactie vastleggen"</button>
            </form>
        </details>
    }
}
