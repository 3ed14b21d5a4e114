//! Document types shared by server and browser: the accepted kinds, the listed document, and the
//! safe names used for display and for the download's file name.

use crate::gemeen::woordenlijst::woordenlijst;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

woordenlijst!(Documentsoort {
    Pdf => "pdf", "PDF";
    Png => "png", "afbeelding (PNG)";
    Jpeg => "jpeg", "afbeelding (JPEG)";
    Docx => "docx", "Word-document";
    Xlsx => "xlsx", "Excel-rekenblad";
    Odt => "odt", "OpenDocument-tekst";
    Ods => "ods", "OpenDocument-rekenblad";
    Tekst => "tekst", "tekstbestand";
});

impl Documentsoort {
    /// The content type a download is served with.
    pub fn mime(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Self::Odt => "application/vnd.oasis.opendocument.text",
            Self::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            Self::Tekst => "text/plain; charset=utf-8",
        }
    }

    /// The file extension that belongs to the content (the download name always ends with it).
    pub fn extensie(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::Docx => "docx",
            Self::Xlsx => "xlsx",
            Self::Odt => "odt",
            Self::Ods => "ods",
            Self::Tekst => "txt",
        }
    }
}

/// What the upload form says it accepts (the server checks the content itself).
pub const TOEGELATEN: &str = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.ods,.txt";

/// A document as listed on a case or an advice request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub naam: String,
    pub soort: Documentsoort,
    pub grootte: u64,
    pub door: String,
    pub tijdstip: DateTime<Utc>,
    /// The advice request it was attached to, if an expert added it there.
    pub adviesvraag: Option<String>,
    /// When its file was deleted under the retention rule: listed, no longer downloadable.
    pub verwijderd: Option<DateTime<Utc>>,
}

/// "2,4 MB", "830 kB", "12 bytes".
pub fn grootte_tekst(bytes: u64) -> String {
    const KB: u64 = 1000;
    const MB: u64 = 1000 * 1000;
    if bytes >= MB {
        let tienden = (bytes * 10 + MB / 2) / MB;
        format!("{},{} MB", tienden / 10, tienden % 10)
    } else if bytes >= KB {
        format!("{} kB", (bytes + KB / 2) / KB)
    } else {
        format!("{bytes} bytes")
    }
}

/// The name a document is shown and downloaded under: the last part of what the browser sent,
/// with only letters, digits, spaces and `-_.()` kept, at most 100 characters, and the extension
/// of what the content really is.
pub fn veilige_naam(ruw: &str, soort: Documentsoort) -> String {
    let laatste = ruw.rsplit(['/', '\\']).next().unwrap_or_default();
    let schoon: String = laatste
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '(' | ')') { c } else { '_' })
        .collect();
    let schoon = schoon.split_whitespace().collect::<Vec<_>>().join(" ");
    let stam = match schoon.rsplit_once('.') {
        Some((stam, _)) => stam,
        None => schoon.as_str(),
    };
    let stam: String = stam.trim_matches(|c: char| c == '.' || c == ' ' || c == '_').chars().take(100).collect();
    let stam = stam.trim_end_matches(['.', ' ']);
    let stam = if stam.is_empty() { "document" } else { stam };
    format!("{stam}.{}", soort.extensie())
}

/// The `Content-Disposition` header of a download: always an attachment, with a plain ASCII name
/// and the full name encoded as RFC 8187 `filename*`.
pub fn content_disposition(naam: &str) -> String {
    let ascii: String = naam
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '(' | ')') { c } else { '_' })
        .collect();
    let mut gecodeerd = String::new();
    for b in naam.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            gecodeerd.push(char::from(b));
        } else {
            gecodeerd.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{gecodeerd}")
}

/// A document key as it may appear in a URL: our own random hex keys only.
pub fn is_sleutel(s: &str) -> bool {
    !s.is_empty() && s.len() <= 40 && s.chars().all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_only_the_last_part_and_get_the_real_extension() {
        assert_eq!(veilige_naam("C:\\Users\\els\\Verslag bezoek.PDF", Documentsoort::Pdf), "Verslag bezoek.pdf");
        assert_eq!(veilige_naam("../../etc/passwd", Documentsoort::Tekst), "passwd.txt");
        assert_eq!(veilige_naam("foto.pdf", Documentsoort::Png), "foto.png");
        assert_eq!(veilige_naam("<b>alert(1)<b>.docx", Documentsoort::Docx), "b_alert(1)_b.docx");
        assert_eq!(veilige_naam("", Documentsoort::Jpeg), "document.jpg");
        assert_eq!(veilige_naam("...", Documentsoort::Pdf), "document.pdf");
        assert_eq!(veilige_naam("a\r\nb\"c;d.odt", Documentsoort::Odt), "a__b_c_d.odt");
        assert_eq!(veilige_naam("Één verslag.ods", Documentsoort::Ods), "Één verslag.ods");
        assert!(veilige_naam(&"x".repeat(500), Documentsoort::Pdf).chars().count() <= 104);
    }

    #[test]
    fn the_download_header_is_an_attachment_with_a_quoted_ascii_name() {
        assert_eq!(
            content_disposition("Één verslag.pdf"),
            "attachment; filename=\"__n verslag.pdf\"; filename*=UTF-8''%C3%89%C3%A9n%20verslag.pdf"
        );
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(grootte_tekst(12), "12 bytes");
        assert_eq!(grootte_tekst(830_400), "830 kB");
        assert_eq!(grootte_tekst(2_440_000), "2,4 MB");
    }

    #[test]
    fn only_plain_keys_reach_a_query() {
        assert!(is_sleutel("a1b2c3"));
        assert!(!is_sleutel("a1; DELETE document"));
        assert!(!is_sleutel(""));
    }
}
