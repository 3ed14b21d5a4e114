//! TOTP codes (RFC 6238: HMAC-SHA1, 6 digits, 30 s, one step of clock skew each way) via
//! `totp-rs`, the QR code as inline SVG, and recovery codes. Server only.

use totp_rs::{Algorithm, Builder, Secret, Totp};

/// Shown as issuer in the authenticator app.
pub const UITGEVER: &str = "Meldpunt kinderopvang";

/// A TOTP secret: 160 random bits in base32. Not `Serialize`, not printed.
pub struct Geheim(String);

impl Geheim {
    pub fn nieuw() -> Self {
        let b: [u8; 20] = rand::random();
        Self(Secret::from(b).to_base32())
    }

    pub fn van(base32: String) -> Self {
        Self(base32)
    }

    pub fn base32(&self) -> &str {
        &self.0
    }

    /// The secret in groups of four, easier to type into an app by hand.
    pub fn in_groepen(&self) -> String {
        self.0.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
    }

    fn totp(&self, account: &str) -> Option<Totp> {
        let secret = Secret::try_from_base32(&self.0).ok()?;
        Builder::new()
            .with_algorithm(Algorithm::SHA1)
            .with_digits(6)
            .with_step_duration(30)
            .with_skew(1)
            .with_secret(secret)
            .with_account_name(account.replace(':', ""))
            .with_issuer(Some(UITGEVER))
            .build()
            .map_err(|e| tracing::error!(error = %e, "TOTP secret not usable"))
            .ok()
    }

    /// The time step (Unix time / 30) of the code if it is valid at `tijd` (one step either
    /// side allowed for clock drift); the caller refuses a step used before.
    pub fn controleer(&self, code: &str, tijd: u64) -> Option<u64> {
        self.totp("x")?.check(code, tijd)
    }

    /// The code at `tijd` (for tests and the demo).
    pub fn code(&self, tijd: u64) -> Option<String> {
        Some(self.totp("x")?.generate(tijd).to_string())
    }

    /// The `otpauth://totp/...` URL an authenticator app reads from the QR code.
    pub fn otpauth_url(&self, account: &str) -> Option<String> {
        self.totp(account)?.to_url().ok()
    }
}

impl std::fmt::Debug for Geheim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Geheim(***)")
    }
}

/// The QR code of `tekst` as an inline SVG image with a text alternative.
pub fn qr_svg(tekst: &str, beschrijving: &str) -> Option<String> {
    let qr = qrcode::QrCode::new(tekst.as_bytes()).ok()?;
    let breedte = qr.width();
    let kleuren = qr.to_colors();
    let rand = 4;
    let maat = breedte + 2 * rand;
    let mut pad = String::new();
    for (i, kleur) in kleuren.iter().enumerate() {
        if *kleur == qrcode::Color::Dark {
            let (x, y) = (i % breedte + rand, i / breedte + rand);
            pad.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    let titel: String =
        beschrijving.chars().map(|c| if matches!(c, '<' | '>' | '&' | '"') { ' ' } else { c }).collect();
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {maat} {maat}\" width=\"240\" height=\"240\" \
         role=\"img\" aria-labelledby=\"qr-titel\" shape-rendering=\"crispEdges\"><title id=\"qr-titel\">{titel}</title>\
         <rect width=\"{maat}\" height=\"{maat}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{pad}\"/></svg>"
    ))
}

/// How many recovery codes an account gets.
pub const AANTAL_HERSTELCODES: usize = 10;

/// Letters and digits that cannot be mistaken for each other (no 0/O, 1/I).
const ALFABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// Symbols in one recovery code: 16 of 32 = 80 random bits.
pub const HERSTELCODE_LEN: usize = 16;

/// Ten recovery codes of 16 symbols (80 random bits each), as `XXXX-XXXX-XXXX-XXXX`.
pub fn herstelcodes() -> Vec<String> {
    (0..AANTAL_HERSTELCODES)
        .map(|_| {
            let b: [u8; HERSTELCODE_LEN] = rand::random();
            let s: Vec<char> = b.iter().map(|x| char::from(ALFABET[usize::from(x % 32)])).collect();
            s.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_is_an_svg_image_with_a_title() {
        let g = Geheim::nieuw();
        assert_eq!(g.base32().len(), 32);
        let url = g.otpauth_url("els@meldpunt.test").unwrap();
        assert!(url.starts_with("otpauth://totp/"));
        assert!(url.contains(&format!("secret={}", g.base32())));
        let svg = qr_svg(&url, "QR-code <voor> de app").unwrap();
        assert!(
            svg.starts_with("<svg")
                && svg.contains("role=\"img\"")
                && svg.contains("<title id=\"qr-titel\">QR-code  voor  de app</title>")
        );
        assert_eq!(format!("{g:?}"), "Geheim(***)");
    }

    #[test]
    fn recovery_codes_are_distinct_and_readable() {
        let c = herstelcodes();
        assert_eq!(c.len(), 10);
        assert!(c.iter().all(|c| c.len() == 19 && c.split('-').all(|d| d.len() == 4)));
        let uniek: std::collections::HashSet<_> = c.iter().collect();
        assert_eq!(uniek.len(), 10);
    }
}
