//! The axum router: Leptos pages and server functions, the form endpoints, static files,
//! and the layers every request passes (tracing span, session, staff guard, compression).

use crate::routes::{beveiliging, render, sessie, statisch};
use app::state::AppState;
use app::{App, shell};
use axum::Router;
use axum::extract::FromRef;
use axum::routing::get;
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
    /// Validated sessions of this process (see `routes::sessiecache`).
    pub sessies: std::sync::Arc<crate::routes::sessiecache::SessieCache>,
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

/// The form routes each feature owns.
fn features(app: &AppState) -> Router<ServerState> {
    Router::new()
        .merge(app::behandeling::routes::routes())
        .merge(app::analyse::routes::routes())
        .merge(app::advies::routes::routes())
        .merge(app::citaten::routes::routes())
        .merge(app::dubbels::routes::routes())
        .merge(app::beheer::routes::routes())
        .merge(app::kennisbank::routes::routes())
        .merge(app::sjablonen::routes::routes())
        .merge(app::berichten::routes::routes())
        .merge(app::handhaving::routes::routes())
        .merge(app::meldingen::routes::routes())
        .merge(app::opvolgen::routes::routes())
        .merge(app::auth::routes::routes())
        .merge(app::accounts::routes::routes())
        .merge(app::audit::routes::routes())
        .with_state(app.clone())
}

/// The routes that take documents, outside the general body limit.
fn uploads(app: &AppState) -> Router<ServerState> {
    let max = app.config.max_document;
    app::documenten::routes::routes(max).merge(app::advies::documenten::routes(max)).with_state(app.clone())
}

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
    let state = ServerState { app: app_state, leptos, sessies: Default::default() };
    let routes = route_list();
    let shell_options = state.leptos.clone();
    Router::new()
        .route("/health", get(|| async { "ok" }))
        .leptos_routes_with_context(&state, routes, state.context(), move || shell(shell_options.clone()))
        .merge(features(&state.app))
        .fallback(statisch::bestand_of_404)
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        // Uploads have their own, larger limit, enforced while the body streams in.
        .merge(uploads(&state.app))
        .layer(axum::middleware::from_fn_with_state(state.clone(), render::laag))
        .layer(axum::middleware::from_fn_with_state(state.clone(), sessie::laag))
        .layer(axum::middleware::from_fn_with_state(state.clone(), sessie::zelfde_oorsprong))
        .layer(axum::middleware::from_fn_with_state(state.clone(), sessie::klantadres))
        .layer(axum::middleware::from_fn_with_state(tls, beveiliging::koppen))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
