//! The list of active services in a referral form (the Verwijs step and the follow-up action).

use super::super::api::dienstkeuze;
use leptos::prelude::*;

/// A `<select name="dienst">` with the active services; `gekozen` is the key chosen before.
#[component]
pub fn DienstKeuze(
    id: &'static str,
    gekozen: String,
    fout_id: Option<String>,
    #[prop(optional)] verplicht_label: Option<&'static str>,
) -> impl IntoView {
    let data = Resource::new(|| (), |_| dienstkeuze());
    let leeg = verplicht_label.unwrap_or("Kies…");
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {
                let gekozen = gekozen.clone();
                let fout_id = fout_id.clone();
                move || data.get().map(|r| {
                    let diensten = r.unwrap_or_default();
                    let gekozen = gekozen.clone();
                    view! {
                        <select id=id name="dienst" aria-describedby=fout_id.clone() aria-invalid=fout_id.as_ref().map(|_| "true")>
                            <option value="">{leeg}</option>
                            {diensten.into_iter().map(|d| {
                                let label = format!("{} – {}", d.naam, d.waarvoor);
                                let kies = gekozen == d.id;
                                view! { <option value=d.id selected=kies>{label}</option> }
                            }).collect_view()}
                        </select>
                    }
                })
            }
        </Suspense>
    }
}
