//! Reading an upload: the file field of a multipart form, chunk by chunk, refused as soon as it
//! passes the limit. The size limit is enforced while the body streams in (and up front from
//! `Content-Length`); the upload routes sit outside the router's general body limit.

use super::service::DocumentFout;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};

/// Room for the multipart envelope around the file itself.
pub const MARGE: usize = 64 * 1024;

/// A too large upload is still read to its end, up to this many times the limit, before the 413
/// page is sent: a browser that is still sending when the server answers and closes often shows a
/// connection error instead of the answer. Bodies larger than that are cut off.
pub const AFVOER_FACTOR: usize = 4;

/// The body limit of the upload routes for a document limit of `max` bytes.
pub fn lichaamslimiet(max: usize) -> usize {
    max.saturating_mul(AFVOER_FACTOR).saturating_add(MARGE)
}

/// The file field of the form (its name as sent and its bytes), read chunk by chunk; refused as
/// soon as it passes `max` (the rest of the body is then read and dropped).
pub async fn lees_bestand(
    parts: &Parts,
    multipart: Result<Multipart, MultipartRejection>,
    max: usize,
) -> Result<(String, Vec<u8>), DocumentFout> {
    let lengte = parts.headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    if lengte.is_some_and(|l| l > lichaamslimiet(max)) {
        return Err(DocumentFout::TeGroot { max });
    }
    let mut multipart = multipart.map_err(|_| DocumentFout::GeenBestand)?;
    let afgekapt = |e: &axum::extract::multipart::MultipartError| e.status() == StatusCode::PAYLOAD_TOO_LARGE;
    let mut bestand: Option<(String, Vec<u8>)> = None;
    let mut te_groot = false;
    loop {
        let mut veld = match multipart.next_field().await {
            Ok(Some(v)) => v,
            Ok(None) => break,
            Err(e) if afgekapt(&e) => return Err(DocumentFout::TeGroot { max }),
            Err(_) => return Err(DocumentFout::GeenBestand),
        };
        let is_bestand = veld.name() == Some("bestand") && bestand.is_none() && !te_groot;
        let naam: String = veld.file_name().unwrap_or_default().chars().take(500).collect();
        let mut inhoud = Vec::new();
        loop {
            match veld.chunk().await {
                Ok(Some(stuk)) if is_bestand && !te_groot => {
                    if inhoud.len() + stuk.len() > max {
                        te_groot = true;
                        inhoud = Vec::new();
                    } else {
                        inhoud.extend_from_slice(&stuk);
                    }
                }
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(e) if afgekapt(&e) => return Err(DocumentFout::TeGroot { max }),
                Err(_) => return Err(DocumentFout::GeenBestand),
            }
        }
        if is_bestand && !te_groot {
            bestand = Some((naam, inhoud));
        }
    }
    match (te_groot, bestand) {
        (true, _) => Err(DocumentFout::TeGroot { max }),
        (false, Some(b)) => Ok(b),
        (false, None) => Err(DocumentFout::GeenBestand),
    }
}
