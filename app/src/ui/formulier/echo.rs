//! What a refused post left for one form of the page: the values typed and the messages, read
//! field by field. The other forms of the page start empty (or with what is stored).

use crate::gemeen::FormEcho;
use leptos::prelude::*;

/// The echo in context when it belongs to this form, else nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Echo(pub Option<FormEcho>);

impl Echo {
    /// The echo of `formulier`, if the last post was that form.
    pub fn voor(formulier: &str) -> Self {
        Self(use_context::<FormEcho>().filter(|e| e.is(formulier)))
    }

    /// Whether this form was refused (e.g. to open its disclosure).
    pub fn is_er(&self) -> bool {
        self.0.is_some()
    }

    /// What was typed in `veld`, or "".
    pub fn waarde(&self, veld: &str) -> String {
        self.0.as_ref().map(|e| e.waarde(veld)).unwrap_or_default()
    }

    /// What was typed in `veld` after a refused post, otherwise `anders` (e.g. the stored value).
    pub fn of(&self, veld: &str, anders: impl FnOnce() -> String) -> String {
        self.0.as_ref().map_or_else(anders, |e| e.waarde(veld))
    }

    /// Every value sent for `veld` (check boxes), or `anders` without a refused post.
    pub fn alle_of(&self, veld: &str, anders: impl FnOnce() -> Vec<String>) -> Vec<String> {
        self.0.as_ref().map_or_else(anders, |e| e.invoer.alle(veld).map(str::to_string).collect())
    }

    /// Whether the check box `veld` was checked.
    pub fn aangevinkt(&self, veld: &str) -> bool {
        self.0.as_ref().is_some_and(|e| e.invoer.aangevinkt(veld))
    }

    /// The message next to `veld`.
    pub fn fout(&self, veld: &str) -> Option<String> {
        self.0.as_ref().and_then(|e| e.fout(veld))
    }

    /// The message above the form.
    pub fn melding(&self) -> Option<String> {
        self.0.as_ref().and_then(|e| e.melding.clone())
    }
}
