//! One small form per step the case allows now. Plain HTML posts: they work without JavaScript,
//! and each carries the version the case worker read.

use crate::behandeling::model::{Bevestiging, HandelingSoort, Wachtende, Zaak, mogelijk};
use crate::beheer::ui::DienstKeuze;
use crate::ui::formulier::{Echo, Invoer, Keuze, Keuzelijst, Veld, opties};
use crate::zaak::model::{Beoordeling, Referentie, Status};
use leptos::prelude::*;

/// What the handling panel shows of a case (the case page hands it over).
#[derive(Debug, Clone, PartialEq)]
pub struct Behandelstand {
    pub referentie: Referentie,
    pub status: Status,
    /// The version read: each step form carries it.
    pub versie: i64,
    pub zaak: Zaak,
    /// (id, name) of the case worker handling it.
    pub behandelaar: Option<(String, String)>,
    pub conclusie_tekst: Option<String>,
    /// (id, name) of the staff a coordinator may assign this case to; empty for others.
    pub medewerkers: Vec<(String, String)>,
}

/// A set of radio buttons for one field of a step form.
fn keuzes(form: &'static str, veld: &'static str, legende: &'static str, opties: Vec<(String, String)>) -> AnyView {
    let echo = Echo::voor(form);
    view! {
        <Keuzelijst naam=veld prefix=form legende opties gekozen=vec![echo.waarde(veld)] fout=echo.fout(veld)/>
    }
    .into_any()
}

/// A text area for one field of a step form.
fn tekstveld(form: &'static str, veld: &'static str, label: &'static str) -> AnyView {
    let echo = Echo::voor(form);
    view! {
        <Veld naam=veld prefix=form label soort=Invoer::Tekstvak(3) max=4000 waarde=echo.waarde(veld) fout=echo.fout(veld)/>
    }
    .into_any()
}

fn velden(h: HandelingSoort, m: &Behandelstand) -> AnyView {
    let f = h.code();
    let echo = Echo::voor(f);
    let bevestigingen = |zonder_niet_mogelijk: bool| {
        Bevestiging::ALLE
            .iter()
            .filter(|b| !(zonder_niet_mogelijk && **b == Bevestiging::NietMogelijk))
            .map(|b| (b.code().to_string(), b.label().to_string()))
            .collect::<Vec<_>>()
    };
    match h {
        HandelingSoort::Toewijzen => {
            let mut wie = vec![("mij".to_string(), "Aan mezelf".to_string())];
            wie.extend(m.medewerkers.iter().cloned());
            let keuze = (!m.medewerkers.is_empty()).then(|| {
                view! { <Keuze naam="aan" prefix=f label="Aan wie" opties=wie gekozen=echo.waarde("aan") fout=echo.fout("aan")/> }
            });
            let reden = m.behandelaar.is_some().then(|| tekstveld(f, "reden", "Waarom wijst u opnieuw toe?"));
            view! { {keuze} {reden} }.into_any()
        }
        HandelingSoort::InBehandeling => {
            keuzes(f, "bevestiging", "Hoe kreeg de melder de ontvangstbevestiging?", bevestigingen(false))
        }
        HandelingSoort::WachtOpInfo => view! {
            {keuzes(f, "van", "Op wie wacht u?", opties(Wachtende::ALLE, Wachtende::code, Wachtende::label))}
            {tekstveld(f, "reden", "Welke informatie, en waarom?")}
        }
        .into_any(),
        HandelingSoort::Hervat => tekstveld(f, "reden", "Wat kwam er binnen?"),
        HandelingSoort::Concludeer => view! {
            {keuzes(f, "beoordeling", "Beoordeling", opties(Beoordeling::ALLE, Beoordeling::code, Beoordeling::label))}
            {tekstveld(f, "tekst", "Conclusie: wat stelde u vast, en op welke bronnen steunt dat?")}
        }
        .into_any(),
        HandelingSoort::Sluit => {
            let mut uitkomsten = bevestigingen(true);
            uitkomsten.push(("geen".into(), "Geen bericht aan de melder".into()));
            view! {
                {keuzes(f, "uitkomst", "Hoe kreeg de melder de uitkomst?", uitkomsten)}
                {tekstveld(f, "reden", "Waarom geen bericht? (alleen als er geen bericht is)")}
            }
            .into_any()
        }
        HandelingSoort::Verwijs => view! {
            <DienstKeuze prefix=f label="Naar welke dienst?" gekozen=echo.waarde("dienst") fout=echo.fout("dienst")/>
            {tekstveld(f, "reden", "Waarom hoort dit daar?")}
        }
        .into_any(),
        HandelingSoort::TerugNaarBehandeling => tekstveld(f, "reden", "Waarom terug naar behandeling?"),
        HandelingSoort::Onontvankelijk => tekstveld(f, "reden", "Waarom is de melding onontvankelijk?"),
        HandelingSoort::Heropen => tekstveld(f, "reden", "Waarom heropent u de melding?"),
        HandelingSoort::Verleng => view! {
            <Veld naam="dagen" prefix=f label="Met hoeveel dagen?" soort=Invoer::Getal bereik=(1, 90)
                waarde=echo.waarde("dagen") fout=echo.fout("dagen")/>
            {tekstveld(f, "reden", "Waarom is meer tijd nodig?")}
        }
        .into_any(),
    }
}

#[component]
pub fn StappenVak(m: Behandelstand) -> impl IntoView {
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
                let open = Echo::voor(h.code()).is_er();
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
