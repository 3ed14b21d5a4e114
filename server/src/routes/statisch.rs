//! Static files: the hashed bundle under `/pkg` (cached for a year, immutable) and `public/`
//! files. A release build is precompressed by `cargo leptos build --release --precompress`
//! (`.br`, `.gz` beside each file) and those bodies are served as they are; otherwise the
//! compression layer compresses on the fly. Anything else is a Leptos-rendered 404 page.

use crate::router::ServerState;
use app::shell;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeDir;

pub async fn bestand_of_404(State(state): State<ServerState>, req: Request) -> Response {
    let is_pkg = req.uri().path().starts_with("/pkg/");
    let (parts, _) = req.into_parts();
    let bestand_req = Request::from_parts(parts.clone(), Body::empty());
    let dienst = ServeDir::new(state.leptos.site_root.as_ref()).precompressed_br().precompressed_gzip();
    if let Ok(resp) = dienst.oneshot(bestand_req).await
        && resp.status() == StatusCode::OK
    {
        let mut resp = resp.into_response();
        let cache = if is_pkg { "public, max-age=31536000, immutable" } else { "public, max-age=3600" };
        resp.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        return resp;
    }
    let options = state.leptos.clone();
    let render = leptos_axum::render_app_async_with_context(state.context(), move || shell(options.clone()));
    let mut resp = render(Request::from_parts(parts, Body::empty())).await;
    *resp.status_mut() = StatusCode::NOT_FOUND;
    resp
}
