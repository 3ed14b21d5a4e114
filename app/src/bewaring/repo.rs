//! SurrealQL for retention. Every value is bound.

use super::Kandidaat;
use crate::gemeen::Db;
use crate::gemeen::audit;
use crate::gemeen::records::MELDING_ZOEKTEKST;
use crate::zaak::model::Status;
use chrono::{DateTime, Utc};
use surrealdb::types::SurrealValue;

/// The closed statuses (as `zaak::model::is_afgerond`).
const GESLOTEN: [Status; 3] = [Status::Afgesloten, Status::Doorverwezen, Status::Onontvankelijk];

/// The condition on a melding for anonymisation: closed before `$grens`, not done yet. Every
/// closed case has `afgerond` (migration 0017 filled it for cases closed before it was kept).
const TE_DOEN: &str = "geanonimiseerd = NONE AND status IN $gesloten AND afgerond < $grens";

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct KandidaatDb {
    referentie: String,
    afgerond: DateTime<Utc>,
}

/// Cases closed before `grens` whose reporter data is not anonymised yet, oldest first.
pub async fn kandidaten(db: &Db, grens: DateTime<Utc>) -> surrealdb::Result<Vec<Kandidaat>> {
    let mut res = db
        .query(format!("SELECT referentie, afgerond FROM melding WHERE {TE_DOEN} ORDER BY afgerond, referentie"))
        .bind(("grens", grens))
        .bind(("gesloten", GESLOTEN.to_vec()))
        .await?
        .check()?;
    let rijen: Vec<KandidaatDb> = res.take(0)?;
    Ok(rijen.into_iter().map(|r| Kandidaat { referentie: r.referentie, afgerond: r.afgerond }).collect())
}

