//! One small form per step the case allows now. Plain HTML posts: they work without JavaScript,
//! and each carries the version the case worker read.

use super::{ingevuld, stand_voor, veldfout};
use crate::behandeling::model::{Beoordeling, Bevestiging, HandelingSoort, Wachtende, mogelijk};
use crate::beheer::ui::DienstKeuze;
use crate::meldingen::model::MeldingDetail;
use leptos::prelude::*;

/// A set of radio buttons for one field of a step form.
fn keuzes(
    form: &'static str,
    veld: &'static str,
    legende: &'static str,
    opties: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    let stand = stand_voor(form);
    let gekozen = ingevuld(&stand, veld);
    let (fout_id, fout) = veldfout(&stand, form, veld);
    view! {
        <fieldset class="veld" class:fout=fout_id.is_some() aria-describedby=fout_id.clone()>
            <legend>{legende}</legend>
            {fout}
            {opties.into_iter().map(|(code, label)| {
                let id = format!("{form}-{veld}-{code}");
                view! {
                    <div class="keuze">
                        <input type="radio" name=veld id=id.clone() value=code checked=gekozen == code/>
                        <label for=id>{label}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// A text area for one field of a step form.
fn tekstveld(form: &'static str, veld: &'static str, label: &'static str) -> impl IntoView {
    let stand = stand_voor(form);
    let (fout_id, fout) = veldfout(&stand, form, veld);
    let id = format!("{form}-{veld}");
    view! {
        <div class="veld" class:fout=fout_id.is_some()>
            <label for=id.clone()>{label}</label>
            {fout}
            <textarea id=id name=veld rows="3" maxlength="4000" aria-describedby=fout_id.clone()
                aria-invalid=fout_id.as_ref().map(|_| "true")>{ingevuld(&stand, veld)}</textarea>
        </div>
    }
}

fn velden(h: HandelingSoort, m: &MeldingDetail) -> AnyView {
    let f = h.code();
    let bevestigingen = |zonder_niet_mogelijk: bool| {
        Bevestiging::ALLE
            .iter()
            .filter(|b| !(zonder_niet_mogelijk && **b == Bevestiging::NietMogelijk))
            .map(|b| (b.code(), b.label()))
            .collect::<Vec<_>>()
    };
    match h {
        HandelingSoort::Toewijzen => {
            let stand = stand_voor(f);
            let (fout_id, fout) = veldfout(&stand, f, "aan");
            let gekozen = ingevuld(&stand, "aan");
            let keuze = (!m.medewerkers.is_empty()).then(|| {
                view! {
                    <div class="veld" class:fout=fout_id.is_some()>
                        <label for="toewijzen-aan">"Aan wie"</label>
                        {fout}
                        <select id="toewijzen-aan" name="aan" aria-describedby=fout_id.clone()>
                            <option value="mij">"Aan mezelf"</option>
                            {m.medewerkers.iter().map(|(id, naam)| view! {
                                <option value=id.clone() selected=gekozen == *id>{naam.clone()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                }
            });
            let reden = m.behandelaar.is_some().then(|| tekstveld(f, "reden", "Waarom wijst u opnieuw toe?"));
            view! { {keuze} {reden} }.into_any()
        }
        HandelingSoort::InBehandeling => {
            let opties = bevestigingen(false);
            keuzes(f, "bevestiging", "Hoe kreeg de melder de ontvangstbevestiging?", opties).into_any()
        }
        HandelingSoort::WachtOpInfo => view! {
            {keuzes(f, "van", "Op wie wacht u?", Wachtende::ALLE.iter().map(|w| (w.code(), w.label())).collect())}
            {tekstveld(f, "reden", "Welke informatie, en waarom?")}
        }
        .into_any(),
        HandelingSoort::Hervat => tekstveld(f, "reden", "Wat kwam er binnen?").into_any(),
        HandelingSoort::Concludeer => view! {
            {keuzes(f, "beoordeling", "Beoordeling", Beoordeling::ALLE.iter().map(|b| (b.code(), b.label())).collect())}
            {tekstveld(f, "tekst", "Conclusie: wat stelde u vast, en op welke bronnen steunt dat?")}
        }
        .into_any(),
        HandelingSoort::Sluit => {
            let mut opties = bevestigingen(true);
            opties.push(("geen", "Geen bericht aan de melder"));
            view! {
                {keuzes(f, "uitkomst", "Hoe kreeg de melder de uitkomst?", opties)}
                {tekstveld(f, "reden", "Waarom geen bericht? (alleen als er geen bericht is)")}
            }
            .into_any()
        }
        HandelingSoort::Verwijs => {
            let stand = stand_voor(f);
            let (fout_id, fout) = veldfout(&stand, f, "dienst");
            let gekozen = ingevuld(&stand, "dienst");
            view! {
                <div class="veld" class:fout=fout_id.is_some()>
                    <label for="verwijs-dienst">"Naar welke dienst?"</label>
                    {fout}
                    <DienstKeuze id="verwijs-dienst" gekozen=gekozen fout_id=fout_id.clone()/>
                </div>
                {tekstveld(f, "reden", "Waarom hoort dit daar?")}
            }
            .into_any()
        }
        HandelingSoort::TerugNaarBehandeling => tekstveld(f, "reden", "Waarom terug naar behandeling?").into_any(),
        HandelingSoort::Onontvankelijk => tekstveld(f, "reden", "Waarom is de melding onontvankelijk?").into_any(),
        HandelingSoort::Heropen => tekstveld(f, "reden", "Waarom heropent u de melding?").into_any(),
        HandelingSoort::Verleng => {
            let stand = stand_voor(f);
            let (fout_id, fout) = veldfout(&stand, f, "dagen");
            view! {
                <div class="veld" class:fout=fout_id.is_some()>
                    <label for="verleng-dagen">"Met hoeveel dagen?"</label>
                    {fout}
                    <input type="number" id="verleng-dagen" name="dagen" min="1" max="90" inputmode="numeric"
                        value=ingevuld(&stand, "dagen") aria-describedby=fout_id.clone() aria-invalid=fout_id.as_ref().map(|_| "true")/>
                </div>
                {tekstveld(f, "reden", "Waarom is meer tijd nodig?")}
            }
            .into_any()
        }
    }
}

#[component]
pub fn StappenVak(m: MeldingDetail) -> impl IntoView {
    let actie = format!("/meldingen/{}/stap", m.referentie);
    let stappen = mogelijk(m.status);
    view! {
        <section aria-labelledby="h-behandeling" class="behandeling">
            <h2 id="h-behandeling">"Behandeling"</h2>
            <dl class="kenmerken">
                <dt>"Behandelaar"</dt>
                <dd>{m.behandelaar.as_ref().map_or_else(|| "Nog niet toegewezen".to_string(), |(_, naam)| naam.clone())}</dd>
                {m.zaak.conclusie.map(|c| view! { <dt>"Conclusie"</dt><dd>{c.label()} ": " {m.conclusie_tekst.clone().unwrap_or_default()}</dd> })}
                {m.zaak.uitkomst.as_ref().map(|u| view! { <dt>"Uitkomst"</dt><dd>{u.tekst()}</dd> })}
            </dl>
            {stappen.into_iter().map(|h| {
                let open = stand_voor(h.code()).is_some();
                view! {
                    <details class="stap" open=open>
                        <summary>{h.label()}</summary>
                        <form method="post" action=actie.clone() class="formulier" novalidate>
                            <input type="hidden" name="handeling" value=h.code()/>
                            <input type="hidden" name="versie" value=m.versie.to_string()/>
                            {velden(h, &m)}
                            <button type="submit" class="knop">{h.label()}</button>
                        </form>
                    </details>
                }
            }).collect_view()}
        </section>
    }
}
