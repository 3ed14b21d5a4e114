//! SurrealQL for the werkbak: one page of a view by keyset, and the open acute meldingen that top
//! every view. Every value is bound; query text is chosen from fixed fragments.

use super::model::WERKBAK_PAGINA;
use crate::gemeen::Db;
use crate::termijnen::model::Eenheid;
use crate::zaak::model::{Categorie, Status, Urgentie, Zaaksoort};
use crate::zaak::werkbak_filter::WerkbakFilter;
use chrono::{DateTime, Utc};
use surrealdb::types::SurrealValue;

#[derive(Debug, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct WerkbakRijDb {
    pub referentie: String,
    pub ontvangen: DateTime<Utc>,
    pub locatie: Option<String>,
    pub gemeente: Option<String>,
    pub locatie_omschrijving: Option<String>,
    pub categorieen: Vec<Categorie>,
    pub urgentie: Urgentie,
    pub status: Status,
    pub soort: Zaaksoort,
    pub bevestigd: bool,
    pub pauze_dagen: i64,
    pub pauze_sinds: Option<DateTime<Utc>>,
    pub verlenging_dagen: i64,
    pub behandelaar: Option<String>,
    pub medebehandelaar: Option<String>,
    pub termijn_ontvangst: Option<i64>,
    pub termijn_eenheid: Option<Eenheid>,
    pub termijn_uitkomst: Option<i64>,
}

const WERKBAK_VELDEN: &str = "referentie, ontvangen, locatie.naam AS locatie, locatie.gemeente AS gemeente,
    locatie_omschrijving, categorieen, urgentie, status, soort, bevestigd, pauze_dagen, pauze_sinds,
    verlenging_dagen, behandelaar.naam AS behandelaar,
    medebehandelaar.naam AS medebehandelaar, termijn_ontvangst, termijn_eenheid, termijn_uitkomst";

/// Open cases: `open` is computed by the database from the status (migration 0013).
const OPEN: &str = "open = true";

/// One page of the werkbak by keyset (no OFFSET): one row more than a page is read to know
/// whether a next page exists. Query text is assembled from fixed fragments only.
///
/// Each query is shaped so that one index answers it in the page's order and the read stops
/// after the page: the open views read `(open, ontvangen, referentie)`, a status filter
/// `(status, ontvangen, referentie)`, from the cursor on.
/// "Mine" (handled or co-handled) is two such reads, by `behandelaar` and by `medebehandelaar`,
/// merged here: an OR in one query would read and sort every case the person ever had.
pub async fn werkbak(db: &Db, filter: &WerkbakFilter, vandaag: &str) -> surrealdb::Result<Vec<WerkbakRijDb>> {
    let Some(mijn) = filter.mijn.as_deref() else {
        return werkbak_deel(db, filter, vandaag, None).await;
    };
    let mut rijen =
        werkbak_deel(db, filter, vandaag, Some(("behandelaar = type::record('gebruiker', $mijn)", mijn))).await?;
    let mede = "medebehandelaar = type::record('gebruiker', $mijn) AND behandelaar != type::record('gebruiker', $mijn)";
    rijen.extend(werkbak_deel(db, filter, vandaag, Some((mede, mijn))).await?);
    rijen.sort_by(|a, b| (a.ontvangen, &a.referentie).cmp(&(b.ontvangen, &b.referentie)));
    if !filter.oudste_eerst {
        rijen.reverse();
    }
    rijen.truncate(WERKBAK_PAGINA + 1);
    Ok(rijen)
}

