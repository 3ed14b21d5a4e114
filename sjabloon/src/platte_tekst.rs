//! The plain-text part of an e-mail: a filled-in markdown body as a person reads it in a mail
//! program without HTML. Paragraphs stay apart, lists keep their bullets and numbers, a link shows
//! its address, markup characters and escapes disappear, and raw HTML keeps only its text (the
//! HTML part shows the same words, sanitised; scripts and styles show nothing in either).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The text of `markdown` without markup, wrapped by the writer's own line breaks only.
pub fn platte_tekst(markdown: &str) -> String {
    let mut s = Schrijver::default();
    for gebeurtenis in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        s.verwerk(gebeurtenis);
    }
    let mut uit = s.uit.trim_end().to_owned();
    uit.push('\n');
    uit
}

#[derive(Default)]
struct Schrijver {
    uit: String,
    /// The open lists: `Some(next number)` for a numbered one.
    lijsten: Vec<Option<u64>>,
    /// The open links' addresses.
    links: Vec<String>,
    citaat: usize,
    /// Text written since the current link opened (to leave out an address equal to its text).
    link_begin: usize,
    /// Inside a `<script>` or `<style>` element of raw HTML.
    in_script: bool,
}

impl Schrijver {
    fn verwerk(&mut self, g: Event<'_>) {
        match g {
            Event::Start(tag) => self.begin(tag),
            Event::End(tag) => self.einde(tag),
            Event::Text(t) | Event::Code(t) if !self.in_script => self.schrijf(&t),
            Event::SoftBreak | Event::HardBreak => self.nieuwe_regel(),
            Event::Rule => {
                self.blok();
                self.schrijf("----------");
            }
            Event::Html(h) | Event::InlineHtml(h) => self.html(&h),
            _ => {}
        }
    }

    fn begin(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::HtmlBlock => self.blok(),
            Tag::BlockQuote(_) => {
                self.blok();
                self.citaat += 1;
            }
            Tag::List(start) => {
                if self.lijsten.is_empty() {
                    self.blok();
                }
                self.lijsten.push(start);
            }
            Tag::Item => {
                self.regelbegin();
                let diepte = self.lijsten.len().saturating_sub(1);
                self.uit.push_str(&"   ".repeat(diepte));
                let teken = match self.lijsten.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_owned(),
                };
                self.uit.push_str(&teken);
            }
            Tag::Link { dest_url, .. } => {
                self.links.push(dest_url.into_string());
                self.link_begin = self.uit.len();
            }
            _ => {}
        }
    }

    fn einde(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::List(_) => {
                self.lijsten.pop();
            }
            TagEnd::BlockQuote(_) => self.citaat = self.citaat.saturating_sub(1),
            TagEnd::Link => {
                let adres = self.links.pop().unwrap_or_default();
                let tekst = self.uit.get(self.link_begin..).unwrap_or_default();
                let zonder_mailto = adres.strip_prefix("mailto:").unwrap_or(&adres);
                if !adres.is_empty() && tekst != adres && tekst != zonder_mailto {
                    self.uit.push_str(&format!(" ({zonder_mailto})"));
                }
            }
            _ => {}
        }
    }

    /// A blank line before a new block (not at the very start, not between list items).
    fn blok(&mut self) {
        if self.uit.is_empty() || !self.lijsten.is_empty() && self.uit.ends_with(' ') {
            return;
        }
        if !self.lijsten.is_empty() {
            self.nieuwe_regel();
            return;
        }
        while !self.uit.ends_with("\n\n") {
            self.uit.push('\n');
        }
        self.prefix();
    }

    fn regelbegin(&mut self) {
        if !self.uit.is_empty() && !self.uit.ends_with('\n') {
            self.uit.push('\n');
        }
    }

    fn nieuwe_regel(&mut self) {
        self.uit.push('\n');
        self.prefix();
    }

    fn prefix(&mut self) {
        for _ in 0..self.citaat {
            self.uit.push_str("> ");
        }
    }

    fn schrijf(&mut self, t: &str) {
        self.uit.push_str(t);
    }

    /// The text of raw HTML: tags dropped, script and style contents too.
    fn html(&mut self, h: &str) {
        let mut rest = h;
        while !rest.is_empty() {
            match rest.find('<') {
                Some(begin) => {
                    if !self.in_script {
                        self.uit.push_str(&rest[..begin]);
                    }
                    let einde = rest[begin..].find('>').map_or(rest.len(), |e| begin + e + 1);
                    let naam: String = rest[begin + 1..einde]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
                        .collect::<String>()
                        .to_ascii_lowercase();
                    match naam.as_str() {
                        "script" | "style" => self.in_script = true,
                        "/script" | "/style" => self.in_script = false,
                        _ => {}
                    }
                    rest = &rest[einde..];
                }
                None => {
                    if !self.in_script {
                        self.uit.push_str(rest.trim_end_matches('\n'));
                    }
                    rest = "";
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::platte_tekst;

    #[test]
    fn paragraphs_lists_links_and_escapes() {
        let md = "Beste Jana\n\nWe kregen uw melding **M-2030-00042**.\nDank u.\n\n- eerste\n- tweede\n\n1. een\n2. twee\n\nMeer op [onze website](https://example.be) of [https://x.be](https://x.be).\n\nJan \\& Piet \\<b\\> <script>x</script>";
        let t = platte_tekst(md);
        assert_eq!(
            t,
            "Beste Jana\n\nWe kregen uw melding M-2030-00042.\nDank u.\n\n- eerste\n- tweede\n\n1. een\n2. twee\n\nMeer op onze website (https://example.be) of https://x.be.\n\nJan & Piet <b>\n"
        );
    }

    #[test]
    fn raw_html_keeps_its_text_but_no_script() {
        let t = platte_tekst("Beste\n\n<script>\nalert(1)\n</script>\n\n<p>Een <em>alinea</em></p>\n\nTot <b>ziens</b>");
        assert_eq!(t, "Beste\n\nEen alinea\n\nTot ziens\n");
    }

    #[test]
    fn headings_quotes_and_nested_lists() {
        let t = platte_tekst("# Kop\n\n> geciteerd\n\n- a\n  - b\n- c");
        assert_eq!(t, "Kop\n\n> geciteerd\n\n- a\n   - b\n- c\n");
    }
}
