//! The form that adds a note, a contactmoment or a correction to the timeline.

use super::{ingevuld, stand_voor, veldfout};
use crate::behandeling::tijdlijn::{ContactKanaal, Partij, Richting};
use crate::meldingen::model::TijdlijnItem;
use leptos::prelude::*;

#[component]
pub fn NotitieVak(referentie: String, tijdlijn: Vec<TijdlijnItem>) -> impl IntoView {
    let stand = stand_voor("notitie");
    let open = stand.is_some();
    let soort = match ingevuld(&stand, "soort") {
        s if s.is_empty() => "notitie".to_string(),
        s => s,
    };
    let (tekst_id, tekst_fout) = veldfout(&stand, "n", "tekst");
    let (kanaal_id, kanaal_fout) = veldfout(&stand, "n", "kanaal");
    let (richting_id, richting_fout) = veldfout(&stand, "n", "richting");
    let (partij_id, partij_fout) = veldfout(&stand, "n", "partij");
    let (corr_id, corr_fout) = veldfout(&stand, "n", "corrigeert");
    let kanaal = ingevuld(&stand, "kanaal");
    let richting = ingevuld(&stand, "richting");
    let partij = ingevuld(&stand, "partij");
    let corrigeert = ingevuld(&stand, "corrigeert");
    view! {
        <details class="stap" open=open>
            <summary>"Notitie, contactmoment of correctie toevoegen"</summary>
            <form method="post" action=format!("/meldingen/{referentie}/tijdlijn") class="formulier" novalidate>
                <fieldset class="veld">
                    <legend>"Wat voegt u toe?"</legend>
                    {[("notitie", "Interne notitie"), ("contact", "Contactmoment"), ("correctie", "Correctie van een eerdere regel")]
                        .into_iter().map(|(code, label)| view! {
                            <div class="keuze">
                                <input type="radio" name="soort" id=format!("n-soort-{code}") value=code checked=soort == code/>
                                <label for=format!("n-soort-{code}")>{label}</label>
                            </div>
                        }).collect_view()}
                </fieldset>
                <div class="veld-groep">
                    <p class="hulp">"Alleen bij een contactmoment:"</p>
                    <div class="veld" class:fout=kanaal_id.is_some()>
                        <label for="n-kanaal">"Hoe"</label>
                        {kanaal_fout}
                        <select id="n-kanaal" name="kanaal" aria-describedby=kanaal_id.clone() aria-invalid=kanaal_id.as_ref().map(|_| "true")>
                            <option value="">"Kies…"</option>
                            {ContactKanaal::ALLE.iter().map(|k| view! { <option value=k.code() selected=kanaal == k.code()>{k.label()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="veld" class:fout=richting_id.is_some()>
                        <label for="n-richting">"Richting"</label>
                        {richting_fout}
                        <select id="n-richting" name="richting" aria-describedby=richting_id.clone() aria-invalid=richting_id.as_ref().map(|_| "true")>
                            <option value="">"Kies…"</option>
                            {Richting::ALLE.iter().map(|r| view! { <option value=r.code() selected=richting == r.code()>{r.label()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="veld" class:fout=partij_id.is_some()>
                        <label for="n-partij">"Met wie"</label>
                        {partij_fout}
                        <select id="n-partij" name="partij" aria-describedby=partij_id.clone() aria-invalid=partij_id.as_ref().map(|_| "true")>
                            <option value="">"Kies…"</option>
                            {Partij::ALLE.iter().map(|p| view! { <option value=p.code() selected=partij == p.code()>{p.label()}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="veld" class:fout=corr_id.is_some()>
                    <label for="n-corrigeert">"Welke regel corrigeert u? (alleen bij een correctie)"</label>
                    {corr_fout}
                    <select id="n-corrigeert" name="corrigeert" aria-describedby=corr_id.clone() aria-invalid=corr_id.as_ref().map(|_| "true")>
                        <option value="">"Kies…"</option>
                        {tijdlijn.into_iter().rev().map(|t| {
                            let kort: String = t.tekst.chars().take(60).collect();
                            let label = format!("{} – {}", crate::tijd::toon(t.tijdstip), kort);
                            view! { <option value=t.id.clone() selected=corrigeert == t.id>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="veld" class:fout=tekst_id.is_some()>
                    <label for="n-tekst">"Tekst"</label>
                    {tekst_fout}
                    <textarea id="n-tekst" name="tekst" rows="4" maxlength="10000" aria-describedby=tekst_id.clone() aria-invalid=tekst_id.as_ref().map(|_| "true")>{ingevuld(&stand, "tekst")}</textarea>
                </div>
                <button type="submit" class="knop">"Toevoegen aan de tijdlijn"</button>
            </form>
        </details>
    }
}
