//! The pattern that finds the reporter in the free text of their case (description, timeline,
//! notes, advice, document names), so that retention can replace them with `[melder]`.
//!
//! It matches, case-insensitively: the full name with any spacing, the family name alone (the
//! words after the first: "Maes", "Van den Broeck"), the e-mail address, and the phone number
//! with any separators, also written with +32/0032 instead of the leading 0 (and the other way).
//! The pattern uses the syntax of the `regex` crate, which SurrealDB applies.

/// What replaces the reporter in a text.
pub const VERVANGING: &str = "[melder]";

/// The pattern for this reporter, or `None` when there is nothing to look for.
pub fn melder_patroon(naam: Option<&str>, email: Option<&str>, telefoon: Option<&str>) -> Option<String> {
    let mut delen: Vec<String> = Vec::new();
    if let Some(naam) = naam {
        let woorden: Vec<&str> = naam.split_whitespace().collect();
        if woorden.iter().map(|w| w.chars().count()).sum::<usize>() >= 3 {
            delen.push(woorden_patroon(&woorden));
        }
        // The family name alone, when it is long enough not to match every other word.
        let familie = woorden.get(1..).unwrap_or_default();
        if !familie.is_empty() && familie.iter().map(|w| w.chars().count()).sum::<usize>() >= 3 {
            delen.push(woorden_patroon(familie));
        }
    }
    if let Some(email) = email.map(str::trim).filter(|e| e.contains('@')) {
        delen.push(regex::escape(email));
    }
    if let Some(tel) = telefoon {
        delen.extend(telefoon_patronen(tel));
    }
    if delen.is_empty() {
        return None;
    }
    // Longest first, so the full name wins over the family name inside it.
    delen.sort_by_key(|d| std::cmp::Reverse(d.len()));
    delen.dedup();
    Some(format!("(?i)(?:{})", delen.join("|")))
}

/// The words with any white space between them, as whole words.
fn woorden_patroon(woorden: &[&str]) -> String {
    let kern = woorden.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join(r"\s+");
    let begin = woorden.first().and_then(|w| w.chars().next()).is_some_and(char::is_alphanumeric);
    let einde = woorden.last().and_then(|w| w.chars().last()).is_some_and(char::is_alphanumeric);
    format!("{}{kern}{}", if begin { r"\b" } else { "" }, if einde { r"\b" } else { "" })
}

/// The digits of the number with any separators between them; a Belgian number also in its
/// other form (0470… and +32 470… / 0032 470…). Fewer than 6 digits: nothing (too general).
fn telefoon_patronen(telefoon: &str) -> Vec<String> {
    let cijfers: String = telefoon.chars().filter(char::is_ascii_digit).collect();
    if cijfers.len() < 6 {
        return Vec::new();
    }
    let internationaal = telefoon.trim_start().starts_with('+') || cijfers.starts_with("00");
    let nationaal = if internationaal {
        cijfers.trim_start_matches("00").strip_prefix("32").map(|rest| format!("0{rest}"))
    } else {
        Some(cijfers.clone())
    };
    let mut patronen = Vec::new();
    if let Some(nat) = nationaal {
        patronen.push(format!(r"\b{}\b", cijfers_patroon(&nat)));
        if let Some(rest) = nat.strip_prefix('0') {
            patronen
                .push(format!(r"(?:\+|\b00)[\s./-]*3[\s./-]*2[\s./-]*(?:\(0\)[\s./-]*)?{}\b", cijfers_patroon(rest)));
        }
    } else {
        // A foreign number: as written, with or without its + or 00.
        let zonder = cijfers.trim_start_matches("00");
        patronen.push(format!(r"(?:\+|\b00)?[\s./-]*{}\b", cijfers_patroon(zonder)));
    }
    patronen
}

fn cijfers_patroon(cijfers: &str) -> String {
    cijfers.chars().map(String::from).collect::<Vec<_>>().join(r"[\s./-]*")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weg(tekst: &str, naam: Option<&str>, email: Option<&str>, tel: Option<&str>) -> String {
        let Some(p) = melder_patroon(naam, email, tel) else { return tekst.to_string() };
        regex::Regex::new(&p).unwrap().replace_all(tekst, VERVANGING).into_owned()
    }

    #[test]
    fn the_full_name_in_any_case_and_spacing_and_the_family_name_alone() {
        let n = Some("Wout Maes");
        assert_eq!(weg("Gebeld met Wout Maes.", n, None, None), "Gebeld met [melder].");
        assert_eq!(weg("WOUT  MAES belde terug", n, None, None), "[melder] belde terug");
        assert_eq!(weg("mevrouw maes is ongerust", n, None, None), "mevrouw [melder] is ongerust");
        // Not inside other words, and the first name alone stays (it may be anyone's).
        assert_eq!(weg("Maeseyck, Wout", n, None, None), "Maeseyck, Wout");
    }

    #[test]
    fn a_family_name_with_particles_and_characters_that_mean_something_in_a_pattern() {
        let n = Some("Anna Van den Broeck");
        assert_eq!(weg("Brief aan mevr. van den broeck", n, None, None), "Brief aan mevr. [melder]");
        assert_eq!(weg("Jan O'Neil (ouder)", Some("Jan O'Neil"), None, None), "[melder] (ouder)");
        assert_eq!(weg("a+b c.d", Some("a+b c.d"), None, None), "[melder]");
        assert_eq!(weg("acd", Some("a+b c.d"), None, None), "acd");
    }

    #[test]
    fn the_email_address_in_any_case() {
        let e = Some("wout.maes@voorbeeld.be");
        assert_eq!(weg("Mail van Wout.Maes@Voorbeeld.be ontvangen", None, e, None), "Mail van [melder] ontvangen");
        assert_eq!(weg("woutXmaes@voorbeeld.be", None, e, None), "woutXmaes@voorbeeld.be");
    }

    #[test]
    fn the_phone_number_with_any_separators_and_in_both_belgian_forms() {
        let t = Some("0470 12 34 56");
        for tekst in ["0470123456", "0470/12.34.56", "+32 470 12 34 56", "0032470123456", "+32 (0)470 12 34 56"] {
            assert_eq!(weg(&format!("Bel {tekst} na 17u"), None, None, t), "Bel [melder] na 17u", "{tekst}");
        }
        assert_eq!(weg("Bel 0470 12 34 56", None, None, Some("+32 470 12 34 56")), "Bel [melder]");
        // Part of a longer number is not the reporter.
        assert_eq!(weg("dossier 104701234567", None, None, t), "dossier 104701234567");
    }

    #[test]
    fn nothing_to_look_for_gives_no_pattern() {
        assert_eq!(melder_patroon(None, None, None), None);
        assert_eq!(melder_patroon(Some(" "), Some("geen adres"), Some("12 34")), None);
        assert_eq!(melder_patroon(Some("Jo"), None, None), None);
    }
}
