mod layout;
mod pages;

use crate::accounts::ui::{AccountBeheerPagina, AccountsPagina};
use crate::advies::ui::{AdviesLijstPagina, AdviesPagina};
use crate::audit::ui::AuditLogPagina;
use crate::auth::account::AccountPagina;
use crate::auth::tweede_factor::ui::{CodePagina, TweedeFactorPagina};
use crate::auth::ui::LoginPagina;
use crate::beheer::ui::{DienstenPagina, TermijnenPagina};
use crate::handhaving::ui::{DossierScherm, DossiersPagina, RegisterPagina};
use crate::kennisbank::ui::{
    BewerkPagina, FaqIndex, FaqPaginaScherm, KennisPaginaScherm, KennisbankIndex, RegelgevingPaginaScherm,
    RevisiePagina, RevisiesPagina, ZoekPagina,
};
use crate::locaties::ui::{LocatiePagina, OrganisatorPagina};
use crate::meldingen::ui::{MeldenPagina, MeldingPagina, WerkbakPagina};
use crate::opvolgen::ui::OpvolgenPagina;
use layout::Layout;
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};
use pages::{Home, NietGevonden};

/// Pages whose islands are worth the wasm bundle: the report form's location picker, search
/// suggestions, the knowledge editor's and the message composer's live previews. Only these load
/// the hydration script; every other page (the FAQ and regulation pages among them) is plain
/// server-rendered HTML and CSS.
fn met_eilanden(pad: &str) -> bool {
    matches!(pad, "/melden" | "/zoeken" | "/kennisbank")
        || (pad.starts_with("/kennisbank/") && pad.ends_with("/bewerken"))
        || (pad.starts_with("/meldingen/") && pad.ends_with("/schrijven"))
}

fn heeft_eilanden() -> bool {
    use_context::<http::request::Parts>().is_none_or(|p| met_eilanden(p.uri.path()))
}

/// The HTML document around every page. Islands hydrate; the rest stays server-rendered HTML.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let eilanden = heeft_eilanden().then(|| view! { <HydrationScripts options=options.clone() islands=true/> });
    view! {
        <!DOCTYPE html>
        <html lang="nl-BE">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                {eilanden}
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
                    <Route path=path!("/opvolgen") view=OpvolgenPagina/>
                    <Route path=path!("/login") view=LoginPagina/>
                    <Route path=path!("/login/code") view=CodePagina/>
                    <Route path=path!("/account") view=AccountPagina/>
                    <Route path=path!("/account/tweede-factor") view=TweedeFactorPagina ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/accounts") view=AccountsPagina ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/accounts/:id") view=AccountBeheerPagina ssr=SsrMode::Async/>
                    <Route path=path!("/werkbak") view=WerkbakPagina ssr=SsrMode::Async/>
                    <Route path=path!("/meldingen/:referentie") view=MeldingPagina ssr=SsrMode::Async/>
                    <Route path=path!("/advies") view=AdviesLijstPagina ssr=SsrMode::Async/>
                    <Route path=path!("/organisatoren/:id") view=OrganisatorPagina ssr=SsrMode::Async/>
                    <Route path=path!("/locaties/:id") view=LocatiePagina ssr=SsrMode::Async/>
                    <Route path=path!("/advies/:id") view=AdviesPagina ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/diensten") view=DienstenPagina ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/termijnen") view=TermijnenPagina ssr=SsrMode::Async/>
                    <Route path=path!("/faq") view=FaqIndex ssr=SsrMode::Async/>
                    <Route path=path!("/handhaving") view=RegisterPagina ssr=SsrMode::Async/>
                    <Route path=path!("/handhaving/dossiers") view=DossiersPagina ssr=SsrMode::Async/>
                    <Route path=path!("/handhaving/dossiers/:id") view=DossierScherm ssr=SsrMode::Async/>
                    <Route path=path!("/faq/:slug") view=FaqPaginaScherm ssr=SsrMode::Async/>
                    <Route path=path!("/regelgeving/:slug") view=RegelgevingPaginaScherm ssr=SsrMode::Async/>
                    <Route path=path!("/zoeken") view=ZoekPagina ssr=SsrMode::Async/>
                    <Route path=path!("/kennisbank") view=KennisbankIndex ssr=SsrMode::Async/>
                    <Route path=path!("/meldingen/:referentie/schrijven") view=crate::berichten::ui::Schrijven ssr=SsrMode::Async/>
                    <Route path=path!("/berichten/:id") view=crate::berichten::ui::BerichtScherm ssr=SsrMode::Async/>
                    <Route path=path!("/nazicht") view=crate::berichten::ui::NazichtLijst ssr=SsrMode::Async/>
                    <Route path=path!("/uitgaand") view=crate::berichten::ui::UitgaandLijst ssr=SsrMode::Async/>
                    <Route path=path!("/sjablonen") view=crate::sjablonen::ui::SjablonenLijst ssr=SsrMode::Async/>
                    <Route path=path!("/sjablonen/jargon") view=crate::sjablonen::ui::JargonLijst ssr=SsrMode::Async/>
                    <Route path=path!("/sjablonen/nieuw") view=crate::sjablonen::ui::SjabloonNieuw ssr=SsrMode::Async/>
                    <Route path=path!("/sjablonen/:slug") view=crate::sjablonen::ui::SjabloonScherm ssr=SsrMode::Async/>
                    <Route path=path!("/sjablonen/:slug/bewerken") view=crate::sjablonen::ui::SjabloonBewerken ssr=SsrMode::Async/>
                    <Route path=path!("/kennisbank/:slug") view=KennisPaginaScherm ssr=SsrMode::Async/>
                    <Route path=path!("/kennisbank/:slug/bewerken") view=BewerkPagina ssr=SsrMode::Async/>
                    <Route path=path!("/kennisbank/:slug/revisies") view=RevisiesPagina ssr=SsrMode::Async/>
                    <Route path=path!("/kennisbank/:slug/revisie/:nummer") view=RevisiePagina ssr=SsrMode::Async/>
                    <Route path=path!("/audit") view=AuditLogPagina ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}
