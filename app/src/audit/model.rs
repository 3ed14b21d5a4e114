//! What the coordinator's audit page and the CSV export show, and their filters as they appear
//! in the query string (`/audit?gebruiker=…&actie=…&object=…&van=…&tot=…`), so that the log of
//! a case or of a user is a plain link. Parsed leniently: an unknown value is no filter.

use crate::gemeen::audit::Actie;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Entries per page.
pub const AUDIT_PAGINA: usize = 50;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditFilter {
    /// An account's record key, or `systeem`.
    pub gebruiker: Option<String>,
    pub actie: Option<Actie>,
    /// The object exactly as logged: a reference (`M-2026-00042`), `account:<e-mail>`, …
    pub object: Option<String>,
    /// From this Belgian date on (inclusive)…
    pub van: Option<NaiveDate>,
    /// …up to and including this date.
    pub tot: Option<NaiveDate>,
    /// Keyset cursor: the last entry of the previous page.
    pub na: Option<AuditCursor>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditCursor {
    pub tijdstip: DateTime<Utc>,
    pub id: String,
}

fn sleutel(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s.len() <= 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .then(|| s.to_string())
}

impl AuditCursor {
    /// `<rfc3339>~<id>` in the URL.
    pub fn encode(&self) -> String {
        format!("{}~{}", self.tijdstip.to_rfc3339(), self.id)
    }

    pub fn decode(s: &str) -> Option<Self> {
        let (ts, id) = s.split_once('~')?;
        let tijdstip = DateTime::parse_from_rfc3339(ts).ok()?.with_timezone(&Utc);
        Some(Self { tijdstip, id: sleutel(id)? })
    }
}

impl AuditFilter {
    /// From query parameters (`get` answers one parameter).
    pub fn uit_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let datum = |k: &str| get(k).and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok());
        Self {
            gebruiker: get("gebruiker").as_deref().and_then(sleutel),
            actie: get("actie").and_then(|a| Actie::from_code(a.trim())),
            object: get("object")
                .map(|o| crate::gemeen::audit::schoon(o.trim()).chars().take(300).collect::<String>())
                .filter(|o| !o.is_empty()),
            van: datum("van"),
            tot: datum("tot"),
            na: get("na").and_then(|n| AuditCursor::decode(&n)),
        }
    }

    /// From a raw query string (`a=b&c=d`).
    pub fn uit_querystring(q: &str) -> Self {
        let velden: Vec<(String, String)> = form_urlencoded::parse(q.as_bytes()).into_owned().take(32).collect();
        Self::uit_query(|k| velden.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()))
    }

    /// The query parameters of this filter (without the cursor), in a stable order.
    pub fn paren(&self) -> Vec<(&'static str, String)> {
        let datum = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        [
            ("gebruiker", self.gebruiker.clone()),
            ("actie", self.actie.map(|a| a.code().to_string())),
            ("object", self.object.clone()),
            ("van", datum(self.van)),
            ("tot", datum(self.tot)),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect()
    }

    /// `pad?...` for this filter (`/audit` or `/audit.csv`), optionally from a cursor on.
    pub fn link(&self, pad: &str, na: Option<&AuditCursor>) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in self.paren() {
            s.append_pair(k, &v);
        }
        if let Some(n) = na {
            s.append_pair("na", &n.encode());
        }
        let q = s.finish();
        if q.is_empty() { pad.to_string() } else { format!("{pad}?{q}") }
    }
}

/// One entry as the page and the export show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditRegel {
    pub id: String,
    pub tijdstip: DateTime<Utc>,
    /// The account key (or `systeem`); none for anonymous or failed attempts.
    pub gebruiker: Option<String>,
    /// The account's name and e-mail address as they are now.
    pub naam: Option<String>,
    pub rollen: Vec<String>,
    pub actie: Actie,
    pub object: Option<String>,
    pub adres: Option<String>,
}

/// An account for the "user" filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Medewerker {
    pub id: String,
    /// "Els Vermeulen (els@meldpunt.test)"
    pub naam: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditPagina {
    pub rijen: Vec<AuditRegel>,
    pub volgende: Option<AuditCursor>,
    pub medewerkers: Vec<Medewerker>,
}

/// A CSV cell that a spreadsheet will not run as a formula: a value that starts with `=`, `+`,
/// `-`, `@` (or a tab or carriage return, which spreadsheets skip before such a sign) gets a
/// leading apostrophe, so it shows as the text it is. Applied to every cell of the export.
pub fn csv_cel(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_round_trips_through_the_query_string() {
        let f = AuditFilter::uit_querystring(
            "gebruiker=abc123&actie=bekijken&object=M-2026-00042&van=2026-01-01&tot=2026-01-31&onzin=1",
        );
        assert_eq!(f.gebruiker.as_deref(), Some("abc123"));
        assert_eq!(f.actie, Some(Actie::Bekijken));
        assert_eq!(f.object.as_deref(), Some("M-2026-00042"));
        assert_eq!(
            f.link("/audit", None),
            "/audit?gebruiker=abc123&actie=bekijken&object=M-2026-00042&van=2026-01-01&tot=2026-01-31"
        );
        assert_eq!(AuditFilter::uit_querystring(&f.link("/audit", None)[7..]), f);
    }

    #[test]
    fn bad_values_are_no_filter() {
        let f = AuditFilter::uit_querystring("gebruiker=a%20b%27&actie=wissen&van=gisteren&object=&na=x");
        assert_eq!(f, AuditFilter::default());
        assert_eq!(f.link("/audit.csv", None), "/audit.csv");
    }

    #[test]
    fn the_cursor_round_trips() {
        let c = AuditCursor { tijdstip: Utc::now(), id: "x1y2".into() };
        assert_eq!(AuditCursor::decode(&c.encode()), Some(c));
        assert_eq!(AuditCursor::decode("2026-01-01T00:00:00Z~a'b"), None);
    }

    #[test]
    fn formula_cells_are_escaped() {
        for gevaarlijk in ["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\r=1", "=HYPERLINK(\"http://x\")"] {
            assert!(csv_cel(gevaarlijk).starts_with('\''), "{gevaarlijk}");
        }
        assert_eq!(csv_cel("M-2026-00001"), "M-2026-00001");
        assert_eq!(csv_cel(""), "");
    }
}
