//! The adviesvragen on a case page (list and request form), the expert's list at `/advies` and
//! the focused page of one request at `/advies/<id>` with the answer form and its documents.

use super::api::{advies_documenten, mijn_adviesvragen, open_adviesvraag};
use super::model::{AdviesDossier, Adviesvraag};
use crate::documenten::ui::{UploadFormulier, lijst};
use crate::tijd;
use crate::ui::formulier::{Echo, EchoOverzicht, Groep, Invoer, Keuze, Veld, Vink, geladen, laadfout};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

fn status(v: &Adviesvraag) -> String {
    match (&v.beantwoord_op, v.te_laat) {
        (Some(op), _) => format!("beantwoord op {}", tijd::toon(*op)),
        (None, true) => "te laat".into(),
        (None, false) => format!("open, antwoord tegen {}", v.vervalt.format("%d/%m/%Y")),
    }
}

/// The requests of one case and the form to ask a new one.
#[component]
pub fn AdviesVak(referentie: String, vragen: Vec<Adviesvraag>, geadresseerden: Vec<(String, String)>) -> impl IntoView {
    let echo = Echo::voor("advies");
    let [omschrijving, locatie, melder] =
        ["deel_omschrijving", "deel_locatie", "deel_melder"].map(|k| echo.waarde(k) == "ja");
    let lijst = (!vragen.is_empty()).then(|| {
        view! {
            <ul class="adviesvragen">
                {vragen.into_iter().map(|v| view! {
                    <li class:te-laat=v.te_laat>
                        <p><strong>{format!("Aan {}", v.aan)}</strong> " – " {status(&v)}</p>
                        <p>{v.vraag.clone()}</p>
                        {v.antwoord.clone().map(|a| view! {
                            <blockquote class="omschrijving">{a}</blockquote>
                            <p class="hulp">{format!("Antwoord van {}", v.beantwoord_door.clone().unwrap_or_default())}</p>
                        })}
                    </li>
                }).collect_view()}
            </ul>
        }
    });
    view! {
        <section aria-labelledby="h-advies">
            <h2 id="h-advies">"Adviesvragen"</h2>
            {lijst}
            <details class="stap" open=echo.is_er()>
                <summary>"Advies vragen"</summary>
                <form method="post" action=format!("/meldingen/{referentie}/advies") class="formulier" novalidate>
                    <Keuze naam="aan" prefix="advies" label="Aan wie" opties=geadresseerden leeg="Kies…"
                        gekozen=echo.waarde("aan") fout=echo.fout("aan")/>
                    <Veld naam="vraag" prefix="advies" label="Uw vraag" soort=Invoer::Tekstvak(3) max=4000
                        waarde=echo.waarde("vraag") fout=echo.fout("vraag")/>
                    <Veld naam="vervalt" prefix="advies" label="Antwoord graag tegen" soort=Invoer::Datum
                        waarde=echo.waarde("vervalt") fout=echo.fout("vervalt")/>
                    <Groep legende="Wat mag de expert zien?" hint="De vraag ziet de expert altijd. Deel alleen wat nodig is.">
                        <Vink naam="deel_omschrijving" id="advies-oms" label="De omschrijving van de melding"
                            aan=omschrijving/>
                        <Vink naam="deel_locatie" id="advies-loc" label="De opvang (naam en adres)" aan=locatie/>
                        <Vink naam="deel_melder" id="advies-melder" label="De naam en contactgegevens van de melder"
                            aan=melder/>
                    </Groep>
                    <button type="submit" class="knop">"Advies vragen"</button>
                </form>
            </details>
        </section>
    }
}

