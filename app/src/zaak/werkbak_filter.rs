//! The werkbak's views and filters, as they appear in the query string of `/werkbak`, so a view
//! can be bookmarked and shared, and other case pages (an organiser's or a location's cases) link
//! to one. Parsed leniently: an unknown value is simply no filter.

use super::model::{Categorie, Referentie, Status, Urgentie, Zaaksoort};
use crate::gemeen::woordenlijst::woordenlijst;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

woordenlijst!(Weergave {
    Open => "open", "Alle open";
    Mijn => "mijn", "Mijn meldingen";
    NietToegewezen => "niet_toegewezen", "Niet toegewezen";
    TeLaat => "te_laat", "Te laat";
    Wacht => "wacht", "Wacht op informatie";
    Acuut => "acuut", "Acuut gevaar";
    Alle => "alle", "Alles, ook afgerond";
});

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WerkbakFilter {
    pub weergave: Option<Weergave>,
    pub status: Option<Status>,
    pub soort: Option<Zaaksoort>,
    pub categorie: Option<Categorie>,
    pub urgentie: Option<Urgentie>,
    /// Words to find in reference, location, reporter and description (lower-cased).
    pub zoek: Option<String>,
    /// Received from this Belgian date on (inclusive)…
    pub van: Option<NaiveDate>,
    /// …up to and including this date.
    pub tot: Option<NaiveDate>,
    pub locatie: Option<String>,
    pub organisator: Option<String>,
    /// Assigned to this staff member (the id); "mijn" fills it with the user's own id.
    pub behandelaar: Option<String>,
    pub oudste_eerst: bool,
    /// Only meldingen about organisers with this account manager (set by the server, never
    /// from the query string).
    #[serde(skip)]
    pub accountbeheerder: Option<String>,
    /// Only meldingen this staff member handles or co-handles (set by the server for "mijn").
    #[serde(skip)]
    pub mijn: Option<String>,
    /// Keyset cursor: the last row of the previous page.
    pub na: Option<WerkbakCursor>,
}

/// Where a page of the werkbak starts: after the row received at `ontvangen` with `referentie`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WerkbakCursor {
    pub ontvangen: DateTime<Utc>,
    pub referentie: String,
}

impl WerkbakCursor {
    /// `<rfc3339>~<referentie>` in the URL.
    pub fn encode(&self) -> String {
        format!("{}~{}", self.ontvangen.to_rfc3339(), self.referentie)
    }

    pub fn decode(s: &str) -> Option<Self> {
        let (ts, referentie) = s.split_once('~')?;
        let ontvangen = DateTime::parse_from_rfc3339(ts).ok()?.with_timezone(&Utc);
        let referentie = Referentie::parse(referentie)?.as_str().to_string();
        Some(Self { ontvangen, referentie })
    }
}

fn sleutel(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s.len() <= 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .then(|| s.to_string())
}

impl WerkbakFilter {
    /// From query parameters (`get` answers one parameter).
    pub fn uit_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let datum = |k: &str| get(k).and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok());
        Self {
            weergave: get("weergave").and_then(|w| Weergave::from_code(&w)),
            status: get("status").and_then(|s| Status::from_code(&s)),
            soort: get("soort").and_then(|s| Zaaksoort::from_code(&s)),
            categorie: get("onderwerp").and_then(|c| Categorie::from_code(&c)),
            urgentie: get("urgentie").and_then(|u| Urgentie::from_code(&u)),
            zoek: get("q")
                .map(|q| q.trim().to_lowercase().chars().take(100).collect::<String>())
                .filter(|q| !q.is_empty()),
            van: datum("van"),
            tot: datum("tot"),
            locatie: get("locatie").as_deref().and_then(sleutel),
            organisator: get("organisator").as_deref().and_then(sleutel),
            behandelaar: get("behandelaar").as_deref().and_then(sleutel),
            oudste_eerst: get("sorteer").as_deref() == Some("oudste"),
            accountbeheerder: None,
            mijn: None,
            na: get("na").and_then(|n| WerkbakCursor::decode(&n)),
        }
    }

    /// The query parameters of this filter (without the cursor), in a stable order.
    pub fn paren(&self) -> Vec<(&'static str, String)> {
        let mut p = Vec::new();
        let mut zet = |k: &'static str, v: Option<String>| {
            if let Some(v) = v {
                p.push((k, v));
            }
        };
        zet("weergave", self.weergave.map(|w| w.code().to_string()));
        zet("status", self.status.map(|s| s.code().to_string()));
        zet("soort", self.soort.map(|s| s.code().to_string()));
        zet("onderwerp", self.categorie.map(|c| c.code().to_string()));
        zet("urgentie", self.urgentie.map(|u| u.code().to_string()));
        zet("q", self.zoek.clone());
        zet("van", self.van.map(|d| d.format("%Y-%m-%d").to_string()));
        zet("tot", self.tot.map(|d| d.format("%Y-%m-%d").to_string()));
        zet("locatie", self.locatie.clone());
        zet("organisator", self.organisator.clone());
        zet("behandelaar", self.behandelaar.clone());
        zet("sorteer", self.oudste_eerst.then(|| "oudste".to_string()));
        p
    }

    /// `/werkbak?...` for this filter, optionally from a cursor on.
    pub fn link(&self, na: Option<&WerkbakCursor>) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in self.paren() {
            s.append_pair(k, &v);
        }
        if let Some(n) = na {
            s.append_pair("na", &n.encode());
        }
        let q = s.finish();
        if q.is_empty() { "/werkbak".into() } else { format!("/werkbak?{q}") }
    }

    /// The same filter with another view (other filters kept, paging reset).
    pub fn met_weergave(&self, w: Option<Weergave>) -> Self {
        Self { weergave: w, na: None, ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn uit(paren: &[(&str, &str)]) -> WerkbakFilter {
        let m: HashMap<String, String> = paren.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        WerkbakFilter::uit_query(|k| m.get(k).cloned())
    }

    #[test]
    fn a_view_survives_the_round_trip_through_its_link() {
        let f = uit(&[
            ("weergave", "te_laat"),
            ("onderwerp", "voeding"),
            ("q", "  Krullebol "),
            ("van", "2026-01-01"),
            ("locatie", "L0007"),
            ("sorteer", "oudste"),
        ]);
        assert_eq!(f.zoek.as_deref(), Some("krullebol"));
        let link = f.link(None);
        let q = link.strip_prefix("/werkbak?").unwrap();
        let m: HashMap<String, String> = form_urlencoded::parse(q.as_bytes()).into_owned().collect();
        assert_eq!(WerkbakFilter::uit_query(|k| m.get(k).cloned()), f);
    }

    #[test]
    fn unknown_or_hostile_values_are_no_filter() {
        let f = uit(&[("weergave", "x"), ("van", "gisteren"), ("locatie", "L1'; DELETE"), ("q", "   ")]);
        assert_eq!(f, WerkbakFilter::default());
    }
}
