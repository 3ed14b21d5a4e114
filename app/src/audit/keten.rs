//! Checking the chain of the audit log (`meldpunt audit verify`). Every hash is recomputed here in
//! Rust (`sha2`), apart from the database function that wrote it (`fn::audit_hash`, migration
//! 0019), so a changed function is caught as well; `codering` must stay byte for byte the text
//! that function hashes. The walk goes by number from the first entry to the head as it was at
//! the start, and stops at the first broken link.

use super::repo::{self, KopDb, SchakelDb};
use super::service::AuditFout;
use crate::gemeen::Db;
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

/// The `vorige` of the first entry.
pub const BEGIN: &str = "0000000000000000000000000000000000000000000000000000000000000000";
/// Entries read per query.
const BLOK: i64 = 1_000;

fn veld(s: Option<&str>) -> String {
    s.map_or_else(|| "-".to_string(), |s| format!("{}:{s}", s.chars().count()))
}

/// The canonical text of an entry with this number and `vorige` (as `fn::audit_hash`).
pub fn codering(s: &SchakelDb, volgnummer: i64, vorige: &str) -> String {
    let nano = s.tijdstip.timestamp_nanos_opt().map_or_else(|| "?".to_string(), |n| n.to_string());
    let rollen: Vec<String> = s.rollen.iter().map(|r| veld(Some(r))).collect();
    [
        "meldpunt-audit-1".to_string(),
        volgnummer.to_string(),
        vorige.to_string(),
        nano,
        veld(s.gebruiker.as_deref()),
        format!("{}:{}", s.rollen.len(), rollen.join(",")),
        veld(Some(&s.actie)),
        veld(s.object.as_deref()),
        veld(s.adres.as_deref()),
    ]
    .join("\n")
}

/// The hash an entry should have, lowercase hex.
pub fn bereken(s: &SchakelDb, volgnummer: i64, vorige: &str) -> String {
    Sha256::digest(codering(s, volgnummer, vorige).as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// What is wrong at a broken link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Breuksoort {
    /// The content no longer matches the entry's own hash.
    InhoudGewijzigd,
    /// The entries from this number up to and including `tot` are missing.
    Ontbreekt { tot: i64 },
    /// The entry's `vorige` is not the hash of the entry before it.
    VorigeKlopNiet,
    /// A second entry with a number that is taken.
    Ingevoegd,
    /// An entry without a (valid) number: outside the chain.
    ZonderPlaats,
    /// The chain stops before the head: the last entries up to the head's number are missing.
    EindeOntbreekt { kop: i64 },
    /// The head names another hash than the last entry has, or is missing.
    KopKlopNiet,
    /// The anchored entry has another hash, or does not exist.
    AnkerKlopNiet,
}

/// The first broken link: where (number, time and key of the entry concerned, where there is
/// one) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breuk {
    pub volgnummer: Option<i64>,
    pub tijdstip: Option<DateTime<Utc>>,
    pub sleutel: Option<String>,
    pub soort: Breuksoort,
}

impl std::fmt::Display for Breuk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let nr = self.volgnummer.map_or_else(|| "?".to_string(), |n| format!("#{n}"));
        let tijd = self.tijdstip.map(crate::tijd::toon).unwrap_or_default();
        let sleutel = self.sleutel.as_deref().unwrap_or("?");
        match &self.soort {
            Breuksoort::InhoudGewijzigd => {
                write!(f, "regel {nr} van {tijd} is gewijzigd: de inhoud past niet meer bij de hash")
            }
            Breuksoort::Ontbreekt { tot } => {
                let wat = if Some(*tot) == self.volgnummer {
                    format!("regel {nr} ontbreekt")
                } else {
                    format!("regels {nr} tot en met #{tot} ontbreken")
                };
                write!(f, "{wat} (verwijderd): daarna volgt #{} van {tijd}", tot + 1)
            }
            Breuksoort::VorigeKlopNiet => write!(
                f,
                "regel {nr} van {tijd} verwijst niet naar de hash van de regel ervoor: die is gewijzigd \
                 en opnieuw gehasht, of deze regel is ingevoegd"
            ),
            Breuksoort::Ingevoegd => {
                write!(f, "volgnummer {nr} komt meer dan eens voor: regel {sleutel} van {tijd} is ingevoegd")
            }
            Breuksoort::ZonderPlaats => {
                write!(f, "regel {sleutel} van {tijd} heeft geen plaats in de keten: ingevoegd")
            }
            Breuksoort::EindeOntbreekt { kop } => {
                write!(f, "de laatste regels ontbreken (verwijderd): {nr} tot en met #{kop}")
            }
            Breuksoort::KopKlopNiet => write!(f, "de kop van de keten past niet bij regel {nr}"),
            Breuksoort::AnkerKlopNiet => {
                write!(f, "regel {nr} heeft niet de hash van het anker (of bestaat niet): de keten is herschreven")
            }
        }
    }
}

