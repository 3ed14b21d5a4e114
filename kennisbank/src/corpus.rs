//! A deterministic generator of realistic Dutch knowledge-base pages and queries, for benchmarks.
//! No external data: pages are assembled from the domain vocabulary below with a seeded generator.

use chrono::NaiveDate;

use crate::model::{Doelgroep, Pagina, Slug, Soort};

/// Small seeded pseudo-random generator (splitmix64): same seed, same corpus, on every machine.
pub struct Dobbelsteen(u64);

impl Dobbelsteen {
    pub fn new(zaad: u64) -> Dobbelsteen {
        Dobbelsteen(zaad)
    }

    pub fn volgende(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn onder(&mut self, n: usize) -> usize {
        (self.volgende() % n.max(1) as u64) as usize
    }

    pub fn kies<'a>(&mut self, lijst: &[&'a str]) -> &'a str {
        lijst.get(self.onder(lijst.len())).copied().unwrap_or("")
    }
}

const ONDERWERPEN: &[&str] = &[
    "schorsing",
    "vergunning",
    "melding",
    "aanmaning",
    "sluiting",
    "inspectie",
    "klacht",
    "kinderbegeleider",
    "opvanglocatie",
    "verantwoordelijke",
    "brandveiligheid",
    "voedselveiligheid",
    "kwaliteitshandboek",
    "subsidie",
    "inkomenstarief",
    "attest",
    "uitbreiding",
    "verhuizing",
    "overname",
    "ongeval",
    "medicatie",
    "slaapruimte",
    "buitenspeelruimte",
    "groepsgrootte",
    "kindvolgsysteem",
    "opleiding",
    "uurrooster",
    "handhaving",
    "intrekking",
    "opheffing",
    "bezwaar",
    "beroep",
    "bewijsstuk",
    "verslag",
    "huisbezoek",
];
const BIJVOEGLIJK: &[&str] = &[
    "tijdelijke",
    "gedeeltelijke",
    "dringende",
    "nieuwe",
    "voorlopige",
    "definitieve",
    "verplichte",
    "aangetekende",
    "ernstige",
    "herhaalde",
    "schriftelijke",
    "gezinsopvang",
    "groepsopvang",
];
const WERKWOORDEN: &[&str] = &[
    "schorst",
    "meldt",
    "controleert",
    "bezorgt",
    "ontvangt",
    "beoordeelt",
    "verlengt",
    "onderzoekt",
    "vraagt",
    "bevestigt",
    "weigert",
    "registreert",
    "behandelt",
    "stuurt",
    "bespreekt",
    "plant",
];
const DEELWOORDEN: &[&str] = &[
    "geschorst",
    "gemeld",
    "gesloten",
    "aangemaand",
    "vergund",
    "opgeheven",
    "ingetrokken",
    "gecontroleerd",
    "bezorgd",
    "ontvangen",
    "beoordeeld",
    "verlengd",
    "onderzocht",
    "gevraagd",
    "bevestigd",
    "geweigerd",
];
const ACTOREN: &[&str] = &[
    "de organisator",
    "het agentschap",
    "de inspecteur",
    "de kinderbegeleider",
    "de ouder",
    "de dossierbeheerder",
    "de verantwoordelijke",
    "de gemeente",
    "de zorginspectie",
    "het lokaal loket",
];
const AANVULLINGEN: &[&str] = &[
    "binnen de wettelijke termijn",
    "na een huisbezoek",
    "per aangetekende brief",
    "via het e-loket",
    "op basis van het inspectieverslag",
    "zonder voorafgaande aanmaning",
    "in overleg met de ouders",
    "volgens het kwaliteitshandboek",
    "na advies van de brandweer",
    "binnen dertig kalenderdagen",
    "voor elke opvanglocatie afzonderlijk",
    "met een kopie aan de gemeente",
];
const TAGS: &[&str] = &[
    "handhaving",
    "vergunning",
    "melding",
    "kwaliteit",
    "veiligheid",
    "subsidie",
    "ouders",
    "personeel",
    "infrastructuur",
    "procedure",
    "termijnen",
    "gezondheid",
];
const REGELGEVING: &[&str] = &[
    "Decreet van 20 april 2012 (kinderopvang van baby's en peuters)",
    "Besluit van de Vlaamse Regering van 22 november 2013 (vergunningsvoorwaarden)",
    "Besluit van de Vlaamse Regering van 11 december 2015 (handhaving)",
    "",
];
const THEMAS: &[&str] = &["Handhaving", "Vergunning", "Kwaliteit", "Financiering", "Meldingen", "Infrastructuur"];

fn hoofdletter(s: &str) -> String {
    let mut tekens = s.chars();
    match tekens.next() {
        Some(eerste) => eerste.to_uppercase().chain(tekens).collect(),
        None => String::new(),
    }
}

