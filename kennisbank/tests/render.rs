//! Rendering: internal links, broken links, table of contents, sanitising staff-written content.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use kennisbank::render::{links, platte_tekst, render};

fn bestaat(slug: &str) -> bool {
    matches!(slug, "aanmaning" | "schorsing-vergunning")
}

fn html(md: &str) -> String {
    render(md, &bestaat, "/kennisbank").html
}

#[test]
fn interne_links_worden_paden() {
    let g = render("Zie [aanmaning](aanmaning) en [schorsing](schorsing-vergunning#beroep).", &bestaat, "/faq/");
    assert!(g.html.contains(r#"<a href="/faq/aanmaning" rel="noopener noreferrer">aanmaning</a>"#), "{}", g.html);
    assert!(g.html.contains(r#"href="/faq/schorsing-vergunning#beroep""#), "{}", g.html);
    assert!(g.kapotte_links.is_empty());
}

#[test]
fn kapotte_link_is_tekst_in_span_en_wordt_gemeld() {
    let g =
        render("Eerst [de sluiting](sluiting), dan [weer](sluiting#x) en [een boete](boete).", &bestaat, "/kennisbank");
    assert!(g.html.contains(r#"<span class="kapotte-link">de sluiting</span>"#), "{}", g.html);
    assert!(!g.html.contains("<a"), "no dead anchor: {}", g.html);
    assert_eq!(g.kapotte_links, vec!["sluiting", "boete"]);
}

#[test]
fn externe_links_houden_doel_en_krijgen_rel() {
    let h = html("[Opgroeien](https://www.opgroeien.be/x?a=1&b=2) of [mail](mailto:info@example.org)");
    assert!(h.contains(r#"<a href="https://www.opgroeien.be/x?a=1&amp;b=2" rel="noopener noreferrer">"#), "{h}");
    assert!(h.contains(r#"<a href="mailto:info@example.org" rel="noopener noreferrer">"#), "{h}");
}

#[test]
fn links_geeft_interne_slugs() {
    let md = "[a](aanmaning) [b](https://x.be) [c](onbekend#deel) [d](aanmaning) [e](/pad) [f](#anker)\n\n[g]: schorsing-vergunning\n\n[ref][g]";
    assert_eq!(links(md), vec!["aanmaning", "onbekend", "schorsing-vergunning"]);
}

#[test]
fn inhoudstafel_met_unieke_ankers() {
    let md = "# Titel\n\n## Termijn\n\n### Termijn\n\n## Termijn\n\n## Beroep & bezwaar: één {#eigen}\n\n#### Diep\n\n## Ã©Ã!!\n\n## ";
    let g = render(md, &bestaat, "/kennisbank");
    let ankers: Vec<&str> = g.inhoudstafel.iter().map(|k| k.anker.as_str()).collect();
    assert_eq!(ankers[..4], ["termijn", "termijn-2", "termijn-3", "eigen"]);
    let mut uniek = ankers.clone();
    uniek.sort_unstable();
    uniek.dedup();
    assert_eq!(uniek.len(), ankers.len(), "{ankers:?}");
    assert_eq!(g.inhoudstafel[1].niveau, 3);
    assert_eq!(g.inhoudstafel[0].tekst, "Termijn");
    assert!(g.html.contains(r#"<h2 id="termijn">Termijn</h2>"#), "{}", g.html);
    assert!(g.html.contains(r#"<h3 id="termijn-2">Termijn</h3>"#), "{}", g.html);
    assert!(g.html.contains("<h1>Titel</h1>"), "{}", g.html);
    assert!(!g.inhoudstafel.iter().any(|k| k.tekst == "Diep"));
}

#[test]
fn tabellen_en_voetnoten() {
    let h = html("| a | b |\n|---|:-:|\n| 1 | 2 |\n\nTekst[^1].\n\n[^1]: Noot.\n");
    assert!(h.contains("<table>") && h.contains("<th>a</th>") && h.contains("<td>2</td>"), "{h}");
    assert!(h.contains(r##"<sup class="footnote-reference"><a href="#1""##), "{h}");
    assert!(h.contains(r#"<div class="footnote-definition" id="1">"#), "{h}");
}

fn veilig(h: &str) {
    let klein = h.to_lowercase();
    for verboden in [
        "<script",
        "<style",
        "<iframe",
        "<img",
        "<svg",
        "onerror",
        "onload",
        "onclick",
        "javascript:",
        "data:",
        "<object",
        "<embed",
        "<form",
    ] {
        assert!(!klein.contains(verboden), "`{verboden}` in {h}");
    }
}

#[test]
fn injectie_wordt_verwijderd() {
    let aanvallen = [
        "<script>alert(1)</script>",
        "tekst <script>alert(1)</script> tekst",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](  javascript:alert(1)  )",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "[x](data:text/html,<script>alert(1)</script>)",
        "<div onclick=\"alert(1)\">\n\nblok\n\n</div>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<style>body{display:none}</style>",
        "<svg onload=alert(1)><circle r=1 /></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "![x](javascript:alert(1))",
        "![alt](https://x.be/a.png \"t\")",
        "<object data=\"x.swf\"></object><embed src=x><form action=x><input></form>",
        "## Kop {#x onclick=alert(1)}",
        "<details open ontoggle=alert(1)>",
    ];
    for aanval in aanvallen {
        let h = html(aanval);
        veilig(&h);
    }
    assert!(!html("<script>alert(1)</script>").contains("alert"), "script content is dropped too");
    assert!(html("<div onclick=\"alert(1)\">\n\nblok\n\n</div>").contains("<p>blok</p>"));
    assert_eq!(html("[x](javascript:alert(1))"), "<p>x</p>\n");
    assert!(html("![een foto](https://x.be/a.png)").contains("een foto"));
}

#[test]
fn platte_tekst_zonder_opmaak() {
    assert_eq!(platte_tekst("# Kop\n\nEen **vette** [link](aanmaning).\n\n- a\n- b"), "Kop Een vette link. a b");
}
