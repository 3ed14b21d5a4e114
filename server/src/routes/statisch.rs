//! Static files: the hashed bundle under `/pkg` (cached for a year, immutable) and `public/`
//! files, served precompressed (brotli, gzip) when the browser accepts it. Anything else is a
//! Leptos-rendered 404 page.

use crate::router::ServerState;
use app::shell;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;
use std::io::Write;
use std::path::Path;
use tower::ServiceExt;
use tower_http::services::ServeDir;

const COMPRIMEERBAAR: &[&str] = &["js", "wasm", "css", "svg", "html", "txt", "json"];

/// Writes `.br` and `.gz` next to every compressible file that lacks a current one. Best effort:
/// a read-only site folder only costs the precompression.
pub fn precomprimeer(root: &Path) {
    let Ok(items) = std::fs::read_dir(root) else { return };
    for item in items.flatten() {
        let pad = item.path();
        if pad.is_dir() {
            precomprimeer(&pad);
            continue;
        }
        let ext = pad.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !COMPRIMEERBAAR.contains(&ext) {
            continue;
        }
        if let Err(e) = comprimeer(&pad) {
            tracing::warn!(bestand = %pad.display(), error = %e, "precompression skipped");
        }
    }
}

fn actueel(bron: &Path, doel: &Path) -> bool {
    match (std::fs::metadata(bron).and_then(|m| m.modified()), std::fs::metadata(doel).and_then(|m| m.modified())) {
        (Ok(b), Ok(d)) => d >= b,
        _ => false,
    }
}

fn comprimeer(pad: &Path) -> std::io::Result<()> {
    let br = pad.with_extension(format!("{}.br", pad.extension().and_then(|e| e.to_str()).unwrap_or("")));
    let gz = pad.with_extension(format!("{}.gz", pad.extension().and_then(|e| e.to_str()).unwrap_or("")));
    if actueel(pad, &br) && actueel(pad, &gz) {
        return Ok(());
    }
    let data = std::fs::read(pad)?;
    let mut uit = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut uit, 64 * 1024, 11, 22);
        w.write_all(&data)?;
    }
    std::fs::write(&br, &uit)?;
    let mut g = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    g.write_all(&data)?;
    std::fs::write(&gz, g.finish()?)?;
    Ok(())
}

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
    let app = state.app.clone();
    let render = leptos_axum::render_app_async_with_context(move || provide_context(app.clone()), move || shell(options.clone()));
    let mut resp = render(Request::from_parts(parts, Body::empty())).await;
    *resp.status_mut() = StatusCode::NOT_FOUND;
    resp
}