/// An entry's number and hash noted earlier, outside the database (`--anchor N:HASH`): a chain
/// rewritten from before it on, every hash recomputed, still differs there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anker {
    pub volgnummer: i64,
    pub hash: String,
}

impl std::str::FromStr for Anker {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let fout = || format!("an anchor is NUMBER:HASH (64 hex digits), not {s:?}");
        let (nr, hash) = s.trim().split_once(':').ok_or_else(fout)?;
        let volgnummer = nr.trim_start_matches('#').parse::<i64>().map_err(|_| fout())?;
        let hash = hash.to_ascii_lowercase();
        if volgnummer < 1 || hash.len() != 64 || !hash.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(fout());
        }
        Ok(Self { volgnummer, hash })
    }
}

/// The last intact entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Laatste {
    pub volgnummer: i64,
    pub tijdstip: DateTime<Utc>,
    pub hash: String,
}

/// The outcome: how many entries are intact (up to the first break), the last of them, and the
/// first break if there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verslag {
    pub intact: u64,
    pub laatste: Option<Laatste>,
    pub breuk: Option<Breuk>,
}

/// The walk: the last intact number and hash so far.
struct Loper<'a> {
    nr: i64,
    hash: String,
    intact: u64,
    laatste: Option<Laatste>,
    anker: Option<&'a Anker>,
}

fn breuk(s: &SchakelDb, volgnummer: Option<i64>, soort: Breuksoort) -> Breuk {
    Breuk { volgnummer, tijdstip: Some(s.tijdstip), sleutel: Some(s.sleutel.clone()), soort }
}

impl Loper<'_> {
    /// Whether this entry is the right next link after the walk so far.
    fn past(&self, s: &SchakelDb, nr: i64) -> bool {
        s.vorige.as_deref() == Some(self.hash.as_str()) && s.hash.as_deref() == Some(&bereken(s, nr, &self.hash))
    }

    /// The entries with the next number present (one, unless one was inserted). `volgende` is
    /// the `vorige` of the entry after them, to tell an inserted copy from the real one.
    fn stap(&mut self, groep: &[SchakelDb], volgende: Option<&str>) -> Result<(), Breuk> {
        let Some(s) = groep.first() else { return Ok(()) };
        let nr = s.volgnummer.unwrap_or_default();
        if groep.len() > 1 {
            let echt = |x: &SchakelDb| self.past(x, nr) && volgende.is_none_or(|v| x.hash.as_deref() == Some(v));
            let vreemd = groep.iter().find(|x| !echt(x)).or(groep.get(1)).unwrap_or(s);
            return Err(breuk(vreemd, Some(nr), Breuksoort::Ingevoegd));
        }
        if nr > self.nr + 1 {
            return Err(breuk(s, Some(self.nr + 1), Breuksoort::Ontbreekt { tot: nr - 1 }));
        }
        if s.vorige.as_deref() != Some(self.hash.as_str()) {
            return Err(breuk(s, Some(nr), Breuksoort::VorigeKlopNiet));
        }
        let hash = bereken(s, nr, &self.hash);
        if s.hash.as_deref() != Some(hash.as_str()) {
            return Err(breuk(s, Some(nr), Breuksoort::InhoudGewijzigd));
        }
        if self.anker.is_some_and(|a| a.volgnummer == nr && a.hash != hash) {
            return Err(breuk(s, Some(nr), Breuksoort::AnkerKlopNiet));
        }
        self.nr = nr;
        self.intact += 1;
        self.laatste = Some(Laatste { volgnummer: nr, tijdstip: s.tijdstip, hash: hash.clone() });
        self.hash = hash;
        Ok(())
    }

    /// After the last entry: it must be the head, and the anchor must have been passed.
    fn einde(&self, kop: &KopDb) -> Result<(), Breuk> {
        let zonder = |volgnummer, soort| Breuk { volgnummer, tijdstip: None, sleutel: None, soort };
        if self.nr < kop.volgnummer {
            return Err(zonder(Some(self.nr + 1), Breuksoort::EindeOntbreekt { kop: kop.volgnummer }));
        }
        if self.hash != kop.hash {
            return Err(zonder(Some(self.nr), Breuksoort::KopKlopNiet));
        }
        match self.anker {
            Some(a) if a.volgnummer > self.nr => Err(zonder(Some(a.volgnummer), Breuksoort::AnkerKlopNiet)),
            _ => Ok(()),
        }
    }

    fn verslag(self, breuk: Option<Breuk>) -> Verslag {
        Verslag { intact: self.intact, laatste: self.laatste, breuk }
    }
}

