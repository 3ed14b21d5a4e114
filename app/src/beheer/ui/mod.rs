//! The coordinators' pages `/beheer/diensten` and `/beheer/termijnen`, and the service picker
//! the referral forms use.

mod diensten;
mod keuze;
mod termijnen;

pub use diensten::DienstenPagina;
pub use keuze::DienstKeuze;
pub use termijnen::TermijnenPagina;

use crate::behandeling::ui::veldfout;
use crate::gemeen::FormEcho;
use leptos::prelude::*;

/// A one-line input with its label and, after a refused post, its message.
pub(crate) fn invoerveld(
    stand: &Option<FormEcho>,
    form: &'static str,
    veld: &'static str,
    label: &'static str,
    soort: &'static str,
    waarde: String,
) -> impl IntoView + use<> {
    let (fout_id, fout) = veldfout(stand, form, veld);
    let id = format!("{form}-{veld}");
    view! {
        <div class="veld" class:fout=fout_id.is_some()>
            <label for=id.clone()>{label}</label>
            {fout}
            <input type=soort id=id name=veld value=waarde aria-describedby=fout_id.clone()
                aria-invalid=fout_id.as_ref().map(|_| "true")/>
        </div>
    }
}

/// The value of a field: what was typed before a refused post, otherwise `anders`.
pub(crate) fn waarde(stand: &Option<FormEcho>, veld: &str, anders: impl FnOnce() -> String) -> String {
    match stand {
        Some(s) => s.waarde(veld),
        None => anders(),
    }
}

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
