//! Keys of our own records (`dienst`, `regel`, analysis points, …) as they travel in forms and
//! paths: only ASCII letters, digits and `_`, at most 64, so one never reaches a query unchecked.

use serde::{Deserialize, Serialize};

pub fn is_sleutel(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Sleutel(String);

impl Sleutel {
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        is_sleutel(s).then(|| Self(s.to_string()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A new random key: 20 hex digits (80 bits), as documents have.
    #[cfg(feature = "ssr")]
    pub fn nieuw() -> Self {
        Self(format!("{:020x}", rand::random::<u128>() >> 48))
    }
}

impl TryFrom<String> for Sleutel {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s).ok_or("geen geldige sleutel")
    }
}

impl From<Sleutel> for String {
    fn from(s: Sleutel) -> Self {
        s.0
    }
}

impl std::fmt::Display for Sleutel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_keys_pass() {
        assert_eq!(Sleutel::parse(" jurist_1 ").map(|s| s.to_string()), Some("jurist_1".into()));
        for slecht in ["", "a b", "a-b", "x'; DELETE", "é", &"a".repeat(65)] {
            assert!(Sleutel::parse(slecht).is_none(), "{slecht:?}");
        }
    }
}
