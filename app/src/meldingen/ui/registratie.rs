//! The extra fields staff fill in when they register a melding that came in by phone, e-mail,
//! letter or at the desk (shown on `/melden` to logged-in case workers only).

use crate::gemeen::Veldfouten;
use crate::meldingen::formulier::MeldFormulier;
use crate::ui::formulier::{Invoer, Keuze, Veld, opties};
use crate::zaak::model::{Kanaal, Urgentie, Zaaksoort};
use leptos::prelude::*;

/// Is the visitor a logged-in case worker (who registers on behalf of a reporter)?
pub fn is_medewerker() -> bool {
    crate::auth::aangemelde().is_some_and(|g| g.heeft_een_van(crate::auth::model::CASEWERK))
}

#[component]
pub fn RegistratieVelden(invoer: MeldFormulier, fouten: Veldfouten) -> impl IntoView {
    let nu = crate::tijd::in_belgie(chrono::Utc::now()).format("%Y-%m-%dT%H:%M").to_string();
    let of = |waarde: &str, anders: String| if waarde.is_empty() { anders } else { waarde.to_string() };
    let fout = |veld: &str| fouten.get(veld).map(str::to_string);
    let kanalen = Kanaal::ALLE.iter().filter(|k| **k != Kanaal::Webformulier).copied().collect::<Vec<_>>();
    view! {
        <fieldset class="registratie">
            <legend>"Registratie door een medewerker"</legend>
            <Keuze naam="soort" label="Soort" opties=opties(Zaaksoort::ALLE, Zaaksoort::code, Zaaksoort::label)
                gekozen=of(&invoer.soort, Zaaksoort::Melding.code().into()) fout=fout("soort")/>
            <Keuze naam="kanaal" label="Binnengekomen via" opties=opties(&kanalen, Kanaal::code, Kanaal::label)
                gekozen=invoer.kanaal.clone() fout=fout("kanaal")/>
            <Veld naam="ontvangen" label="Ontvangen op" soort=Invoer::DatumTijd waarde=of(&invoer.ontvangen, nu)
                fout=fout("ontvangen")/>
            <Keuze naam="urgentie" label="Urgentie" opties=opties(Urgentie::ALLE, Urgentie::code, Urgentie::label)
                gekozen=of(&invoer.urgentie, "normaal".into()) fout=fout("urgentie")/>
        </fieldset>
    }
}