/// One read of `werkbak`, with `eigen` the condition on whose cases they are (and its person).
async fn werkbak_deel(
    db: &Db,
    filter: &WerkbakFilter,
    vandaag: &str,
    eigen: Option<(&str, &str)>,
) -> surrealdb::Result<Vec<WerkbakRijDb>> {
    use crate::zaak::werkbak_filter::Weergave;
    let mut w: Vec<&str> = Vec::new();
    match filter.weergave {
        // A chosen status overrides "open only" in the default views.
        Some(Weergave::Open) | Some(Weergave::Mijn) | None => {
            if filter.status.is_none() {
                w.push(OPEN)
            }
        }
        Some(Weergave::NietToegewezen) => w.extend([OPEN, "behandelaar = NONE"]),
        // A range on the `laat_vanaf` index (migration 0015): only the late cases are read, then
        // sorted. (`> ''` leaves out NONE, which sorts before every text.)
        Some(Weergave::TeLaat) => w.extend(["laat_vanaf > ''", "laat_vanaf < $vandaag"]),
        Some(Weergave::Wacht) => w.push("status = 'wacht_op_info'"),
        Some(Weergave::Acuut) => w.extend([OPEN, "urgentie = 'acuut'"]),
        Some(Weergave::Alle) => {}
    }
    let velden: [(bool, &str); 12] = [
        (
            filter.accountbeheerder.is_some(),
            "(locatie.organisator.accountbeheerder = type::record('gebruiker', $accountbeheerder)
              OR medebehandelaar = type::record('gebruiker', $accountbeheerder))",
        ),
        (eigen.is_some(), eigen.map_or("", |(voorwaarde, _)| voorwaarde)),
        (filter.status.is_some(), "status = $status"),
        (filter.soort.is_some(), "soort = $soort"),
        (filter.categorie.is_some(), "categorieen CONTAINS $categorie"),
        (filter.urgentie.is_some(), "urgentie = $urgentie"),
        (filter.zoek.is_some(), "zoektekst CONTAINS $zoek"),
        (filter.van.is_some(), "ontvangen >= $van"),
        (filter.tot.is_some(), "ontvangen < $tot"),
        (filter.locatie.is_some(), "locatie = type::record('locatie', $locatie)"),
        (filter.organisator.is_some(), "locatie.organisator = type::record('organisator', $organisator)"),
        (filter.behandelaar.is_some(), "behandelaar = type::record('gebruiker', $behandelaar)"),
    ];
    w.extend(velden.iter().filter(|(aan, _)| *aan).map(|(_, v)| *v));
    let (richting, vergelijk) = if filter.oudste_eerst { ("ASC", ">") } else { ("DESC", "<") };
    // Written as a range on `ontvangen` first, so the planner reads the index from the cursor on.
    let cursor =
        format!("ontvangen {vergelijk}= $na_t AND (ontvangen {vergelijk} $na_t OR referentie {vergelijk} $na_ref)");
    if filter.na.is_some() {
        w.push(&cursor);
    }
    let waar = if w.is_empty() { String::new() } else { format!("WHERE {}", w.join(" AND ")) };
    let sql = format!(
        "SELECT {WERKBAK_VELDEN} FROM melding {waar} ORDER BY ontvangen {richting}, referentie {richting} LIMIT $limiet"
    );
    let middernacht = |d: chrono::NaiveDate| crate::tijd::middernacht(d);
    let mut q = db
        .query(sql)
        .bind(("limiet", (WERKBAK_PAGINA + 1) as i64))
        .bind(("vandaag", vandaag.to_string()))
        .bind(("status", filter.status))
        .bind(("soort", filter.soort))
        .bind(("categorie", filter.categorie))
        .bind(("urgentie", filter.urgentie))
        .bind(("zoek", filter.zoek.clone()))
        .bind(("van", filter.van.map(middernacht)))
        .bind(("tot", filter.tot.and_then(|d| d.succ_opt()).map(middernacht)))
        .bind(("locatie", filter.locatie.clone()))
        .bind(("organisator", filter.organisator.clone()))
        .bind(("behandelaar", filter.behandelaar.clone()))
        .bind(("accountbeheerder", filter.accountbeheerder.clone()))
        .bind(("mijn", eigen.map(|(_, wie)| wie.to_string())));
    if let Some(na) = &filter.na {
        q = q.bind(("na_t", na.ontvangen)).bind(("na_ref", na.referentie.clone()));
    }
    let mut res = q.await?.check()?;
    res.take(0)
}

/// Open meldingen with acute danger, oldest first (at most 50): the top of every view.
pub async fn acuut_open(db: &Db, accountbeheerder: Option<String>) -> surrealdb::Result<Vec<WerkbakRijDb>> {
    let eigen = if accountbeheerder.is_some() {
        "AND (locatie.organisator.accountbeheerder = type::record('gebruiker', $accountbeheerder)
             OR medebehandelaar = type::record('gebruiker', $accountbeheerder))"
    } else {
        ""
    };
    let sql = format!(
        "SELECT {WERKBAK_VELDEN} FROM melding WHERE urgentie = 'acuut' AND {OPEN} {eigen}
         ORDER BY ontvangen ASC, referentie ASC LIMIT 50"
    );
    let mut res = db.query(sql).bind(("accountbeheerder", accountbeheerder)).await?.check()?;
    res.take(0)
}
