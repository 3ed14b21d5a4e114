//! The search field. Without JavaScript it is a plain field in a GET form. As an island it also
//! suggests pages while the user types (an ARIA combobox): arrow keys move through the suggestions,
//! Enter opens the chosen page, Escape closes the list, and Enter without a choice searches.

use crate::kennisbank::model::Suggestie;
use crate::ui::eiland::{ga_naar, haal_json, url_deel, wacht};
use leptos::prelude::*;

#[island]
pub fn ZoekInvoer(waarde: String) -> impl IntoView {
    let lijst = RwSignal::new(Vec::<Suggestie>::new());
    let open = RwSignal::new(false);
    let actief = RwSignal::new(None::<usize>);
    // Effects run in the browser only: the combobox roles appear once the island is alive.
    let levend = RwSignal::new(false);
    Effect::new(move |_| levend.set(true));
    let teller = StoredValue::new(0u64);

    let vraag = move |q: String| {
        let nr = teller.get_value() + 1;
        teller.set_value(nr);
        if q.trim().chars().count() < 2 {
            lijst.set(Vec::new());
            open.set(false);
            return;
        }
        leptos::task::spawn_local(async move {
            // Only the last keystroke within 200 ms asks the server.
            wacht(200).await;
            if teller.get_value() != nr {
                return;
            }
            let url = format!("/api/kennis_suggesties?q={}", url_deel(&q));
            if let Some(s) = haal_json::<Vec<Suggestie>>(&url).await
                && teller.get_value() == nr
            {
                open.set(!s.is_empty());
                lijst.set(s);
                actief.set(None);
            }
        });
    };
    let zichtbaar = move || levend.get() && open.get() && !lijst.with(Vec::is_empty);
    let toets = move |ev: leptos::ev::KeyboardEvent| {
        let n = lijst.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                actief.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                actief.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
            }
            "Enter" => {
                if let (true, Some(i)) = (zichtbaar(), actief.get_untracked())
                    && let Some(s) = lijst.with_untracked(|l| l.get(i).cloned())
                {
                    ev.prevent_default();
                    ga_naar(&s.pad);
                }
            }
            "Escape" => {
                // An open list closes first; the field's own Escape (clear) comes with the next press.
                if zichtbaar() {
                    ev.prevent_default();
                }
                open.set(false);
                actief.set(None);
            }
            _ => {}
        }
    };
    view! {
        <div class="suggestievak">
            <input type="search" id="z-q" name="q" value=waarde maxlength="200" autocomplete="off"
                role=move || levend.get().then_some("combobox")
                aria-autocomplete=move || levend.get().then_some("list")
                aria-controls=move || levend.get().then_some("z-suggesties")
                aria-expanded=move || levend.get().then(|| zichtbaar().to_string())
                aria-activedescendant=move || actief.get().filter(|_| zichtbaar()).map(|i| format!("z-sugg-{i}"))
                on:input=move |ev| vraag(event_target_value(&ev))
                on:keydown=toets
                on:blur=move |_| open.set(false)
                on:focus=move |_| open.set(true)/>
            <ul id="z-suggesties" role="listbox" aria-label="Voorgestelde pagina's" class="suggesties"
                hidden=move || !zichtbaar()>
                {move || lijst.get().into_iter().enumerate().map(|(i, s)| {
                    let pad = s.pad.clone();
                    view! {
                        // The mouse chooses on mousedown, before the field loses focus.
                        <li role="option" id=format!("z-sugg-{i}")
                            aria-selected=move || (actief.get() == Some(i)).to_string()
                            on:mousedown=move |ev| { ev.prevent_default(); ga_naar(&pad); }>
                            {s.titel}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="sr-only" aria-live="polite">
                {move || match (zichtbaar(), lijst.with(Vec::len)) {
                    (false, _) => String::new(),
                    (true, 1) => "1 voorgestelde pagina. Gebruik de pijltjestoetsen.".to_string(),
                    (true, n) => format!("{n} voorgestelde pagina's. Gebruik de pijltjestoetsen."),
                }}
            </p>
        </div>
    }
}
