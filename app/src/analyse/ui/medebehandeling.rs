//! Co-handling: the klantenbeheerder kinderopvang next to the case worker. An account manager
//! takes it up themselves; a coordinator chooses (by default the organiser's account manager).
//! Replacing a co-handler needs a reason. The co-handler ends it themselves; a coordinator ends it
//! by choosing "niemand", with a reason.

use crate::analyse::model::AnalyseDossier;
use crate::ui::formulier::{Echo, Invoer, Keuze, Veld, veldfout};
use leptos::prelude::*;

const FORM: &str = "medebehandelaar";

#[component]
pub fn Medebehandeling(d: AnalyseDossier) -> impl IntoView {
    let echo = Echo::voor(FORM);
    let open = echo.is_er();
    let huidig = d.medebehandelaar.clone();
    let ik_ben_het = huidig.as_ref().is_some_and(|(id, _)| id == &d.ik_id);
    let kan_zelf = d.ik_klantenbeheerder && !ik_ben_het;
    let kan_kiezen = !d.kandidaten.is_empty();
    let gekozen = echo.of("aan", || d.voorstel.as_ref().map(|(id, _)| id.clone()).unwrap_or_default());
    // Only one of the two forms shows, so both use the same ids.
    let reden = |label: &'static str| {
        view! {
            <Veld naam="reden" prefix=FORM label soort=Invoer::Tekstvak(2) max=4000 waarde=echo.waarde("reden")
                fout=echo.fout("reden")/>
        }
    };
    // A message about "aan" when the form has no choice of its own (the value travels hidden).
    let aan_fout = veldfout(&format!("{FORM}-aan"), echo.fout("aan"));
    let formulier = (!d.afgerond && (kan_zelf || kan_kiezen)).then(|| {
        let keuze = if kan_kiezen {
            let mut wie: Vec<(String, String)> = d
                .kandidaten
                .iter()
                .map(|(id, naam)| {
                    let voorstel = d.voorstel.as_ref().is_some_and(|(v, _)| v == id);
                    let label = if voorstel { format!("{naam} (accountbeheerder van de organisator)") } else { naam.clone() };
                    (id.clone(), label)
                })
                .collect();
            if huidig.is_some() {
                wie.push(("geen".into(), "Niemand: medebehandeling beëindigen".into()));
            }
            view! { <Keuze naam="aan" prefix=FORM label="Wie" opties=wie gekozen=gekozen.clone() fout=echo.fout("aan")/> }
                .into_any()
        } else {
            view! { <input type="hidden" name="aan" value="mij"/> {aan_fout} }.into_any()
        };
        let reden = huidig.is_some().then(|| reden("Reden (nodig bij vervangen of beëindigen)"));
        let knop = if kan_kiezen { "Medebehandelaar toewijzen" } else { "Zelf medebehandelaar worden" };
        view! {
            <details class="stap" open=open>
                <summary>{knop}</summary>
                <form method="post" action=format!("/meldingen/{}/medebehandelaar", d.referentie) class="formulier" novalidate>
                    <input type="hidden" name="versie" value=d.versie.to_string()/>
                    {keuze}
                    {reden}
                    <button type="submit" class="knop">{knop}</button>
                </form>
            </details>
        }
    });
    // The co-handler ends their own co-handling (a coordinator does it in the form above).
    let stoppen = (!d.afgerond && ik_ben_het && !kan_kiezen).then(|| {
        view! {
            <details class="stap" open=open>
                <summary>"Medebehandeling beëindigen"</summary>
                <form method="post" action=format!("/meldingen/{}/medebehandelaar", d.referentie) class="formulier" novalidate>
                    <input type="hidden" name="versie" value=d.versie.to_string()/>
                    <input type="hidden" name="aan" value="geen"/>
                    {veldfout(&format!("{FORM}-aan"), echo.fout("aan"))}
                    {reden("Reden (niet verplicht)")}
                    <button type="submit" class="knop">"Medebehandeling beëindigen"</button>
                </form>
            </details>
        }
    });
    view! {
        <section aria-labelledby="h-medebehandeling">
            <h2 id="h-medebehandeling">"Medebehandeling"</h2>
            <dl class="kenmerken">
                <dt>"Klantenbeheerder kinderopvang"</dt>
                <dd>{huidig.map_or_else(|| "Geen medebehandelaar".to_string(), |(_, naam)| naam)}</dd>
                {d.voorstel.clone().map(|(_, naam)| view! { <dt>"Accountbeheerder van de organisator"</dt><dd>{naam}</dd> })}
            </dl>
            {formulier}
            {stoppen}
        </section>
    }
}
