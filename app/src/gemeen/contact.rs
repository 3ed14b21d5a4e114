//! Checks of contact data as typed in any form: an e-mail address and a phone number.

/// A pragmatic check: one `@`, a dot in the domain, no spaces, sane length.
pub fn is_email(s: &str) -> bool {
    let Some((lokaal, domein)) = s.split_once('@') else {
        return false;
    };
    !lokaal.is_empty()
        && s.len() <= 254
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && !domein.contains('@')
        && domein.split('.').count() >= 2
        && domein.split('.').all(|d| !d.is_empty())
}

/// Belgian and international numbers: digits with optional `+`, spaces, dots, slashes, dashes.
pub fn is_telefoon(s: &str) -> bool {
    let cijfers = s.chars().filter(char::is_ascii_digit).count();
    (9..=15).contains(&cijfers)
        && s.chars().all(|c| c.is_ascii_digit() || " +./-()".contains(c))
        && s.chars().skip(1).all(|c| c != '+')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_and_phone_checks() {
        assert!(is_email("a.b@voorbeeld.be"));
        assert!(!is_email("a@b"));
        assert!(!is_email("a b@voorbeeld.be"));
        assert!(!is_email("@voorbeeld.be"));
        assert!(is_telefoon("0470 12 34 56"));
        assert!(is_telefoon("+32 9 123 45 67"));
        assert!(!is_telefoon("09 12"));
        assert!(!is_telefoon("0470+123456"));
    }
}
