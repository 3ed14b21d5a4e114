//! The generated main file: one call of the template's `brief` function, with every value as
//! escaped content.

use std::fmt::Write;

use crate::Brief;
use crate::markdown::naar_typst;
use crate::ontsnappen::tekst_naar;

/// Typst markup for one checked letter: one call of the template.
pub fn brief_naar_typst(brief: &Brief) -> String {
    let mut uit = String::with_capacity(brief.inhoud_markdown.len() * 2 + 1024);
    uit.push_str("#import \"/sjabloon.typ\": brief\n#set document(title: [");
    tekst_naar(&mut uit, &brief.onderwerp);
    uit.push_str("])\n#brief(\n");
    lijst(&mut uit, "afzender", &brief.afzender);
    lijst(&mut uit, "adres", &brief.adres);
    inhoud(&mut uit, "plaats-datum", &brief.plaats_datum);
    inhoud(&mut uit, "referentie", &brief.referentie);
    inhoud(&mut uit, "onderwerp", &brief.onderwerp);
    uit.push_str("  inhoud: [\n");
    uit.push_str(&naar_typst(&brief.inhoud_markdown));
    uit.push_str("\n],\n");
    lijst(&mut uit, "ondertekening", &brief.ondertekening);
    uit.push_str(")\n");
    uit
}

/// `naam: [tekst],`
fn inhoud(uit: &mut String, naam: &str, waarde: &str) {
    let _ = write!(uit, "  {naam}: [");
    tekst_naar(uit, waarde);
    uit.push_str("],\n");
}

/// `naam: ([regel], [regel],),` — the trailing comma keeps a single line an array.
fn lijst(uit: &mut String, naam: &str, regels: &[String]) {
    let _ = write!(uit, "  {naam}: (");
    for regel in regels {
        uit.push('[');
        tekst_naar(uit, regel);
        uit.push_str("], ");
    }
    uit.push_str("),\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elke_waarde_staat_ontsnapt_in_een_inhoudsblok() {
        let brief = Brief {
            afzender: vec!["Team #1".into()],
            adres: vec!["]) #panic()".into()],
            plaats_datum: "Brussel".into(),
            referentie: "M-1".into(),
            onderwerp: "$x$".into(),
            inhoud_markdown: "*a*".into(),
            ondertekening: vec![],
        };
        let uit = brief_naar_typst(&brief);
        assert!(uit.contains("afzender: ([Team \\#1], ),"));
        assert!(uit.contains("adres: ([\\]\\) \\#panic\\(\\)], ),"));
        assert!(uit.contains("referentie: [M\\-1],"));
        assert!(uit.contains("onderwerp: [\\$x\\$],"));
        assert!(uit.contains("inhoud: [\n#emph[a]"));
        assert!(uit.contains("ondertekening: (),"));
    }
}
