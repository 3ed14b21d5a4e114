//! The points of the analysis: the conclusions at a glance (per point, next to the overall
//! conclusion), each point with its findings and sources, and the forms to add or change one.

use crate::analyse::model::{AnalyseDossier, Analysepunt};
use crate::behandeling::model::Beoordeling;
use crate::behandeling::ui::{stand_voor, veldfout};
use crate::gemeen::FormEcho;
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
    let nieuw_stand = stand_voor("analyse-nieuw");
    let toon_nieuw = !d.afgerond || nieuw_stand.is_some();
    let open_nieuw = nieuw_stand.is_some();
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
                {formulier(&d, None, nieuw_stand)}
            </details>
        })}
    }
}

#[component]
fn Punt(p: Analysepunt, d: AnalyseDossier) -> impl IntoView {
    let sleutel = format!("analyse-{}", p.id);
    let stand = stand_voor(&sleutel);
    let toon = !d.afgerond || stand.is_some();
    let open = stand.is_some();
    let bronnen = p.bronnen.clone();
    let bewerk = toon.then(|| {
        let f = formulier(&d, Some(&p), stand);
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
fn formulier(d: &AnalyseDossier, p: Option<&Analysepunt>, stand: Option<FormEcho>) -> AnyView {
    let form = p.map_or_else(|| "analyse-nieuw".to_string(), |p| format!("analyse-{}", p.id));
    let waarde = |veld: &str, anders: String| match &stand {
        Some(s) => s.waarde(veld),
        None => anders,
    };
    let punt = waarde("punt", p.map(|p| p.punt.clone()).unwrap_or_default());
    let tekst = waarde("tekst", p.map(|p| p.bevindingen.clone()).unwrap_or_default());
    let conclusie = waarde("conclusie", p.and_then(|p| p.conclusie).map_or("", Beoordeling::code).to_string());
    let gekozen: Vec<String> = match &stand {
        Some(s) => s.invoer.alle("bron").map(str::to_string).collect(),
        None => p.map(|p| p.bronnen.iter().map(|b| b.code.clone()).collect()).unwrap_or_default(),
    };
    let (punt_id, punt_fout) = veldfout(&stand, &form, "punt");
    let (tekst_id, tekst_fout) = veldfout(&stand, &form, "tekst");
    let (bron_id, bron_fout) = veldfout(&stand, &form, "bron");
    let (concl_id, concl_fout) = veldfout(&stand, &form, "conclusie");
    let mut opties = vec![("", "Nog niet beoordeeld")];
    opties.extend(Beoordeling::ALLE.iter().map(|b| (b.code(), b.label())));
    let keuzes = d.bronkeuzes.clone();
    let f = form.clone();
    view! {
        <form method="post" action=format!("/meldingen/{}/analyse", d.referentie) class="formulier" novalidate>
            <input type="hidden" name="versie" value=d.versie.to_string()/>
            <input type="hidden" name="id" value=p.map(|p| p.id.clone()).unwrap_or_default()/>
            <div class="veld" class:fout=punt_id.is_some()>
                <label for=format!("{f}-punt")>"Het punt dat de melder aankaart"</label>
                {punt_fout}
                <input type="text" id=format!("{f}-punt") name="punt" maxlength="500" value=punt
                    aria-describedby=punt_id.clone() aria-invalid=punt_id.as_ref().map(|_| "true")/>
            </div>
            <div class="veld" class:fout=tekst_id.is_some()>
                <label for=format!("{f}-tekst")>"Bevindingen"</label>
                {tekst_fout}
                <textarea id=format!("{f}-tekst") name="tekst" rows="4" maxlength="10000"
                    aria-describedby=tekst_id.clone() aria-invalid=tekst_id.as_ref().map(|_| "true")>{tekst}</textarea>
            </div>
            <fieldset class="veld bronkeuze" class:fout=bron_id.is_some() aria-describedby=bron_id.clone()>
                <legend>"Bronnen waarop de bevindingen steunen"</legend>
                {bron_fout}
                {if keuzes.is_empty() {
                    view! { <p class="hulp">"Nog geen tijdlijnregels of beantwoorde adviesvragen."</p> }.into_any()
                } else {
                    keuzes.into_iter().enumerate().map(|(i, (code, label))| {
                        let id = format!("{f}-bron-{i}");
                        let aan = gekozen.contains(&code);
                        view! {
                            <div class="keuze">
                                <input type="checkbox" id=id.clone() name="bron" value=code checked=aan/>
                                <label for=id>{label}</label>
                            </div>
                        }
                    }).collect_view().into_any()
                }}
            </fieldset>
            <fieldset class="veld" class:fout=concl_id.is_some() aria-describedby=concl_id.clone()>
                <legend>"Conclusie voor dit punt"</legend>
                {concl_fout}
                {opties.into_iter().map(|(code, label)| {
                    let id = format!("{f}-conclusie-{}", if code.is_empty() { "geen" } else { code });
                    view! {
                        <div class="keuze">
                            <input type="radio" name="conclusie" id=id.clone() value=code checked=conclusie == code/>
                            <label for=id>{label}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <button type="submit" class="knop">{if p.is_some() { "Punt bewaren" } else { "Punt toevoegen" }}</button>
        </form>
    }
    .into_any()
}
