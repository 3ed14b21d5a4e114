//! `/beheer/accounts` (the list, a new account, the per-role second-factor requirement) and
//! `/beheer/accounts/<id>` (one account's forms). Plain forms; the server answers each post.

use super::api::{beheer_account, beheer_accounts};
use super::model::{AccountRegel, BeheerOverzicht};
use crate::advies::model::Discipline;
use crate::auth::model::Rol;
use crate::ui::formulier::{Echo, EchoOverzicht, Invoer, Keuze, Keuzelijst, Veld, laadfout, opties};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn ja_nee(b: bool) -> &'static str {
    if b { "ja" } else { "nee" }
}

/// What a successful post reports (`?klaar=` after the redirect).
fn klaar_melding() -> Option<&'static str> {
    let q = use_query_map();
    match q.with_untracked(|q| q.get("klaar")).as_deref() {
        Some("nieuw") => Some("Het account is aangemaakt."),
        Some("rollen") => Some("De rollen zijn gewijzigd. Het account moet opnieuw aanmelden."),
        Some("uit") => Some("Het account is uitgeschakeld; de sessies zijn beëindigd."),
        Some("aan") => Some("Het account is weer ingeschakeld."),
        Some("wachtwoord") => Some("Het wachtwoord is ingesteld; de sessies van het account zijn beëindigd."),
        Some("tweede-factor") => {
            Some("De tweede factor is gewist; het account stelt hem opnieuw in bij de volgende aanmelding.")
        }
        Some("verplicht") => Some("De verplichting van de tweede factor is bewaard."),
        _ => None,
    }
}

/// Check boxes for the roles and the expert's discipline (`<prefix>-rol`, `<prefix>-discipline`).
#[component]
fn RollenVelden(prefix: &'static str, gekozen: Vec<String>, discipline: String, echo: Echo) -> impl IntoView {
    view! {
        <Keuzelijst naam="rol" prefix legende="Rollen" meerdere=true opties=opties(Rol::ALLE, Rol::code, Rol::label)
            gekozen fout=echo.fout("rol")/>
        <Keuze naam="discipline" prefix label="Discipline (alleen voor experts)" leeg="Geen"
            opties=opties(Discipline::ALLE, Discipline::code, Discipline::label) gekozen=discipline fout=echo.fout("discipline")/>
    }
}

/// A password an admin sets (never shown again after a refused post).
fn wachtwoordveld(id: &'static str, label: &'static str, fout: Option<String>) -> impl IntoView {
    view! { <Veld naam="wachtwoord" id label soort=Invoer::Wachtwoord max=256 autocomplete="off" fout/> }
}

/// `/beheer/accounts`.
#[component]
pub fn AccountsPagina() -> impl IntoView {
    let data = Resource::new(|| (), |_| beheer_accounts());
    let klaar = klaar_melding();
    view! {
        <Title text="Accounts | Meldpunt"/>
        <h1>"Accounts"</h1>
        {klaar.map(|k| view! { <p class="bevestiging" role="status">{k}</p> })}
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {move || data.get().map(|r| match r {
                Ok(o) => view! { <Overzicht o/> }.into_any(),
                Err(e) => laadfout(&e),
            })}
        </Suspense>
    }
}

