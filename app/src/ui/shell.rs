use super::layout::Layout;
use super::pages::{Home, NietGevonden};
use crate::auth::ui::LoginPagina;
use crate::meldingen::ui::{MeldenPagina, MeldingPagina, WerkbakPagina};
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

/// The HTML document around every page. Islands hydrate; the rest stays server-rendered HTML.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="nl-BE">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Layout>
                <Routes fallback=|| view! { <NietGevonden/> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/melden") view=MeldenPagina/>
                    <Route path=path!("/login") view=LoginPagina/>
                    <Route path=path!("/werkbak") view=WerkbakPagina ssr=SsrMode::Async/>
                    <Route path=path!("/meldingen/:referentie") view=MeldingPagina ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}
