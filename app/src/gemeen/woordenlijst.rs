//! `woordenlijst!`: a closed list of values with a stable code (stored and sent in forms) and a
//! Dutch label (shown), e.g. the kinds of location or the roles.

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
    };
}
pub(crate) use woordenlijst;
