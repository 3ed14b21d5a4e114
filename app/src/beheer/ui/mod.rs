//! The coordinators' pages `/beheer/diensten` and `/beheer/termijnen`, and the service picker
//! the referral forms use.

mod diensten;
mod keuze;
mod termijnen;

pub use diensten::DienstenPagina;
pub use keuze::DienstKeuze;
pub use termijnen::TermijnenPagina;

use leptos::prelude::*;

/// Links between the maintenance pages.
#[component]
pub fn BeheerMenu() -> impl IntoView {
    view! {
        <nav aria-label="Beheer" class="beheer-menu">
            <ul>
                <li><a href="/beheer/diensten">"Diensten voor doorverwijzing"</a></li>
                <li><a href="/beheer/termijnen">"Termijnen"</a></li>
            </ul>
        </nav>
    }
}
