//! Security headers on every response, with a fresh CSP nonce per request that the Leptos
//! hydration script carries (no `unsafe-inline` scripts).

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// The nonce of this request's Content-Security-Policy, read by the page renderer.
#[derive(Debug, Clone)]
pub struct CspNonce(pub String);

impl CspNonce {
    fn nieuw() -> Self {
        // 128 random bits, hex: valid in a CSP source expression and in an HTML attribute.
        Self(app::geheim::sessie_token()[..32].to_string())
    }
}

/// The policy for HTML pages: our own files, the nonce'd hydration script, and wasm compilation.
pub fn csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; \
         frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    )
}

#[derive(Debug, Clone, Copy)]
pub struct Tls(pub bool);

pub async fn koppen(State(Tls(tls)): State<Tls>, mut req: Request, next: Next) -> Response {
    let nonce = CspNonce::nieuw();
    req.extensions_mut().insert(nonce.clone());
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&csp(&nonce.0)) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    h.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"));
    if tls {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    resp
}
