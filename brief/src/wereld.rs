//! The typst "world": what a compilation may see. Two sources of our own, the fonts compiled
//! into the binary, no files, no packages, no clock, no network.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::BriefFout;

/// The letter layout; its module is evaluated once and then reused from typst's cache.
const SJABLOON: &str = include_str!("sjabloon.typ");

/// [`comemo::evict`] drops cached results older than this many compilations; 0 drops them all.
/// Typst memoizes layout per content, and every letter is new content: without eviction RSS grew
/// by about 2 MB a letter (1 GB after 500). Keeping recent entries (age 3) bought no measurable
/// speed, since the shared template is cheap to evaluate again, and held ~5 MB more. Measured
/// with `examples/bench_brieven.rs`.
const CACHE_LEEFTIJD: usize = 0;

/// Built once per process: parsing the fonts and the standard library is the slow part.
struct Basis {
    bibliotheek: LazyHash<Library>,
    boek: LazyHash<FontBook>,
    fonts: Vec<Font>,
    sjabloon: Source,
    hoofd_id: FileId,
}

static BASIS: LazyLock<Result<Basis, String>> = LazyLock::new(maak_basis);

fn maak_basis() -> Result<Basis, String> {
    let fonts: Vec<Font> = typst_assets::fonts().flat_map(|data| Font::iter(Bytes::new(data))).collect();
    if fonts.is_empty() {
        return Err("geen lettertypes ingebouwd (typst-assets zonder `fonts`)".into());
    }
    let pad = |naam: &str| {
        VirtualPath::new(naam)
            .map(|pad| RootedPath::new(VirtualRoot::Project, pad).intern())
            .map_err(|fout| format!("pad {naam}: {fout:?}"))
    };
    Ok(Basis {
        bibliotheek: LazyHash::new(Library::default()),
        boek: LazyHash::new(FontBook::from_fonts(&fonts)),
        sjabloon: Source::new(pad("/sjabloon.typ")?, SJABLOON.to_owned()),
        hoofd_id: pad("/brieven.typ")?,
        fonts,
    })
}

/// One compilation: the shared base plus the generated main file.
struct Wereld {
    basis: &'static Basis,
    hoofd: Source,
}

impl World for Wereld {
    fn library(&self) -> &LazyHash<Library> {
        &self.basis.bibliotheek
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.basis.boek
    }

    fn main(&self) -> FileId {
        self.hoofd.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.hoofd.id() {
            Ok(self.hoofd.clone())
        } else if id == self.basis.sjabloon.id() {
            Ok(self.basis.sjabloon.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        // Letters embed no images or data files.
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.basis.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // The caller writes the date; a letter must not depend on the clock.
        None
    }
}

/// Lays out the generated markup of one letter (`nummer` in its batch, for the error).
pub fn zet(nummer: usize, markup: String) -> Result<PagedDocument, BriefFout> {
    let basis = BASIS.as_ref().map_err(|fout| BriefFout::Opmaak { detail: fout.clone() })?;
    let wereld = Wereld { basis, hoofd: Source::new(basis.hoofd_id, markup) };
    let document = typst::compile::<PagedDocument>(&wereld).output.map_err(|fouten| opmaakfout(nummer, &fouten));
    // Also after a failure: the cache holds whatever the attempt computed.
    comemo::evict(CACHE_LEEFTIJD);
    document
}

/// Exports laid-out pages; `tagged` adds the structure for screen readers.
pub fn naar_pdf(document: &PagedDocument, tagged: bool) -> Result<Vec<u8>, BriefFout> {
    let opties = typst_pdf::PdfOptions { tagged, ..typst_pdf::PdfOptions::default() };
    let pdf = typst_pdf::pdf(document, &opties).map_err(|fouten| opmaakfout(0, &fouten));
    comemo::evict(CACHE_LEEFTIJD);
    pdf
}

/// Typst's diagnostics, one line each, for the log; a full window gets its own error.
fn opmaakfout(brief: usize, fouten: &[SourceDiagnostic]) -> BriefFout {
    if fouten.iter().any(|fout| fout.message.contains(ADRES_TE_GROOT)) {
        return BriefFout::AdresPastNiet { brief };
    }
    let detail = fouten.iter().map(|fout| fout.message.as_str()).collect::<Vec<_>>().join("; ");
    BriefFout::Opmaak { detail: format!("brief {brief}: {detail}") }
}

/// What `sjabloon.typ` panics with when the address is larger than the window.
const ADRES_TE_GROOT: &str = "BRIEF_ADRES_TE_GROOT";
