//! A template file: TOML front matter between `+++` lines, then the markdown body.

use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::fout::{Fout, FoutSoort};
use crate::soorten::{Gebeurtenis, Kanaal, Publiek, Zaaksoort};
use crate::tekst::{Tekst, ontleed};

/// A checked letter or e-mail template.
///
/// Serde support is for passing a template around inside the application: deserialising checks
/// subject and body again, but not the other fields. Read files with [`lees`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sjabloon {
    /// `title`: one line, not empty.
    pub titel: String,
    /// `slug`: 3–80 characters from a-z, 0-9 and `-`.
    pub slug: String,
    pub kanaal: Kanaal,
    pub publiek: Publiek,
    /// `second_reader`: a colleague must read the text before it goes out.
    pub tweede_lezer: bool,
    /// `automatic`, optional: sent by the application itself on this event.
    pub automatisch: Option<Gebeurtenis>,
    /// `case_types`, optional (default empty), without duplicates.
    pub zaaksoorten: Vec<Zaaksoort>,
    /// `subject`: one line, not empty.
    pub onderwerp: Tekst,
    /// The markdown body: everything after the closing `+++` line, byte for byte.
    pub inhoud: Tekst,
}

/// Keys that must be in the front matter; `automatic` and `case_types` may be left out.
const VERPLICHT: [&str; 6] = ["title", "slug", "channel", "audience", "second_reader", "subject"];

/// Reads and checks a template file, reporting every problem at once, sorted by line.
///
/// Body lines are reported as lines of the whole file. A problem inside `subject` carries the
/// line of `subject` and a column counted from its opening quote (exact unless the TOML string
/// uses escapes). A leading byte-order mark is ignored.
pub fn lees(bestand: &str) -> Result<Sjabloon, Vec<Fout>> {
    let bestand = bestand.strip_prefix('\u{feff}').unwrap_or(bestand);
    let (kop_tekst, inhoud_tekst, verschuiving) = splits(bestand).map_err(|f| vec![f])?;
    let mut fouten = Vec::new();
    let kop = Kop::lees(kop_tekst, &mut fouten);
    let inhoud = ontleed(inhoud_tekst)
        .map_err(|f| fouten.extend(f.into_iter().map(|f| Fout { regel: f.regel + verschuiving, ..f })))
        .ok();
    fouten.sort_by_key(|f| (f.regel, f.kolom));
    // Every value that is `None` here has been reported, so no errors means all are present.
    let (Some(titel), Some(slug), Some(kanaal), Some(publiek), Some(tweede_lezer), Some(onderwerp), Some(inhoud), true) =
        (kop.titel, kop.slug, kop.kanaal, kop.publiek, kop.tweede_lezer, kop.onderwerp, inhoud, fouten.is_empty())
    else {
        return Err(fouten);
    };
    Ok(Sjabloon {
        titel,
        slug,
        kanaal,
        publiek,
        tweede_lezer,
        automatisch: kop.automatisch,
        zaaksoorten: kop.zaaksoorten,
        onderwerp,
        inhoud,
    })
}

/// Writes a template in the file format (for export): `lees(&naar_bestand(&s)) == Ok(s)` for
/// every `s` that [`lees`] produced.
pub fn naar_bestand(sjabloon: &Sjabloon) -> String {
    let mut uit = String::from("+++\n");
    let mut regel = |sleutel: &str, waarde: String| {
        uit.push_str(sleutel);
        uit.push_str(" = ");
        uit.push_str(&waarde);
        uit.push('\n');
    };
    regel("title", toml_tekst(&sjabloon.titel));
    regel("slug", toml_tekst(&sjabloon.slug));
    regel("channel", toml_tekst(sjabloon.kanaal.als_tekst()));
    regel("audience", toml_tekst(sjabloon.publiek.als_tekst()));
    regel("second_reader", sjabloon.tweede_lezer.to_string());
    if let Some(gebeurtenis) = sjabloon.automatisch {
        regel("automatic", toml_tekst(gebeurtenis.als_tekst()));
    }
    let soorten: Vec<String> = sjabloon.zaaksoorten.iter().map(|z| toml_tekst(z.als_tekst())).collect();
    regel("case_types", format!("[{}]", soorten.join(", ")));
    regel("subject", toml_tekst(sjabloon.onderwerp.bron()));
    uit.push_str("+++\n");
    uit.push_str(sjabloon.inhoud.bron());
    uit
}

