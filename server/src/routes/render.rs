//! Renders "the same page again" for a form post: a feature's handler answers with a
//! `ToonOpnieuw` extension (which page, what context); this layer renders that Leptos page for the
//! same request (headers, session and nonce kept), so features never depend on the page shell.

use crate::router::ServerState;
use app::gemeen::http::ToonOpnieuw;
use app::shell;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::Response;

pub async fn laag(State(state): State<ServerState>, req: Request, next: Next) -> Response {
    if req.method() == Method::GET || req.method() == Method::HEAD {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let (headers, extensions) = (parts.headers.clone(), parts.extensions.clone());
    let mut resp = next.run(Request::from_parts(parts, body)).await;
    let Some(toon) = resp.extensions_mut().remove::<ToonOpnieuw>() else { return resp };
    let (status, koppen) = (resp.status(), std::mem::take(resp.headers_mut()));
    let mut req = Request::new(Body::empty());
    *req.method_mut() = Method::GET;
    *req.uri_mut() = toon.pad.parse().unwrap_or_default();
    *req.headers_mut() = headers;
    req.headers_mut().remove(header::CONTENT_LENGTH);
    req.headers_mut().remove(header::CONTENT_TYPE);
    *req.extensions_mut() = extensions;
    let options = state.leptos.clone();
    let basis = state.context();
    let context = toon.context.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            basis();
            context();
        },
        move || shell(options.clone()),
    );
    let mut pagina = handler(req).await;
    *pagina.status_mut() = status;
    // What the handler set besides the page (a cookie, `Retry-After`) goes along with it.
    for (naam, waarde) in &koppen {
        if naam != header::CONTENT_TYPE && naam != header::CONTENT_LENGTH {
            pagina.headers_mut().append(naam, waarde.clone());
        }
    }
    pagina
}
