//! `/meldingen/<referentie>`: one melding with its location, melder and timeline.

use crate::advies::model::Adviesvraag;
use crate::advies::ui::AdviesVak;
use crate::analyse::ui::AnalyseVak;
use crate::behandeling::ui::{Behandelstand, NotitieVak, StappenVak};
use crate::berichten::ui::BerichtenVak;
use crate::citaten::ui::CitatenVak;
use crate::documenten::ui::DocumentenVak;
use crate::dubbels::ui::KoppelingenVak;
use crate::gemeen::tijdlijn::TijdlijnItem;
use crate::locaties::model::LocatieDetail;
use crate::meldingen::api::melding;
use crate::meldingen::model::Zaakpagina;
use crate::termijnen::model::Termijn;
use crate::tijd;
use crate::ui::formulier::{Echo, Weigeringsbericht, laadfout};
use crate::zaak::model::MelderGegevens;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn MeldingPagina() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    // The knowledge-base search typed on this page is part of what it shows.
    let sleutel = move || {
        (params.with(|p| p.get("referentie").unwrap_or_default()), query.with(|q| q.get("kennis").unwrap_or_default()))
    };
    let data = Resource::new(sleutel, |(referentie, kennis)| melding(referentie, Some(kennis)));
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {move || data.get().map(|r| match r {
                Ok(p) => view! { <Detail p/> }.into_any(),
                Err(e) => {
                    if matches!(e, crate::error::AppError::NietGevonden) { crate::ui::zet_status(404) }
                    view! { <Title text="Melding | Meldpunt"/><h1>"Melding"</h1>{laadfout(&e)} }.into_any()
                }
            })}
        </Suspense>
    }
}

/// The fields on this page whose control is not `<formulier>-<veld>`.
fn afwijkende_ids() -> Vec<(&'static str, String)> {
    let slug = Echo::voor("citaat").waarde("slug");
    vec![
        ("bestand", "bestand".into()),
        ("citaat", "kennis-zoek".into()),
        ("toelichting", format!("toelichting-{slug}")),
    ]
}

