//! A posted form as it travels through the code: the fields as sent (`Velden`, bounded so no
//! input makes the server do unbounded work), and the echo a refused form is shown again with
//! (`FormEcho`: what was typed and the messages per field).

use super::fout::{GebruikersFout, Veldfouten};
use serde::{Deserialize, Serialize};

/// At most this many fields are read from one form; the rest is ignored.
pub const MAX_VELDEN: usize = 200;
/// No value is read beyond this many characters (fields have their own, lower limits).
pub const MAX_WAARDE: usize = 10_001;

/// The fields of a posted form in the order sent; a name may repeat (check boxes).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Velden(pub Vec<(String, String)>);

impl Velden {
    /// Reads an `application/x-www-form-urlencoded` body.
    pub fn uit_body(body: &[u8]) -> Self {
        Self(
            form_urlencoded::parse(body)
                .take(MAX_VELDEN)
                .map(|(k, v)| (k.into_owned(), v.chars().take(MAX_WAARDE).collect()))
                .collect(),
        )
    }

    pub fn van(paren: &[(&str, &str)]) -> Self {
        Self(paren.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    /// The first value of `naam`, or "".
    pub fn get(&self, naam: &str) -> &str {
        self.0.iter().find(|(k, _)| k == naam).map_or("", |(_, v)| v.as_str())
    }

    /// The first value of `naam`, trimmed and cut to `max` characters.
    pub fn kort(&self, naam: &str, max: usize) -> String {
        self.get(naam).trim().chars().take(max).collect()
    }

    /// Every value of `naam` (a repeated field).
    pub fn alle<'a>(&'a self, naam: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0.iter().filter(move |(k, _)| k == naam).map(|(_, v)| v.as_str())
    }

    /// `get` as an owned-value closure, for parsers that take `impl Fn(&str) -> String`.
    pub fn lezer(&self) -> impl Fn(&str) -> String + '_ {
        move |k| self.get(k).to_string()
    }

    /// A checkbox: sent and not empty.
    pub fn aangevinkt(&self, naam: &str) -> bool {
        !self.get(naam).is_empty()
    }

    /// The fields as `(naam, waarde)` pairs of borrowed strings, for parsers that take those.
    pub fn paren(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The version of the object the form was made from (`versie`), if it is a number.
    pub fn versie(&self) -> Option<i64> {
        self.get("versie").trim().parse().ok()
    }

    /// Each name once, with its first value (for parsers that take a map).
    pub fn als_map(&self) -> std::collections::BTreeMap<String, String> {
        let mut m = std::collections::BTreeMap::new();
        for (k, v) in &self.0 {
            m.entry(k.clone()).or_insert_with(|| v.clone());
        }
        m
    }

    /// Only the named fields, e.g. to echo a form without its password fields.
    pub fn alleen(&self, namen: &[&str]) -> Self {
        Self(self.0.iter().filter(|(k, _)| namen.contains(&k.as_str())).cloned().collect())
    }
}

/// A refused form, handed back to its page: which form of the page was sent (a page can hold
/// several), what was typed, a message per field and one above the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormEcho {
    pub formulier: String,
    pub invoer: Velden,
    pub fouten: Veldfouten,
    pub melding: Option<String>,
}

impl FormEcho {
    pub fn nieuw(formulier: impl Into<String>, invoer: Velden) -> Self {
        Self { formulier: formulier.into(), invoer, ..Default::default() }
    }

    /// Whether this echo belongs to the form `formulier` (the others on the page start empty).
    pub fn is(&self, formulier: &str) -> bool {
        self.formulier == formulier
    }

    /// The value typed in `veld`, or "".
    pub fn waarde(&self, veld: &str) -> String {
        self.invoer.get(veld).to_string()
    }

    pub fn fout(&self, veld: &str) -> Option<String> {
        self.fouten.get(veld).map(str::to_string)
    }

    pub fn met_fouten(mut self, fouten: Veldfouten) -> Self {
        self.fouten = fouten;
        self
    }

    pub fn met_melding(mut self, melding: impl Into<String>) -> Self {
        self.melding = Some(melding.into());
        self
    }

    /// The error's message next to its field, or above the form.
    pub fn met_fout(mut self, e: &impl GebruikersFout) -> Self {
        match e.veld() {
            Some(veld) => self.fouten.zet(veld, &e.bericht()),
            None => self.melding = Some(e.bericht()),
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_is_read_bounded_and_in_order() {
        let lang = "x".repeat(MAX_WAARDE + 50);
        let body = format!("a=1&bron=p1&bron=p2&lang={lang}");
        let v = Velden::uit_body(body.as_bytes());
        assert_eq!(v.get("a"), "1");
        assert_eq!(v.alle("bron").collect::<Vec<_>>(), ["p1", "p2"]);
        assert_eq!(v.get("lang").chars().count(), MAX_WAARDE);
        assert_eq!(v.get("ontbreekt"), "");
        let veel = (0..500).map(|i| format!("v{i}=x")).collect::<Vec<_>>().join("&");
        assert_eq!(Velden::uit_body(veel.as_bytes()).0.len(), MAX_VELDEN);
    }

    #[test]
    fn the_version_is_a_number_or_nothing() {
        assert_eq!(Velden::van(&[("versie", " 7 ")]).versie(), Some(7));
        assert_eq!(Velden::van(&[("versie", "zeven")]).versie(), None);
    }
}
