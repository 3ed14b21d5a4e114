//! The knowledge base's pages, all server-rendered HTML. Two islands add convenience when the page
//! hydrates: suggestions while typing a search, and the editor's live preview.

mod bewerken;
mod index;
mod live_voorbeeld;
mod pagina;
mod revisies;
mod suggesties;
mod zoeken;

pub use bewerken::BewerkPagina;
pub use index::{FaqIndex, KennisbankIndex};
pub use pagina::{FaqPaginaScherm, KennisPaginaScherm, RegelgevingPaginaScherm};
pub use revisies::{RevisiePagina, RevisiesPagina};
pub use zoeken::ZoekPagina;

use crate::error::AppError;
use leptos::prelude::*;

/// A refusal or failure in place of the page; an unknown (or hidden) page answers 404.
pub(crate) fn foutblok(e: AppError, titel: &'static str) -> AnyView {
    let verder =
        view! { <p><a href="/zoeken">"Zoeken"</a> " of naar de " <a href="/faq">"vragen van ouders"</a> "."</p> };
    crate::ui::foutpagina(e, titel, "Deze pagina bestaat niet", verder.into_any())
}