#[component]
fn Detail(p: Zaakpagina) -> impl IntoView {
    let Zaakpagina { detail: m, analyse, citaten, documenten, koppelingen, berichten } = p;
    let titel = format!("Melding {}", m.referentie);
    let stand = Behandelstand {
        referentie: m.referentie.clone(),
        status: m.status,
        versie: m.versie,
        zaak: m.zaak.clone(),
        behandelaar: m.behandelaar.clone(),
        conclusie_tekst: m.conclusie_tekst.clone(),
        medewerkers: m.medewerkers.clone(),
    };
    let adviesvragen = m.adviesvragen.clone();
    let geadresseerden = m.geadresseerden.clone();
    let open_advies: Vec<_> = m.adviesvragen.iter().filter(|v| v.antwoord.is_none()).cloned().collect();
    let tijdlijn_kopie = m.tijdlijn.clone();
    let ref_tekst = m.referentie.to_string();
    view! {
        <Title text=format!("{titel} | Meldpunt")/>
        <p><a href="/werkbak">"← Terug naar de werkbak"</a></p>
        <h1>{titel}</h1>
        <Weigeringsbericht ids=afwijkende_ids()/>
        {crate::auth::aangemelde().filter(|g| g.rollen.contains(&crate::auth::model::Rol::Coordinator)).map(|_| {
            let href = crate::audit::model::AuditFilter { object: Some(ref_tekst.clone()), ..Default::default() }.link("/audit", None);
            view! { <p><a href=href>"Auditlog van deze melding"</a></p> }
        })}
        <dl class="kenmerken">
            <dt>"Status"</dt><dd>{m.status.label()}</dd>
            <dt>"Urgentie"</dt><dd>{m.urgentie.label()}</dd>
            <dt>"Ontvangen"</dt><dd>{tijd::toon(m.ontvangen)} " via " {m.kanaal.label()}</dd>
            <dt>"Onderwerpen"</dt><dd>{m.categorieen.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ")}</dd>
        </dl>
        <section aria-labelledby="h-termijnen">
            <h2 id="h-termijnen">"Termijnen"</h2>
            <Termijnen termijnen=m.termijnen open_advies/>
        </section>
        <section aria-labelledby="h-opvang">
            <h2 id="h-opvang">"Opvang"</h2>
            <Opvang locatie=m.locatie omschrijving=m.locatie_omschrijving/>
        </section>
        <section aria-labelledby="h-melder">
            <h2 id="h-melder">"Melder"</h2>
            <Melder melder=m.melder/>
        </section>
        <section aria-labelledby="h-wat">
            <h2 id="h-wat">"Wat er gebeurde"</h2>
            <p>"Datum van de feiten: " {tijd::toon_datum(&m.feit_datum)}</p>
            <blockquote class="omschrijving">{m.omschrijving}</blockquote>
        </section>
        <StappenVak m=stand/>
        <AdviesVak referentie=ref_tekst.clone() vragen=adviesvragen geadresseerden=geadresseerden/>
        <AnalyseVak data=analyse/>
        <CitatenVak referentie=ref_tekst.clone() data=citaten/>
        <DocumentenVak referentie=ref_tekst.clone() data=documenten/>
        <KoppelingenVak referentie=ref_tekst.clone() geladen=koppelingen/>
        {match berichten {
            Ok(b) => view! { <BerichtenVak referentie=ref_tekst.clone() berichten=b/> }.into_any(),
            Err(e) => view! { <section id="berichten"><h2>"Berichten"</h2>{laadfout(&e)}</section> }.into_any(),
        }}
        <section aria-labelledby="h-tijdlijn">
            <h2 id="h-tijdlijn">"Tijdlijn"</h2>
            <NotitieVak referentie=ref_tekst tijdlijn=tijdlijn_kopie/>
            <Tijdlijn tijdlijn=m.tijdlijn/>
        </section>
    }
}

/// The case's clocks, and the due dates of the advice still awaited.
#[component]
fn Termijnen(termijnen: Vec<Termijn>, open_advies: Vec<Adviesvraag>) -> impl IntoView {
    view! {
        <table class="termijnen">
            <thead><tr><th scope="col">"Termijn"</th><th scope="col">"Vervalt op"</th><th scope="col">"Stand"</th></tr></thead>
            <tbody>
                {termijnen.into_iter().map(|t| view! {
                    <tr class:te-laat=t.te_laat()>
                        <td>{t.naam.clone()}</td>
                        <td>{t.vervalt.format("%d/%m/%Y").to_string()}</td>
                        <td>{t.aftelling()}</td>
                    </tr>
                }).collect_view()}
                {open_advies.into_iter().map(|v| {
                    let dagen = (v.vervalt - tijd::vandaag(chrono::Utc::now())).num_days();
                    let stand = match dagen {
                        0 => "vervalt vandaag".to_string(),
                        n if n > 0 => format!("nog {n} dagen"),
                        n => format!("{} dagen te laat", -n),
                    };
                    view! {
                        <tr class:te-laat=v.te_laat>
                            <td>{format!("Advies van {}", v.aan)}</td>
                            <td>{v.vervalt.format("%d/%m/%Y").to_string()}</td>
                            <td>{stand}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The location the case is about: from our list, as the reporter described it, or none.
#[component]
fn Opvang(locatie: Option<LocatieDetail>, omschrijving: Option<String>) -> impl IntoView {
    match (locatie, omschrijving) {
        (Some(l), _) => view! {
            <dl class="kenmerken">
                <dt>"Naam"</dt><dd><a href=format!("/locaties/{}", l.id.0)>{l.naam}</a></dd>
                <dt>"Adres"</dt><dd>{format!("{}, {} {}", l.straat, l.postcode, l.gemeente)}</dd>
                <dt>"Soort"</dt><dd>{l.soort.label()} ", " {l.capaciteit} " plaatsen"</dd>
                <dt>"Vergunning"</dt><dd>{l.vergunning.label()}</dd>
                <dt>"Organisator"</dt><dd>{l.organisator} " (" {l.ondernemingsnummer} ")"</dd>
            </dl>
        }
        .into_any(),
        (None, Some(t)) => view! { <p>"Niet in onze lijst. De melder beschrijft: " {t}</p> }.into_any(),
        (None, None) => view! { <p>"Geen opvang opgegeven."</p> }.into_any(),
    }
}

/// The reporter: anonymous, removed after the retention period, or their contact data.
#[component]
fn Melder(melder: MelderGegevens) -> impl IntoView {
    view! {
        <dl class="kenmerken">
            <dt>"Relatie"</dt><dd>{melder.relatie.label()}</dd>
            {if melder.anoniem {
                view! { <dt>"Contact"</dt><dd>"Anoniem"</dd> }.into_any()
            } else if let Some(t) = melder.geanonimiseerd {
                let tekst = format!(
                    "Naam, e-mail en telefoon verwijderd op {} (bewaartermijn verstreken). In de teksten van dit dossier staat de melder als [melder].",
                    tijd::toon(t)
                );
                view! { <dt>"Contact"</dt><dd>{tekst}</dd> }.into_any()
            } else {
                view! {
                    <dt>"Naam"</dt><dd>{melder.naam.unwrap_or_else(|| "–".into())}</dd>
                    <dt>"E-mail"</dt><dd>{melder.email.unwrap_or_else(|| "–".into())}</dd>
                    <dt>"Telefoon"</dt><dd>{melder.telefoon.unwrap_or_else(|| "–".into())}</dd>
                }.into_any()
            }}
        </dl>
    }
}

/// The timeline, oldest first; a corrected entry is marked and its correction links back to it.
#[component]
fn Tijdlijn(tijdlijn: Vec<TijdlijnItem>) -> impl IntoView {
    let gecorrigeerd: Vec<String> = tijdlijn.iter().filter_map(|t| t.corrigeert.clone()).collect();
    view! {
        <ol class="tijdlijn" id="tijdlijn">
            {tijdlijn.into_iter().map(|t| {
                let gecorrigeerd = gecorrigeerd.contains(&t.id);
                view! {
                    <li class=format!("tl-{}", t.soort.code()) id=format!("regel-{}", t.id) class:gecorrigeerd=gecorrigeerd>
                        <time datetime=t.tijdstip.to_rfc3339()>{tijd::toon(t.tijdstip)}</time>
                        " – " <span class="door">{t.door}</span>
                        {t.contact.map(|c| view! { " – " <span class="contact">{c}</span> })}
                        {t.corrigeert.map(|c| view! { " – " <a href=format!("#regel-{c}")>"correctie van een eerdere regel"</a> })}
                        {gecorrigeerd.then(|| view! { " " <strong>"(gecorrigeerd, zie verder)"</strong> })}
                        <p>{t.tekst}</p>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
