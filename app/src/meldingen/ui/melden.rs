//! `/melden`: the public form, and the receipt after a successful submission.
//! The form is plain HTML that posts to `/melden`; the server answers with this same page,
//! carrying the input, the messages per field and the search results (see `MeldFormulierStatus`).

use super::kiezer::LocatieKiezer;
use super::registratie::{RegistratieVelden, is_medewerker};
use crate::gemeen::FormEcho;
use crate::meldingen::formulier::{LocatieZoektocht, MeldFormulier};
use crate::meldingen::model::Ontvangstbewijs;
use crate::ui::formulier::{Foutoverzicht, Invoer, Keuzelijst, Veld, Vink, opties};
use crate::zaak::model::{Categorie, Relatie};
use leptos::prelude::*;
use leptos_meta::Title;

/// The fields in form order, with the element that a message in the summary links to.
const VELDEN: &[(&str, &str)] = &[
    ("soort", "soort"),
    ("kanaal", "kanaal"),
    ("ontvangen", "ontvangen"),
    ("urgentie", "urgentie"),
    ("locatie", "locatie"),
    ("categorie", "categorie-veiligheid"),
    ("omschrijving", "omschrijving"),
    ("feit_datum", "feit_datum"),
    ("relatie", "relatie-ouder"),
    ("naam", "naam"),
    ("email", "email"),
    ("telefoon", "telefoon"),
    ("privacy", "privacy"),
];

#[component]
pub fn MeldenPagina() -> impl IntoView {
    if let Some(bewijs) = use_context::<Ontvangstbewijs>() {
        return view! { <Ontvangen bewijs/> }.into_any();
    }
    let echo = use_context::<FormEcho>().filter(|e| e.is("melden")).unwrap_or_default();
    let zoektocht = use_context::<LocatieZoektocht>().unwrap_or_default();
    view! { <Formulier echo zoektocht/> }.into_any()
}

#[component]
fn Ontvangen(bewijs: Ontvangstbewijs) -> impl IntoView {
    if is_medewerker() {
        let href = format!("/meldingen/{}", bewijs.referentie);
        let ref_tekst = bewijs.referentie.to_string();
        return view! {
            <Title text="Melding geregistreerd | Meldpunt"/>
            <h1>"Melding geregistreerd"</h1>
            <div class="bewijs">
                <p>"Referentie: " <strong data-testid="referentie">{bewijs.referentie.to_string()}</strong></p>
                <p>"Opvolgcode voor de melder: " <strong data-testid="opvolgcode" class="code">{bewijs.opvolgcode}</strong></p>
            </div>
            <p>"Geef de melder nu de referentie en de opvolgcode door: de code tonen we maar één keer."</p>
            <p><a href=href>"Naar de melding"</a> " · " <a href="/melden">"Nog een melding registreren"</a></p>
            <crate::dubbels::ui::KoppelingenVak referentie=ref_tekst na_registratie=true/>
        }
        .into_any();
    }
    view! {
        <Title text="Melding ontvangen | Meldpunt kinderopvang"/>
        <h1>"Bedankt, we hebben uw melding ontvangen"</h1>
        <div class="bewijs">
            <p>"Uw referentie: " <strong data-testid="referentie">{bewijs.referentie.to_string()}</strong></p>
            <p>"Uw persoonlijke opvolgcode: " <strong data-testid="opvolgcode" class="code">{bewijs.opvolgcode}</strong></p>
        </div>
        <p>"Noteer beide of maak een schermafbeelding. Met de referentie en de code kunt u later volgen wat er met uw melding gebeurt. "
           "De code tonen we maar één keer; wij kennen hem zelf niet."</p>
        <p><a href="/opvolgen">"Uw melding volgen"</a></p>
        <h2>"Wat gebeurt er nu?"</h2>
        <ul>
            <li>"Een medewerker leest uw melding binnen vijf werkdagen."</li>
            <li>"Als we meer willen weten, nemen we contact met u op (tenzij u anoniem meldde)."</li>
            <li>"We laten u weten wanneer we klaar zijn. Over andere gezinnen of personeel mogen we niets vertellen."</li>
        </ul>
        <p class="let-op">"Is een kind nu in gevaar? Bel meteen 112."</p>
    }
    .into_any()
}

