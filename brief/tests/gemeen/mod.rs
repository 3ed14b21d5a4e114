//! Shared by the PDF tests: sample letters and poppler's command-line tools.

#![allow(dead_code)] // each test file uses part of this

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use brief::Brief;

pub fn voorbeeld() -> Brief {
    Brief {
        afzender: vec![
            "Meldpunt Kinderopvang – team Toezicht".into(),
            "Koning Albert II-laan 15".into(),
            "1210 Brussel".into(),
            "02 553 00 00".into(),
            "meldpunt@example.be".into(),
        ],
        adres: vec!["Mevrouw Anaïs Verbeke".into(), "Kerkstraat 12 bus 3".into(), "9000 Gent".into()],
        plaats_datum: "Brussel, 3 maart 2027".into(),
        referentie: "M-2027-00042".into(),
        onderwerp: "Uw melding over kinderdagverblijf De Rups".into(),
        inhoud_markdown: "Geachte mevrouw,\n\nWe ontvingen uw melding over het café–gebouw. \
            Onze medewerkers bekijken ze **grondig** en *snel*.\n\n\
            - eerste punt\n- tweede punt\n  1. genest\n\n\
            Met vriendelijke groeten"
            .into(),
        ondertekening: vec!["Joke Peeters".into(), "dossierbeheerder".into(), "team Toezicht".into()],
    }
}

/// A PDF in a file of its own for poppler; removed when dropped.
pub struct PdfBestand(pub PathBuf);

impl Drop for PdfBestand {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

pub fn bewaar(pdf: &[u8]) -> PdfBestand {
    static TELLER: AtomicUsize = AtomicUsize::new(0);
    let naam = format!("brief-test-{}-{}.pdf", std::process::id(), TELLER.fetch_add(1, Ordering::Relaxed));
    let pad = std::env::temp_dir().join(naam);
    std::fs::write(&pad, pdf).unwrap();
    PdfBestand(pad)
}

fn poppler(programma: &str, argumenten: &[&str]) -> String {
    let uit = Command::new(programma)
        .args(argumenten)
        .output()
        .unwrap_or_else(|e| panic!("{programma} ontbreekt ({e}): apt-get install poppler-utils"));
    assert!(uit.status.success(), "{programma}: {}", String::from_utf8_lossy(&uit.stderr));
    String::from_utf8(uit.stdout).unwrap()
}

/// The text of the whole PDF, or of one page.
pub fn tekst(pdf: &PdfBestand, pagina: Option<usize>) -> String {
    let pad = pdf.0.to_str().unwrap();
    match pagina {
        Some(p) => poppler("pdftotext", &["-layout", "-f", &p.to_string(), "-l", &p.to_string(), pad, "-"]),
        None => poppler("pdftotext", &["-layout", pad, "-"]),
    }
}

pub fn paginas(pdf: &PdfBestand) -> usize {
    let info = poppler("pdfinfo", &[pdf.0.to_str().unwrap()]);
    let regel = info.lines().find(|r| r.starts_with("Pages:")).unwrap();
    regel.trim_start_matches("Pages:").trim().parse().unwrap()
}

/// The text inside a rectangle of a page, in millimetres from the top-left corner of the sheet.
pub fn tekst_in_vak(pdf: &PdfBestand, pagina: usize, x: f64, y: f64, breedte: f64, hoogte: f64) -> String {
    // pdftotext crops in pixels at -r dpi; at 72 dpi a pixel is a PDF point.
    let punt = |mm: f64| format!("{}", (mm / 25.4 * 72.0).round() as i64);
    let p = pagina.to_string();
    let pad = pdf.0.to_str().unwrap();
    let argumenten =
        ["-r", "72", "-f", &p, "-l", &p, "-x", &punt(x), "-y", &punt(y), "-W", &punt(breedte), "-H", &punt(hoogte)];
    let mut alle = argumenten.to_vec();
    alle.extend(["-layout", pad, "-"]);
    poppler("pdftotext", &alle)
}

/// Words with their boxes (x_min, y_min, x_max, y_max in PDF points) from `pdftotext -bbox`.
pub fn woorden(pdf: &PdfBestand, pagina: usize) -> Vec<(String, [f64; 4])> {
    let p = pagina.to_string();
    let html = poppler("pdftotext", &["-bbox", "-f", &p, "-l", &p, pdf.0.to_str().unwrap(), "-"]);
    html.lines()
        .filter_map(|regel| {
            let regel = regel.trim();
            let rest = regel.strip_prefix("<word ")?;
            let (attributen, woord) = rest.split_once('>')?;
            let woord = woord.strip_suffix("</word>")?;
            let getal = |naam: &str| -> f64 {
                let begin = attributen.find(&format!("{naam}=\"")).unwrap() + naam.len() + 2;
                let einde = attributen[begin..].find('"').unwrap() + begin;
                attributen[begin..einde].parse().unwrap()
            };
            Some((woord.to_owned(), [getal("xMin"), getal("yMin"), getal("xMax"), getal("yMax")]))
        })
        .collect()
}

pub const MM_PER_PUNT: f64 = 25.4 / 72.0;

/// The error of a refused letter; a PDF where a refusal was expected fails the test briefly
/// (`unwrap_err` would print every byte).
pub fn weigering(resultaat: Result<Vec<u8>, brief::BriefFout>) -> brief::BriefFout {
    match resultaat {
        Ok(pdf) => panic!("verwacht een weigering, kreeg een PDF van {} bytes", pdf.len()),
        Err(fout) => fout,
    }
}
