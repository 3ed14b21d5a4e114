//! The template pages, all server-rendered HTML (no islands): the list, one template with its
//! example, the editor (also of a new template), and the writing aid's jargon list.

mod bewerken;
mod jargon;
mod lijst;
mod pagina;

pub use bewerken::{SjabloonBewerken, SjabloonNieuw};
pub use jargon::JargonLijst;
pub use lijst::SjablonenLijst;
pub use pagina::{SjabloonScherm, schrijfhulp_blok};

use crate::error::AppError;
use leptos::prelude::*;

/// A refusal or failure in place of the page; an unknown template answers 404.
fn laadfout(e: AppError, titel: &'static str) -> AnyView {
    let verder = view! { <p><a href="/sjablonen">"Naar alle sjablonen"</a></p> };
    crate::ui::foutpagina(e, titel, "Dit sjabloon bestaat niet", verder.into_any())
}
