//! Co-handling: the klantenbeheerder kinderopvang next to the case worker. An account manager
//! takes it up themselves; a coordinator chooses (by default the organiser's account manager).
//! Replacing a co-handler needs a reason. The co-handler ends it themselves; a coordinator ends it
//! by choosing "niemand", with a reason.

use crate::analyse::model::AnalyseDossier;
use crate::behandeling::ui::{ingevuld, stand_voor, veldfout};
use leptos::prelude::*;

#[component]
pub fn Medebehandeling(d: AnalyseDossier) -> impl IntoView {
    let stand = stand_voor("medebehandelaar");
    let open = stand.is_some();
    let (aan_id, aan_fout) = veldfout(&stand, "medebehandelaar", "aan");
    let (reden_id, reden_fout) = veldfout(&stand, "medebehandelaar", "reden");
    // The same messages for the form that ends one's own co-handling (only one form shows).
    let (_, aan_fout_stop) = veldfout(&stand, "medebehandelaar", "aan");
    let (reden_id_stop, reden_fout_stop) = veldfout(&stand, "medebehandelaar", "reden");
    let huidig = d.medebehandelaar.clone();
    let ik_ben_het = huidig.as_ref().is_some_and(|(id, _)| id == &d.ik_id);
    let kan_zelf = d.ik_klantenbeheerder && !ik_ben_het;
    let kan_kiezen = !d.kandidaten.is_empty();
    let gekozen = match &stand {
        Some(_) => ingevuld(&stand, "aan"),
        None => d.voorstel.as_ref().map(|(id, _)| id.clone()).unwrap_or_default(),
    };
    let formulier = (!d.afgerond && (kan_zelf || kan_kiezen)).then(|| {
        let keuze = if kan_kiezen {
            view! {
                <div class="veld" class:fout=aan_id.is_some()>
                    <label for="mede-aan">"Wie"</label>
                    {aan_fout}
                    <select id="mede-aan" name="aan" aria-describedby=aan_id.clone() aria-invalid=aan_id.as_ref().map(|_| "true")>
                        {d.kandidaten.iter().map(|(id, naam)| {
                            let voorstel = d.voorstel.as_ref().is_some_and(|(v, _)| v == id);
                            let label = if voorstel { format!("{naam} (accountbeheerder van de organisator)") } else { naam.clone() };
                            view! { <option value=id.clone() selected=gekozen == *id>{label}</option> }
                        }).collect_view()}
                        {huidig.is_some().then(|| view! {
                            <option value="geen" selected=gekozen == "geen">"Niemand: medebehandeling beëindigen"</option>
                        })}
                    </select>
                </div>
            }
            .into_any()
        } else {
            view! { <input type="hidden" name="aan" value="mij"/> {aan_fout} }.into_any()
        };
        let reden = huidig.is_some().then(|| view! {
            <div class="veld" class:fout=reden_id.is_some()>
                <label for="mede-reden">"Reden (nodig bij vervangen of beëindigen)"</label>
                {reden_fout}
                <textarea id="mede-reden" name="reden" rows="2" maxlength="4000" aria-describedby=reden_id.clone()
                    aria-invalid=reden_id.as_ref().map(|_| "true")>{ingevuld(&stand, "reden")}</textarea>
            </div>
        });
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
                    {aan_fout_stop}
                    <div class="veld" class:fout=reden_id_stop.is_some()>
                        <label for="mede-stop-reden">"Reden (niet verplicht)"</label>
                        {reden_fout_stop}
                        <textarea id="mede-stop-reden" name="reden" rows="2" maxlength="4000"
                            aria-describedby=reden_id_stop.clone() aria-invalid=reden_id_stop.as_ref().map(|_| "true")
                        >{ingevuld(&stand, "reden")}</textarea>
                    </div>
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
