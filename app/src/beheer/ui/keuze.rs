//! The list of active services in a referral form (the Verwijs step and the follow-up action).

use super::super::api::dienstkeuze;
use crate::ui::formulier::Keuze;
use leptos::prelude::*;

/// A choice `dienst` among the active services (`<prefix>-dienst`); `gekozen` is the key chosen
/// before.
#[component]
pub fn DienstKeuze(
    prefix: &'static str,
    #[prop(into)] label: String,
    gekozen: String,
    fout: Option<String>,
) -> impl IntoView {
    let data = Resource::new(|| (), |_| dienstkeuze());
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {
                let (label, gekozen, fout) = (label.clone(), gekozen.clone(), fout.clone());
                move || data.get().map(|r| {
                    let opties = r.unwrap_or_default().into_iter().map(|d| {
                        let tekst = format!("{} – {}", d.naam, d.waarvoor);
                        (d.id, tekst)
                    }).collect::<Vec<_>>();
                    view! {
                        <Keuze naam="dienst" prefix=prefix label=label.clone() opties gekozen=gekozen.clone()
                            leeg="Kies…" fout=fout.clone()/>
                    }
                })
            }
        </Suspense>
    }
}