#[component]
fn Formulier(echo: FormEcho, zoektocht: LocatieZoektocht) -> impl IntoView {
    let invoer = MeldFormulier::from_pairs(echo.invoer.paren());
    let FormEcho { fouten, melding, .. } = echo;
    let LocatieZoektocht { zoekresultaten, gekozen } = zoektocht;
    let medewerker = is_medewerker();
    let gezocht =
        !invoer.locatie_zoek.trim().is_empty() && (invoer.locatie_id.is_empty() || !zoekresultaten.is_empty());
    let fout = |veld: &str| fouten.get(veld).map(str::to_string);
    let titel = if fouten.is_empty() && melding.is_none() {
        "Een zorg melden | Meldpunt kinderopvang"
    } else {
        "Fout: controleer het formulier | Meldpunt kinderopvang"
    };
    let ids = VELDEN.iter().map(|(veld, doel)| (*veld, doel.to_string())).collect::<Vec<_>>();
    view! {
        <Title text=titel/>
        <h1>{if medewerker { "Een melding registreren" } else { "Een zorg melden" }}</h1>
        <p class="inleiding">"Vertel ons wat u zag of meemaakte in een kinderopvang. Velden met * zijn verplicht."</p>
        <p class="let-op">"Is een kind nu in gevaar? Bel meteen 112. Dit formulier lezen we tijdens de kantooruren."</p>
        <Foutoverzicht fouten=fouten.clone() melding ids kop="Controleer deze velden".to_string()/>
        <form method="post" action="/melden" novalidate class="formulier">
            {medewerker.then(|| view! { <RegistratieVelden invoer=invoer.clone() fouten=fouten.clone()/> })}
            <h2>"1. Over welke opvang gaat het? *"</h2>
            {medewerker.then(|| view! { <p class="hulp">"U kunt ook zoeken op het ondernemingsnummer van de organisator, bijvoorbeeld 0123.456.749 of BE0123456749."</p> })}
            <LocatieVeld zoek=invoer.locatie_zoek.clone() resultaten=zoekresultaten gekozen gezocht fout=fout("locatie")/>
            <Veld naam="locatie_onbekend" label="Vindt u de opvang niet? Beschrijf ze hier (naam, straat, gemeente)"
                soort=Invoer::Tekstvak(2) max=500 waarde=invoer.locatie_onbekend.clone()/>

            <h2>"2. Wat is er gebeurd?"</h2>
            <Keuzelijst naam="categorie" legende="Waarover gaat uw melding? *" meerdere=true
                opties=opties(Categorie::ALLE, Categorie::code, Categorie::label) gekozen=invoer.categorieen.clone()
                fout=fout("categorie")/>
            <Veld naam="omschrijving" label="Wat is er gebeurd? *" soort=Invoer::Tekstvak(7) max=5000
                hint="Beschrijf wat u zag of hoorde, wie erbij was en hoe vaak het gebeurde. Minstens 20 tekens."
                waarde=invoer.omschrijving.clone() fout=fout("omschrijving")/>
            <Veld naam="feit_datum" label="Wanneer gebeurde het? *" soort=Invoer::Datum waarde=invoer.feit_datum.clone()
                fout=fout("feit_datum")/>
            <Vink naam="acuut" label="Een kind is nu in acuut gevaar" aan=invoer.acuut/>

            <h2>"3. Wie bent u?"</h2>
            <Keuzelijst naam="relatie" legende="Wie bent u? *" opties=opties(Relatie::ALLE, Relatie::code, Relatie::label)
                gekozen=vec![invoer.relatie.clone()] fout=fout("relatie")/>
            <Vink naam="anoniem" label="Ik wil anoniem melden" aan=invoer.anoniem/>
            <p class="hulp">"Meldt u anoniem, dan kunnen we u geen vragen stellen en u niet laten weten wat we deden. Laat u liever gegevens na, dan blijven die vertrouwelijk: de opvang krijgt ze niet."</p>
            <Veld naam="naam" label="Uw naam" autocomplete="name" max=200 waarde=invoer.naam.clone() fout=fout("naam")/>
            <Veld naam="email" label="E-mailadres" soort=Invoer::Email autocomplete="email" max=200 waarde=invoer.email.clone()
                fout=fout("email")/>
            <Veld naam="telefoon" label="Telefoonnummer" soort=Invoer::Telefoon autocomplete="tel" max=200
                waarde=invoer.telefoon.clone() fout=fout("telefoon")/>
            <div class="verborgen" aria-hidden="true">
                <label for="website">"Laat dit veld leeg"</label>
                <input type="text" id="website" name="website" tabindex="-1" autocomplete="off"/>
            </div>

            <h2>"4. Privacy"</h2>
            <p class="privacy" id="privacytekst">
                "We gebruiken uw gegevens alleen om uw melding te behandelen. Alleen de medewerkers die de melding behandelen zien ze. "
                "We geven uw naam niet door aan de opvang, tenzij u dat zelf vraagt. We bewaren uw gegevens tot één jaar na het afsluiten van de melding."
            </p>
            <Vink naam="privacy" label="Ik heb de privacyverklaring gelezen" aan=invoer.privacy fout=fout("privacy")
                beschreven="privacytekst".to_string()/>
            <button type="submit" name="actie" value="verstuur" class="knop">"Melding versturen"</button>
        </form>
    }
}

/// The location search as a field: label and message around the picker (an island).
#[component]
fn LocatieVeld(
    zoek: String,
    resultaten: Vec<crate::locaties::model::LocatieKeuze>,
    gekozen: Option<crate::locaties::model::LocatieKeuze>,
    gezocht: bool,
    fout: Option<String>,
) -> impl IntoView {
    let ongeldig = fout.is_some();
    view! {
        <Veld naam="locatie_zoek" id="locatie" label="Zoek de opvang (naam of gemeente)" fout>
            <LocatieKiezer zoek resultaten gekozen gezocht ongeldig/>
        </Veld>
    }
}