fn toml_tekst(tekst: &str) -> String {
    toml::Value::String(tekst.to_owned()).to_string()
}

/// Splits the file into front matter and body; also gives the number of lines before the body.
fn splits(bestand: &str) -> Result<(&str, &str, usize), Fout> {
    let mut regels = bestand.split_inclusive('\n');
    let eerste = regels.next().unwrap_or("");
    if eerste.trim_end() != "+++" {
        return Err(Fout { regel: 1, kolom: 1, soort: FoutSoort::GeenKop });
    }
    let mut positie = eerste.len();
    for (index, regel) in regels.enumerate() {
        if regel.trim_end() == "+++" {
            // `index` 0 is line 2, so the closing line is line `index + 2`.
            return Ok((&bestand[eerste.len()..positie], &bestand[positie + regel.len()..], index + 2));
        }
        positie += regel.len();
    }
    Err(Fout { regel: 1, kolom: 1, soort: FoutSoort::KopNietAfgesloten })
}

/// The front-matter values that were read correctly.
#[derive(Default)]
struct Kop {
    titel: Option<String>,
    slug: Option<String>,
    kanaal: Option<Kanaal>,
    publiek: Option<Publiek>,
    tweede_lezer: Option<bool>,
    automatisch: Option<Gebeurtenis>,
    zaaksoorten: Vec<Zaaksoort>,
    onderwerp: Option<Tekst>,
}

/// Reads the front matter, which starts on line 2 of the file.
struct KopLezer<'a> {
    kop: &'a str,
    fouten: &'a mut Vec<Fout>,
}

impl KopLezer<'_> {
    /// Line and column in the file of a byte position in the front matter.
    fn plek(&self, byte: usize) -> (usize, usize) {
        let voor = self.kop.get(..byte).unwrap_or(self.kop);
        let regelbegin = voor.rfind('\n').map_or(0, |i| i + 1);
        (voor.matches('\n').count() + 2, voor[regelbegin..].chars().count() + 1)
    }

    fn fout(&mut self, byte: usize, soort: FoutSoort) {
        let (regel, kolom) = self.plek(byte);
        self.fouten.push(Fout { regel, kolom, soort });
    }

    /// A string value, or an error at the value.
    fn tekst<'w>(&mut self, sleutel: &'static str, waarde: &'w Spanned<DeValue<'_>>) -> Option<&'w str> {
        let tekst = waarde.get_ref().as_str();
        if tekst.is_none() {
            self.fout(waarde.span().start, FoutSoort::MoetTekstZijn(sleutel));
        }
        tekst
    }

    /// A non-empty string on one line.
    fn regel(&mut self, sleutel: &'static str, waarde: &Spanned<DeValue<'_>>) -> Option<String> {
        let tekst = self.tekst(sleutel, waarde)?;
        let soort = if tekst.contains(['\n', '\r']) {
            FoutSoort::MeerdereRegels(sleutel)
        } else if tekst.trim().is_empty() {
            FoutSoort::Leeg(sleutel)
        } else {
            return Some(tekst.to_owned());
        };
        self.fout(waarde.span().start, soort);
        None
    }

    /// A word from a word list; a value of the wrong type gets the same message.
    fn woord<T>(
        &mut self,
        waarde: &Spanned<DeValue<'_>>,
        van_tekst: fn(&str) -> Option<T>,
        fout: FoutSoort,
    ) -> Option<T> {
        let woord = waarde.get_ref().as_str().and_then(van_tekst);
        if woord.is_none() {
            self.fout(waarde.span().start, fout);
        }
        woord
    }

    fn slug(&mut self, waarde: &Spanned<DeValue<'_>>) -> Option<String> {
        let slug = self.tekst("slug", waarde)?;
        let lengte = slug.chars().count();
        let tekens_goed = slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if (3..=80).contains(&lengte) && tekens_goed {
            return Some(slug.to_owned());
        }
        self.fout(waarde.span().start, FoutSoort::OngeldigeSlug(slug.to_owned()));
        None
    }

    fn zaaksoorten(&mut self, waarde: &Spanned<DeValue<'_>>) -> Vec<Zaaksoort> {
        let DeValue::Array(lijst) = waarde.get_ref() else {
            self.fout(waarde.span().start, FoutSoort::MoetLijstZijn("case_types"));
            return Vec::new();
        };
        let mut soorten = Vec::new();
        for item in lijst.iter() {
            let tekst = item.get_ref().as_str();
            match tekst.and_then(Zaaksoort::van_tekst) {
                Some(soort) if soorten.contains(&soort) => {
                    self.fout(item.span().start, FoutSoort::DubbeleZaaksoort(soort.als_tekst().to_owned()))
                }
                Some(soort) => soorten.push(soort),
                None => {
                    // Not a string: show it as written in the file.
                    let getoond = tekst.or_else(|| self.kop.get(item.span())).unwrap_or_default().to_owned();
                    self.fout(item.span().start, FoutSoort::OngeldigeZaaksoort(getoond));
                }
            }
        }
        soorten
    }

    /// Parses `subject`; its problems get the line of `subject` in the file.
    fn onderwerp(&mut self, waarde: &Spanned<DeValue<'_>>) -> Option<Tekst> {
        let bron = self.regel("subject", waarde)?;
        let (regel, kolom) = self.plek(waarde.span().start);
        ontleed(&bron)
            .map_err(|fouten| {
                self.fouten.extend(fouten.into_iter().map(|f| Fout {
                    regel,
                    kolom: kolom + f.kolom,
                    soort: FoutSoort::InOnderwerp(Box::new(f.soort)),
                }))
            })
            .ok()
    }
}

