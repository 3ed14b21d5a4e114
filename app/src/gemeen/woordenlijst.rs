//! `woordenlijst!`: a closed list of values with a stable code (stored and sent in forms) and a
//! Dutch label (shown), e.g. the kinds of location or the roles.
//!
//! On the server every list is also a `SurrealValue` stored as its code, so a repo row holds the
//! enum itself. A stored code that is not on the list is an error naming the list and the code
//! (never a panic, never a silent default).

macro_rules! woordenlijst {
    ($naam:ident { $($variant:ident => $code:literal, $label:literal;)+ }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $naam { $($variant,)+ }

        impl $naam {
            pub const ALLE: &'static [$naam] = &[$($naam::$variant,)+];
            /// The stable code stored in the database and sent in forms.
            pub fn code(self) -> &'static str { match self { $($naam::$variant => $code,)+ } }
            /// The Dutch label shown to people.
            pub fn label(self) -> &'static str { match self { $($naam::$variant => $label,)+ } }
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($naam::$variant),)+ _ => None }
            }
        }

        #[cfg(feature = "ssr")]
        impl surrealdb::types::SurrealValue for $naam {
            fn kind_of() -> surrealdb::types::Kind {
                surrealdb::types::Kind::String
            }
            fn is_value(v: &surrealdb::types::Value) -> bool {
                matches!(v, surrealdb::types::Value::String(s) if Self::from_code(s).is_some())
            }
            fn into_value(self) -> surrealdb::types::Value {
                surrealdb::types::Value::String(self.code().to_string())
            }
            fn from_value(v: surrealdb::types::Value) -> Result<Self, surrealdb::types::Error> {
                $crate::gemeen::woordenlijst::uit_code(v, stringify!($naam), Self::from_code)
            }
        }
    };
}
pub(crate) use woordenlijst;

/// Reads a stored code into a word list's value: the shared body of every `from_value`.
#[cfg(feature = "ssr")]
pub fn uit_code<T>(
    v: surrealdb::types::Value,
    lijst: &str,
    uit: fn(&str) -> Option<T>,
) -> Result<T, surrealdb::types::Error> {
    match v {
        surrealdb::types::Value::String(s) => uit(&s)
            .ok_or_else(|| surrealdb::types::Error::internal(format!("unknown {lijst} code in the database: {s:?}"))),
        anders => Err(surrealdb::types::conversion_error(surrealdb::types::Kind::String, anders)),
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use surrealdb::types::{SurrealValue, Value};

    woordenlijst!(Kleur {
        Rood => "rood", "Rood";
        Lichtblauw => "licht_blauw", "Lichtblauw";
    });

    #[derive(Debug, SurrealValue)]
    #[surreal(crate = "surrealdb::types")]
    struct Rij {
        kleur: Kleur,
        andere: Option<Kleur>,
        lijst: Vec<Kleur>,
    }

    #[test]
    fn a_word_is_stored_as_its_code_and_read_back() {
        assert_eq!((Kleur::ALLE.len(), Kleur::Lichtblauw.label()), (2, "Lichtblauw"));
        assert_eq!(Kleur::Lichtblauw.into_value(), Value::String("licht_blauw".into()));
        assert_eq!(Kleur::from_value(Value::String("licht_blauw".into())).unwrap(), Kleur::Lichtblauw);
        let rij = Rij { kleur: Kleur::Rood, andere: None, lijst: vec![Kleur::Lichtblauw, Kleur::Rood] };
        let terug = Rij::from_value(rij.into_value()).unwrap();
        assert_eq!((terug.kleur, terug.andere, terug.lijst), (Kleur::Rood, None, vec![Kleur::Lichtblauw, Kleur::Rood]));
    }

    #[test]
    fn an_unknown_code_is_a_clear_error() {
        let e = Kleur::from_value(Value::String("groen".into())).unwrap_err();
        assert!(e.to_string().contains("unknown Kleur code in the database: \"groen\""), "{e}");
        assert!(Kleur::from_value(Value::Bool(true)).is_err());
        assert!(!Kleur::is_value(&Value::String("groen".into())));
        let mut rij = Rij { kleur: Kleur::Rood, andere: Some(Kleur::Rood), lijst: vec![] }.into_value();
        if let Value::Object(o) = &mut rij {
            o.insert("andere".to_string(), Value::String("paars".into()));
        }
        let e = Rij::from_value(rij).unwrap_err().to_string();
        assert!(e.contains("andere") && e.contains("\"paars\""), "{e}");
    }
}