/// Walks the chain from the first entry to the head (as read at the start; entries written
/// during the walk are left for the next check) and reports the first broken link.
pub async fn controleer(db: &Db, anker: Option<&Anker>) -> Result<Verslag, AuditFout> {
    let mut loper = Loper { nr: 0, hash: BEGIN.to_string(), intact: 0, laatste: None, anker };
    let Some(kop) = repo::kop(db).await? else {
        let b = Breuk { volgnummer: None, tijdstip: None, sleutel: None, soort: Breuksoort::KopKlopNiet };
        return Ok(loper.verslag(Some(b)));
    };
    let mut van = 1;
    while van <= kop.volgnummer {
        let tot = (van + BLOK).min(kop.volgnummer + 1);
        let rijen = repo::schakels(db, van, tot).await?;
        for groep in rijen.chunk_by(|a, b| a.volgnummer == b.volgnummer) {
            let volgende = match (groep.len() > 1, groep.first().and_then(|s| s.volgnummer)) {
                (true, Some(nr)) => repo::schakels(db, nr + 1, nr + 2).await?.into_iter().next().and_then(|s| s.vorige),
                _ => None,
            };
            if let Err(b) = loper.stap(groep, volgende.as_deref()) {
                return Ok(loper.verslag(Some(b)));
            }
        }
        van = tot;
    }
    if let Err(b) = loper.einde(&kop) {
        return Ok(loper.verslag(Some(b)));
    }
    let buiten = repo::zonder_volgnummer(db).await?.map(|s| breuk(&s, None, Breuksoort::ZonderPlaats));
    Ok(loper.verslag(buiten))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schakel(object: Option<&str>) -> SchakelDb {
        SchakelDb {
            sleutel: "a1".into(),
            volgnummer: Some(7),
            tijdstip: DateTime::from_timestamp(1_772_442_000, 123_456_789).unwrap(),
            gebruiker: Some("els1".into()),
            rollen: vec!["casewerker".into(), "coordinator".into()],
            actie: "bekijken".into(),
            object: object.map(str::to_string),
            adres: None,
            vorige: None,
            hash: None,
        }
    }

    #[test]
    fn the_canonical_text_prefixes_every_field_with_its_length_in_characters() {
        let tekst = codering(&schakel(Some("M-2026-00042 é")), 7, BEGIN);
        let verwacht = format!(
            "meldpunt-audit-1\n7\n{BEGIN}\n1772442000123456789\n4:els1\n2:10:casewerker,11:coordinator\n8:bekijken\n14:M-2026-00042 é\n-"
        );
        assert_eq!(tekst, verwacht);
        // No object and an empty object differ; so do fields that would join to the same text.
        assert_ne!(bereken(&schakel(None), 7, BEGIN), bereken(&schakel(Some("")), 7, BEGIN));
        let mut a = schakel(None);
        a.rollen = vec!["ab".into(), "c".into()];
        let mut b = schakel(None);
        b.rollen = vec!["a".into(), "bc".into()];
        assert_ne!(bereken(&a, 7, BEGIN), bereken(&b, 7, BEGIN));
        assert_eq!(bereken(&a, 7, BEGIN).len(), 64);
    }

    #[test]
    fn an_anchor_is_a_number_and_64_hex_digits() {
        let hash = "AB".repeat(32);
        assert_eq!(format!("12:{hash}").parse::<Anker>(), Ok(Anker { volgnummer: 12, hash: hash.to_lowercase() }));
        for fout in [
            "12".to_string(),
            "0:".to_string() + &hash,
            format!("x:{hash}"),
            format!("12:{}", &hash[1..]),
            format!("12:{}zz", &hash[2..]),
        ] {
            assert!(fout.parse::<Anker>().is_err(), "{fout}");
        }
    }
}