fn zin(d: &mut Dobbelsteen) -> String {
    let zin = match d.onder(4) {
        0 => format!(
            "{} {} de {} {} {}.",
            d.kies(ACTOREN),
            d.kies(WERKWOORDEN),
            d.kies(BIJVOEGLIJK),
            d.kies(ONDERWERPEN),
            d.kies(AANVULLINGEN)
        ),
        1 => format!("De {} wordt {} {}.", d.kies(ONDERWERPEN), d.kies(DEELWOORDEN), d.kies(AANVULLINGEN)),
        2 => format!(
            "Wanneer de {} is {}, {} {} de {}.",
            d.kies(ONDERWERPEN),
            d.kies(DEELWOORDEN),
            d.kies(WERKWOORDEN),
            d.kies(ACTOREN),
            d.kies(ONDERWERPEN)
        ),
        _ => format!(
            "Voor een {} {} geldt dat {} de {} {}.",
            d.kies(BIJVOEGLIJK),
            d.kies(ONDERWERPEN),
            d.kies(ACTOREN),
            d.kies(ONDERWERPEN),
            d.kies(WERKWOORDEN)
        ),
    };
    hoofdletter(&zin)
}

/// `aantal` pages, the same for the same seed. Slugs are `gen-<number>-<subject>`.
pub fn genereer(aantal: usize, zaad: u64) -> Vec<Pagina> {
    let mut d = Dobbelsteen::new(zaad);
    let mut paginas = Vec::with_capacity(aantal);
    for i in 0..aantal {
        let onderwerp = d.kies(ONDERWERPEN);
        let titel = hoofdletter(&format!("{} {} {}", d.kies(BIJVOEGLIJK), onderwerp, d.kies(AANVULLINGEN)));
        let Ok(slug) = Slug::parse(&format!("gen-{i}-{onderwerp}")) else { continue };
        let mut inhoud = format!("# {titel}\n\n");
        for alinea in 0..d.onder(4) + 3 {
            if alinea > 0 {
                inhoud.push_str(&format!("## {} {}\n\n", hoofdletter(d.kies(ONDERWERPEN)), d.kies(AANVULLINGEN)));
            }
            let zinnen: Vec<String> = (0..d.onder(5) + 4).map(|_| zin(&mut d)).collect();
            inhoud.push_str(&zinnen.join(" "));
            if i > 0 && d.onder(3) == 0 {
                let ander = d.onder(i);
                inhoud.push_str(&format!(" Zie ook [deze pagina](gen-{ander}-{}).", d.kies(ONDERWERPEN)));
            }
            inhoud.push_str("\n\n");
        }
        let tags = (0..d.onder(3) + 1).map(|_| d.kies(TAGS).to_owned()).collect();
        let dag = NaiveDate::from_ymd_opt(2012 + d.onder(13) as i32, 1 + d.onder(12) as u32, 1 + d.onder(28) as u32);
        paginas.push(Pagina {
            slug,
            titel,
            samenvatting: zin(&mut d),
            soort: [Soort::Regelgeving, Soort::Procedure, Soort::Faq][d.onder(3)],
            publiek: if d.onder(2) == 0 { Doelgroep::Publiek } else { Doelgroep::Intern },
            regelgeving: d.kies(REGELGEVING).to_owned(),
            artikels: vec![format!("art. {}", d.onder(60) + 1)],
            geldig_vanaf: dag.unwrap_or_default(),
            tags,
            thema: d.kies(THEMAS).to_owned(),
            inhoud,
        });
    }
    paginas
}

/// `aantal` queries as users type them: one to three words, some with a typo, some cut off mid-word.
pub fn zoekvragen(aantal: usize, zaad: u64) -> Vec<String> {
    let mut d = Dobbelsteen::new(zaad);
    let woordenschat: Vec<&str> =
        ONDERWERPEN.iter().chain(DEELWOORDEN).chain(BIJVOEGLIJK).chain(WERKWOORDEN).copied().collect();
    (0..aantal)
        .map(|_| {
            let mut woorden: Vec<String> = (0..d.onder(3) + 1).map(|_| d.kies(&woordenschat).to_owned()).collect();
            if let Some(laatste) = woorden.last_mut() {
                let tekens: Vec<char> = laatste.chars().collect();
                match d.onder(4) {
                    // A typo: two neighbouring letters swapped.
                    0 if tekens.len() >= 6 => {
                        let p = 1 + d.onder(tekens.len() - 2);
                        let mut t = tekens.clone();
                        t.swap(p, p + 1);
                        *laatste = t.into_iter().collect();
                    }
                    // Still typing.
                    1 if tekens.len() >= 5 => *laatste = tekens[..3 + d.onder(tekens.len() - 3)].iter().collect(),
                    _ => {}
                }
            }
            woorden.join(" ")
        })
        .collect()
}