impl Kop {
    fn lees(kop: &str, fouten: &mut Vec<Fout>) -> Kop {
        let mut lezer = KopLezer { kop, fouten };
        let tabel = match DeTable::parse(kop) {
            Ok(tabel) => tabel.into_inner(),
            Err(fout) => {
                // Without a table the keys are unknown, so missing keys are not reported.
                lezer.fout(fout.span().map_or(0, |s| s.start), FoutSoort::Toml(fout.message().to_owned()));
                return Kop::default();
            }
        };
        let mut kop = Kop::default();
        for (sleutel, waarde) in tabel.iter() {
            match sleutel.get_ref().as_ref() {
                "title" => kop.titel = lezer.regel("title", waarde),
                "slug" => kop.slug = lezer.slug(waarde),
                "channel" => kop.kanaal = lezer.woord(waarde, Kanaal::van_tekst, FoutSoort::OngeldigKanaal),
                "audience" => kop.publiek = lezer.woord(waarde, Publiek::van_tekst, FoutSoort::OngeldigPubliek),
                "automatic" => {
                    kop.automatisch = lezer.woord(waarde, Gebeurtenis::van_tekst, FoutSoort::OngeldigeGebeurtenis)
                }
                "second_reader" => {
                    kop.tweede_lezer = waarde.get_ref().as_bool();
                    if kop.tweede_lezer.is_none() {
                        lezer.fout(waarde.span().start, FoutSoort::MoetJaNeeZijn("second_reader"));
                    }
                }
                "case_types" => kop.zaaksoorten = lezer.zaaksoorten(waarde),
                "subject" => kop.onderwerp = lezer.onderwerp(waarde),
                onbekend => lezer.fout(sleutel.span().start, FoutSoort::OnbekendeSleutel(onbekend.to_owned())),
            }
        }
        for sleutel in VERPLICHT {
            if !tabel.iter().any(|(s, _)| s.get_ref().as_ref() == sleutel) {
                fouten.push(Fout { regel: 0, kolom: 0, soort: FoutSoort::KopMist(sleutel) });
            }
        }
        kop
    }
}
