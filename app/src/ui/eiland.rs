//! What the islands share: JSON from the server with a plain `fetch` (no server-function client in
//! the wasm bundle, which keeps it small) and a timer for debouncing. Every call answers `None` on
//! any failure: the page's plain form still works without the island's help.

use serde::de::DeserializeOwned;

/// GET `url` and read the JSON answer.
pub async fn haal_json<T: DeserializeOwned>(url: &str) -> Option<T> {
    #[cfg(feature = "hydrate")]
    {
        let venster = web_sys::window()?;
        lees_json(wasm_bindgen_futures::JsFuture::from(venster.fetch_with_str(url)).await.ok()?).await
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = url;
        None
    }
}

/// POST the form fields `velden` (URL-encoded) to `url` and read the JSON answer.
pub async fn post_json<T: DeserializeOwned>(url: &str, velden: &[(&str, &str)]) -> Option<T> {
    #[cfg(feature = "hydrate")]
    {
        let lichaam = velden
            .iter()
            .map(|(k, v)| format!("{}={}", js_sys::encode_uri_component(k), js_sys::encode_uri_component(v)))
            .collect::<Vec<_>>()
            .join("&");
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_body(&wasm_bindgen::JsValue::from_str(&lichaam));
        let koppen = web_sys::Headers::new().ok()?;
        koppen.set("Content-Type", "application/x-www-form-urlencoded").ok()?;
        koppen.set("Accept", "application/json").ok()?;
        init.set_headers(&koppen);
        let venster = web_sys::window()?;
        lees_json(wasm_bindgen_futures::JsFuture::from(venster.fetch_with_str_and_init(url, &init)).await.ok()?).await
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (url, velden);
        None
    }
}

#[cfg(feature = "hydrate")]
async fn lees_json<T: DeserializeOwned>(antwoord: wasm_bindgen::JsValue) -> Option<T> {
    use wasm_bindgen::JsCast;
    let antwoord: web_sys::Response = antwoord.dyn_into().ok()?;
    if !antwoord.ok() {
        return None;
    }
    let tekst = wasm_bindgen_futures::JsFuture::from(antwoord.text().ok()?).await.ok()?.as_string()?;
    serde_json::from_str(&tekst).ok()
}

/// `encodeURIComponent` in the browser (on the server the text as it is: never used there).
pub fn url_deel(s: &str) -> String {
    #[cfg(feature = "hydrate")]
    {
        String::from(js_sys::encode_uri_component(s))
    }
    #[cfg(not(feature = "hydrate"))]
    {
        s.to_string()
    }
}

/// Waits `ms` milliseconds in the browser; on the server it completes at once.
pub async fn wacht(ms: u32) {
    #[cfg(feature = "hydrate")]
    {
        let (tx, rx) = futures::channel::oneshot::channel::<()>();
        leptos::prelude::set_timeout(
            move || {
                let _ = tx.send(());
            },
            std::time::Duration::from_millis(u64::from(ms)),
        );
        let _ = rx.await;
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ms;
}

/// Opens `pad` in this tab (browser only).
pub fn ga_naar(pad: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(venster) = web_sys::window() {
        let _ = venster.location().set_href(pad);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = pad;
}

/// A live preview that follows typing: the returned function waits `vertraging` ms, then posts
/// the text as the field `inhoud` to `url`, unless it was called again meanwhile; the answer lands
/// in `doel` (the last one stays on a failure: the form's own preview button still works) and
/// `bezig` is true while asking. Shared by the islands of the knowledge editor and the composer.
pub fn volg_typen<T>(
    url: &'static str,
    doel: leptos::prelude::RwSignal<Option<T>>,
    bezig: leptos::prelude::RwSignal<bool>,
) -> impl Fn(String, u32) + Copy + 'static
where
    T: DeserializeOwned + Send + Sync + 'static,
{
    use leptos::prelude::{Set, StoredValue, GetValue, SetValue};
    let teller = StoredValue::new(0u64);
    move |tekst: String, vertraging: u32| {
        let nr = teller.get_value() + 1;
        teller.set_value(nr);
        leptos::task::spawn_local(async move {
            wacht(vertraging).await;
            if teller.get_value() != nr {
                return;
            }
            bezig.set(true);
            let v = post_json::<T>(url, &[("inhoud", &tekst)]).await;
            if teller.get_value() == nr {
                bezig.set(false);
                if v.is_some() {
                    doel.set(v);
                }
            }
        });
    }
}
