use super::*;

fn zet(markdown: &str) -> String {
    naar_typst(markdown).trim_end().to_owned()
}

#[test]
fn alineas_en_regeleinden() {
    assert_eq!(zet("Een\ntwee\n\nDrie"), "Een twee\n\nDrie");
    assert_eq!(zet("Een  \ntwee"), "Een#linebreak()twee");
    assert_eq!(zet("Een\\\ntwee"), "Een#linebreak()twee");
}

#[test]
fn nadruk_en_vet() {
    assert_eq!(zet("een *schuin* en **vet**"), "een #emph[schuin] en #strong[vet]");
    assert_eq!(zet("_a_ __b__ ***c***"), "#emph[a] #strong[b] #emph[#strong[c]]");
    // Text right after a call cannot become its argument: `(` is escaped.
    assert_eq!(zet("**vet**(x)[y]"), "#strong[vet]\\(x\\)\\[y\\]");
}

#[test]
fn lijsten_ook_genest_en_genummerd() {
    assert_eq!(zet("- a\n- b"), "#list([a], [b], )");
    assert_eq!(zet("3. a\n4. b"), "#enum(start: 3, [a], [b], )");
    assert_eq!(zet("- a\n  1. x\n  2. y\n- b"), "#list([a#enum(start: 1, [x], [y], )\n\n], [b], )");
}

#[test]
fn koppen_worden_vette_regels() {
    assert_eq!(zet("# Titel\n\nTekst"), "#strong[Titel]\n\nTekst");
    assert_eq!(zet("Kop\n==="), "#strong[Kop]");
}

#[test]
fn links_tonen_tekst_en_adres() {
    assert_eq!(zet("[de site](https://a.be/x)"), "de site \\(https\\:\\/\\/a\\.be\\/x\\)");
    assert_eq!(zet("<https://a.be>"), "https\\:\\/\\/a\\.be");
    assert_eq!(zet("<info@a.be>"), "info\\@a\\.be");
    assert_eq!(zet("[mail ons](mailto:info@a.be)"), "mail ons \\(info\\@a\\.be\\)");
}

#[test]
fn citaten_worden_een_ingesprongen_blok() {
    assert_eq!(zet("> a\n> b"), "#block(inset: (left: 1em), stroke: (left: 0.6pt + luma(120)))[a b\n\n]");
}

#[test]
fn typst_code_in_tekst_blijft_letterlijk() {
    let gevallen: &[(&str, &str)] = &[
        ("#let x = 1", "\\#let x \\= 1"),
        ("#import \"@preview/x:1.0\": *", "\\#import \\\"\\@preview\\/x\\:1\\.0\\\"\\: \\*"),
        ("a $x$ b", "a \\$x\\$ b"),
        ("zie @ref", "zie \\@ref"),
        ("#sys.exit()", "\\#sys\\.exit\\(\\)"),
        ("a ~ b", "a \\~ b"),
        ("x \\= y", "x \\= y"),
    ];
    for (markdown, verwacht) in gevallen {
        assert_eq!(zet(markdown), *verwacht, "markdown {markdown:?}");
    }
    // `<label>` is inline HTML to markdown; it prints as text too.
    assert_eq!(zet("een <label> hier"), "een \\<label\\> hier");
}

#[test]
fn ander_markdown_wordt_gewone_tekst() {
    assert_eq!(zet("`#code`"), "\\#code");
    assert_eq!(zet("```\n#a\n#b\n```"), "\\#a#linebreak()\\#b");
    assert_eq!(zet("<div>\n#x\n</div>"), "\\<div\\> \\#x \\<\\/div\\>");
    assert_eq!(zet("![#alt](x.png)"), "\\#alt");
    assert_eq!(zet("| a | b |\n|---|---|\n| 1 | 2 |"), "\\| a \\| b \\| \\|\\-\\-\\-\\|\\-\\-\\-\\| \\| 1 \\| 2 \\|");
    assert_eq!(zet("~~weg~~"), "\\~\\~weg\\~\\~");
}

#[test]
fn diepe_nesting_wordt_plat() {
    let diep = ">".repeat(10_000) + " tekst";
    let uit = naar_typst(&diep);
    assert!(uit.contains("tekst"));
    assert!(uit.matches("#block").count() <= MAX_DIEPTE);
    assert_eq!(uit.matches('[').count(), uit.matches(']').count());

    let lijsten = (0..100).map(|i| format!("{}- punt {i}\n", "  ".repeat(i))).collect::<String>();
    let uit = naar_typst(&lijsten);
    assert!(uit.contains("punt 99"));
    assert_eq!(uit.matches('(').count(), uit.matches(')').count());
    assert_eq!(uit.matches('[').count(), uit.matches(']').count());
}
