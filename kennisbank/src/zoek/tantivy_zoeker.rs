//! Engine A: an in-memory tantivy index with Dutch analysis done by [`crate::taal`].
//!
//! Every text is indexed twice, as search keys (`*_stam`, BM25-scored; one key per word form family)
//! and as normalised words (`titel_woord`, `alle_woord`), whose vocabulary serves typo correction and
//! completion of the word being typed (see [`super::woordenschat`]). Texts are handed to
//! tantivy pre-tokenised, so the index and the queries use exactly the same analysis.

use std::collections::HashMap;

use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value};
use tantivy::tokenizer::{PreTokenizedString, Token};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term};

use super::woordenschat::{Zoekwijze, verwante_woorden};
use super::{Treffer, Vraagwoord, Zoekmachine, Zoekvraag, fragment, vraagwoorden};
use crate::fout::ZoekFout;
use crate::model::{Pagina, Slug};
use crate::render::platte_tekst;
use crate::taal::{normaliseer, stammen, telt_mee, woorden};

/// Weight of a match per part of the page: title above tags, tags above summary, summary above body.
const GEWICHT_TITEL: f32 = 4.0;
const GEWICHT_TAGS: f32 = 2.5;
const GEWICHT_SAMENVATTING: f32 = 2.0;
const GEWICHT_INHOUD: f32 = 1.0;
/// A typo or prefix match counts for this fraction of an exact key match.
const GEWICHT_BIJNA: f32 = 0.5;
/// At most this many vocabulary words per typo or prefix expansion, the most frequent ones.
const MAX_VERWANT: usize = 6;
/// The word being typed is matched as a prefix from this many letters on (shorter prefixes match
/// most of the vocabulary and cost more than they help).
const MIN_PREFIX: usize = 3;

/// One searchable part of a page: its key field, the field its plain words go to, and its weight.
#[derive(Clone, Copy)]
struct Deel {
    stam: Field,
    woord: Field,
    gewicht: f32,
}

#[derive(Clone, Copy)]
struct Velden {
    slug: Field,
    titel: Field,
    samenvatting: Field,
    tekst: Field,
    doelgroep: Field,
    tag: Field,
    regelgeving: Field,
    titel_woord: Field,
    alle_woord: Field,
    titel_deel: Deel,
    tags_deel: Deel,
    samenvatting_deel: Deel,
    inhoud_deel: Deel,
}

impl Velden {
    fn delen(&self) -> [Deel; 4] {
        [self.titel_deel, self.tags_deel, self.samenvatting_deel, self.inhoud_deel]
    }
}

/// Tantivy-backed [`Zoekmachine`], built in memory from the pages at start-up.
pub struct TantivyZoeker {
    index: Index,
    velden: Velden,
    schrijver: IndexWriter<TantivyDocument>,
    lezer: IndexReader,
    /// Search keys per normalised word, so that building a large index stems each word once.
    stamgeheugen: HashMap<String, Vec<String>>,
}

fn fout(e: impl std::fmt::Display) -> ZoekFout {
    ZoekFout::Index(e.to_string())
}

