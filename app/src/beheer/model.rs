//! A service to refer to, as kept by the coordinators, and the parsing of its form.

use crate::gemeen::Veldfouten;
use crate::gemeen::contact::is_email;
use serde::{Deserialize, Serialize};

/// A service a case can be referred to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dienst {
    pub id: String,
    pub naam: String,
    /// When this service is the right place ("een inspectie ter plaatse is nodig").
    pub waarvoor: String,
    pub telefoon: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub actief: bool,
}

impl Dienst {
    /// "tel. 1712, https://www.1712.be", or empty.
    pub fn contact(&self) -> String {
        [self.telefoon.as_ref().map(|t| format!("tel. {t}")), self.email.clone(), self.website.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The name with how to reach it, as the timeline and the referral letter need it.
    pub fn met_contact(&self) -> String {
        match self.contact() {
            c if c.is_empty() => self.naam.clone(),
            c => format!("{} ({c})", self.naam),
        }
    }
}

/// The fields of the service form, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DienstInvoer {
    pub naam: String,
    pub waarvoor: String,
    pub telefoon: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
}

impl DienstInvoer {
    pub fn parse(get: impl Fn(&str) -> String) -> Result<Self, Veldfouten> {
        let mut f = Veldfouten::default();
        let naam = get("naam").trim().to_string();
        match naam.chars().count() {
            0 | 1 => f.zet("naam", "Vul de naam van de dienst in."),
            121.. => f.zet("naam", "Dit is te lang: hoogstens 120 tekens."),
            _ => {}
        }
        let waarvoor = get("waarvoor").trim().to_string();
        match waarvoor.chars().count() {
            0..=2 => f.zet("waarvoor", "Schrijf wanneer deze dienst de juiste plaats is."),
            501.. => f.zet("waarvoor", "Dit is te lang: hoogstens 500 tekens."),
            _ => {}
        }
        let leeg_of = |v: String| if v.trim().is_empty() { None } else { Some(v.trim().to_string()) };
        let telefoon = leeg_of(get("telefoon"));
        if let Some(t) = &telefoon
            && (t.chars().count() > 40 || !t.chars().any(|c| c.is_ascii_digit()) || t.chars().any(char::is_control))
        {
            f.zet("telefoon", "Geef een telefoonnummer, bijvoorbeeld 02 553 00 00.");
        }
        let email = leeg_of(get("email"));
        if let Some(e) = &email
            && !is_email(e)
        {
            f.zet("email", "Dit e-mailadres klopt niet. Voorbeeld: info@dienst.be");
        }
        let website = leeg_of(get("website")).map(|w| if w.starts_with("www.") { format!("https://{w}") } else { w });
        if let Some(w) = &website {
            let host = w.strip_prefix("https://").or_else(|| w.strip_prefix("http://")).unwrap_or("");
            if host.is_empty()
                || !host.contains('.')
                || w.len() > 300
                || w.chars().any(|c| c.is_whitespace() || c.is_control())
            {
                f.zet("website", "Geef een webadres dat begint met https://, bijvoorbeeld https://www.dienst.be.");
            }
        }
        if f.is_empty() { Ok(Self { naam, waarvoor, telefoon, email, website }) } else { Err(f) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(paren: &[(&str, &str)]) -> Result<DienstInvoer, Veldfouten> {
        let m: HashMap<String, String> = paren.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        DienstInvoer::parse(|k| m.get(k).cloned().unwrap_or_default())
    }

    #[test]
    fn a_service_needs_a_name_and_when_to_use_it() {
        let f = parse(&[("telefoon", "geen"), ("email", "info@"), ("website", "javascript:alert(1)")]).unwrap_err();
        assert_eq!(f.get("naam"), Some("Vul de naam van de dienst in."));
        assert!(f.get("waarvoor").is_some() && f.get("telefoon").is_some() && f.get("email").is_some());
        assert!(f.get("website").is_some(), "only web addresses");
        let d = parse(&[
            ("naam", " Huis van het Kind "),
            ("waarvoor", "opvoedingsvragen"),
            ("website", "www.huizenvanhetkind.be"),
        ])
        .unwrap();
        assert_eq!(d.naam, "Huis van het Kind");
        assert_eq!(d.website.as_deref(), Some("https://www.huizenvanhetkind.be"));
        assert_eq!(d.telefoon, None);
    }

    #[test]
    fn the_contact_line_lists_what_is_known() {
        let d = Dienst {
            id: "vk".into(),
            naam: "Vertrouwenscentrum".into(),
            waarvoor: "x".into(),
            telefoon: Some("1712".into()),
            email: None,
            website: Some("https://www.1712.be".into()),
            actief: true,
        };
        assert_eq!(d.met_contact(), "Vertrouwenscentrum (tel. 1712, https://www.1712.be)");
        assert!(crate::gemeen::is_sleutel("zorginspectie"));
    }
}
