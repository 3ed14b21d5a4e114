//! The letter body: markdown into typst markup, written by us element by element.
//!
//! Only the structure comes from markdown (paragraphs, breaks, emphasis, strong, lists, headings,
//! links, block quotes); every piece of text goes through [`ontsnappen::tekst_naar`], so nothing a
//! person typed is ever read as typst. Structure is written as function calls (`#list(…)`,
//! `#strong[…]`) rather than typst's line-based markup, so nesting needs no indentation and text
//! never lands at the start of a line where it could mean something.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::ontsnappen::{tekst, tekst_naar};

/// Deeper nesting prints flat: typst lays out nested content recursively, and a body of ten
/// thousand `>` must not exhaust the stack.
const MAX_DIEPTE: usize = 16;

/// Converts a markdown letter body into typst markup.
pub fn naar_typst(markdown: &str) -> String {
    // No extensions: tables, footnotes, strikethrough and the like stay plain text.
    let mut omzetter = Omzetter { uit: String::with_capacity(markdown.len() * 2), ..Omzetter::default() };
    for gebeurtenis in Parser::new_ext(markdown, Options::empty()) {
        omzetter.verwerk(gebeurtenis);
    }
    omzetter.uit
}

/// One opened markdown element: what closes it in our output, if we wrote an opening at all.
struct Open {
    sluiter: Option<&'static str>,
    /// Lists only: whether items get their own `[…]` argument.
    met_items: bool,
}

#[derive(Default)]
struct Omzetter {
    uit: String,
    stapel: Vec<Open>,
    /// Per open link: where its text starts in `uit`, and its target.
    links: Vec<(usize, String)>,
    in_code: bool,
}

impl Omzetter {
    fn verwerk(&mut self, gebeurtenis: Event<'_>) {
        match gebeurtenis {
            Event::Start(tag) => self.begin(tag),
            Event::End(tag) => self.einde(tag),
            Event::Text(t) if self.in_code => self.codetekst(&t),
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => tekst_naar(&mut self.uit, &t),
            Event::InlineMath(t) | Event::DisplayMath(t) | Event::FootnoteReference(t) => tekst_naar(&mut self.uit, &t),
            Event::SoftBreak => self.uit.push(' '),
            Event::HardBreak => self.uit.push_str("#linebreak()"),
            Event::Rule => self.alinea_einde(),
            Event::TaskListMarker(_) => {}
        }
    }

    fn begin(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::HtmlBlock | Tag::MetadataBlock(_) => self.open(None),
            Tag::Heading { .. } => self.open(Some(("#strong[", "]\n\n"))),
            Tag::Strong => self.open(Some(("#strong[", "]"))),
            Tag::Emphasis => self.open(Some(("#emph[", "]"))),
            Tag::BlockQuote(_) => {
                self.open(Some(("#block(inset: (left: 1em), stroke: (left: 0.6pt + luma(120)))[", "]\n\n")))
            }
            Tag::List(start) => self.lijst(start),
            Tag::Item => self.item(),
            Tag::CodeBlock(_) => {
                self.in_code = true;
                self.open(None);
            }
            Tag::Link { dest_url, .. } => {
                self.links.push((self.uit.len(), dest_url.into_string()));
                self.open(None);
            }
            // Everything else (images, tables, footnotes, …) contributes only its text.
            _ => self.open(None),
        }
    }

    fn einde(&mut self, tag: TagEnd) {
        let sluiter = self.stapel.pop().and_then(|open| open.sluiter);
        match tag {
            TagEnd::Link => self.link_einde(),
            TagEnd::CodeBlock => self.in_code = false,
            _ => {}
        }
        match sluiter {
            Some(sluiter) => self.uit.push_str(sluiter),
            None if blok_einde(tag) => self.alinea_einde(),
            None if tag == TagEnd::Item => self.uit.push(' '),
            None => {}
        }
    }

    /// Writes `opener` and remembers its closer, unless the nesting is already too deep.
    fn open(&mut self, paar: Option<(&'static str, &'static str)>) {
        let sluiter = match paar {
            Some((opener, sluiter)) if self.stapel.len() < MAX_DIEPTE => {
                self.uit.push_str(opener);
                Some(sluiter)
            }
            _ => None,
        };
        self.stapel.push(Open { sluiter, met_items: false });
    }

    fn lijst(&mut self, start: Option<u64>) {
        if self.stapel.len() >= MAX_DIEPTE {
            self.stapel.push(Open { sluiter: None, met_items: false });
            return;
        }
        match start {
            Some(nummer) => self.uit.push_str(&format!("#enum(start: {nummer}, ")),
            None => self.uit.push_str("#list("),
        }
        self.stapel.push(Open { sluiter: Some(")\n\n"), met_items: true });
    }

    fn item(&mut self) {
        // An item gets its own argument exactly when its list was written as a call.
        let in_lijst = self.stapel.last().is_some_and(|open| open.met_items);
        let sluiter = if in_lijst {
            self.uit.push('[');
            Some("], ")
        } else {
            None
        };
        self.stapel.push(Open { sluiter, met_items: false });
    }

    /// A letter is read on paper: the link text, then its address in brackets.
    fn link_einde(&mut self) {
        let Some((begin, doel)) = self.links.pop() else { return };
        let zichtbaar = doel.strip_prefix("mailto:").unwrap_or(&doel);
        let getoond = self.uit.get(begin..).unwrap_or_default();
        if doel.is_empty() || getoond == tekst(zichtbaar) || getoond == tekst(&doel) {
            return;
        }
        self.uit.push_str(" \\(");
        tekst_naar(&mut self.uit, zichtbaar);
        self.uit.push_str("\\)");
    }

    /// Code keeps its lines, but prints as ordinary text.
    fn codetekst(&mut self, tekst: &str) {
        let mut regels = tekst.split('\n').peekable();
        while let Some(regel) = regels.next() {
            tekst_naar(&mut self.uit, regel);
            if regels.peek().is_some_and(|volgende| !volgende.is_empty()) {
                self.uit.push_str("#linebreak()");
            }
        }
    }

    fn alinea_einde(&mut self) {
        self.uit.push_str("\n\n");
    }
}

fn blok_einde(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Table
            | TagEnd::TableRow
            | TagEnd::FootnoteDefinition
            | TagEnd::MetadataBlock(_)
    )
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
