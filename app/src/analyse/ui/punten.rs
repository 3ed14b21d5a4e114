//! The points of the analysis: the conclusions at a glance (per point, next to the overall
//! conclusion), each point with its findings and sources, and the forms to add or change one.

use crate::analyse::model::{AnalyseDossier, Analysepunt};
use crate::ui::formulier::{Echo, Invoer, Keuzelijst, Veld};
use crate::zaak::model::Beoordeling;
use leptos::prelude::*;

/// The overall conclusion (recorded with the step "Conclusie vastleggen") and the conclusion of
/// every point, side by side.
#[component]
pub fn Conclusies(d: AnalyseDossier) -> impl IntoView {
    let algemeen = match d.conclusie {
        Some(c) => format!("{}: {}", c.label(), d.conclusie_tekst.clone().unwrap_or_default()),
        None => "Nog niet vastgelegd (stap ‘Conclusie vastleggen’).".into(),
    };
    view! {
        <table class="conclusies" id="conclusies">
            <caption>"Conclusies"</caption>
            <thead><tr><th scope="col">"Punt"</th><th scope="col">"Conclusie"</th></tr></thead>
            <tbody>
                {d.punten.iter().map(|p| view! {
                    <tr>
                        <td><a href=format!("#punt-{}", p.id)>{format!("{}. {}", p.volgnummer, p.punt)}</a></td>
                        <td>{p.conclusie.map_or("nog niet beoordeeld", Beoordeling::label)}</td>
                    </tr>
                }).collect_view()}
                <tr class="algemeen">
                    <th scope="row">"Algemene conclusie"</th>
                    <td>{algemeen}</td>
                </tr>
            </tbody>
        </table>
    }
}

#[component]
pub fn Punten(d: AnalyseDossier) -> impl IntoView {
    let nieuw_echo = Echo::voor("analyse-nieuw");
    let toon_nieuw = !d.afgerond || nieuw_echo.is_er();
    let open_nieuw = nieuw_echo.is_er();
    let punten = d.punten.clone();
    let d2 = d.clone();
    view! {
        {if punten.is_empty() {
            view! { <p>"Nog geen punten vastgelegd."</p> }.into_any()
        } else {
            view! {
                <ol class="analysepunten">
                    {punten.into_iter().map(|p| view! { <Punt p d=d2.clone()/> }).collect_view()}
                </ol>
            }.into_any()
        }}
        {d.afgerond.then(|| view! { <p class="hulp">"De melding is afgerond: heropen ze om de analyse te wijzigen."</p> })}
        {toon_nieuw.then(|| view! {
            <details class="stap" open=open_nieuw>
                <summary>"Punt toevoegen"</summary>
                {formulier(&d, None, nieuw_echo)}
            </details>
        })}
    }
}

#[component]
fn Punt(p: Analysepunt, d: AnalyseDossier) -> impl IntoView {
    let sleutel = format!("analyse-{}", p.id);
    let echo = Echo::voor(&sleutel);
    let toon = !d.afgerond || echo.is_er();
    let open = echo.is_er();
    let bronnen = p.bronnen.clone();
    let bewerk = toon.then(|| {
        let f = formulier(&d, Some(&p), echo);
        view! {
            <details class="stap" open=open>
                <summary>"Punt " {p.volgnummer} " wijzigen"</summary>
                {f}
            </details>
        }
    });
    view! {
        <li id=format!("punt-{}", p.id) class="analysepunt">
            <h3>{format!("Punt {}: {}", p.volgnummer, p.punt)}</h3>
            <dl class="kenmerken">
                <dt>"Conclusie"</dt><dd>{p.conclusie.map_or("nog niet beoordeeld", Beoordeling::label)}</dd>
                <dt>"Bevindingen"</dt>
                <dd>{if p.bevindingen.is_empty() { "Nog geen bevindingen.".to_string() } else { p.bevindingen.clone() }}</dd>
                <dt>"Bronnen"</dt>
                <dd>
                    {if bronnen.is_empty() {
                        view! { "Geen bronnen vermeld." }.into_any()
                    } else {
                        view! {
                            <ul class="bronnen">
                                {bronnen.into_iter().map(|b| match b.anker {
                                    Some(a) => view! { <li><a href=a>{b.label}</a></li> }.into_any(),
                                    None => view! { <li>{b.label}</li> }.into_any(),
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </dd>
                <dt>"Laatst gewijzigd"</dt>
                <dd>{crate::tijd::toon(p.gewijzigd)} " door " {p.gewijzigd_door.clone()}</dd>
            </dl>
            {bewerk}
        </li>
    }
}

/// The form for a new point (`p` none) or a change of point `p`.
fn formulier(d: &AnalyseDossier, p: Option<&Analysepunt>, echo: Echo) -> AnyView {
    let form = p.map_or_else(|| "analyse-nieuw".to_string(), |p| format!("analyse-{}", p.id));
    let punt = echo.of("punt", || p.map(|p| p.punt.clone()).unwrap_or_default());
    let tekst = echo.of("tekst", || p.map(|p| p.bevindingen.clone()).unwrap_or_default());
    let conclusie = echo.of("conclusie", || p.and_then(|p| p.conclusie).map_or("", Beoordeling::code).to_string());
    let gekozen =
        echo.alle_of("bron", || p.map(|p| p.bronnen.iter().map(|b| b.code.clone()).collect()).unwrap_or_default());
    let mut conclusies = vec![(String::new(), "Nog niet beoordeeld".to_string())];
    conclusies.extend(Beoordeling::ALLE.iter().map(|b| (b.code().to_string(), b.label().to_string())));
    view! {
        <form method="post" action=format!("/meldingen/{}/analyse", d.referentie) class="formulier" novalidate>
            <input type="hidden" name="versie" value=d.versie.to_string()/>
            <input type="hidden" name="id" value=p.map(|p| p.id.clone()).unwrap_or_default()/>
            <Veld naam="punt" prefix=form.clone() label="Het punt dat de melder aankaart" max=500 waarde=punt
                fout=echo.fout("punt")/>
            <Veld naam="tekst" prefix=form.clone() label="Bevindingen" soort=Invoer::Tekstvak(4) max=10_000 waarde=tekst
                fout=echo.fout("tekst")/>
            <Keuzelijst naam="bron" prefix=form.clone() legende="Bronnen waarop de bevindingen steunen" meerdere=true
                opties=d.bronkeuzes.clone() gekozen fout=echo.fout("bron") klasse="bronkeuze"
                leeg="Nog geen tijdlijnregels of beantwoorde adviesvragen."/>
            <Keuzelijst naam="conclusie" prefix=form legende="Conclusie voor dit punt" opties=conclusies
                gekozen=vec![conclusie] fout=echo.fout("conclusie")/>
            <button type="submit" class="knop">{if p.is_some() { "Punt bewaren" } else { "Punt toevoegen" }}</button>
        </form>
    }
    .into_any()
}