/// `/advies`: the requests addressed to the expert.
#[component]
pub fn AdviesLijstPagina() -> impl IntoView {
    let data = Resource::new(|| (), |_| mijn_adviesvragen());
    view! {
        <Title text="Adviesvragen | Meldpunt"/>
        <h1>"Adviesvragen aan u"</h1>
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {move || data.get().map(|r| match r {
                Ok(v) if v.is_empty() => view! { <p>"Er zijn geen vragen aan u."</p> }.into_any(),
                Ok(v) => view! {
                    <table class="werkbak">
                        <caption class="sr-only">"Adviesvragen, open eerst"</caption>
                        <thead><tr><th scope="col">"Vraag"</th><th scope="col">"Melding"</th><th scope="col">"Stand"</th></tr></thead>
                        <tbody>
                            {v.into_iter().map(|(referentie, v)| {
                                let kort: String = v.vraag.chars().take(90).collect();
                                view! {
                                    <tr class:laat=v.te_laat>
                                        <td><a href=format!("/advies/{}", v.id)>{kort}</a></td>
                                        <td>{referentie}</td>
                                        <td>{status(&v)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
                Err(e) => laadfout(&e),
            })}
        </Suspense>
    }
}

/// `/advies/<id>`: the question, only what it shares, and the answer form.
#[component]
pub fn AdviesPagina() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(id, open_adviesvraag);
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {move || data.get().map(|r| match r {
                Ok(d) => view! { <Dossier d/> }.into_any(),
                Err(e) => {
                    if matches!(e, crate::error::AppError::NietGevonden) { crate::ui::zet_status(404) }
                    view! { <Title text="Adviesvraag | Meldpunt"/><h1>"Adviesvraag"</h1>{laadfout(&e)} }.into_any()
                }
            })}
        </Suspense>
    }
}

#[component]
fn Dossier(d: AdviesDossier) -> impl IntoView {
    let echo = Echo::voor("antwoord");
    let v = d.vraag.clone();
    let antwoord = v.antwoord.clone();
    view! {
        <Title text="Adviesvraag | Meldpunt"/>
        <p><a href="/advies">"← Alle adviesvragen"</a></p>
        <h1>"Adviesvraag over melding " {d.referentie.clone()}</h1>
        <EchoOverzicht ids=vec![("antwoord", "antwoord".into()), ("bestand", "bestand".into())]/>
        <dl class="kenmerken">
            <dt>"Gevraagd door"</dt><dd>{v.gevraagd_door.clone()} ", " {tijd::toon(v.gevraagd_op)}</dd>
            <dt>"Antwoord tegen"</dt><dd class:te-laat=v.te_laat>{v.vervalt.format("%d/%m/%Y").to_string()} {v.te_laat.then_some(" (te laat)")}</dd>
            <dt>"Onderwerpen"</dt><dd>{d.categorieen.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ")}</dd>
        </dl>
        <h2>"De vraag"</h2>
        <blockquote class="omschrijving">{v.vraag.clone()}</blockquote>
        <h2>"Wat u ziet"</h2>
        <p class="hulp">"U ziet alleen wat de behandelaar met u deelt."</p>
        {d.omschrijving.map(|o| view! { <h3>"Omschrijving"</h3><blockquote class="omschrijving">{o}</blockquote> })}
        {d.locatie.map(|l| view! { <h3>"Opvang"</h3><p>{l}</p> })}
        {d.melder.map(|m| view! {
            <h3>"Melder"</h3>
            <p>{if m.anoniem { "Anoniem".to_string() } else {
                [m.naam, m.email, m.telefoon].into_iter().flatten().collect::<Vec<_>>().join(", ")
            }}</p>
        })}
        <h2>"Uw antwoord"</h2>
        {match antwoord {
            Some(a) => view! { <blockquote class="omschrijving">{a}</blockquote> }.into_any(),
            None => {
                view! {
                    <form method="post" action=format!("/advies/{}/antwoord", v.id) class="formulier" novalidate>
                        <Veld naam="antwoord" label="Antwoord" soort=Invoer::Tekstvak(8) max=10_000
                            waarde=echo.waarde("antwoord") fout=echo.fout("antwoord")/>
                        <button type="submit" class="knop">"Antwoord versturen"</button>
                    </form>
                }.into_any()
            }
        }}
        <AdviesDocumentenVak id=v.id.clone()/>
    }
}

/// `/advies/<id>`: the documents the expert attached to this request, and the form to add one.
#[component]
fn AdviesDocumentenVak(id: String) -> impl IntoView {
    let i = id.clone();
    let data = Resource::new(move || i.clone(), advies_documenten);
    let basis = format!("/advies/{id}/documenten");
    let actie = basis.clone();
    view! {
        <section aria-labelledby="h-documenten" id="documenten">
            <h2 id="h-documenten">"Documenten bij uw antwoord"</h2>
            <Suspense fallback=|| view! { <p>"Laden…"</p> }>
                {move || data.get().map(|r| geladen(r, |docs| lijst(docs, basis.clone())))}
            </Suspense>
            <UploadFormulier actie=actie knop="Document toevoegen"/>
        </section>
    }
}
