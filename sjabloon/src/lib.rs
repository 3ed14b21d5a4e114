//! Meldpunt's templates for letters and e-mails.
//!
//! A template file is TOML front matter between `+++` lines, then a markdown body. Subject and
//! body may use merge fields (`{{melder.naam}}`, names from [`VELDEN`]), optional parts
//! (`{{#als veld}} … {{#anders}} … {{/als}}`, or `{{#als veld = "waarde"}}`), which nest, and
//! fill-in markers (`[[…]]`, one line) for text a person must still write. A line holding only
//! block markers and whitespace disappears entirely, line break included.
//!
//! [`lees`] checks a file and reports all problems at once with line, column and a Dutch
//! message; [`Tekst::vul_in`] fills a checked text in; [`open_plekken`] tells what a person
//! still has to complete before sending; [`naar_bestand`] writes a template back.
//!
//! Pure library: no I/O, no web framework.

mod fout;
mod invullen;
mod jargon;
mod lezer;
mod open;
mod platte_tekst;
pub mod schrijfhulp;
mod sjabloon;
mod soorten;
mod tekst;
mod velden;

pub use fout::{Fout, FoutSoort};
pub use invullen::Ontsnapping;
pub use open::{OpenPlek, OpenSoort, open_plekken};
pub use platte_tekst::platte_tekst;
pub use sjabloon::{Sjabloon, lees, naar_bestand};
pub use soorten::{Gebeurtenis, Kanaal, Publiek, Zaaksoort};
pub use tekst::{Deel, Tekst, ontleed, velden_in};
pub use velden::{VELDEN, Veld};
