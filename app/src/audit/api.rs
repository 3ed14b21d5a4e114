//! The audit log for coordinators. Read only: no server function changes or deletes entries.

use super::model::AuditPagina;
use crate::error::AppError;
use leptos::prelude::*;

/// Who may read the audit log.
pub const LEZERS: &[crate::auth::model::Rol] = &[crate::auth::model::Rol::Coordinator];

/// One page of the audit log. `query` is the query string of `/audit` (filters and cursor).
/// Reading the log is itself logged.
#[server(prefix = "/api", endpoint = "auditlog")]
pub async fn auditlog(query: Option<String>) -> Result<AuditPagina, AppError> {
    use super::model::AuditFilter;
    use crate::gemeen::audit::{Actie, schrijf_voor_verzoek};
    let state = crate::state::app_state()?;
    let g = crate::auth::service::toegang(&state.db, LEZERS, Some("auditlog")).await?;
    let filter = AuditFilter::uit_querystring(&query.unwrap_or_default());
    let pagina = super::service::pagina(&state.db, &filter).await?;
    let object = filter.link("auditlog", None);
    schrijf_voor_verzoek(&state.db, Some(&g), Actie::Bekijken, Some(&object)).await;
    Ok(pagina)
}
