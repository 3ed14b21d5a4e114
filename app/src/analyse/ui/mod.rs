//! The analysis section of the case page (points, per-point and overall conclusion, follow-up
//! actions) and the co-handling section. The case page loads the dossier with the rest of the
//! case and places them.

mod medebehandeling;
mod opvolging;
mod punten;

use super::model::AnalyseDossier;
use crate::error::AppError;
use crate::ui::formulier::laadfout;
use leptos::prelude::*;
use medebehandeling::Medebehandeling;
use opvolging::Opvolging;
use punten::{Conclusies, Punten};

/// The analysis and co-handling sections of one case.
#[component]
pub fn AnalyseVak(data: Result<AnalyseDossier, AppError>) -> impl IntoView {
    match data {
        Ok(d) => view! { <Inhoud d/> }.into_any(),
        Err(e) => view! {
            <section aria-labelledby="h-analyse">
                <h2 id="h-analyse">"Analyse"</h2>
                {laadfout(&e)}
            </section>
        }
        .into_any(),
    }
}

#[component]
fn Inhoud(d: AnalyseDossier) -> impl IntoView {
    let mede = d.clone();
    let opvolging = (d.referentie.clone(), d.opvolgacties.clone());
    view! {
        <section aria-labelledby="h-analyse" class="analyse">
            <h2 id="h-analyse">"Analyse"</h2>
            <p class="hulp">"De punten die de melder aankaart, met de bevindingen, de bronnen waarop ze steunen en een
                conclusie per punt."</p>
            <Conclusies d=d.clone()/>
            <Punten d/>
            <Opvolging referentie=opvolging.0 acties=opvolging.1/>
        </section>
        <Medebehandeling d=mede/>
    }
}
