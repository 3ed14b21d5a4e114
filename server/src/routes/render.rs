//! Renders a Leptos page as the answer to a form post, with extra context for the page.

use crate::router::ServerState;
use app::shell;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::response::Response;
use leptos::prelude::provide_context;

/// Renders the page at `pad` for this request (headers and session kept) with `extra` in context.
pub async fn pagina<T>(
    state: &ServerState,
    origineel: &axum::http::request::Parts,
    pad: &str,
    extra: T,
    status: StatusCode,
) -> Response
where
    T: Clone + Send + Sync + 'static,
{
    let mut req = Request::new(Body::empty());
    *req.method_mut() = Method::GET;
    *req.uri_mut() = pad.parse().unwrap_or_default();
    *req.headers_mut() = origineel.headers.clone();
    req.headers_mut().remove(axum::http::header::CONTENT_LENGTH);
    req.headers_mut().remove(axum::http::header::CONTENT_TYPE);
    *req.extensions_mut() = origineel.extensions.clone();
    let options = state.leptos.clone();
    let basis = state.context();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            basis();
            provide_context(extra.clone());
        },
        move || shell(options.clone()),
    );
    let mut resp = handler(req).await;
    *resp.status_mut() = status;
    resp
}
