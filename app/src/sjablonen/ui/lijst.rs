//! `/sjablonen`: every template, by audience, with how it is sent and whether a colleague reads it.

use crate::sjablonen::api::sjablonen;
use crate::sjablonen::model::{GEBEURTENISSEN, KANALEN, PUBLIEKEN, SjabloonRegel, ZAAKSOORTEN, label};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SjablonenLijst() -> impl IntoView {
    view! {
        <Title text="Sjablonen | Meldpunt"/>
        <h1>"Sjablonen"</h1>
        <p>"De brieven en e-mails waarmee we schrijven. Kies een sjabloon om het voorbeeld en de versies te zien of om het aan te passen."</p>
        <p><a href="/sjablonen/jargon">"Moeilijke woorden: de lijst van de schrijfhulp"</a></p>
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match sjablonen().await {
                    // Only who may keep the templates gets the list, so the button is theirs.
                    Ok(l) => view! {
                        <p><a class="knop" href="/sjablonen/nieuw">"Nieuw sjabloon"</a></p>
                        <Tabel l/>
                    }.into_any(),
                    Err(e) => super::laadfout(e, "Sjablonen"),
                }
            })}
        </Suspense>
    }
}

fn soorten(r: &SjabloonRegel) -> String {
    if r.zaaksoorten.is_empty() {
        return "Handhaving".into();
    }
    r.zaaksoorten.iter().map(|z| label(ZAAKSOORTEN, z)).collect::<Vec<_>>().join(", ")
}

#[component]
fn Tabel(l: Vec<SjabloonRegel>) -> impl IntoView {
    if l.is_empty() {
        return view! { <p>"Er zijn nog geen sjablonen."</p> }.into_any();
    }
    view! {
        <table class="sjablonen">
            <caption class="visueel-verborgen">"Alle sjablonen"</caption>
            <thead>
                <tr>
                    <th scope="col">"Sjabloon"</th>
                    <th scope="col">"Voor"</th>
                    <th scope="col">"Bij"</th>
                    <th scope="col">"Hoe"</th>
                    <th scope="col">"Tweede lezer"</th>
                    <th scope="col">"Vanzelf"</th>
                </tr>
            </thead>
            <tbody>
                {l.into_iter().map(|r| {
                    let vanzelf = r.automatisch.as_deref().map_or_else(|| "Nee".to_string(), |g| label(GEBEURTENISSEN, g));
                    view! {
                        <tr>
                            <th scope="row"><a href=format!("/sjablonen/{}", r.slug)>{r.titel.clone()}</a></th>
                            <td>{label(PUBLIEKEN, &r.publiek)}</td>
                            <td>{soorten(&r)}</td>
                            <td>{label(KANALEN, &r.kanaal)}</td>
                            <td>{if r.tweede_lezer { "Ja" } else { "Nee" }}</td>
                            <td>{vanzelf}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