impl TantivyZoeker {
    /// Builds the index over these pages.
    pub fn bouw<'a>(paginas: impl IntoIterator<Item = &'a Pagina>) -> Result<TantivyZoeker, ZoekFout> {
        let mut schema = Schema::builder();
        let tekstindex = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default().set_index_option(IndexRecordOption::WithFreqs).set_fieldnorms(true),
        );
        // The plain-word fields serve only their term dictionary (typo and prefix expansion).
        let woordindex = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default().set_index_option(IndexRecordOption::Basic).set_fieldnorms(false),
        );
        let titel_woord = schema.add_text_field("titel_woord", woordindex.clone());
        let alle_woord = schema.add_text_field("alle_woord", woordindex);
        let mut deel = |naam: &str, woord: Field, gewicht: f32| Deel {
            stam: schema.add_text_field(&format!("{naam}_stam"), tekstindex.clone()),
            woord,
            gewicht,
        };
        let titel_deel = deel("titel", titel_woord, GEWICHT_TITEL);
        let tags_deel = deel("tags", alle_woord, GEWICHT_TAGS);
        let samenvatting_deel = deel("samenvatting", alle_woord, GEWICHT_SAMENVATTING);
        let inhoud_deel = deel("inhoud", alle_woord, GEWICHT_INHOUD);
        let velden = Velden {
            slug: schema.add_text_field("slug", STRING | STORED),
            titel: schema.add_text_field("titel", STORED),
            samenvatting: schema.add_text_field("samenvatting", STORED),
            tekst: schema.add_text_field("tekst", STORED),
            doelgroep: schema.add_text_field("doelgroep", STRING),
            tag: schema.add_text_field("tag", STRING),
            regelgeving: schema.add_text_field("regelgeving", STRING),
            titel_woord,
            alle_woord,
            titel_deel,
            tags_deel,
            samenvatting_deel,
            inhoud_deel,
        };
        let index = Index::create_in_ram(schema.build());
        let schrijver = index.writer_with_num_threads(2, 60_000_000).map_err(fout)?;
        let lezer = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(fout)?;
        let mut zoeker = TantivyZoeker { index, velden, schrijver, lezer, stamgeheugen: HashMap::new() };
        for pagina in paginas {
            let document = zoeker.document(pagina);
            zoeker.schrijver.add_document(document).map_err(fout)?;
        }
        zoeker.schrijver.commit().map_err(fout)?;
        // One segment after the bulk load: every query term and automaton is then looked up once.
        let segmenten = zoeker.index.searchable_segment_ids().map_err(fout)?;
        if segmenten.len() > 1 {
            zoeker.schrijver.merge(&segmenten).wait().map_err(fout)?;
        }
        zoeker.lezer.reload().map_err(fout)?;
        Ok(zoeker)
    }

    /// Number of pages in the index.
    pub fn aantal(&self) -> u64 {
        self.lezer.searcher().num_docs()
    }

    fn vastleggen(&mut self) -> Result<(), ZoekFout> {
        self.schrijver.commit().map_err(fout)?;
        self.lezer.reload().map_err(fout)
    }

    fn document(&mut self, pagina: &Pagina) -> TantivyDocument {
        let v = self.velden;
        let tekst = platte_tekst(&pagina.inhoud);
        let mut doc = TantivyDocument::default();
        doc.add_text(v.slug, pagina.slug.as_str());
        doc.add_text(v.titel, &pagina.titel);
        doc.add_text(v.samenvatting, &pagina.samenvatting);
        doc.add_text(v.doelgroep, pagina.publiek.als_tekst());
        doc.add_text(v.regelgeving, normaliseer(pagina.regelgeving.trim()));
        for tag in &pagina.tags {
            doc.add_text(v.tag, normaliseer(tag.trim()));
        }
        let meta =
            format!("{} {} {} {}", pagina.samenvatting, pagina.thema, pagina.regelgeving, pagina.artikels.join(" "));
        self.voeg_tekst_toe(&mut doc, v.titel_deel, &pagina.titel);
        self.voeg_tekst_toe(&mut doc, v.tags_deel, &pagina.tags.join(" "));
        self.voeg_tekst_toe(&mut doc, v.samenvatting_deel, &meta);
        self.voeg_tekst_toe(&mut doc, v.inhoud_deel, &tekst);
        doc.add_text(v.tekst, tekst);
        doc
    }

    fn voeg_tekst_toe(&mut self, doc: &mut TantivyDocument, deel: Deel, tekst: &str) {
        let mut woord_tokens = Vec::new();
        let mut stam_tokens = Vec::new();
        for (begin, ruw) in woorden(tekst) {
            let woord = normaliseer(ruw);
            if !telt_mee(&woord) {
                continue;
            }
            let position = woord_tokens.len();
            let token = |text: String| Token {
                offset_from: begin,
                offset_to: begin + ruw.len(),
                position,
                text,
                position_length: 1,
            };
            let sleutels = self.stamgeheugen.entry(woord.clone()).or_insert_with(|| stammen(&woord));
            stam_tokens.extend(sleutels.iter().cloned().map(token));
            woord_tokens.push(token(woord));
        }
        doc.add_pre_tokenized_text(deel.woord, PreTokenizedString { text: String::new(), tokens: woord_tokens });
        doc.add_pre_tokenized_text(deel.stam, PreTokenizedString { text: String::new(), tokens: stam_tokens });
    }

    /// The query for one word: its stems in every part of the page (BM25, weighted per part), plus at
    /// a lower weight the stems of the vocabulary words it may be a typo of or the start of.
    fn woordvraag(&self, q: &Vraagwoord, zoeker: &Searcher) -> Result<Box<dyn Query>, ZoekFout> {
        let mut sleutels: Vec<(String, f32)> = q.stammen.iter().map(|s| (s.clone(), 1.0)).collect();
        let velden = [self.velden.titel_woord, self.velden.alle_woord];
        // A word that occurs as written is taken as no typo: its forms are found through the keys.
        let bekend = velden.iter().any(|v| zoeker.doc_freq(&Term::from_field_text(*v, &q.woord)).is_ok_and(|n| n > 0));
        let mut verwant = Vec::new();
        if q.fouten > 0 && !bekend {
            verwant.extend(verwante_woorden(zoeker, &velden, &q.woord, Zoekwijze::Fouten(q.fouten), MAX_VERWANT)?);
        }
        if q.prefix && q.woord.chars().count() >= MIN_PREFIX {
            verwant.extend(verwante_woorden(zoeker, &velden, &q.woord, Zoekwijze::Begin, MAX_VERWANT)?);
        }
        for woord in verwant {
            for s in self.stammen_van(&woord) {
                if !sleutels.iter().any(|(k, _)| *k == s) {
                    sleutels.push((s, GEWICHT_BIJNA));
                }
            }
        }
        let mut delen: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for deel in self.velden.delen() {
            for (s, factor) in &sleutels {
                let term = TermQuery::new(Term::from_field_text(deel.stam, s), IndexRecordOption::WithFreqs);
                delen.push((Occur::Should, Box::new(BoostQuery::new(Box::new(term), deel.gewicht * factor))));
            }
        }
        Ok(Box::new(BooleanQuery::new(delen)))
    }

    fn stammen_van(&self, woord: &str) -> Vec<String> {
        self.stamgeheugen.get(woord).cloned().unwrap_or_else(|| stammen(woord))
    }

    fn filters(&self, vraag: &Zoekvraag) -> Vec<(Occur, Box<dyn Query>)> {
        let v = self.velden;
        let mut filters: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut exact = |veld: Field, waarde: &str| {
            let term = TermQuery::new(Term::from_field_text(veld, waarde), IndexRecordOption::Basic);
            filters.push((Occur::Must, Box::new(term) as Box<dyn Query>));
        };
        if vraag.alleen_publiek {
            exact(v.doelgroep, "publiek");
        }
        if let Some(tag) = &vraag.tag {
            exact(v.tag, &normaliseer(tag.trim()));
        }
        if let Some(regelgeving) = &vraag.regelgeving {
            exact(v.regelgeving, &normaliseer(regelgeving.trim()));
        }
        filters
    }

    fn voer_uit(
        &self,
        zoeker: &Searcher,
        query: &dyn Query,
        limiet: usize,
    ) -> Result<Vec<(f32, tantivy::DocAddress)>, ZoekFout> {
        zoeker.search(query, &TopDocs::with_limit(limiet.max(1)).order_by_score()).map_err(fout)
    }
}

