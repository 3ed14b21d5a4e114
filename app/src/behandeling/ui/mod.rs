//! The handling panel on the case page: the steps possible now and the timeline form.

mod notitie;
mod stappen;

pub use notitie::NotitieVak;
pub use stappen::{Behandelstand, StappenVak};
