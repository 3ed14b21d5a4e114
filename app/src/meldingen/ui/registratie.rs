//! The extra fields staff fill in when they register a melding that came in by phone, e-mail,
//! letter or at the desk (shown on `/melden` to logged-in case workers only).

use crate::gemeen::Veldfouten;
use crate::meldingen::formulier::MeldFormulier;
use crate::meldingen::model::{Kanaal, Urgentie};
use crate::termijnen::model::Zaaksoort;
use leptos::prelude::*;

/// Is the visitor a logged-in case worker (who registers on behalf of a reporter)?
pub fn is_medewerker() -> bool {
    crate::auth::aangemelde().is_some_and(|g| g.heeft_een_van(crate::auth::model::CASEWERK))
}

fn fout(fouten: &Veldfouten, veld: &'static str) -> (Option<String>, Option<AnyView>) {
    fouten.get(veld).map_or((None, None), |m| {
        let id = format!("fout-{veld}");
        (Some(id.clone()), Some(view! { <p class="veldfout" id=id>{m.to_string()}</p> }.into_any()))
    })
}

#[component]
pub fn RegistratieVelden(invoer: MeldFormulier, fouten: Veldfouten) -> impl IntoView {
    let nu = crate::tijd::in_belgie(chrono::Utc::now()).format("%Y-%m-%dT%H:%M").to_string();
    let ontvangen = if invoer.ontvangen.is_empty() { nu } else { invoer.ontvangen.clone() };
    let (soort_id, soort_fout) = fout(&fouten, "soort");
    let (kanaal_id, kanaal_fout) = fout(&fouten, "kanaal");
    let (ontv_id, ontv_fout) = fout(&fouten, "ontvangen");
    let (urg_id, urg_fout) = fout(&fouten, "urgentie");
    let urgentie = if invoer.urgentie.is_empty() { "normaal".to_string() } else { invoer.urgentie.clone() };
    view! {
        <fieldset class="registratie">
            <legend>"Registratie door een medewerker"</legend>
            <div class="veld" class:fout=soort_id.is_some()>
                <label for="soort">"Soort"</label>
                {soort_fout}
                <select id="soort" name="soort" aria-describedby=soort_id.clone()>
                    {Zaaksoort::ALLE.iter().map(|s| view! {
                        <option value=s.code() selected=invoer.soort == s.code() || (invoer.soort.is_empty() && *s == Zaaksoort::Melding)>{s.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="veld" class:fout=kanaal_id.is_some()>
                <label for="kanaal">"Binnengekomen via"</label>
                {kanaal_fout}
                <select id="kanaal" name="kanaal" aria-describedby=kanaal_id.clone()>
                    {Kanaal::ALLE.iter().filter(|k| **k != Kanaal::Webformulier).map(|k| view! {
                        <option value=k.code() selected=invoer.kanaal == k.code()>{k.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="veld" class:fout=ontv_id.is_some()>
                <label for="ontvangen">"Ontvangen op"</label>
                {ontv_fout}
                <input type="datetime-local" id="ontvangen" name="ontvangen" value=ontvangen aria-describedby=ontv_id.clone()/>
            </div>
            <div class="veld" class:fout=urg_id.is_some()>
                <label for="urgentie">"Urgentie"</label>
                {urg_fout}
                <select id="urgentie" name="urgentie" aria-describedby=urg_id.clone()>
                    {Urgentie::ALLE.iter().map(|u| view! {
                        <option value=u.code() selected=urgentie == u.code()>{u.label()}</option>
                    }).collect_view()}
                </select>
            </div>
        </fieldset>
    }
}