impl Zoekmachine for TantivyZoeker {
    fn zoek(&self, vraag: &Zoekvraag) -> Result<Vec<Treffer>, ZoekFout> {
        let woorden = vraagwoorden(&vraag.tekst);
        if woorden.is_empty() && self.filters(vraag).is_empty() {
            return Ok(Vec::new());
        }
        // Filters are always Must; the words either each Must, or as one Must group of Shoulds
        // (a bare Should next to a Must would be optional and match every filtered page).
        let zoeker = self.lezer.searcher();
        let woordvragen: Vec<Box<dyn Query>> =
            woorden.iter().map(|q| self.woordvraag(q, &zoeker)).collect::<Result<_, _>>()?;
        let samen = |occur: Occur| {
            let mut delen = self.filters(vraag);
            let woordvragen: Vec<(Occur, Box<dyn Query>)> =
                woordvragen.iter().map(|q| (occur, q.box_clone())).collect();
            match occur {
                Occur::Should => delen.push((Occur::Must, Box::new(BooleanQuery::new(woordvragen)))),
                _ => delen.extend(woordvragen),
            }
            if woorden.is_empty() {
                delen.push((Occur::Must, Box::new(AllQuery)));
            }
            BooleanQuery::new(delen)
        };
        // All words must match; when that finds nothing, any word may.
        let mut hits = self.voer_uit(&zoeker, &samen(Occur::Must), vraag.limiet)?;
        if hits.is_empty() && woorden.len() > 1 {
            hits = self.voer_uit(&zoeker, &samen(Occur::Should), vraag.limiet)?;
        }
        let v = self.velden;
        let mut geheugen = HashMap::new();
        let mut treffers = Vec::with_capacity(hits.len());
        for (score, adres) in hits {
            let doc: TantivyDocument = zoeker.doc(adres).map_err(fout)?;
            let veld = |f: Field| doc.get_first(f).and_then(|w| w.as_str().map(str::to_owned)).unwrap_or_default();
            let Ok(slug) = Slug::parse(&veld(v.slug)) else { continue };
            let samenvatting = veld(v.samenvatting);
            let fragment_html = fragment(&veld(v.tekst), &woorden, &mut geheugen)
                .or_else(|| fragment(&samenvatting, &woorden, &mut geheugen))
                .unwrap_or_else(|| {
                    let mut html = String::new();
                    super::fragment::escape_in(&samenvatting, &mut html);
                    html
                });
            treffers.push(Treffer { slug, titel: veld(v.titel), samenvatting, fragment_html, score });
        }
        Ok(treffers)
    }

    fn bijwerken(&mut self, pagina: &Pagina) -> Result<(), ZoekFout> {
        self.schrijver.delete_term(Term::from_field_text(self.velden.slug, pagina.slug.as_str()));
        let document = self.document(pagina);
        self.schrijver.add_document(document).map_err(fout)?;
        self.vastleggen()
    }

    fn verwijder(&mut self, slug: &Slug) -> Result<(), ZoekFout> {
        self.schrijver.delete_term(Term::from_field_text(self.velden.slug, slug.as_str()));
        self.vastleggen()
    }
}
