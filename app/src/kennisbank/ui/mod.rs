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
use leptos_meta::Title;

/// A refusal or failure in place of the page; an unknown (or hidden) page answers 404.
pub(crate) fn foutblok(e: AppError, titel: &'static str) -> AnyView {
    let kop = if matches!(e, AppError::NietGevonden) {
        crate::ui::zet_status(404);
        "Deze pagina bestaat niet"
    } else {
        titel
    };
    view! {
        <Title text=format!("{kop} | Meldpunt")/>
        <h1>{kop}</h1>
        {crate::ui::formulier::laadfout(&e)}
        <p><a href="/zoeken">"Zoeken"</a> " of naar de " <a href="/faq">"vragen van ouders"</a> "."</p>
    }
    .into_any()
}
