//! Pure, deterministic generator of fictional demo data: organisers, locations and meldingen.
//! Same input, same output: a fixed-seed SplitMix64, no clock, no hash-map iteration.

use super::teksten::*;
use super::{Demo, DemoLocatie, DemoMelder, DemoMelding, DemoOrganisator};
use crate::locaties::model::{LocatieSoort, Ondernemingsnummer, Vergunningsstatus};
use crate::zaak::model::{Categorie, Kanaal, Relatie, Status, Urgentie};
use chrono::{DateTime, Datelike, Duration, Timelike, Utc};

/// SplitMix64: tiny and plenty for demo data.
pub(super) struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed)
    }
    pub(super) fn volgend(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// 0..n (0 when n is 0).
    pub(super) fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.volgend() % n as u64) as usize }
    }
    /// lo..=hi.
    pub(super) fn tussen(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo { lo } else { lo + (self.volgend() % (hi - lo + 1) as u64) as i64 }
    }
    pub(super) fn kans(&mut self, procent: u64) -> bool {
        self.volgend() % 100 < procent
    }
    pub(super) fn kies<T: Copy>(&mut self, lijst: &[T]) -> T {
        lijst[self.below(lijst.len())]
    }
    pub(super) fn gewogen<T: Copy>(&mut self, tabel: &[(T, u32)]) -> T {
        let totaal: u32 = tabel.iter().map(|(_, w)| w).sum();
        let mut r = self.below(totaal as usize) as u32;
        for &(waarde, gewicht) in tabel {
            if r < gewicht {
                return waarde;
            }
            r -= gewicht;
        }
        tabel[tabel.len() - 1].0
    }
}

fn fragmenten(c: Categorie) -> &'static [&'static str] {
    match c {
        Categorie::Veiligheid => VEILIGHEID,
        Categorie::GezondheidHygiene => GEZONDHEID,
        Categorie::PedagogischeAanpak => PEDAGOGISCH,
        Categorie::Grensoverschrijdend => GRENSOVERSCHRIJDEND,
        Categorie::BegeleidingKindratio => BEGELEIDING,
        Categorie::Infrastructuur => INFRASTRUCTUUR,
        Categorie::Voeding => VOEDING,
        Categorie::AdministratiePrijs => ADMINISTRATIE,
        Categorie::ZonderVergunning => ZONDER_VERGUNNING,
        Categorie::Andere => ANDERE,
    }
}

fn openingen(r: Relatie) -> &'static [&'static str] {
    match r {
        Relatie::Ouder => &[
            "{Kind} gaat sinds september naar deze opvang.",
            "Ik wil iets melden over de opvang van {kind}.",
            "Sinds een paar maanden gaat {kind} hier drie dagen per week naartoe.",
            "We zijn al een tijdje ongerust over de opvang van {kind}.",
        ],
        Relatie::Grootouder => &[
            "Ik haal {kind} twee keer per week op bij deze opvang.",
            "Als grootouder breng ik {kind} elke woensdag naar de opvang.",
            "Mijn dochter durft zelf niets te melden, dus doe ik het.",
        ],
        Relatie::Personeel => &[
            "Ik heb hier tot vorige maand als begeleider gewerkt.",
            "Ik werk hier als begeleidster en durf dit niet intern aan te kaarten.",
            "Als stagiaire heb ik hier enkele weken meegedraaid.",
        ],
        Relatie::Buur => &[
            "Ik woon vlak naast de opvang.",
            "Vanuit mijn tuin zie ik de speelplaats van de opvang.",
            "Ik kom elke dag langs de opvang op weg naar mijn werk.",
        ],
        Relatie::Professional => &[
            "Ik begeleid een gezin van wie het kind hier naar de opvang gaat.",
            "Als kinesitherapeut kom ik geregeld in deze opvang.",
            "Ik ben huisarts en zag in korte tijd meerdere kinderen van deze opvang.",
        ],
        Relatie::Andere => &[
            "Ik ben een vriendin van een ouder in deze opvang.",
            "Ik heb dit van verschillende ouders aan de schoolpoort gehoord.",
        ],
    }
}

