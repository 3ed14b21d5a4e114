//! Accounts as the admin sees them, and the admin forms parsed from their fields.

use crate::advies::model::Discipline;
use crate::auth::model::{Rol, Wachtwoord};
use crate::gemeen::{Velden, Veldfouten};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRegel {
    pub id: String,
    pub naam: String,
    pub email: String,
    pub rollen: Vec<Rol>,
    pub discipline: Option<Discipline>,
    pub actief: bool,
    /// A second factor is enrolled (never the secret).
    pub totp: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BeheerOverzicht {
    pub accounts: Vec<AccountRegel>,
    /// Roles whose holders must use a second factor.
    pub verplicht: Vec<Rol>,
}

fn waarde<'a>(v: &'a Velden, k: &str) -> &'a str {
    v.get(k)
}

/// Roles and discipline from a form: at least one role; an expert needs a discipline.
pub fn parse_rollen(v: &Velden, fouten: &mut Veldfouten) -> (Vec<Rol>, Option<Discipline>) {
    let mut rollen: Vec<Rol> = v.alle("rol").filter_map(Rol::from_code).collect();
    rollen.dedup();
    let discipline = Discipline::from_code(waarde(v, "discipline"));
    if rollen.is_empty() {
        fouten.zet("rol", "Kies minstens één rol.");
    }
    if rollen.contains(&Rol::Expert) && discipline.is_none() {
        fouten.zet("discipline", "Kies de discipline van de expert.");
    }
    let discipline = discipline.filter(|_| rollen.contains(&Rol::Expert));
    (rollen, discipline)
}

pub fn parse_wachtwoord(v: &Velden, fouten: &mut Veldfouten) -> Option<Wachtwoord> {
    Wachtwoord::parse_nieuw(waarde(v, "wachtwoord")).map_err(|e| fouten.zet("wachtwoord", e)).ok()
}

pub struct NieuwAccount {
    pub email: String,
    pub naam: String,
    pub rollen: Vec<Rol>,
    pub discipline: Option<Discipline>,
    pub wachtwoord: Wachtwoord,
}

impl NieuwAccount {
    pub fn parse(v: &Velden) -> Result<Self, Veldfouten> {
        let mut fouten = Veldfouten::default();
        let email = waarde(v, "email").trim().to_lowercase();
        let geldig = email.len() <= 200
            && !email.contains(char::is_whitespace)
            && email.split_once('@').is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !b.contains('@'));
        if !geldig {
            fouten.zet("email", "Vul een geldig e-mailadres in, zoals naam@kindengezin.be.");
        }
        let naam = waarde(v, "naam").trim().to_string();
        if naam.is_empty() || naam.chars().count() > 200 {
            fouten.zet("naam", "Vul de naam in (hoogstens 200 tekens).");
        }
        let (rollen, discipline) = parse_rollen(v, &mut fouten);
        let wachtwoord = parse_wachtwoord(v, &mut fouten);
        match wachtwoord {
            Some(wachtwoord) if fouten.is_empty() => Ok(Self { email, naam, rollen, discipline, wachtwoord }),
            _ => Err(fouten),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn velden(v: &[(&str, &str)]) -> Velden {
        Velden::van(v)
    }

    #[test]
    fn a_new_account_needs_address_name_role_and_a_good_password() {
        let fout =
            NieuwAccount::parse(&velden(&[("email", "geen adres"), ("rol", "expert"), ("wachtwoord", "password1234")]))
                .err()
                .unwrap();
        assert_eq!(fout.0.keys().collect::<Vec<_>>(), ["discipline", "email", "naam", "wachtwoord"]);
        let ok = NieuwAccount::parse(&velden(&[
            ("email", "An@Meldpunt.test"),
            ("naam", "An"),
            ("rol", "expert"),
            ("rol", "casewerker"),
            ("discipline", "arts"),
            ("wachtwoord", "paarse olifant danst traag"),
        ]))
        .ok()
        .unwrap();
        assert_eq!(
            (ok.email.as_str(), ok.rollen.len(), ok.discipline),
            ("an@meldpunt.test", 2, Some(Discipline::Arts))
        );
    }
}
