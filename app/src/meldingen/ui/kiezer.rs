//! The location picker: a search field and a list of radio buttons, the control of the field
//! `locatie` (its label and message come from the form kit's `Veld`). Without JavaScript the
//! "Zoeken" button posts the whole form and the server answers with the matches; as an island it
//! also searches while the user types.

use crate::locaties::model::LocatieKeuze;
use leptos::prelude::*;

#[island]
pub fn LocatieKiezer(
    zoek: String,
    resultaten: Vec<LocatieKeuze>,
    gekozen: Option<LocatieKeuze>,
    gezocht: bool,
    /// The field has a message (`fout-locatie`).
    ongeldig: bool,
) -> impl IntoView {
    let lijst = RwSignal::new(resultaten);
    let heeft_gezocht = RwSignal::new(gezocht);
    let gekozen_id = RwSignal::new(gekozen.as_ref().map(|g| g.id.0.clone()));
    // Keep the chosen location visible even when a new search does not contain it.
    let vast = gekozen;
    let teller = StoredValue::new(0u64);

    let zoek_nu = move |q: String| {
        let nr = teller.get_value() + 1;
        teller.set_value(nr);
        if q.trim().chars().count() < 2 {
            return;
        }
        leptos::task::spawn_local(async move {
            // Debounce: only the last keystroke within 250 ms searches.
            crate::ui::eiland::wacht(250).await;
            if teller.get_value() != nr {
                return;
            }
            if let Some(r) = haal_locaties(&q).await
                && teller.get_value() == nr
            {
                lijst.set(r);
                heeft_gezocht.set(true);
            }
        });
    };

    let beschreven = crate::ui::formulier::beschrijving("locatie", None, false, ongeldig);
    view! {
        <div class="zoekrij">
            <input
                id="locatie"
                name="locatie_zoek"
                type="search"
                autocomplete="off"
                maxlength="100"
                aria-describedby=beschreven
                aria-invalid=ongeldig.then_some("true")
                value=zoek
                on:input=move |ev| {
                    zoek_nu(event_target_value(&ev));
                }
            />
            <button type="submit" name="actie" value="zoek" class="secundair">"Zoeken"</button>
        </div>
        <div aria-live="polite">
            {move || {
                let mut keuzes = lijst.get();
                if let Some(v) = &vast && !keuzes.iter().any(|k| k.id == v.id) {
                    keuzes.insert(0, v.clone());
                }
                if keuzes.is_empty() {
                    heeft_gezocht.get().then(|| view! { <p class="melding-info">"Geen opvang gevonden."</p> }).into_any()
                } else {
                    view! {
                        <fieldset class="keuzes">
                            <legend>"Kies de opvang"</legend>
                            {keuzes.into_iter().map(|k| {
                                let id = format!("locatie-{}", k.id.0);
                                let waarde = k.id.0.clone();
                                let is_gekozen = gekozen_id.get_untracked().as_deref() == Some(waarde.as_str());
                                let w2 = waarde.clone();
                                view! {
                                    <div class="keuze">
                                        <input type="radio" name="locatie_id" id=id.clone() value=waarde
                                            checked=is_gekozen
                                            on:change=move |_| gekozen_id.set(Some(w2.clone()))/>
                                        <label for=id>{k.omschrijving()}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                    }.into_any()
                }
            }}
        </div>
    }
}

/// Asks the server for matching locations; `None` on any failure (the "Zoeken" button still works).
async fn haal_locaties(q: &str) -> Option<Vec<LocatieKeuze>> {
    let url = format!("/api/zoek_locaties?q={}", crate::ui::eiland::url_deel(q));
    crate::ui::eiland::haal_json(&url).await
}
