//! Renders N different letters one by one and reports time per letter and memory.
//!
//! `cargo run --release -p brief --example bench_brieven -- 1000`
//! `cargo run --release -p brief --example bench_brieven -- 1000 reeks` (one batch, one PDF)
//!
//! Each letter has its own address, reference and a body of about 400 words (paragraphs, a list,
//! bold, a link), so typst's caches see new content every time. Memory is the process RSS
//! (VmRSS) before the first letter, after 10, and after all; with `comemo::evict` after each
//! compilation it should stay flat from 10 on.

use std::time::Instant;

use brief::Brief;

const WOORDEN: &str = "kinderopvang melding toezicht ouders begeleider veiligheid opvolging dossier \
    inspectie één ruimte maaltijd slaapkamer groep verslag afspraak café ideeën gebouw brandveiligheid \
    we bekijken uw vraag zorgvuldig en de het een met voor van naar binnen termijn antwoorden schriftelijk";

/// A small deterministic generator: varied letters without a dependency, the same on every run.
struct Toeval(u64, Vec<&'static str>);

impl Toeval {
    fn volgende(&mut self, tot: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % tot as u64) as usize
    }

    fn zin(&mut self, woorden: usize) -> String {
        let mut zin = String::new();
        for i in 0..woorden {
            let index = self.volgende(self.1.len());
            let woord = self.1[index];
            if i == 0 {
                let mut tekens = woord.chars();
                zin.extend(tekens.next().map(|t| t.to_uppercase().collect::<String>()));
                zin.push_str(tekens.as_str());
            } else {
                zin.push(' ');
                zin.push_str(woord);
            }
        }
        zin.push('.');
        zin
    }
}

fn inhoud(toeval: &mut Toeval, nummer: usize) -> String {
    let mut tekst = format!("Geachte heer of mevrouw,\n\nWe schrijven u over melding **M-2027-{nummer:05}**. ");
    let mut woorden = 12;
    while woorden < 400 {
        let lengte = 8 + toeval.volgende(12);
        tekst.push_str(&toeval.zin(lengte));
        woorden += lengte;
        match toeval.volgende(9) {
            0 => tekst.push_str("\n\n- eerste stap – *zo snel mogelijk*\n- tweede stap\n- derde stap\n\n"),
            1 => tekst.push_str(" Meer uitleg vindt u op [onze website](https://www.example.be/opvang).\n\n"),
            2 | 3 => tekst.push_str("\n\n"),
            _ => tekst.push(' '),
        }
    }
    tekst.push_str("\n\nMet vriendelijke groeten");
    tekst
}

fn brief(toeval: &mut Toeval, nummer: usize) -> Brief {
    Brief {
        afzender: vec![
            "Meldpunt Kinderopvang – team Toezicht".into(),
            "Koning Albert II-laan 15".into(),
            "1210 Brussel".into(),
            "meldpunt@example.be".into(),
        ],
        adres: vec![
            format!("Mevrouw Anaïs Verbeke-{nummer}"),
            format!("Kerkstraat {}", nummer % 200 + 1),
            "9000 Gent".into(),
        ],
        plaats_datum: format!("Brussel, {} maart 2027", nummer % 28 + 1),
        referentie: format!("M-2027-{nummer:05}"),
        onderwerp: format!("Uw melding M-2027-{nummer:05}"),
        inhoud_markdown: inhoud(toeval, nummer),
        ondertekening: vec!["Joke Peeters".into(), "dossierbeheerder".into()],
    }
}

fn rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let regel = status.lines().find(|regel| regel.starts_with("VmRSS:")).unwrap_or_default();
    regel.split_whitespace().nth(1).and_then(|getal| getal.parse().ok()).unwrap_or(0)
}

fn percentiel(gesorteerd: &[f64], p: f64) -> f64 {
    let index = ((gesorteerd.len() as f64 - 1.0) * p).round() as usize;
    gesorteerd.get(index).copied().unwrap_or(f64::NAN)
}

/// `-- N reeks`: all N letters as one print batch (one PDF) instead of one by one.
fn reeks(toeval: &mut Toeval, aantal: usize) -> Result<(), brief::BriefFout> {
    let brieven: Vec<Brief> = (1..=aantal).map(|nummer| brief(toeval, nummer)).collect();
    let rss_voor = rss_kb();
    let begin = Instant::now();
    let pdf = brief::render_pdf(&brieven)?;
    let duur = begin.elapsed().as_secs_f64();
    println!("reeks van {aantal} brieven: {duur:.1} s, {} kB PDF", pdf.len() / 1024);
    println!("RSS: voor {} MB, erna {} MB", rss_voor / 1024, rss_kb() / 1024);
    Ok(())
}

fn main() -> Result<(), brief::BriefFout> {
    let aantal: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1000).max(10);
    let mut toeval = Toeval(42, WOORDEN.split_whitespace().collect());
    if std::env::args().nth(2).as_deref() == Some("reeks") {
        return reeks(&mut toeval, aantal);
    }
    let rss_voor = rss_kb();
    let mut rss_na_10 = 0;
    let mut tijden = Vec::with_capacity(aantal);
    let mut bytes = 0;
    for nummer in 1..=aantal {
        let brief = brief(&mut toeval, nummer);
        let begin = Instant::now();
        let pdf = brief::render_een(&brief)?;
        tijden.push(begin.elapsed().as_secs_f64() * 1000.0);
        bytes += pdf.len();
        if nummer == 10 {
            rss_na_10 = rss_kb();
        }
        if std::env::var_os("BENCH_VERLOOP").is_some() && nummer % 100 == 0 {
            println!("na {nummer}: RSS {} MB", rss_kb() / 1024);
        }
    }
    let rss_na = rss_kb();
    let eerste = tijden.first().copied().unwrap_or(f64::NAN);
    let mut gesorteerd = tijden.clone();
    gesorteerd.sort_by(f64::total_cmp);
    println!("brieven: {aantal}, gemiddeld {} kB PDF", bytes / aantal / 1024);
    println!("eerste brief (lettertypes laden): {eerste:.1} ms");
    println!(
        "ms per brief: p50 {:.1}, p95 {:.1}, max {:.1}",
        percentiel(&gesorteerd, 0.5),
        percentiel(&gesorteerd, 0.95),
        percentiel(&gesorteerd, 1.0)
    );
    let groei = (rss_na as f64 - rss_na_10 as f64) / rss_na_10 as f64 * 100.0;
    println!(
        "RSS: voor {} MB, na 10 {} MB, na {aantal} {} MB ({groei:+.1} %)",
        rss_voor / 1024,
        rss_na_10 / 1024,
        rss_na / 1024
    );
    Ok(())
}
