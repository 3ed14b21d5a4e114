//! The UI kit: form parts, the islands' fetch helper and small page helpers. Imports no feature.

pub mod eiland;
pub mod formulier;

/// Sets the HTTP status of the page being rendered (e.g. 422 for a refused form).
pub fn zet_status(_code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(opts), Ok(code)) =
        (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(_code))
    {
        opts.set_status(code);
    }
}

/// A failed load in place of a page: an unknown object answers 404 under `niet_gevonden`, any
/// other failure shows `titel`; then the message and `verder` (where to go instead).
pub fn foutpagina(
    e: crate::error::AppError,
    titel: &'static str,
    niet_gevonden: &'static str,
    verder: leptos::prelude::AnyView,
) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    let kop = if matches!(e, crate::error::AppError::NietGevonden) {
        zet_status(404);
        niet_gevonden
    } else {
        titel
    };
    view! {
        <leptos_meta::Title text=format!("{kop} | Meldpunt")/>
        <h1>{kop}</h1>
        {formulier::laadfout(&e)}
        {verder}
    }
    .into_any()
}

/// A line diff as a table: added and removed lines marked with `<ins>`/`<del>` and a text label,
/// not by colour only.
#[leptos::prelude::component]
pub fn DiffTabel(regels: Vec<crate::gemeen::diff::DiffRegel>) -> impl leptos::prelude::IntoView {
    use crate::gemeen::diff::DiffRegel;
    use leptos::prelude::*;
    view! {
        <table class="diff">
            <thead><tr><th scope="col">"Wijziging"</th><th scope="col">"Regel"</th></tr></thead>
            <tbody>
                {regels.into_iter().map(|d| match d {
                    DiffRegel::Gelijk(t) => view! { <tr class="diff-gelijk"><td>"ongewijzigd"</td><td><code>{t}</code></td></tr> }.into_any(),
                    DiffRegel::Weg(t) => view! { <tr class="diff-weg"><td>"− verwijderd"</td><td><del><code>{t}</code></del></td></tr> }.into_any(),
                    DiffRegel::Bij(t) => view! { <tr class="diff-bij"><td>"+ toegevoegd"</td><td><ins><code>{t}</code></ins></td></tr> }.into_any(),
                }).collect_view()}
            </tbody>
        </table>
    }
}
