//! The version-checked write: a change is stored only when the object still has the version the
//! user read, and the check, the change and the new version happen in one transaction. Two
//! people saving the same version: one is stored, the other is told what changed meanwhile.

use super::Db;
use surrealdb::engine::any::Any;
use surrealdb::method::Query;
use surrealdb::types::RecordId;

const VEROUDERD: &str = "meldpunt:verouderd";
const ONBEKEND: &str = "meldpunt:onbekend";

/// The answer of a write that depends on the version read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opslag {
    /// Stored; the object has this version now.
    Bewaard(i64),
    /// Someone else changed the object since that version: nothing was written.
    Verouderd,
    /// The object (or something the change names) does not exist: nothing was written.
    Onbekend,
}

/// What a version-checked write is about: a record and the field that holds its version.
pub struct Versie {
    pub object: RecordId,
    /// `versie` for a case, `revisie` for a knowledge page.
    pub veld: &'static str,
    /// The version the user read; 0 for an object that must not exist yet.
    pub gelezen: i64,
}

/// Runs `schrijf` (SurrealQL statements; `$object`, `$gelezen` and `$nieuw` = `$gelezen + 1` are
/// bound, more with `bind`) inside a transaction that first checks the version. The statements
/// may `THROW $onbekend` to refuse a change that names something that does not exist; they must
/// themselves store `$nieuw` as the new version.
pub async fn schrijf_op_versie<'a>(
    db: &'a Db,
    v: Versie,
    schrijf: &str,
    bind: impl FnOnce(Query<'a, Any>) -> Query<'a, Any>,
) -> surrealdb::Result<Opslag> {
    let bestaan = if v.gelezen > 0 { "IF (SELECT VALUE id FROM ONLY $object) = NONE { THROW $onbekend };" } else { "" };
    // `?? 0`: an object that does not exist yet has no version (a new page is written at 0).
    let sql = format!(
        "BEGIN TRANSACTION;
         {bestaan}
         IF ((SELECT VALUE {veld} FROM ONLY $object) ?? 0) != $gelezen {{ THROW $verouderd }};
         {schrijf}
         COMMIT TRANSACTION;",
        veld = v.veld,
    );
    let q = db
        .query(sql)
        .bind(("object", v.object))
        .bind(("gelezen", v.gelezen))
        .bind(("nieuw", v.gelezen + 1))
        .bind(("verouderd", VEROUDERD))
        .bind(("onbekend", ONBEKEND));
    uitkomst(bind(q).await?, v.gelezen + 1)
}

/// The same transaction without a version check, for changes that never overwrite anything
/// (a note, a follow-up action): they raise the version, so an open form based on the old one
/// is refused. The statements get `$object` and must `THROW $onbekend` where needed.
pub async fn schrijf_erbij<'a>(
    db: &'a Db,
    object: RecordId,
    schrijf: &str,
    bind: impl FnOnce(Query<'a, Any>) -> Query<'a, Any>,
) -> surrealdb::Result<Opslag> {
    let sql = format!(
        "BEGIN TRANSACTION;
         IF (SELECT VALUE id FROM ONLY $object) = NONE {{ THROW $onbekend }};
         {schrijf}
         COMMIT TRANSACTION;"
    );
    let q = db.query(sql).bind(("object", object)).bind(("onbekend", ONBEKEND)).bind(("verouderd", VEROUDERD));
    uitkomst(bind(q).await?, 0)
}

fn uitkomst(mut res: surrealdb::IndexedResults, nieuw: i64) -> surrealdb::Result<Opslag> {
    // A failed transaction marks every statement as failed; the reason is in one of them.
    let fouten: Vec<surrealdb::Error> = res.take_errors().into_values().collect();
    let heeft = |merk: &str| fouten.iter().any(|e| e.to_string().contains(merk));
    if heeft(ONBEKEND) {
        Ok(Opslag::Onbekend)
    } else if heeft(VEROUDERD) || fouten.iter().any(is_conflict) {
        Ok(Opslag::Verouderd)
    } else {
        fouten.into_iter().next().map_or(Ok(Opslag::Bewaard(nieuw)), Err)
    }
}

/// A transaction that lost a write-write race: the same answer as a stale version.
pub fn is_conflict(e: &surrealdb::Error) -> bool {
    let s = e.to_string().to_lowercase();
    s.contains("conflict") || s.contains("retry") || s.contains("read or write")
}
