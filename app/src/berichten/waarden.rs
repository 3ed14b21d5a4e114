//! The merge-field values of one case: what a draft is filled with. A field the case has no value
//! for becomes a fill-in marker (`[[…]]`) naming what is missing, so the message cannot be sent
//! until someone writes it.

use super::repo::ZaakDb;
use crate::zaak::model::{Beoordeling, Zaaksoort};
use chrono::{DateTime, NaiveDate, Utc};

/// Who sends, as the team fields show it.
#[derive(Debug, Clone)]
pub struct Team {
    pub naam: String,
    pub telefoon: String,
    pub email: String,
}

/// Private-use characters around a missing field's description while filling in: the template
/// engine escapes `[` in values, so the marker is put in afterwards.
const OPEN: char = '\u{E000}';
const DICHT: char = '\u{E001}';

/// The value of `veld` for this case, `None` when the case has none.
pub fn waarde(z: &ZaakDb, team: &Team, veld: &str, nu: DateTime<Utc>) -> Option<String> {
    let datum = |d: &Option<String>| {
        d.as_deref().and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()).map(crate::tijd::voluit)
    };
    let melder = |w: &Option<String>| if z.melder_anoniem || z.geanonimiseerd { None } else { w.clone() };
    let adres = match (&z.locatie_straat, &z.locatie_postcode, &z.locatie_gemeente) {
        (Some(s), Some(p), Some(g)) => Some(format!("{s}, {p} {g}")),
        _ => None,
    };
    let v = match veld {
        "vandaag" => Some(crate::tijd::voluit(crate::tijd::vandaag(nu))),
        "melder.naam" => melder(&z.melder_naam),
        "melder.email" => melder(&z.melder_email),
        "melding.referentie" => Some(z.referentie.clone()),
        "melding.soort" => Zaaksoort::from_code(&z.soort).map(|s| s.label().to_lowercase()),
        "melding.ontvangen" => Some(crate::tijd::voluit(crate::tijd::vandaag(z.ontvangen))),
        "melding.feit_datum" => datum(&Some(z.feit_datum.clone())),
        "melding.categorieen" => Some(categorieen(&z.categorieen)),
        "locatie.naam" => z.locatie_naam.clone(),
        "locatie.adres" => adres,
        "organisator.naam" => z.organisator_naam.clone(),
        "behandelaar.naam" => z.behandelaar_naam.clone(),
        "termijn.bevestiging" => datum(&z.vervalt_bevestiging),
        "termijn.uitkomst" => datum(&z.vervalt_uitkomst),
        "conclusie" => z.conclusie.as_deref().and_then(Beoordeling::from_code).map(|b| b.label().to_lowercase()),
        "conclusie.toelichting" => z.conclusie_tekst.clone(),
        "team.naam" => Some(team.naam.clone()),
        "team.telefoon" => Some(team.telefoon.clone()),
        "team.email" => Some(team.email.clone()),
        _ => None,
    };
    v.filter(|w| !w.trim().is_empty())
}

fn categorieen(codes: &[String]) -> String {
    let labels: Vec<String> = codes
        .iter()
        .map(|c| crate::zaak::model::Categorie::from_code(c).map_or_else(|| c.clone(), |c| c.label().to_lowercase()))
        .collect();
    match labels.as_slice() {
        [] => String::new(),
        [een] => een.clone(),
        [begin @ .., laatste] => format!("{} en {laatste}", begin.join(", ")),
    }
}

/// The fields a text tests with `{{#als …}}`: the template has its own wording for when they are
/// empty, so a missing value is simply absent there.
pub fn getest(t: &sjabloon::Tekst) -> Vec<&'static str> {
    fn loop_door(delen: &[sjabloon::Deel], uit: &mut Vec<&'static str>) {
        for d in delen {
            if let sjabloon::Deel::Als { veld, dan, anders, .. } = d {
                uit.push(veld);
                loop_door(dan, uit);
                loop_door(anders, uit);
            }
        }
    }
    let mut uit = Vec::new();
    loop_door(t.delen(), &mut uit);
    uit
}

/// The value for filling in: the case's value; absent when missing and the template tests the
/// field (`getest`); otherwise a placeholder that [`markeer`] turns into a fill-in marker with
/// the field's description.
pub fn of_invulplek(z: &ZaakDb, team: &Team, veld: &str, getest: &[&str], nu: DateTime<Utc>) -> Option<String> {
    waarde(z, team, veld, nu).or_else(|| {
        if getest.contains(&veld) {
            return None;
        }
        let uitleg = sjabloon::VELDEN.iter().find(|v| v.naam == veld).map_or(veld, |v| v.uitleg);
        Some(format!("{OPEN}{uitleg}{DICHT}"))
    })
}

/// Turns the placeholders of [`of_invulplek`] into `[[…]]` markers.
pub fn markeer(tekst: &str) -> String {
    tekst.replace(OPEN, "[[").replace(DICHT, "]]")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team() -> Team {
        Team { naam: "Meldpunt".into(), telefoon: "02 000 00 00".into(), email: "m@example.be".into() }
    }

    #[test]
    fn anonymous_reporters_have_no_name_and_missing_values_become_markers() {
        let z = ZaakDb {
            referentie: "M-2030-00001".into(),
            melder_naam: Some("Jana".into()),
            melder_anoniem: true,
            categorieen: vec!["veiligheid".into(), "voeding".into(), "andere".into()],
            ..Default::default()
        };
        let nu = Utc::now();
        assert_eq!(waarde(&z, &team(), "melder.naam", nu), None);
        assert_eq!(waarde(&z, &team(), "melding.categorieen", nu).as_deref(), Some("veiligheid, voeding en iets anders"));
        let plek = of_invulplek(&z, &team(), "dienst.naam", &[], nu).unwrap_or_default();
        assert_eq!(markeer(&plek), "[[Naam van de dienst waarnaar we doorverwijzen]]");
        assert_eq!(of_invulplek(&z, &team(), "dienst.naam", &["dienst.naam"], nu), None);
    }
}