#[component]
fn Overzicht(o: BeheerOverzicht) -> impl IntoView {
    let nieuw = Echo::voor("nieuw");
    let gekozen = nieuw.alle_of("rol", Vec::new);
    let verplicht: Vec<String> = o.verplicht.iter().map(|r| r.code().to_string()).collect();
    view! {
        <table class="werkbak">
            <caption>"Alle accounts"</caption>
            <thead><tr>
                <th scope="col">"Naam"</th><th scope="col">"E-mailadres"</th><th scope="col">"Rollen"</th>
                <th scope="col">"Discipline"</th><th scope="col">"Actief"</th><th scope="col">"Tweede factor"</th>
            </tr></thead>
            <tbody>
                {o.accounts.into_iter().map(|a| view! {
                    <tr>
                        <td><a href=format!("/beheer/accounts/{}", a.id)>{a.naam.clone()}</a></td>
                        <td>{a.email.clone()}</td>
                        <td>{a.rollen.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")}</td>
                        <td>{a.discipline.map(|d| d.label()).unwrap_or("")}</td>
                        <td>{ja_nee(a.actief)}</td>
                        <td>{ja_nee(a.totp)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>

        <h2 id="h-verplicht">"Tweede factor verplicht per rol"</h2>
        <form method="post" action="/beheer/tweede-factor" class="formulier" aria-labelledby="h-verplicht">
            <Keuzelijst naam="rol" id="verplicht" meerdere=true opties=opties(Rol::ALLE, Rol::code, Rol::label) gekozen=verplicht
                legende="Wie een van deze rollen heeft en nog geen tweede factor, moet die na het aanmelden eerst instellen."/>
            <button type="submit" class="knop">"Bewaren"</button>
        </form>

        <h2 id="h-nieuw">"Account toevoegen"</h2>
        <EchoOverzicht/>
        <form method="post" action="/beheer/accounts" class="formulier" aria-labelledby="h-nieuw" novalidate>
            <Veld naam="naam" prefix="nieuw" label="Naam" max=256 autocomplete="off" waarde=nieuw.waarde("naam") fout=nieuw.fout("naam")/>
            <Veld naam="email" prefix="nieuw" label="E-mailadres" soort=Invoer::Email max=256 autocomplete="off"
                waarde=nieuw.waarde("email") fout=nieuw.fout("email")/>
            <RollenVelden prefix="nieuw" gekozen discipline=nieuw.waarde("discipline") echo=nieuw.clone()/>
            {wachtwoordveld("nieuw-wachtwoord", "Eerste wachtwoord (minstens 12 tekens, geen veelgebruikt wachtwoord)", nieuw.fout("wachtwoord"))}
            <button type="submit" class="knop">"Account toevoegen"</button>
        </form>
    }
}

/// `/beheer/accounts/<id>`.
#[component]
pub fn AccountBeheerPagina() -> impl IntoView {
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(move || id.clone(), beheer_account);
    let klaar = klaar_melding();
    view! {
        <Title text="Account beheren | Meldpunt"/>
        <p><a href="/beheer/accounts">"Alle accounts"</a></p>
        {klaar.map(|k| view! { <p class="bevestiging" role="status">{k}</p> })}
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {move || data.get().map(|r| match r {
                Ok(a) => view! { <AccountVak a/> }.into_any(),
                Err(e) => view! { <h1>"Account"</h1>{laadfout(&e)} }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn AccountVak(a: AccountRegel) -> impl IntoView {
    let basis = format!("/beheer/accounts/{}", a.id);
    let rollen_echo = Echo::voor("rollen");
    let gekozen = rollen_echo.alle_of("rol", || a.rollen.iter().map(|r| r.code().to_string()).collect());
    let discipline = rollen_echo.of("discipline", || a.discipline.map(|d| d.code().to_string()).unwrap_or_default());
    let ww_fout = Echo::voor("wachtwoord").fout("wachtwoord");
    view! {
        <h1>{a.naam.clone()}</h1>
        <EchoOverzicht ids=vec![("wachtwoord", "beheer-wachtwoord".into())]/>
        <dl class="gegevens">
            <dt>"E-mailadres"</dt><dd>{a.email.clone()}</dd>
            <dt>"Actief"</dt><dd>{ja_nee(a.actief)}</dd>
            <dt>"Tweede factor"</dt><dd>{ja_nee(a.totp)}</dd>
        </dl>

        <h2 id="h-rollen">"Rollen en discipline"</h2>
        <p class="hulp">"Na een wijziging moet het account opnieuw aanmelden."</p>
        <form method="post" action=format!("{basis}/rollen") class="formulier" aria-labelledby="h-rollen" novalidate>
            <RollenVelden prefix="rollen" gekozen discipline echo=rollen_echo.clone()/>
            <button type="submit" class="knop">"Rollen bewaren"</button>
        </form>

        <h2 id="h-wachtwoord">"Nieuw wachtwoord instellen"</h2>
        <form method="post" action=format!("{basis}/wachtwoord") class="formulier" aria-labelledby="h-wachtwoord" novalidate>
            {wachtwoordveld("beheer-wachtwoord", "Nieuw wachtwoord (minstens 12 tekens, geen veelgebruikt wachtwoord)", ww_fout)}
            <button type="submit" class="knop">"Wachtwoord instellen"</button>
        </form>

        <h2 id="h-toegang">"Toegang"</h2>
        <form method="post" action=format!("{basis}/actief") class="formulier">
            <input type="hidden" name="actief" value=if a.actief { "nee" } else { "ja" }/>
            <button type="submit" class="knop">{if a.actief { "Account uitschakelen" } else { "Account inschakelen" }}</button>
        </form>
        {a.totp.then(|| view! {
            <form method="post" action=format!("{basis}/tweede-factor") class="formulier">
                <p class="hulp">"Wis de tweede factor als de telefoon kwijt is; het account stelt hem daarna opnieuw in."</p>
                <button type="submit" class="knop">"Tweede factor wissen"</button>
            </form>
        })}
    }
}
