//! The word lists of the front matter (`channel`, `audience`, `automatic`, `case_types`).

use std::fmt;

use serde::{Deserialize, Serialize};

/// Defines a word-list enum with its file spelling, `ALLE`, `als_tekst` and `van_tekst`.
macro_rules! woordenlijst {
    ($(#[$doc:meta])* $naam:ident { $($(#[$vdoc:meta])* $variant:ident => $tekst:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $naam {
            $($(#[$vdoc])* #[serde(rename = $tekst)] $variant),+
        }

        impl $naam {
            /// Every value, in the order the error messages list them.
            pub const ALLE: &'static [$naam] = &[$($naam::$variant),+];

            /// The spelling in the template file.
            pub fn als_tekst(self) -> &'static str {
                match self {
                    $($naam::$variant => $tekst),+
                }
            }

            /// Reads the spelling in the template file.
            pub fn van_tekst(tekst: &str) -> Option<$naam> {
                Self::ALLE.iter().copied().find(|w| w.als_tekst() == tekst)
            }
        }

        impl fmt::Display for $naam {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.als_tekst())
            }
        }
    };
}

woordenlijst! {
    /// How the text is sent (`channel`).
    Kanaal {
        Email => "email",
        Brief => "brief",
        /// Usable both as e-mail and as letter.
        Beide => "beide",
    }
}

woordenlijst! {
    /// Who receives the text (`audience`).
    Publiek {
        Melder => "melder",
        Organisator => "organisator",
        Ouders => "ouders",
        /// Another service the case is referred to.
        Dienst => "dienst",
        Expert => "expert",
    }
}

woordenlijst! {
    /// An event on which the application sends the text by itself (`automatic`).
    Gebeurtenis {
        MeldingOntvangen => "melding-ontvangen",
    }
}

woordenlijst! {
    /// A kind of case the template is meant for (`case_types`).
    Zaaksoort {
        Melding => "melding",
        Vraag => "vraag",
        Klacht => "klacht",
    }
}

/// "a, b of c": the allowed spellings for an error message.
pub(crate) fn opsomming(woorden: &[&str]) -> String {
    match woorden {
        [] => String::new(),
        [enig] => (*enig).to_owned(),
        [begin @ .., laatste] => format!("{} of {laatste}", begin.join(", ")),
    }
}

/// The spellings of a word list as an "a, b of c" enumeration.
pub(crate) fn keuzes<T: Copy>(alle: &[T], tekst: fn(T) -> &'static str) -> String {
    let woorden: Vec<&str> = alle.iter().map(|w| tekst(*w)).collect();
    opsomming(&woorden)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_heen_en_terug() {
        for k in Kanaal::ALLE {
            assert_eq!(Kanaal::van_tekst(k.als_tekst()), Some(*k));
        }
        assert_eq!(Gebeurtenis::van_tekst("melding-ontvangen"), Some(Gebeurtenis::MeldingOntvangen));
        assert_eq!(Publiek::van_tekst("Melder"), None);
        assert_eq!(Zaaksoort::Klacht.to_string(), "klacht");
    }

    #[test]
    fn opsomming_in_het_nederlands() {
        assert_eq!(keuzes(Kanaal::ALLE, Kanaal::als_tekst), "email, brief of beide");
        assert_eq!(keuzes(Gebeurtenis::ALLE, Gebeurtenis::als_tekst), "melding-ontvangen");
        assert_eq!(opsomming(&[]), "");
    }
}
