//! `meldpunt audit verify [--anchor N:HASH]`: checks the hash chain of the audit log.

use app::audit::keten::{Anker, controleer};
use app::gemeen::Db;

/// Prints how many entries are intact and the last link (to note outside the database as an
/// anchor); with a broken link, names it and fails, so the command exits non-zero.
pub async fn verify(db: &Db, anker: Option<&Anker>) -> anyhow::Result<()> {
    let verslag = controleer(db, anker).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let regels = if verslag.intact == 1 { "1 regel".to_string() } else { format!("{} regels", verslag.intact) };
    match &verslag.breuk {
        None => println!("Auditlog: {regels} gecontroleerd, de keten is intact."),
        Some(_) => println!("Auditlog: {regels} intact tot de eerste breuk."),
    }
    if let Some(l) = &verslag.laatste {
        let wat = if verslag.breuk.is_none() { "Laatste regel" } else { "Laatste intacte regel" };
        println!("{wat}: #{} van {}, hash {}", l.volgnummer, app::tijd::toon(l.tijdstip), l.hash);
        if verslag.breuk.is_none() {
            println!(
                "Bewaar die hash buiten de databank: `meldpunt audit verify --anchor {}:{}` toont later \
                 of iemand de keten tot daar herschreef.",
                l.volgnummer, l.hash
            );
        }
    }
    if let (Some(a), None) = (anker, &verslag.breuk) {
        println!("Het anker klopt: regel #{} heeft nog dezelfde hash.", a.volgnummer);
    }
    match verslag.breuk {
        None => Ok(()),
        Some(b) => anyhow::bail!("de keten van het auditlog is gebroken: {b}"),
    }
}
