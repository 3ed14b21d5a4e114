//! `/melden`: the public form, and the receipt after a successful submission.
//! The form is plain HTML that posts to `/melden`; the server answers with this same page,
//! carrying the input, the messages per field and the search results (see `MeldFormulierStatus`).

use super::kiezer::LocatieKiezer;
use super::registratie::{RegistratieVelden, is_medewerker};
use crate::gemeen::Veldfouten;
use crate::meldingen::formulier::MeldFormulierStatus;
use crate::meldingen::model::{Categorie, Ontvangstbewijs, Relatie};
use leptos::prelude::*;
use leptos_meta::Title;

/// The fields in form order, with the element that a message in the summary links to.
const VELDEN: &[(&str, &str)] = &[
    ("algemeen", "omschrijving"),
    ("soort", "soort"),
    ("kanaal", "kanaal"),
    ("ontvangen", "ontvangen"),
    ("urgentie", "urgentie"),
    ("website", "omschrijving"),
    ("locatie", "locatie_zoek"),
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
    let status = use_context::<MeldFormulierStatus>().unwrap_or_default();
    view! { <Formulier status/> }.into_any()
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

fn fout_attrs(fouten: &Veldfouten, veld: &'static str) -> (Option<String>, Option<&'static str>) {
    match fouten.get(veld) {
        Some(_) => (Some(format!("fout-{veld}")), Some("true")),
        None => (None, None),
    }
}

fn veldfout(fouten: &Veldfouten, veld: &'static str) -> impl IntoView + use<> {
    fouten.get(veld).map(|m| view! { <p class="veldfout" id=format!("fout-{veld}")>{m.to_string()}</p> })
}

#[component]
fn Formulier(status: MeldFormulierStatus) -> impl IntoView {
    let MeldFormulierStatus { invoer, fouten, zoekresultaten, gekozen } = status;
    let medewerker = is_medewerker();
    let gezocht =
        !invoer.locatie_zoek.trim().is_empty() && (invoer.locatie_id.is_empty() || !zoekresultaten.is_empty());
    let (oms_desc, oms_inv) = fout_attrs(&fouten, "omschrijving");
    let (dat_desc, dat_inv) = fout_attrs(&fouten, "feit_datum");
    let (naam_desc, naam_inv) = fout_attrs(&fouten, "naam");
    let (mail_desc, mail_inv) = fout_attrs(&fouten, "email");
    let (tel_desc, tel_inv) = fout_attrs(&fouten, "telefoon");
    let (priv_desc, priv_inv) = fout_attrs(&fouten, "privacy");
    let (cat_desc, cat_inv) = fout_attrs(&fouten, "categorie");
    let (rel_desc, rel_inv) = fout_attrs(&fouten, "relatie");
    let titel = if fouten.is_empty() {
        "Een zorg melden | Meldpunt kinderopvang"
    } else {
        "Fout: controleer het formulier | Meldpunt kinderopvang"
    };
    let overzicht = (!fouten.is_empty()).then(|| {
        let items = VELDEN
            .iter()
            .filter_map(|(veld, doel)| {
                fouten.get(veld).map(|m| view! { <li><a href=format!("#{doel}")>{m.to_string()}</a></li> })
            })
            .collect_view();
        view! {
            <div class="foutoverzicht" role="alert" tabindex="-1" id="foutoverzicht">
                <h2>"Controleer deze velden"</h2>
                <ul>{items}</ul>
            </div>
        }
    });
    view! {
        <Title text=titel/>
        <h1>{if medewerker { "Een melding registreren" } else { "Een zorg melden" }}</h1>
        <p class="inleiding">"Vertel ons wat u zag of meemaakte in een kinderopvang. Velden met * zijn verplicht."</p>
        <p class="let-op">"Is een kind nu in gevaar? Bel meteen 112. Dit formulier lezen we tijdens de kantooruren."</p>
        {overzicht}
        <form method="post" action="/melden" novalidate class="formulier">
            {medewerker.then(|| view! { <RegistratieVelden invoer=invoer.clone() fouten=fouten.clone()/> })}
            <h2>"1. Over welke opvang gaat het? *"</h2>
            {medewerker.then(|| view! { <p class="hulp">"U kunt ook zoeken op het ondernemingsnummer van de organisator, bijvoorbeeld 0123.456.749 of BE0123456749."</p> })}
            <LocatieKiezer zoek=invoer.locatie_zoek.clone() resultaten=zoekresultaten gekozen=gekozen gezocht=gezocht fout=fouten.get("locatie").map(str::to_string)/>
            <div class="veld">
                <label for="locatie_onbekend">"Vindt u de opvang niet? Beschrijf ze hier (naam, straat, gemeente)"</label>
                <textarea id="locatie_onbekend" name="locatie_onbekend" rows="2" maxlength="500">{invoer.locatie_onbekend.clone()}</textarea>
            </div>

            <h2>"2. Wat is er gebeurd?"</h2>
            <fieldset class="veld" class:fout=fouten.get("categorie").is_some()>
                <legend>"Waarover gaat uw melding? *"</legend>
                {veldfout(&fouten, "categorie")}
                {Categorie::ALLE.iter().map(|c| {
                    let id = format!("categorie-{}", c.code());
                    let aan = invoer.categorieen.iter().any(|x| x == c.code());
                    view! {
                        <div class="keuze">
                            <input type="checkbox" name="categorie" id=id.clone() value=c.code() checked=aan
                                aria-describedby=cat_desc.clone() aria-invalid=cat_inv/>
                            <label for=id>{c.label()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="veld" class:fout=oms_inv.is_some()>
                <label for="omschrijving">"Wat is er gebeurd? *"</label>
                <p class="hulp" id="hulp-omschrijving">"Beschrijf wat u zag of hoorde, wie erbij was en hoe vaak het gebeurde. Minstens 20 tekens."</p>
                {veldfout(&fouten, "omschrijving")}
                <textarea id="omschrijving" name="omschrijving" rows="7" maxlength="5000"
                    aria-describedby=oms_desc.map(|d| format!("hulp-omschrijving {d}")).unwrap_or_else(|| "hulp-omschrijving".into())
                    aria-invalid=oms_inv>{invoer.omschrijving.clone()}</textarea>
            </div>
            <div class="veld" class:fout=dat_inv.is_some()>
                <label for="feit_datum">"Wanneer gebeurde het? *"</label>
                {veldfout(&fouten, "feit_datum")}
                <input type="date" id="feit_datum" name="feit_datum" value=invoer.feit_datum.clone()
                    aria-describedby=dat_desc aria-invalid=dat_inv/>
            </div>
            <div class="veld keuze">
                <input type="checkbox" id="acuut" name="acuut" value="ja" checked=invoer.acuut/>
                <label for="acuut">"Een kind is nu in acuut gevaar"</label>
            </div>

            <h2>"3. Wie bent u?"</h2>
            <fieldset class="veld" class:fout=fouten.get("relatie").is_some()>
                <legend>"Wie bent u? *"</legend>
                {veldfout(&fouten, "relatie")}
                {Relatie::ALLE.iter().map(|r| {
                    let id = format!("relatie-{}", r.code());
                    view! {
                        <div class="keuze">
                            <input type="radio" name="relatie" id=id.clone() value=r.code() checked=invoer.relatie == r.code()
                                aria-describedby=rel_desc.clone() aria-invalid=rel_inv/>
                            <label for=id>{r.label()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="veld keuze">
                <input type="checkbox" id="anoniem" name="anoniem" value="ja" checked=invoer.anoniem/>
                <label for="anoniem">"Ik wil anoniem melden"</label>
            </div>
            <p class="hulp">"Meldt u anoniem, dan kunnen we u geen vragen stellen en u niet laten weten wat we deden. Laat u liever gegevens na, dan blijven die vertrouwelijk: de opvang krijgt ze niet."</p>
            <div class="veld" class:fout=naam_inv.is_some()>
                <label for="naam">"Uw naam"</label>
                {veldfout(&fouten, "naam")}
                <input type="text" id="naam" name="naam" autocomplete="name" maxlength="200" value=invoer.naam.clone()
                    aria-describedby=naam_desc aria-invalid=naam_inv/>
            </div>
            <div class="veld" class:fout=mail_inv.is_some()>
                <label for="email">"E-mailadres"</label>
                {veldfout(&fouten, "email")}
                <input type="email" id="email" name="email" autocomplete="email" maxlength="200" value=invoer.email.clone()
                    aria-describedby=mail_desc aria-invalid=mail_inv/>
            </div>
            <div class="veld" class:fout=tel_inv.is_some()>
                <label for="telefoon">"Telefoonnummer"</label>
                {veldfout(&fouten, "telefoon")}
                <input type="tel" id="telefoon" name="telefoon" autocomplete="tel" maxlength="200" value=invoer.telefoon.clone()
                    aria-describedby=tel_desc aria-invalid=tel_inv/>
            </div>
            <div class="verborgen" aria-hidden="true">
                <label for="website">"Laat dit veld leeg"</label>
                <input type="text" id="website" name="website" tabindex="-1" autocomplete="off"/>
            </div>

            <h2>"4. Privacy"</h2>
            <p class="privacy" id="privacytekst">
                "We gebruiken uw gegevens alleen om uw melding te behandelen. Alleen de medewerkers die de melding behandelen zien ze. "
                "We geven uw naam niet door aan de opvang, tenzij u dat zelf vraagt. We bewaren uw gegevens tot één jaar na het afsluiten van de melding."
            </p>
            <div class="veld keuze" class:fout=priv_inv.is_some()>
                {veldfout(&fouten, "privacy")}
                <input type="checkbox" id="privacy" name="privacy" value="ja" checked=invoer.privacy
                    aria-describedby=priv_desc.map(|d| format!("privacytekst {d}")).unwrap_or_else(|| "privacytekst".into())
                    aria-invalid=priv_inv/>
                <label for="privacy">"Ik heb de privacyverklaring gelezen"</label>
            </div>
            <button type="submit" name="actie" value="verstuur" class="knop">"Melding versturen"</button>
        </form>
    }
}