/// The free text of a case, per table: where the reporter may have been written down, with the
/// length each field allows (a replacement may be longer than the name it replaces).
/// A field and the longest text it allows.
type Veld = (&'static str, Option<usize>);

const VRIJE_TEKST: [(&str, &[Veld]); 7] = [
    ("melding", &[("omschrijving", Some(20_000)), ("locatie_omschrijving", None), ("conclusie_tekst", None)]),
    ("tijdlijn", &[("tekst", None)]),
    ("adviesvraag", &[("vraag", None), ("antwoord", None)]),
    ("analysepunt", &[("punt", None), ("bevindingen", None)]),
    ("opvolgactie", &[("notitie", None)]),
    ("citaat", &[("toelichting", Some(2_000))]),
    ("document", &[("naam", Some(120))]),
];

/// The statements that replace the reporter (`$re`) in every free text of case `$m`: one
/// UPDATE per table.
fn vrije_tekst_zonder_melder() -> String {
    let mut sql = String::from("LET $re = <regex> $patroon;\n");
    for (tabel, velden) in VRIJE_TEKST {
        let zet = velden
            .iter()
            .map(|(veld, max)| {
                let vervangen = format!("string::replace({veld}, $re, $vervanging)");
                let vervangen = match max {
                    Some(n) => format!("string::slice({vervangen}, 0, {n})"),
                    None => vervangen,
                };
                format!("{veld} = IF {veld} != NONE THEN {vervangen} ELSE {veld} END")
            })
            .collect::<Vec<_>>()
            .join(", ");
        let (doel, waar) = if tabel == "melding" { ("$m", "") } else { (tabel, " WHERE melding = $m") };
        sql.push_str(&format!("UPDATE {doel} SET {zet}{waar} RETURN NONE;\n"));
    }
    sql
}

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct MelderDb {
    naam: Option<String>,
    email: Option<String>,
    telefoon: Option<String>,
}

/// Anonymises one case's reporter and marks its documents removed, in one transaction, if it
/// still qualifies (another run may have done it, or the case was reopened): the reporter's
/// name, e-mail and phone go, also from the case's free text (replaced by `[melder]`), the
/// search text is rebuilt without them, the case is marked with `nu`, and the system appends
/// one audit entry to the chain. Returns whether this call did it.
pub async fn anonimiseer(
    db: &Db,
    referentie: &str,
    grens: DateTime<Utc>,
    nu: DateTime<Utc>,
) -> surrealdb::Result<bool> {
    let mut res = db
        .query("SELECT melder.naam AS naam, melder.email AS email, melder.telefoon AS telefoon FROM ONLY type::record('melding', $ref)")
        .bind(("ref", referentie.to_string()))
        .await?
        .check()?;
    let melder: Option<MelderDb> = res.take(0)?;
    let patroon = melder
        .and_then(|m| super::patroon::melder_patroon(m.naam.as_deref(), m.email.as_deref(), m.telefoon.as_deref()));
    let vrije_tekst = if patroon.is_some() { vrije_tekst_zonder_melder() } else { String::new() };
    let zoektekst = MELDING_ZOEKTEKST;
    let voorwaarde = TE_DOEN;
    // The audit entry is a link of the chain, written in this transaction. Retention never
    // changes an audit entry (the entry names the case, not the reporter), so the chain is not
    // touched by what it does. The other writers of this process wait while it runs.
    let keten = audit::KETEN_SCHAKEL;
    let systeem = audit::Inhoud::new(audit::Wie::Systeem, audit::Actie::Anonimiseren, Some(referentie), None);
    let _slot = audit::schrijfslot().await;
    let mut res = db
        .query(format!(
            "BEGIN TRANSACTION;
             LET $m = type::record('melding', $ref);
             LET $melders = (SELECT VALUE melder FROM $m WHERE {voorwaarde});
             FOR $md IN $melders {{
                 UPDATE $m SET geanonimiseerd = $nu RETURN NONE;
                 {vrije_tekst}
                 UPDATE $md SET naam = NONE, email = NONE, telefoon = NONE, geanonimiseerd = $nu RETURN NONE;
                 UPDATE $m SET zoektekst = {zoektekst} RETURN NONE;
                 UPDATE document SET verwijderd = $nu WHERE melding = $m AND verwijderd = NONE RETURN NONE;
                 {keten}
             }};
             COMMIT TRANSACTION;
             SELECT VALUE referentie FROM melding WHERE referentie = $ref AND geanonimiseerd = $nu;"
        ))
        .bind(("ref", referentie.to_string()))
        .bind(("grens", grens))
        .bind(("gesloten", GESLOTEN.to_vec()))
        .bind(("nu", nu))
        .bind(("patroon", patroon))
        .bind(("vervanging", super::patroon::VERVANGING.to_string()))
        .bind(("audit", systeem))
        .await?
        .check()?;
    let laatste = res.num_statements().saturating_sub(1);
    let gedaan: Vec<String> = res.take(laatste)?;
    Ok(!gedaan.is_empty())
}

/// Of these checksums, the ones no kept document row uses any more: their files may go.
pub async fn niet_meer_gebruikt(db: &Db, sha256: Vec<String>) -> surrealdb::Result<Vec<String>> {
    let mut res = db
        .query(
            "LET $houden = (SELECT VALUE sha256 FROM document WHERE sha256 IN $sha AND verwijderd = NONE);
             RETURN array::complement(array::distinct($sha), $houden);",
        )
        .bind(("sha", sha256))
        .await?
        .check()?;
    let laatste = res.num_statements().saturating_sub(1);
    res.take(laatste)
}

/// A removed document whose file retention has not dealt with yet.
#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct OpTeRuimen {
    pub id: String,
    pub sha256: String,
}

/// The removed documents whose file has not been dealt with yet (migration 0016).
pub async fn op_te_ruimen(db: &Db) -> surrealdb::Result<Vec<OpTeRuimen>> {
    let mut res = db
        .query(
            "SELECT record::id(id) AS id, sha256 FROM document
             WHERE bestand_opgeruimd = NONE AND verwijderd != NONE",
        )
        .await?
        .check()?;
    res.take(0)
}

/// Marks these removed documents' files as dealt with.
pub async fn opgeruimd(db: &Db, ids: Vec<String>, nu: DateTime<Utc>) -> surrealdb::Result<()> {
    db.query("FOR $i IN $ids { UPDATE type::record('document', $i) SET bestand_opgeruimd = $nu RETURN NONE; };")
        .bind(("ids", ids))
        .bind(("nu", nu))
        .await?
        .check()?;
    Ok(())
}
