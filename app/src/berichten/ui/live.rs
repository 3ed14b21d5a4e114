//! The composer's text field. Without JavaScript "Voorbeeld tonen" posts the form and the server
//! shows the message as it will arrive. As an island it also shows, a moment after the writer
//! stops typing, the e-mail as the server renders and sanitises it, the places still to fill in
//! and the writing aid.

use crate::berichten::model::LiveBerichtVoorbeeld;
use crate::ui::eiland::volg_typen;
use leptos::prelude::*;

#[island]
pub fn BerichtTekstVeld(inhoud: String, ongeldig: bool) -> impl IntoView {
    let voorbeeld = RwSignal::new(None::<LiveBerichtVoorbeeld>);
    let bezig = RwSignal::new(false);
    let toon = volg_typen("/api/bericht_voorbeeld", voorbeeld, bezig);
    // In the browser only: the first preview as soon as the island is alive.
    let begin = inhoud.clone();
    Effect::new(move |_| toon(begin.clone(), 0));

    // The label, hint and message around it are the form kit's `Veld` of `b-inhoud`.
    let beschreven = crate::ui::formulier::beschrijving("b-inhoud", None, true, ongeldig);
    view! {
        <textarea id="b-inhoud" name="inhoud" rows="22" aria-describedby=beschreven
            aria-invalid=ongeldig.then_some("true")
            on:input=move |ev| toon(event_target_value(&ev), 400)>{crate::ui::formulier::tekstvak_inhoud(inhoud)}</textarea>
        {move || voorbeeld.get().map(|v| {
            let open = (!v.open.is_empty()).then(|| view! {
                <div class="let-op">
                    <p>"Nog in te vullen voor het bericht kan vertrekken:"</p>
                    <ul>{v.open.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
                </div>
            });
            view! {
                <section class="voorbeeld live-voorbeeld" aria-labelledby="h-live" aria-busy=move || bezig.get().to_string()>
                    <h2 id="h-live">"Live voorbeeld"</h2>
                    <p class="hulp">"Zo leest de ontvanger de tekst. Nog niet verstuurd."</p>
                    {open}
                    <div class="kb-inhoud mailvoorbeeld" inner_html=v.html></div>
                    {crate::sjablonen::ui::schrijfhulp_blok(v.schrijfhulp)}
                </section>
            }
        })}
    }
}
