//! Plain text into typst markup that prints exactly that text.
//!
//! Everything a person typed passes through [`tekst`] before it reaches typst, so `#sys.exit()`,
//! `*x*`, `$x$`, `@ref` or `<label>` can only ever print. Typst's markup lexer gives any
//! character after a backslash as itself (an "escape"), except `\u{…}` and a backslash before
//! whitespace; we never escape `u` or whitespace, so both exceptions cannot arise.

/// Characters that mean something in typst markup, anywhere in a line or at its start.
///
/// `\` escape, `/` comments (`//`, `/*`) and term lists, `#` code, `$` math, `*` strong,
/// `_` emphasis, `` ` `` raw, `<` labels, `>` (pairs with `<`), `@` references, `[` `]` content
/// blocks, `=` headings, `-` lists and shorthands (`--`, `-?`, `-1`), `+` numbered lists, `~` a
/// non-breaking space, `.` the `...` shorthand and `1.` numbered lists, `(` `)` `{` `}` so text
/// right after one of our own `#fn[…]` calls cannot continue it as arguments or a code block,
/// `:` term lists, `'` and `"` smart quotes (we print what was typed, not curly quotes), and `|`,
/// `^`, `&`, `%`, `!`, `,`, `;`, `?` for good measure: escaping a harmless character costs one
/// byte and never changes what prints.
const BIJZONDER: &[char] = &[
    '\\', '/', '#', '$', '*', '_', '`', '<', '>', '@', '[', ']', '=', '-', '+', '~', '.', '(', ')', '{', '}', ':',
    '\'', '"', '|', '^', '&', '%', '!', ',', ';', '?',
];

/// Appends `invoer` to `uit` as typst markup that prints it literally.
///
/// Line breaks and other control characters become a space: a new line in our output would let
/// the text that follows start a heading or list, and a blank line would split the paragraph.
pub fn tekst_naar(uit: &mut String, invoer: &str) {
    uit.reserve(invoer.len());
    for teken in invoer.chars() {
        if BIJZONDER.contains(&teken) {
            uit.push('\\');
            uit.push(teken);
        } else if teken.is_control() || is_typst_regeleinde(teken) {
            uit.push(' ');
        } else {
            uit.push(teken);
        }
    }
}

/// [`tekst_naar`] into a new string.
pub fn tekst(invoer: &str) -> String {
    let mut uit = String::with_capacity(invoer.len() + 8);
    tekst_naar(&mut uit, invoer);
    uit
}

/// The line ends typst's lexer knows beyond the control characters (NEL is a control character).
fn is_typst_regeleinde(teken: char) -> bool {
    matches!(teken, '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elk_bijzonder_teken_krijgt_een_backslash() {
        let gevallen: &[(&str, &str)] = &[
            ("#", "\\#"),
            ("$", "\\$"),
            ("*", "\\*"),
            ("_", "\\_"),
            ("`", "\\`"),
            ("<", "\\<"),
            (">", "\\>"),
            ("@", "\\@"),
            ("[", "\\["),
            ("]", "\\]"),
            ("\\", "\\\\"),
            ("/", "\\/"),
            ("=", "\\="),
            ("-", "\\-"),
            ("+", "\\+"),
            ("~", "\\~"),
            (".", "\\."),
            ("(", "\\("),
            (")", "\\)"),
            ("{", "\\{"),
            ("}", "\\}"),
            (":", "\\:"),
            ("'", "\\'"),
            ("\"", "\\\""),
            ("#sys.exit()", "\\#sys\\.exit\\(\\)"),
            ("*x*", "\\*x\\*"),
            ("$x$", "\\$x\\$"),
            ("@ref", "\\@ref"),
            ("<label>", "\\<label\\>"),
            ("= Titel", "\\= Titel"),
            ("- punt", "\\- punt"),
            ("+ punt", "\\+ punt"),
            ("1. punt", "1\\. punt"),
            ("a // b", "a \\/\\/ b"),
            ("/* c */", "\\/\\* c \\*\\/"),
            ("https://x.be", "https\\:\\/\\/x\\.be"),
            ("\\u{41}", "\\\\u\\{41\\}"),
            ("eind\\", "eind\\\\"),
            ("-- --- -? -1 ...", "\\-\\- \\-\\-\\- \\-\\? \\-1 \\.\\.\\."),
        ];
        for (invoer, verwacht) in gevallen {
            assert_eq!(tekst(invoer), *verwacht, "invoer {invoer:?}");
        }
    }

    #[test]
    fn gewone_tekst_en_accenten_blijven_ongemoeid() {
        assert_eq!(tekst("Café Ëlla – één keer"), "Café Ëlla – één keer");
        assert_eq!(tekst("u 2027"), "u 2027");
    }

    #[test]
    fn regeleinden_en_stuurtekens_worden_spaties() {
        assert_eq!(tekst("a\nb\r\nc"), "a b  c");
        assert_eq!(tekst("a\u{2028}b\u{2029}c\u{85}d\u{0}e\u{b}f"), "a b c d e f");
        assert_eq!(tekst("\t= x"), " \\= x");
    }
}
