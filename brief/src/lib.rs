//! Meldpunt's letters as PDF, for the post.
//!
//! A [`Brief`] holds plain text and a markdown body; [`render_pdf`] lays out a batch as one PDF
//! (each letter from a new page, numbered "Pagina x van y" on its own) and [`render_een`] does
//! one letter. Typst does the layout, as a library: the fonts are compiled into the binary, and
//! the compilation sees no files, packages, clock or network.
//!
//! No text reaches typst unescaped: the body's structure comes from markdown, converted by this
//! crate, and every character a person typed prints as itself.
//!
//! Pure library: no I/O beyond memory, no web framework.

mod fout;
mod grenzen;
mod markdown;
mod ontsnappen;
mod opmaak;
mod wereld;

use typst::ecow::EcoVec;
use typst::model::DocumentInfo;
use typst_layout::PagedDocument;

pub use fout::BriefFout;
pub use grenzen::{
    MAX_ADRESREGEL, MAX_ADRESREGELS, MAX_AFZENDERREGELS, MAX_BRIEVEN, MAX_INHOUD, MAX_ONDERTEKENINGSREGELS,
    MAX_ONDERWERP, MAX_REGEL,
};

/// One letter. All fields are plain text except `inhoud_markdown`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Brief {
    /// The sender block, top right: team, street, postcode and city, phone, e-mail.
    pub afzender: Vec<String>,
    /// The recipient, one line each (name, street, postcode and city), printed in the window
    /// of a DL envelope (positions in `sjabloon.typ`). At most [`MAX_ADRESREGELS`] lines.
    pub adres: Vec<String>,
    /// Place and date as the caller formats them: "Brussel, 3 maart 2027".
    pub plaats_datum: String,
    /// The case reference alone ("M-2027-00042"); the letter prints "Onze referentie: " before
    /// it, and the reference again in every page footer.
    pub referentie: String,
    pub onderwerp: String,
    /// The body in markdown: paragraphs, breaks, emphasis, strong, lists, headings (printed as
    /// bold lines), links (text and address) and block quotes. Anything else prints as text.
    pub inhoud_markdown: String,
    /// The lines under the body: name, function, team.
    pub ondertekening: Vec<String>,
}

/// Several letters as one PDF, in order, each starting on a new page.
///
/// Each letter is laid out on its own and the pages are joined before export: one typst document
/// for the whole batch took 29 s and 4.4 GB for 1000 letters (its caches cannot be evicted
/// mid-compile and the page totals relayout everything); letter by letter stays linear. The joined
/// PDF carries no structure tags (they belong to one compilation each); a print batch needs none.
pub fn render_pdf(brieven: &[Brief]) -> Result<Vec<u8>, BriefFout> {
    grenzen::controleer(brieven)?;
    if let [brief] = brieven {
        return render_gecontroleerd(brief);
    }
    let mut paginas = EcoVec::new();
    for (index, brief) in brieven.iter().enumerate() {
        let document = wereld::zet(index + 1, opmaak::brief_naar_typst(brief))?;
        paginas.extend(document.pages().iter().cloned());
    }
    let info = DocumentInfo { title: Some(format!("Brieven ({})", brieven.len()).into()), ..DocumentInfo::default() };
    wereld::naar_pdf(&PagedDocument::new(paginas, info), false)
}

/// One letter as a PDF, with structure tags for screen readers (it may also be sent digitally).
pub fn render_een(brief: &Brief) -> Result<Vec<u8>, BriefFout> {
    grenzen::controleer(std::slice::from_ref(brief))?;
    render_gecontroleerd(brief)
}

fn render_gecontroleerd(brief: &Brief) -> Result<Vec<u8>, BriefFout> {
    wereld::naar_pdf(&wereld::zet(1, opmaak::brief_naar_typst(brief))?, true)
}

/// The typst markup for a letter body, for tests and for checking the conversion by eye.
pub fn markdown_naar_typst(markdown: &str) -> String {
    markdown::naar_typst(markdown)
}
