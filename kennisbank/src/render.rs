//! Markdown to safe HTML: heading anchors and table of contents, internal links by slug, sanitising.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

use crate::model::Slug;
use crate::taal::normaliseer;

/// Rendered page body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gerenderd {
    /// Sanitised HTML, safe to insert into a page as is.
    pub html: String,
    /// The h2 and h3 headings, in order.
    pub inhoudstafel: Vec<Kop>,
    /// Slugs linked to that do not exist (rendered as `<span class="kapotte-link">`), without duplicates.
    pub kapotte_links: Vec<String>,
}

/// One entry of the table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kop {
    /// 2 or 3.
    pub niveau: u8,
    pub tekst: String,
    /// The heading's `id`, unique within the page.
    pub anker: String,
}

fn opties() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_HEADING_ATTRIBUTES
}

/// What a markdown link target is.
enum Doel<'a> {
    /// A page slug, with an optional `#anchor`.
    Intern { slug: &'a str, anker: Option<&'a str> },
    /// `http(s)://`, `mailto:`, an absolute path on this site or an anchor on this page.
    Toegelaten,
    /// Anything else (`javascript:`, `data:`, relative paths): rendered as plain text.
    Geweigerd,
}

fn doel(url: &str) -> Doel<'_> {
    let (deel, anker) = match url.split_once('#') {
        Some((d, a)) => (d, Some(a)),
        None => (url, None),
    };
    if Slug::parse(deel).is_ok() {
        return Doel::Intern { slug: deel, anker };
    }
    let klein = url.to_ascii_lowercase();
    let extern_ok = ["http://", "https://", "mailto:"].iter().any(|p| klein.starts_with(p));
    let lokaal_ok = (url.starts_with('/') && !url.starts_with("//")) || url.starts_with('#');
    if extern_ok || lokaal_ok { Doel::Toegelaten } else { Doel::Geweigerd }
}

/// What an opened link became, so its end tag can follow suit.
enum Open {
    Link,
    KapotteLink,
    Tekst,
}

