//! The axum router: Leptos pages and server functions, the form endpoints, static files,
//! and the layers every request passes (tracing span, session, staff guard, compression).

use crate::routes::{
    account, accounts, advies, analyse, audit, behandeling, beheer, beveiliging, citeren, documenten, dubbels,
    kennisbank, login, melden, opvolgen, sessie, statisch,
};
use app::state::AppState;
use app::{App, shell};
use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRef};
use axum::routing::{get, post};
use leptos::config::LeptosOptions;
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use std::sync::OnceLock;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

#[derive(Clone)]
pub struct ServerState {
    pub app: AppState,
    pub leptos: LeptosOptions,
}

impl FromRef<ServerState> for LeptosOptions {
    fn from_ref(s: &ServerState) -> Self {
        s.leptos.clone()
    }
}

impl FromRef<ServerState> for AppState {
    fn from_ref(s: &ServerState) -> Self {
        s.app.clone()
    }
}

impl ServerState {
    /// What every render and server function gets in context: the app state, and the CSP nonce
    /// of this request so that the hydration script carries the nonce the policy allows.
    pub fn context(&self) -> impl Fn() + Clone + Send + Sync + 'static {
        let app = self.app.clone();
        move || {
            provide_context(app.clone());
            let nonce = use_context::<axum::http::request::Parts>()
                .and_then(|p| p.extensions.get::<beveiliging::CspNonce>().cloned());
            if let Some(n) = nonce {
                provide_context(leptos::nonce::Nonce::from_value(n.0));
            }
        }
    }
}

/// Largest request body we accept (the melding form is far below this).
const MAX_BODY: usize = 256 * 1024;

/// The app's page routes, generated once per process. `generate_route_list` renders the app with
/// Leptos' process-wide "suppress resource load" flag set, and a `Resource` first polled on any
/// other thread meanwhile never loads (leptos issue 4773): with a router per HTTP test, a page
/// rendered by a parallel test hung now and then. The list depends only on `App`, and the flag
/// is process-wide, so a process-wide list is right.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(app_state: AppState, leptos: LeptosOptions) -> Router {
    let tls = beveiliging::Tls(app_state.config.secure_cookies);
    let state = ServerState { app: app_state, leptos };
    let routes = route_list();
    let shell_options = state.leptos.clone();
    // Uploads have their own, larger limit (see `documenten::lichaamslimiet`), enforced while the
    // body streams in; everything else keeps the general limit below.
    let uploads = Router::new()
        .route("/meldingen/{referentie}/documenten", post(documenten::toevoegen))
        .route("/advies/{id}/documenten", post(documenten::advies_toevoegen))
        .layer(DefaultBodyLimit::max(documenten::lichaamslimiet(state.app.config.max_document)));
    Router::new()
        .route("/health", get(|| async { "ok" }))
        .route("/melden", post(melden::verstuur))
        .route("/opvolgen", post(opvolgen::bekijken))
        .route("/opvolgen/aanvullen", post(opvolgen::aanvullen))
        .route("/meldingen/{referentie}/stap", post(behandeling::stap))
        .route("/meldingen/{referentie}/tijdlijn", post(behandeling::tijdlijn))
        .route("/meldingen/{referentie}/advies", post(advies::vraag))
        .route("/meldingen/{referentie}/citeren", post(citeren::citeer))
        .route("/meldingen/{referentie}/documenten/{id}", get(documenten::downloaden))
        .route("/meldingen/{referentie}/koppelingen", post(dubbels::koppel))
        .route("/advies/{id}/documenten/{doc}", get(documenten::advies_downloaden))
        .route("/advies/{id}/antwoord", post(advies::antwoord))
        .route("/meldingen/{referentie}/analyse", post(analyse::punt))
        .route("/meldingen/{referentie}/opvolging", post(analyse::opvolging))
        .route("/meldingen/{referentie}/medebehandelaar", post(analyse::medebehandelaar))
        .route("/beheer/diensten", post(beheer::diensten))
        .route("/beheer/termijnen", post(beheer::termijnen))
        .route("/kennisbank/{slug}/bewerken", post(kennisbank::bewerken))
        .route("/kennisbank/{slug}/publiceren", post(kennisbank::publiceren))
        .route("/login", post(login::meld_aan))
        .route("/login/code", post(login::code))
        .route("/account/wachtwoord", post(account::wachtwoord))
        .route("/account/tweede-factor/begin", post(account::begin))
        .route("/account/tweede-factor/bevestigen", post(account::bevestigen))
        .route("/beheer/accounts", post(accounts::nieuw))
        .route("/beheer/tweede-factor", post(accounts::verplicht))
        .route("/beheer/accounts/{id}/rollen", post(accounts::rollen))
        .route("/beheer/accounts/{id}/actief", post(accounts::actief))
        .route("/beheer/accounts/{id}/wachtwoord", post(accounts::wachtwoord))
        .route("/beheer/accounts/{id}/tweede-factor", post(accounts::tweede_factor))
        .route("/afmelden", post(login::meld_af))
        .route("/audit.csv", get(audit::export))
        .leptos_routes_with_context(&state, routes, state.context(), move || shell(shell_options.clone()))
        .fallback(statisch::bestand_of_404)
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .merge(uploads)
        .layer(axum::middleware::from_fn_with_state(state.clone(), sessie::laag))
        .layer(axum::middleware::from_fn(sessie::zelfde_oorsprong))
        .layer(axum::middleware::from_fn_with_state(tls, beveiliging::koppen))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