/// Index of a fragment the melder could plausibly write, different from `vermijd`.
fn kies_fragment(rng: &mut Rng, lijst: &[&str], familie: bool, vermijd: usize) -> usize {
    for _ in 0..8 {
        let k = rng.below(lijst.len());
        if k != vermijd && (familie || !lijst[k].starts_with('!')) {
            return k;
        }
    }
    (0..lijst.len()).find(|&k| k != vermijd && !lijst[k].starts_with('!')).unwrap_or(0)
}

fn hoofdletter(s: &str) -> String {
    let mut tekens = s.chars();
    match tekens.next() {
        Some(c) => c.to_uppercase().chain(tekens).collect(),
        None => String::new(),
    }
}

/// Lowercase ASCII letters and digits only, for fictional mail addresses.
fn slug(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'é' | 'è' | 'ë' | 'ê' => Some('e'),
            'ï' => Some('i'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

fn vast_nummer(rng: &mut Rng, zone: &str) -> String {
    let (a, b, c) = if zone.len() == 2 {
        (rng.tussen(200, 989), rng.tussen(0, 99), rng.tussen(0, 99))
    } else {
        (rng.tussen(20, 98), rng.tussen(0, 99), rng.tussen(0, 99))
    };
    if zone.len() == 2 { format!("{zone} {a} {b:02} {c:02}") } else { format!("{zone} {a:02} {b:02} {c:02}") }
}

fn gsm_nummer(rng: &mut Rng) -> String {
    let prefix = if rng.kans(45) { rng.tussen(470, 479) } else { rng.tussen(483, 499) };
    format!("0{prefix} {:02} {:02} {:02}", rng.tussen(0, 99), rng.tussen(0, 99), rng.tussen(0, 99))
}

fn gemeente_index(rng: &mut Rng) -> usize {
    if rng.kans(45) { rng.below(12) } else { rng.below(GEMEENTEN.len()) }
}

/// Start of the UTC day of `t`.
fn middernacht(t: DateTime<Utc>) -> DateTime<Utc> {
    t - Duration::seconds(i64::from(t.num_seconds_from_midnight())) - Duration::nanoseconds(i64::from(t.nanosecond()))
}

/// Hours Belgian wall-clock time is ahead of UTC (summer time approximated as April to October).
fn utc_offset(t: DateTime<Utc>) -> i64 {
    if (4..=10).contains(&t.month()) { 2 } else { 1 }
}

/// Moves `t` forward to Belgian office hours (weekdays 8:00 to 17:00); never earlier than `t`.
pub(super) fn werkuur(t: DateTime<Utc>, rng: &mut Rng) -> DateTime<Utc> {
    let verschil = Duration::hours(utc_offset(t));
    let mut lokaal = t + verschil;
    for _ in 0..3 {
        let dag = i64::from(lokaal.weekday().num_days_from_monday());
        if dag >= 5 {
            lokaal = middernacht(lokaal) + Duration::days(7 - dag) + Duration::minutes(rng.tussen(510, 600));
        } else if lokaal.hour() < 8 {
            lokaal = middernacht(lokaal) + Duration::minutes(rng.tussen(480, 600));
        } else if lokaal.hour() >= 17 {
            lokaal = middernacht(lokaal) + Duration::days(1) + Duration::minutes(rng.tussen(480, 600));
        } else {
            break;
        }
    }
    lokaal - verschil
}

/// The demo set: 50 organisers, 120 locations and `aantal_meldingen` meldingen received in the 400 days
/// before `anker`, oldest first. Organisers and locations do not depend on the arguments; melding `i` is
/// generated from its own seed, so the work is linear in `aantal_meldingen`.
pub fn genereer(aantal_meldingen: usize, anker: DateTime<Utc>) -> Demo {
    let (organisatoren, locaties) = organisatoren_en_locaties();
    // A handful of locations draw more meldingen than the rest, as in real life.
    let hot: Vec<usize> = locaties
        .iter()
        .enumerate()
        .filter(|(j, l)| l.vergunning != Vergunningsstatus::Actief || j % 13 == 5)
        .map(|(j, _)| j)
        .collect();
    let mut meldingen: Vec<DemoMelding> = (0..aantal_meldingen).map(|i| melding(i, anker, &locaties, &hot)).collect();
    meldingen.sort_by_key(|m| m.ontvangen);
    Demo { organisatoren, locaties, meldingen }
}

fn organisatoren_en_locaties() -> (Vec<DemoOrganisator>, Vec<DemoLocatie>) {
    let mut rng = Rng::new(0x4D45_4C44_5055_4E54);
    let mut organisatoren = Vec::new();
    let mut locaties: Vec<DemoLocatie> = Vec::new();
    for i in 0..ORGANISATIES.len() + ONTHAALOUDERS.len() {
        let key = format!("O{:04}", i + 1);
        let ondernemingsnummer =
            Ondernemingsnummer::from_basis(4_100_000 + (i as u32) * 73_451 + rng.below(1000) as u32);
        let g = gemeente_index(&mut rng);
        let zone = GEMEENTEN[g].2;
        if let Some(&(naam, domein, aantal)) = ORGANISATIES.get(i) {
            let telefoon = vast_nummer(&mut rng, zone);
            organisatoren.push(DemoOrganisator {
                key: key.clone(),
                naam: naam.to_string(),
                ondernemingsnummer,
                email: format!("info@{domein}.be"),
                telefoon,
            });
            for _ in 0..aantal {
                let soort = if naam.contains("Buitenschoolse") {
                    LocatieSoort::Schoolkinderen
                } else {
                    rng.gewogen(&[
                        (LocatieSoort::Groepsopvang, 65),
                        (LocatieSoort::Schoolkinderen, 22),
                        (LocatieSoort::Gezinsopvang, 13),
                    ])
                };
                let gl = if rng.kans(60) { (g + rng.below(3)) % GEMEENTEN.len() } else { gemeente_index(&mut rng) };
                let basis = rng.kies(LOCATIENAMEN);
                let lnaam = if soort == LocatieSoort::Schoolkinderen {
                    format!("Buitenschoolse opvang {basis}")
                } else {
                    basis.to_string()
                };
                let l = locatie(&mut rng, locaties.len(), &key, lnaam, soort, gl);
                locaties.push(l);
            }
        } else {
            let j = i - ORGANISATIES.len();
            let voornaam = ONTHAALOUDERS[j % ONTHAALOUDERS.len()];
            let achternaam = ACHTERNAMEN[(j * 7 + 2) % ACHTERNAMEN.len()];
            let telefoon = if rng.kans(30) { vast_nummer(&mut rng, zone) } else { gsm_nummer(&mut rng) };
            let email = format!("onthaalouder@{}{}.be", slug(voornaam), slug(achternaam));
            organisatoren.push(DemoOrganisator {
                key: key.clone(),
                naam: format!("Onthaalouder {voornaam} {achternaam}"),
                ondernemingsnummer,
                email,
                telefoon,
            });
            let lnaam =
                if rng.kans(50) { format!("Gezinsopvang {achternaam}") } else { rng.kies(LOCATIENAMEN).to_string() };
            let l = locatie(&mut rng, locaties.len(), &key, lnaam, LocatieSoort::Gezinsopvang, g);
            locaties.push(l);
        }
    }
    (organisatoren, locaties)
}

fn locatie(
    rng: &mut Rng,
    index: usize,
    organisator_key: &str,
    naam: String,
    soort: LocatieSoort,
    g: usize,
) -> DemoLocatie {
    let (gemeente, postcode, _) = GEMEENTEN[g];
    let capaciteit: i64 = match soort {
        LocatieSoort::Gezinsopvang => rng.tussen(2, 8),
        LocatieSoort::Groepsopvang if rng.kans(50) => rng.tussen(9, 28),
        LocatieSoort::Groepsopvang => rng.tussen(29, 60),
        LocatieSoort::Schoolkinderen => 20 + 5 * rng.tussen(0, 20),
    };
    let vergunning = match index {
        6 | 40 | 93 => Vergunningsstatus::Geschorst,
        18 | 77 => Vergunningsstatus::Opgeheven,
        33 | 62 | 110 => Vergunningsstatus::Stopgezet,
        _ => Vergunningsstatus::Actief,
    };
    let nummer = rng.tussen(1, 180);
    let straat = if rng.kans(8) {
        format!("{} {nummer}{}", rng.kies(STRATEN), rng.kies(&["A", "B"]))
    } else {
        format!("{} {nummer}", rng.kies(STRATEN))
    };
    let (key, organisator_key, capaciteit) =
        (format!("L{:04}", index + 1), organisator_key.to_string(), capaciteit as u32);
    DemoLocatie {
        key,
        organisator_key,
        naam,
        soort,
        capaciteit,
        straat,
        postcode: postcode.to_string(),
        gemeente: gemeente.to_string(),
        vergunning,
    }
}

fn status_voor_leeftijd(rng: &mut Rng, dagen: i64) -> Status {
    use Status::*;
    let tabel: &[(Status, u32)] = if dagen < 7 {
        &[(Ontvangen, 45), (InBehandeling, 40), (WachtOpInfo, 5), (Doorverwezen, 5), (Onontvankelijk, 5)]
    } else if dagen < 21 {
        &[
            (Ontvangen, 8),
            (InBehandeling, 45),
            (WachtOpInfo, 20),
            (Conclusie, 10),
            (Doorverwezen, 8),
            (Onontvankelijk, 5),
            (Afgesloten, 4),
        ]
    } else if dagen < 60 {
        &[
            (InBehandeling, 25),
            (WachtOpInfo, 15),
            (Conclusie, 20),
            (Afgesloten, 25),
            (Doorverwezen, 9),
            (Onontvankelijk, 6),
        ]
    } else {
        &[
            (Afgesloten, 78),
            (Doorverwezen, 11),
            (Onontvankelijk, 8),
            (InBehandeling, 1),
            (WachtOpInfo, 1),
            (Conclusie, 1),
            (Heropend, 1),
        ]
    };
    rng.gewogen(tabel)
}

const DEMO_STATUSSEN: [Status; 8] = [
    Status::Ontvangen,
    Status::InBehandeling,
    Status::WachtOpInfo,
    Status::Conclusie,
    Status::Afgesloten,
    Status::Doorverwezen,
    Status::Onontvankelijk,
    Status::Heropend,
];

fn melding(i: usize, anker: DateTime<Utc>, locaties: &[DemoLocatie], hot: &[usize]) -> DemoMelding {
    let mut rng = Rng::new(0x5EED_1234_ABCD_0000 ^ (i as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93));
    // The first 24 cycle through every status, so that each one shows up whatever the size.
    let gedwongen = (i < 3 * DEMO_STATUSSEN.len()).then(|| DEMO_STATUSSEN[i % DEMO_STATUSSEN.len()]);
    let kanaal = rng.gewogen(&[
        (Kanaal::Webformulier, 62),
        (Kanaal::Telefoon, 18),
        (Kanaal::Email, 13),
        (Kanaal::Brief, 4),
        (Kanaal::Balie, 3),
    ]);
    let mut dagen = match gedwongen {
        Some(Status::Ontvangen) => rng.tussen(0, 2),
        Some(Status::InBehandeling | Status::WachtOpInfo) => rng.tussen(4, 20),
        Some(Status::Conclusie) => rng.tussen(22, 40),
        Some(_) => rng.tussen(45, 390),
        None if rng.kans(22) => rng.tussen(0, 20),
        None => rng.tussen(0, 399),
    };
    let nacht = middernacht(anker);
    let kantoorkanaal = matches!(kanaal, Kanaal::Telefoon | Kanaal::Brief | Kanaal::Balie);
    if kantoorkanaal {
        let wd = i64::from((nacht - Duration::days(dagen)).weekday().num_days_from_monday());
        if wd >= 5 {
            dagen = if dagen + wd - 4 <= 399 { dagen + wd - 4 } else { dagen - (7 - wd) };
        }
    }
    // Minutes after local midnight.
    let minuut = match kanaal {
        Kanaal::Webformulier => {
            let (van, tot) =
                rng.gewogen(&[((0_i64, 6_i64), 4), ((6, 9), 12), ((9, 17), 40), ((17, 21), 30), ((21, 24), 14)]);
            rng.tussen(van * 60, tot * 60 - 1)
        }
        Kanaal::Email => rng.tussen(7 * 60, 22 * 60),
        Kanaal::Brief => rng.tussen(9 * 60, 11 * 60),
        Kanaal::Telefoon | Kanaal::Balie => rng.tussen(9 * 60, 16 * 60 + 30),
    };
    let dag = nacht - Duration::days(dagen);
    let mut ontvangen = dag + Duration::minutes(minuut - 60 * utc_offset(dag));
    // Never in the future, and at least ten minutes before the anchor, for the steps after intake.
    if ontvangen > anker - Duration::minutes(10) {
        ontvangen = anker - Duration::minutes(rng.tussen(10, 240));
    }
    let leeftijd = (anker - ontvangen).num_days();
    let status = gedwongen.unwrap_or_else(|| status_voor_leeftijd(&mut rng, leeftijd));
    let feit_datum = ontvangen.date_naive() - Duration::days(rng.tussen(0, 30).min(rng.tussen(0, 30)));

    let locatie = if locaties.is_empty() || rng.kans(5) {
        None
    } else if !hot.is_empty() && rng.kans(15) {
        locaties.get(hot[rng.below(hot.len())])
    } else {
        locaties.get(rng.below(locaties.len()))
    };
    let relatie = if locatie.is_none() {
        rng.gewogen(&[(Relatie::Buur, 40), (Relatie::Ouder, 25), (Relatie::Andere, 20), (Relatie::Professional, 15)])
    } else {
        rng.gewogen(&[
            (Relatie::Ouder, 68),
            (Relatie::Grootouder, 7),
            (Relatie::Personeel, 9),
            (Relatie::Buur, 7),
            (Relatie::Professional, 5),
            (Relatie::Andere, 4),
        ])
    };

    // No known location, or one that lost its licence: often about opvang zonder vergunning.
    let gesloten =
        locatie.is_some_and(|l| matches!(l.vergunning, Vergunningsstatus::Opgeheven | Vergunningsstatus::Stopgezet));
    let mut categorieen = Vec::with_capacity(3);
    if locatie.is_none() || (gesloten && rng.kans(40)) {
        categorieen.push(Categorie::ZonderVergunning);
    }
    let doel = if rng.kans(55) {
        1
    } else if rng.kans(78) {
        2
    } else {
        3
    };
    for _ in 0..12 {
        let c = rng.gewogen(CATEGORIE_GEWICHTEN);
        if categorieen.len() < doel && !categorieen.contains(&c) {
            categorieen.push(c);
        }
    }

    let ernstig = categorieen.iter().any(|c| matches!(c, Categorie::Grensoverschrijdend | Categorie::Veiligheid));
    let mut urgentie = if ernstig {
        rng.gewogen(&[(Urgentie::Normaal, 75), (Urgentie::Hoog, 17), (Urgentie::Acuut, 8)])
    } else {
        rng.gewogen(&[(Urgentie::Normaal, 92), (Urgentie::Hoog, 6), (Urgentie::Acuut, 1)])
    };
    if urgentie == Urgentie::Acuut && status == Status::Ontvangen {
        urgentie = Urgentie::Hoog; // acute ones are picked up the same day
    }

    // The description: an optional opening, fragments per category, an optional closing line.
    let familie = matches!(relatie, Relatie::Ouder | Relatie::Grootouder);
    let kind = match relatie {
        Relatie::Ouder => rng.kies(&["mijn zoon", "mijn dochter", "ons zoontje", "ons dochtertje"]),
        Relatie::Grootouder => rng.kies(&["mijn kleinzoon", "mijn kleindochter"]),
        _ => rng.kies(&["een kindje", "een peuter"]),
    };
    let mut zinnen: Vec<&str> = Vec::with_capacity(6);
    if rng.kans(55) {
        zinnen.push(rng.kies(openingen(relatie)));
    }
    let eerste = match categorieen.len() {
        1 => 2,
        2 => 1 + rng.below(2),
        _ => 1,
    };
    for (k, c) in categorieen.iter().enumerate() {
        let lijst = fragmenten(*c);
        let mut vorige = usize::MAX;
        let n = if k == 0 { eerste } else { 1 };
        for _ in 0..n {
            vorige = kies_fragment(&mut rng, lijst, familie, vorige);
            zinnen.push(lijst[vorige]);
        }
    }
    if zinnen.len() < 5 && rng.kans(70) {
        zinnen.push(SLOTZINNEN[kies_fragment(&mut rng, SLOTZINNEN, familie, usize::MAX)]);
    }
    let zinnen: Vec<&str> = zinnen.iter().map(|z| z.trim_start_matches('!')).collect();
    let omschrijving = zinnen.join(" ").replace("{Kind}", &hoofdletter(kind)).replace("{kind}", kind);

    let melder = if rng.kans(20) {
        None
    } else {
        let voornaam = rng.kies(VOORNAMEN);
        let achternaam = rng.kies(ACHTERNAMEN);
        let email = if kanaal == Kanaal::Email || rng.kans(70) {
            let jaar = if rng.kans(25) { rng.tussen(70, 99).to_string() } else { String::new() };
            Some(format!("{}.{}{jaar}@{}", slug(voornaam), slug(achternaam), rng.kies(MAILDOMEINEN)))
        } else {
            None
        };
        let telefoon = (kanaal == Kanaal::Telefoon || email.is_none() || rng.kans(50)).then(|| gsm_nummer(&mut rng));
        Some(DemoMelder { naam: format!("{voornaam} {achternaam}"), email, telefoon })
    };

    let locatie_omschrijving = if locatie.is_none() {
        let gemeente = GEMEENTEN[gemeente_index(&mut rng)].0;
        let straat = rng.kies(STRATEN);
        Some(rng.kies(ZONDER_LOCATIE).replace("{straat}", straat).replace("{gemeente}", gemeente))
    } else {
        None
    };

    let locatie_key = locatie.map(|l| l.key.clone());
    let mut m = DemoMelding {
        locatie_key,
        locatie_omschrijving,
        kanaal,
        ontvangen,
        feit_datum,
        categorieen,
        urgentie,
        status,
        omschrijving,
        relatie,
        melder,
        geregistreerd: None,
        verloop: Vec::new(),
    };
    (m.geregistreerd, m.verloop) = super::verloop::verloop(&mut rng, &m, anker);
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::{DemoWat, TEAM};
    use chrono::TimeZone;
    use std::collections::BTreeSet;

    fn anker() -> DateTime<Utc> {
        let Some(t) = Utc.with_ymd_and_hms(2026, 3, 16, 10, 30, 0).single() else { panic!("geldig anker") };
        t
    }

    #[test]
    fn is_deterministic() {
        assert_eq!(genereer(300, anker()), genereer(300, anker()));
    }

    #[test]
    fn has_the_expected_counts() {
        let d = genereer(300, anker());
        assert_eq!(d.organisatoren.len(), 50);
        assert_eq!(d.locaties.len(), 120);
        assert_eq!(d.meldingen.len(), 300);
        assert!(genereer(0, anker()).meldingen.is_empty());
        assert_eq!(genereer(1, anker()).meldingen.len(), 1);
        let zonder = d.meldingen.iter().filter(|m| m.locatie_key.is_none()).count();
        assert!(zonder > 0 && zonder < 40, "{zonder} zonder locatie");
    }

    #[test]
    fn references_exist_and_keys_are_unique() {
        let d = genereer(300, anker());
        let orgs: BTreeSet<&str> = d.organisatoren.iter().map(|o| o.key.as_str()).collect();
        let locs: BTreeSet<&str> = d.locaties.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(orgs.len(), d.organisatoren.len());
        assert_eq!(locs.len(), d.locaties.len());
        assert!(!orgs.is_empty() && !locs.is_empty(), "organisers and locations to check");
        assert!(d.locaties.iter().all(|l| orgs.contains(l.organisator_key.as_str())));
        assert!(d.organisatoren.iter().all(|o| d.locaties.iter().any(|l| l.organisator_key == o.key)));
        for m in &d.meldingen {
            match &m.locatie_key {
                Some(k) => assert!(locs.contains(k.as_str()), "{k}"),
                None => assert!(m.locatie_omschrijving.is_some()),
            }
        }
    }

    #[test]
    fn ondernemingsnummers_are_distinct_and_valid() {
        let d = genereer(0, anker());
        let nummers: BTreeSet<&str> = d.organisatoren.iter().map(|o| o.ondernemingsnummer.digits()).collect();
        assert_eq!(nummers.len(), d.organisatoren.len());
        for n in nummers {
            assert!(Ondernemingsnummer::parse(n).is_ok(), "{n}");
        }
    }

    #[test]
    fn every_status_appears_and_times_are_before_the_anchor() {
        let d = genereer(300, anker());
        for s in &DEMO_STATUSSEN {
            assert!(d.meldingen.iter().filter(|m| m.status == *s).count() >= 3, "{s:?}");
        }
        for m in &d.meldingen {
            assert!(m.ontvangen <= anker());
            assert!(m.ontvangen > anker() - Duration::days(402));
            assert!(m.feit_datum <= m.ontvangen.date_naive());
            assert!((1..=3).contains(&m.categorieen.len()));
            assert!(!m.omschrijving.contains('{') && !m.omschrijving.contains('!'), "{}", m.omschrijving);
        }
    }

    #[test]
    fn histories_are_ordered_and_follow_the_state_machine_to_the_status() {
        use crate::behandeling::model::overgang;
        let d = genereer(300, anker());
        assert!(!d.meldingen.is_empty());
        for m in &d.meldingen {
            let start = m.geregistreerd.map_or(m.ontvangen, |(_, t)| t);
            assert!(start >= m.ontvangen && start <= anker());
            assert!(m.verloop.windows(2).all(|w| w[0].tijdstip < w[1].tijdstip));
            assert!(m.verloop.iter().all(|e| e.tijdstip > start && e.tijdstip <= anker() && e.door < TEAM.len()));
            // Never a whole second, and a step's entry 1 ms later in the same second (see `verloop`).
            assert!(m.verloop.iter().all(|e| (1..=998).contains(&e.tijdstip.timestamp_subsec_millis())));
            let mut status = Status::Ontvangen;
            for e in &m.verloop {
                if let DemoWat::Stap(h) = &e.wat {
                    let (van, naar) = overgang(h.soort());
                    assert!(van.contains(&status), "{:?} from {status:?}", h.soort());
                    status = naar.unwrap_or(status);
                }
            }
            assert_eq!(status, m.status);
        }
    }

    #[test]
    fn capacities_fit_the_kind_of_location() {
        for l in genereer(0, anker()).locaties {
            let ok = match l.soort {
                LocatieSoort::Gezinsopvang => (1..=8).contains(&l.capaciteit),
                LocatieSoort::Groepsopvang => (9..=60).contains(&l.capaciteit),
                LocatieSoort::Schoolkinderen => (20..=120).contains(&l.capaciteit),
            };
            assert!(ok, "{} {:?} {}", l.key, l.soort, l.capaciteit);
        }
    }

    #[test]
    fn generates_a_large_set() {
        assert_eq!(genereer(100_000, anker()).meldingen.len(), 100_000);
    }
}
