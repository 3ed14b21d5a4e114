mod detail;
mod kiezer;
mod melden;
mod registratie;
mod werkbak;

pub use detail::MeldingPagina;
pub use melden::MeldenPagina;
pub use werkbak::WerkbakPagina;
