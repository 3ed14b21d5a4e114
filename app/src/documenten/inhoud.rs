//! What a file really is, judged by its content (never by its name or the browser's content type).
//! Only the kinds Meldpunt accepts are recognised; everything else (executables, HTML, SVG,
//! scripts, plain zip archives, old binary office files) is refused, whatever it is called.

use super::model::Documentsoort;

/// The accepted kind of `inhoud`, or `None`. Office files are zip archives: they are told apart
/// by the entries inside (`word/`, `xl/`) or by the OpenDocument `mimetype` entry. Plain text is
/// accepted only for a `.txt` name, as valid UTF-8 without control characters or markup.
pub fn herken(inhoud: &[u8], naam: &str) -> Option<Documentsoort> {
    if infer::archive::is_pdf(inhoud) {
        Some(Documentsoort::Pdf)
    } else if infer::image::is_png(inhoud) {
        Some(Documentsoort::Png)
    } else if infer::image::is_jpeg(inhoud) {
        Some(Documentsoort::Jpeg)
    } else if infer::doc::is_docx(inhoud) {
        Some(Documentsoort::Docx)
    } else if infer::doc::is_xlsx(inhoud) {
        Some(Documentsoort::Xlsx)
    } else if infer::odf::is_odt(inhoud) {
        Some(Documentsoort::Odt)
    } else if infer::odf::is_ods(inhoud) {
        Some(Documentsoort::Ods)
    } else if naam.to_lowercase().trim_end().ends_with(".txt") && is_platte_tekst(inhoud) {
        Some(Documentsoort::Tekst)
    } else {
        None
    }
}

fn is_platte_tekst(inhoud: &[u8]) -> bool {
    let Ok(tekst) = std::str::from_utf8(inhoud) else { return false };
    if tekst.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        return false;
    }
    let klein = tekst.to_lowercase();
    !["<html", "<!doctype", "<script", "<svg", "<?xml", "<iframe", "<body"].iter().any(|m| klein.contains(m))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A zip whose first entry is called `naam`, as office files start.
    pub fn zip_met(naam: &str, rest: &[u8]) -> Vec<u8> {
        let mut v = b"PK\x03\x04".to_vec();
        v.extend_from_slice(&[0u8; 26]);
        v.extend_from_slice(naam.as_bytes());
        v.extend_from_slice(rest);
        v
    }

    #[test]
    fn accepted_kinds_are_recognised_by_content() {
        assert_eq!(herken(b"%PDF-1.7\n1 0 obj\n", "verslag.pdf"), Some(Documentsoort::Pdf));
        assert_eq!(herken(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "foto"), Some(Documentsoort::Png));
        assert_eq!(herken(b"\xff\xd8\xff\xe0\0\x10JFIF", "foto.png"), Some(Documentsoort::Jpeg));
        assert_eq!(herken(&zip_met("word/document.xml", b"<w/>"), "brief.docx"), Some(Documentsoort::Docx));
        assert_eq!(herken(&zip_met("xl/workbook.xml", b"<x/>"), "lijst.xlsx"), Some(Documentsoort::Xlsx));
        let odt = zip_met("mimetype", b"application/vnd.oasis.opendocument.text");
        assert_eq!(herken(&odt, "nota.odt"), Some(Documentsoort::Odt));
        assert_eq!(
            herken("Gebeld met de opvang.\nAfspraak op maandag.".as_bytes(), "nota.txt"),
            Some(Documentsoort::Tekst)
        );
    }

    #[test]
    fn dangerous_or_unknown_content_is_refused_whatever_its_name() {
        assert_eq!(herken(b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff", "verslag.pdf"), None, "a Windows executable");
        assert_eq!(herken(b"\x7fELF\x02\x01\x01\0", "verslag.pdf"), None, "a Linux executable");
        assert_eq!(herken(b"<!DOCTYPE html><html><script>alert(1)</script>", "verslag.pdf"), None);
        assert_eq!(herken(b"<html><body>hallo</body></html>", "nota.txt"), None, "HTML named .txt");
        assert_eq!(herken(br#"<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>"#, "foto.png"), None);
        assert_eq!(herken(&zip_met("payload.exe", b"MZ"), "brief.docx"), None, "a plain zip");
        assert_eq!(herken(b"#!/bin/sh\nrm -rf /\n", "nota.sh"), None);
        assert_eq!(herken(b"gewone tekst", "nota.pdf"), None, "text only under a .txt name");
        assert_eq!(herken(b"tekst met \x1b[31m escape", "nota.txt"), None);
        assert_eq!(herken(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "oud.doc"), None, "old binary office files");
    }
}
