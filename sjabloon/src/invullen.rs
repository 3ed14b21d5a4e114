//! Filling in a template: merge-field values in, optional parts chosen, values escaped.

use crate::tekst::{Deel, Tekst};

/// How merge-field values are inserted. Only values are escaped, never the template's own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ontsnapping {
    /// For a markdown body: markdown punctuation, `<`, `>` and `&` in values get a backslash,
    /// so a melder called `*<script>*` stays plain text. Line breaks in a value become markdown
    /// hard line breaks and each value line is trimmed, so a value cannot start a new block
    /// (list, heading, code block) or paragraph.
    Markdown,
    /// Values as they are: for plain-text parts.
    Geen,
}

impl Tekst {
    /// Fills in the template. `waarden` gives a field's value; a field without value (`None`)
    /// renders as empty, and `{{#als veld}}` treats empty or whitespace-only as absent.
    /// `{{#als veld = "waarde"}}` compares the trimmed value exactly (case matters).
    /// `[[…]]` markers stay in the result for a person to fill in (see [`crate::open_plekken`]).
    pub fn vul_in(&self, waarden: &impl Fn(&str) -> Option<String>, ontsnap: Ontsnapping) -> String {
        let mut uit = String::new();
        schrijf(self.delen(), waarden, ontsnap, &mut uit);
        uit
    }

    /// Fills in a subject: values as they are ([`Ontsnapping::Geen`]), every run of CR/LF
    /// characters (from a value or elsewhere) becomes one space, and the ends are trimmed, so
    /// the result is one line that is safe for a mail header. Callers need not flatten anything.
    pub fn onderwerp(&self, waarden: &impl Fn(&str) -> Option<String>) -> String {
        let gevuld = self.vul_in(waarden, Ontsnapping::Geen);
        let mut uit = String::with_capacity(gevuld.len());
        let mut in_regeleinde = false;
        for teken in gevuld.chars() {
            let is_einde = teken == '\r' || teken == '\n';
            if is_einde && !in_regeleinde {
                uit.push(' ');
            } else if !is_einde {
                uit.push(teken);
            }
            in_regeleinde = is_einde;
        }
        uit.trim().to_owned()
    }
}

fn schrijf(delen: &[Deel], waarden: &dyn Fn(&str) -> Option<String>, ontsnap: Ontsnapping, uit: &mut String) {
    for deel in delen {
        match deel {
            Deel::Letterlijk(tekst) => uit.push_str(tekst),
            Deel::Veld(veld) => match (waarden(veld), ontsnap) {
                (Some(waarde), Ontsnapping::Markdown) => ontsnap_markdown(&waarde, uit),
                (Some(waarde), Ontsnapping::Geen) => uit.push_str(&waarde),
                (None, _) => {}
            },
            Deel::Invulplek(tekst) => {
                uit.push_str("[[");
                uit.push_str(tekst);
                uit.push_str("]]");
            }
            Deel::Als { veld, waarde, dan, anders } => {
                let gegeven = waarden(veld).unwrap_or_default();
                let gegeven = gegeven.trim();
                let waar = match waarde {
                    None => !gegeven.is_empty(),
                    Some(verwacht) => gegeven == verwacht,
                };
                schrijf(if waar { dan } else { anders }, waarden, ontsnap, uit);
            }
        }
    }
}

/// Markup characters anywhere on a line. Braces too: a value must not look like a merge field
/// to [`crate::open_plekken`].
const ALTIJD: &[char] = &['\\', '`', '*', '_', '{', '}', '[', ']', '<', '>', '&', '~', '|'];

/// Markup characters only at the start of a line (headings, lists, setext underlines).
const REGELBEGIN: &[char] = &['#', '-', '+', '='];

fn ontsnap_markdown(waarde: &str, uit: &mut String) {
    let regels = waarde.split(['\r', '\n']).map(str::trim).filter(|r| !r.is_empty());
    for (index, regel) in regels.enumerate() {
        if index > 0 {
            // Backslash before the line break: a hard line break, not a new paragraph.
            uit.push_str("\\\n");
        }
        ontsnap_regel(regel, uit);
    }
}

fn ontsnap_regel(regel: &str, uit: &mut String) {
    let cijfers = regel.chars().take_while(char::is_ascii_digit).count();
    for (index, teken) in regel.chars().enumerate() {
        // "1." or "1)" at the start would begin an ordered list.
        let lijstnummer = cijfers > 0 && index == cijfers && (teken == '.' || teken == ')');
        if ALTIJD.contains(&teken) || (index == 0 && REGELBEGIN.contains(&teken)) || lijstnummer {
            uit.push('\\');
        }
        uit.push(teken);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ontsnapt(waarde: &str) -> String {
        let mut uit = String::new();
        ontsnap_markdown(waarde, &mut uit);
        uit
    }

    #[test]
    fn markdown_en_html_in_waarden() {
        assert_eq!(ontsnapt("*<script>*"), r"\*\<script\>\*");
        assert_eq!(ontsnapt("a_b & [c](d) `e` ~f~ |g| {{h}} \\"), r"a\_b \& \[c\](d) \`e\` \~f\~ \|g\| \{\{h\}\} \\");
        assert_eq!(ontsnapt("Jan & Piet <jan@x.be>"), r"Jan \& Piet \<jan@x.be\>");
    }

    #[test]
    fn regelbegin_alleen_aan_het_begin() {
        assert_eq!(ontsnapt("# Kop"), r"\# Kop");
        assert_eq!(ontsnapt("- lijst"), r"\- lijst");
        assert_eq!(ontsnapt("+ lijst"), r"\+ lijst");
        assert_eq!(ontsnapt("==="), r"\===");
        assert_eq!(ontsnapt("12. lijst"), r"12\. lijst");
        assert_eq!(ontsnapt("3) lijst"), r"3\) lijst");
        assert_eq!(ontsnapt("M-2024-0001 #3 a+b=c 1.5"), "M-2024-0001 #3 a+b=c 1.5");
        assert_eq!(ontsnapt("2024-05-01"), "2024-05-01");
    }

    #[test]
    fn regeleinden_worden_harde_regeleinden() {
        assert_eq!(ontsnapt("Kerkstraat 1\r\n9000 Gent"), "Kerkstraat 1\\\n9000 Gent");
        assert_eq!(ontsnapt("a\n\n\n    - b\r# c  "), "a\\\n\\- b\\\n\\# c");
        assert_eq!(ontsnapt("  \n "), "");
    }
}
