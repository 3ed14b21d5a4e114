//! The links section of the case page ("Gekoppelde meldingen" and "Mogelijke dubbels"), also
//! shown to a case worker right after registering a melding. Plain forms, no JavaScript needed.

use super::api::koppelingen_van;
use super::model::{Gekoppeld, Koppelingen, VENSTER_DAGEN, Voorstel};
use crate::error::AppError;
use crate::tijd;
use crate::ui::formulier::{Echo, Veld, laadfout};
use leptos::prelude::*;

/// One button that links (or unlinks) `met`.
fn knop(actie_url: &str, met: &str, actie: &'static str, label: String) -> impl IntoView + use<> {
    view! {
        <form method="post" action=actie_url.to_string() class="inline">
            <input type="hidden" name="met" value=met.to_string()/>
            <input type="hidden" name="actie" value=actie/>
            <button type="submit" class="secundair">{label}</button>
        </form>
    }
}

fn gekoppeld(lijst: Vec<Gekoppeld>, url: &str) -> AnyView {
    if lijst.is_empty() {
        return view! { <p>"Niet gekoppeld aan andere meldingen."</p> }.into_any();
    }
    view! {
        <ul class="koppelingen">
            {lijst.into_iter().map(|k| view! {
                <li>
                    <p>
                        <a href=format!("/meldingen/{}", k.referentie)>{k.referentie.clone()}</a>
                        " – " {k.status.label()}
                        <span class="hulp">{format!(" – gekoppeld door {} op {}", k.door, tijd::toon(k.tijdstip))}</span>
                    </p>
                    <p>{k.kort.clone()}</p>
                    {knop(url, &k.referentie, "ontkoppel", format!("Koppeling met {} opheffen", k.referentie))}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

fn voorstellen(lijst: Vec<Voorstel>, url: &str) -> AnyView {
    if lijst.is_empty() {
        return view! { <p>"Geen andere meldingen over deze opvang in die periode."</p> }.into_any();
    }
    view! {
        <ul class="koppelingen">
            {lijst.into_iter().map(|v| {
                let waarom = if v.gedeelde_woorden.is_empty() {
                    "Zelfde opvang; geen gemeenschappelijke woorden.".to_string()
                } else {
                    format!("Zelfde opvang; gemeenschappelijke woorden: {}.", v.gedeelde_woorden.join(", "))
                };
                view! {
                    <li>
                        <p>
                            <a href=format!("/meldingen/{}", v.referentie)>{v.referentie.clone()}</a>
                            " – ontvangen " {tijd::toon(v.ontvangen)} " – " {v.status.label()}
                        </p>
                        <p>{v.kort.clone()}</p>
                        <p class="hulp">{waarom}</p>
                        {knop(url, &v.referentie, "koppel", format!("Koppelen aan {}", v.referentie))}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The links and proposals of a case. `na_registratie` shows only the proposals (after intake).
#[component]
pub fn KoppelingenVak(
    referentie: String,
    #[prop(optional)] na_registratie: bool,
    /// Loaded already (by the case page); otherwise this section loads its own.
    #[prop(optional)]
    geladen: Option<Result<Koppelingen, AppError>>,
) -> impl IntoView {
    let url = format!("/meldingen/{referentie}/koppelingen");
    let echo = Echo::voor("koppelen");
    let toon = {
        let url = url.clone();
        move |r: Result<Koppelingen, AppError>| inhoud(r, na_registratie, &url)
    };
    let lijsten = match geladen {
        Some(r) => toon(r),
        None => {
            let data = Resource::new(move || referentie.clone(), koppelingen_van);
            view! {
                <Suspense fallback=|| view! { <p>"Laden…"</p> }>
                    {move || data.get().map(toon.clone())}
                </Suspense>
            }
            .into_any()
        }
    };
    let url2 = url.clone();
    view! {
        <section aria-labelledby="h-koppelingen" id="koppelingen">
            <h2 id="h-koppelingen">{if na_registratie { "Mogelijke dubbels" } else { "Gekoppelde meldingen" }}</h2>
            {lijsten}
            {(!na_registratie).then(|| view! {
                <form method="post" action=url2 class="formulier">
                    <input type="hidden" name="actie" value="koppel"/>
                    <Veld naam="met" prefix="koppelen" label="Koppelen aan een andere melding (referentie)"
                        waarde=echo.waarde("met") max=20 fout=echo.fout("met")/>
                    <button type="submit" class="secundair">"Koppelen"</button>
                </form>
            })}
        </section>
    }
}

fn inhoud(r: Result<Koppelingen, AppError>, na_registratie: bool, url: &str) -> AnyView {
    let uitleg = format!(
        "Meldingen over dezelfde opvang, ontvangen tot {VENSTER_DAGEN} dagen voor of na deze; \
         die met de meeste gemeenschappelijke woorden in de omschrijving staan eerst."
    );
    match r {
        Ok(Koppelingen { gekoppeld: g, voorstellen: v }) => view! {
            {(!na_registratie).then(|| gekoppeld(g, url))}
            {(!na_registratie).then(|| view! { <h3>"Mogelijke dubbels"</h3> })}
            <p class="hulp">{uitleg}</p>
            {voorstellen(v, url)}
        }
        .into_any(),
        Err(e) => laadfout(&e),
    }
}