/// Renders a page body. `bestaat(slug)` tells whether a linked page exists; existing internal links
/// point to `<basis>/<slug>`; missing ones become `<span class="kapotte-link">` and are listed.
pub fn render(markdown: &str, bestaat: &dyn Fn(&str) -> bool, basis: &str) -> Gerenderd {
    let basis = basis.trim_end_matches('/');
    let mut gebeurtenissen: Vec<Event<'_>> = Vec::new();
    let mut inhoudstafel = Vec::new();
    let mut kapotte_links: Vec<String> = Vec::new();
    let mut gebruikte_ankers: HashMap<String, usize> = HashMap::new();
    let mut open_links: Vec<Open> = Vec::new();
    let mut kop: Option<(HeadingLevel, Option<String>, Vec<Event<'_>>)> = None;

    for gebeurtenis in Parser::new_ext(markdown, opties()) {
        match gebeurtenis {
            Event::Start(Tag::Heading { level, id, .. }) => {
                kop = Some((level, id.map(|i| i.to_string()), Vec::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some((niveau, eigen_id, binnen)) = kop.take() else { continue };
                let tekst = platte_tekst_van(&binnen);
                let in_inhoudstafel = matches!(niveau, HeadingLevel::H2 | HeadingLevel::H3);
                let gewenst = match eigen_id {
                    Some(i) => Some(anker_van(&i)),
                    None if in_inhoudstafel => Some(anker_van(&tekst)),
                    None => None,
                };
                let anker = gewenst.map(|g| uniek(g, &mut gebruikte_ankers));
                if let (true, Some(a)) = (in_inhoudstafel, &anker) {
                    inhoudstafel.push(Kop { niveau: niveau as u8, tekst, anker: a.clone() });
                }
                gebeurtenissen.push(Event::Start(Tag::Heading {
                    level: niveau,
                    id: anker.map(CowStr::from),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }));
                gebeurtenissen.extend(binnen);
                gebeurtenissen.push(Event::End(TagEnd::Heading(niveau)));
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let (nieuw, open) = match doel(&dest_url) {
                    Doel::Intern { slug, anker } if bestaat(slug) => {
                        let href = match anker {
                            Some(a) => format!("{basis}/{slug}#{a}"),
                            None => format!("{basis}/{slug}"),
                        };
                        (Some(Event::Start(Tag::Link { link_type, dest_url: href.into(), title, id })), Open::Link)
                    }
                    Doel::Intern { slug, .. } => {
                        if !kapotte_links.iter().any(|k| k == slug) {
                            kapotte_links.push(slug.to_owned());
                        }
                        (Some(Event::InlineHtml(r#"<span class="kapotte-link">"#.into())), Open::KapotteLink)
                    }
                    Doel::Toegelaten => (Some(Event::Start(Tag::Link { link_type, dest_url, title, id })), Open::Link),
                    Doel::Geweigerd => (None, Open::Tekst),
                };
                open_links.push(open);
                duw(&mut kop, &mut gebeurtenissen, nieuw);
            }
            Event::End(TagEnd::Link) => {
                let nieuw = match open_links.pop() {
                    Some(Open::Link) => Some(Event::End(TagEnd::Link)),
                    Some(Open::KapotteLink) => Some(Event::InlineHtml("</span>".into())),
                    Some(Open::Tekst) | None => None,
                };
                duw(&mut kop, &mut gebeurtenissen, nieuw);
            }
            // Images are not part of the allowed markup: keep their alt text only.
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {}
            andere => duw(&mut kop, &mut gebeurtenissen, Some(andere)),
        }
    }

    let mut ruw = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut ruw, gebeurtenissen.into_iter());
    Gerenderd { html: saneer(&ruw), inhoudstafel, kapotte_links }
}

fn duw<'a>(
    kop: &mut Option<(HeadingLevel, Option<String>, Vec<Event<'a>>)>,
    gebeurtenissen: &mut Vec<Event<'a>>,
    gebeurtenis: Option<Event<'a>>,
) {
    let Some(g) = gebeurtenis else { return };
    match kop {
        Some((_, _, binnen)) => binnen.push(g),
        None => gebeurtenissen.push(g),
    }
}

/// The internal slugs a body links to, in order of first appearance, without duplicates.
pub fn links(markdown: &str) -> Vec<String> {
    let mut uit: Vec<String> = Vec::new();
    for gebeurtenis in Parser::new_ext(markdown, opties()) {
        if let Event::Start(Tag::Link { dest_url, .. }) = gebeurtenis
            && let Doel::Intern { slug, .. } = doel(&dest_url)
            && !uit.iter().any(|s| s == slug)
        {
            uit.push(slug.to_owned());
        }
    }
    uit
}

/// The text of a markdown body without markup, for indexing and search snippets.
pub fn platte_tekst(markdown: &str) -> String {
    let gebeurtenissen: Vec<Event<'_>> = Parser::new_ext(markdown, opties()).collect();
    platte_tekst_van(&gebeurtenissen)
}

fn platte_tekst_van(gebeurtenissen: &[Event<'_>]) -> String {
    let mut uit = String::new();
    for g in gebeurtenissen {
        match g {
            Event::Text(t) | Event::Code(t) => uit.push_str(t),
            Event::SoftBreak | Event::HardBreak | Event::End(_)
                if is_grens(g) && !uit.is_empty() && !uit.ends_with(' ') =>
            {
                uit.push(' ');
            }
            _ => {}
        }
    }
    uit.trim_end().to_owned()
}

/// Whether a text boundary lies here: a line break or the end of a block.
fn is_grens(g: &Event<'_>) -> bool {
    match g {
        Event::SoftBreak | Event::HardBreak => true,
        Event::End(einde) => !matches!(
            einde,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
                | TagEnd::Superscript
                | TagEnd::Subscript
        ),
        _ => false,
    }
}

/// `Schorsing: termijn & beroep` → `schorsing-termijn-beroep`.
fn anker_van(tekst: &str) -> String {
    let mut uit = String::new();
    for c in normaliseer(tekst).chars() {
        if c.is_ascii_alphanumeric() {
            uit.push(c);
        } else if !uit.is_empty() && !uit.ends_with('-') {
            uit.push('-');
        }
    }
    let uit = uit.trim_end_matches('-');
    if uit.is_empty() { "sectie".to_owned() } else { uit.to_owned() }
}

fn uniek(gewenst: String, gebruikt: &mut HashMap<String, usize>) -> String {
    let mut kandidaat = gewenst.clone();
    let mut volgnummer = gebruikt.get(&gewenst).copied().unwrap_or(1);
    while gebruikt.contains_key(&kandidaat) {
        volgnummer += 1;
        kandidaat = format!("{gewenst}-{volgnummer}");
    }
    gebruikt.insert(gewenst, volgnummer);
    gebruikt.insert(kandidaat.clone(), 1);
    kandidaat
}

static SANERING: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.add_tags([
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "br",
        "hr",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "code",
        "pre",
        "blockquote",
        "em",
        "strong",
        "a",
        "sup",
        "div",
        "span",
    ])
    .clean_content_tags(HashSet::from(["script", "style"]))
    .generic_attributes(HashSet::new())
    .tag_attributes(HashMap::new())
    .add_tag_attributes("a", ["href", "title"])
    .add_tag_attributes("ol", ["start"])
    .add_tag_attributes("div", ["id"])
    .allowed_classes(HashMap::new())
    .add_allowed_classes("span", ["kapotte-link"])
    .add_allowed_classes("sup", ["footnote-reference", "footnote-definition-label"])
    .add_allowed_classes("div", ["footnote-definition"])
    .url_schemes(HashSet::from(["http", "https", "mailto"]))
    .link_rel(Some("noopener noreferrer"))
    .strip_comments(true);
    for h in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        b.add_tag_attributes(h, ["id"]);
    }
    b
});

/// Sanitises HTML to the markup that rendered markdown needs; scripts, styles, event handlers and
/// `javascript:`/`data:` URLs are removed. Every link gets `rel="noopener noreferrer"`.
pub fn saneer(html: &str) -> String {
    SANERING.clean(html).to_string()
}
