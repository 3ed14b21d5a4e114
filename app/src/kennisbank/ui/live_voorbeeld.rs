//! The editor's text field. Without JavaScript the "Voorbeeld tonen" button posts the form and the
//! server shows the preview. As an island it also shows a live preview under the field, rendered
//! and sanitised by the server exactly as a saved page, a moment after the user stops typing.

use crate::kennisbank::model::LiveVoorbeeld;
use crate::ui::eiland::volg_typen;
use leptos::prelude::*;

#[island]
pub fn InhoudVeld(inhoud: String, ongeldig: bool) -> impl IntoView {
    let voorbeeld = RwSignal::new(None::<LiveVoorbeeld>);
    let bezig = RwSignal::new(false);
    let toon = volg_typen("/api/kennis_voorbeeld", voorbeeld, bezig);
    // In the browser only: the first preview as soon as the island is alive.
    let begin = inhoud.clone();
    Effect::new(move |_| toon(begin.clone(), 0));

    // The label, hint and message around it are the form kit's `Veld` of `k-inhoud`.
    let beschreven = crate::ui::formulier::beschrijving("k-inhoud", None, true, ongeldig);
    view! {
        <textarea id="k-inhoud" name="inhoud" rows="24" aria-describedby=beschreven
            aria-invalid=ongeldig.then_some("true")
            on:input=move |ev| toon(event_target_value(&ev), 400)>{crate::ui::formulier::tekstvak_inhoud(inhoud)}</textarea>
        {move || voorbeeld.get().map(|v| {
            let kapot = (!v.kapotte_links.is_empty()).then(|| view! {
                <div class="let-op">
                    <p>"Deze links verwijzen naar pagina's die niet bestaan:"</p>
                    <ul>{v.kapotte_links.into_iter().map(|s| view! { <li><code>{s}</code></li> }).collect_view()}</ul>
                </div>
            });
            view! {
                <section class="voorbeeld live-voorbeeld" aria-labelledby="h-live" aria-busy=move || bezig.get().to_string()>
                    <h2 id="h-live">"Live voorbeeld"</h2>
                    <p class="hulp">"Zo ziet de pagina eruit. Nog niet bewaard."</p>
                    {kapot}
                    <div class="kb-inhoud" inner_html=v.html></div>
                </section>
            }
        })}
    }
}
