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
