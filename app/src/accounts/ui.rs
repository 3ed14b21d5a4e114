//! `/beheer/accounts` (the list, a new account, the per-role second-factor requirement) and
//! `/beheer/accounts/<id>` (one account's forms). Plain forms; the server answers each post.

use super::api::{beheer_account, beheer_accounts};
use super::model::{AccountRegel, BeheerOverzicht};
use crate::advies::model::Discipline;
use crate::auth::model::Rol;
use crate::gemeen::FormEcho;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn ja_nee(b: bool) -> &'static str {
    if b { "ja" } else { "nee" }
}

fn stand_voor(formulier: &str) -> Option<FormEcho> {
    use_context::<FormEcho>().filter(|s| s.is(formulier))
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

#[component]
fn Fout(id: String, fout: Option<String>) -> impl IntoView {
    fout.map(|f| view! { <p class="veldfout" id=id>{f}</p> })
}

/// Checkboxes for the roles and the expert's discipline.
#[component]
fn RollenVelden(
    prefix: &'static str,
    gekozen: Vec<String>,
    discipline: String,
    stand: Option<FormEcho>,
) -> impl IntoView {
    let fout = |k: &str| stand.as_ref().and_then(|s| s.fout(k));
    let (rol_fout, dis_fout) = (fout("rol"), fout("discipline"));
    let rol_fout_id = format!("{prefix}-rol-fout");
    let dis_fout_id = format!("{prefix}-discipline-fout");
    view! {
        <fieldset class="veld" class:fout=rol_fout.is_some() aria-describedby=rol_fout.as_ref().map(|_| rol_fout_id.clone())>
            <legend>"Rollen"</legend>
            <Fout id=rol_fout_id.clone() fout=rol_fout.clone()/>
            {Rol::ALLE.iter().map(|r| {
                let id = format!("{prefix}-rol-{}", r.code());
                let aan = gekozen.iter().any(|g| g == r.code());
                view! {
                    <div class="keuze">
                        <input type="checkbox" id=id.clone() name="rol" value=r.code() checked=aan/>
                        <label for=id>{r.label()}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <div class="veld" class:fout=dis_fout.is_some()>
            <label for=format!("{prefix}-discipline")>"Discipline (alleen voor experts)"</label>
            <Fout id=dis_fout_id.clone() fout=dis_fout.clone()/>
            <select id=format!("{prefix}-discipline") name="discipline" aria-describedby=dis_fout.as_ref().map(|_| dis_fout_id.clone())>
                <option value="">"Geen"</option>
                {Discipline::ALLE.iter().map(|d| view! {
                    <option value=d.code() selected=discipline == d.code()>{d.label()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn Tekstveld(
    id: &'static str,
    naam: &'static str,
    label: &'static str,
    soort: &'static str,
    waarde: String,
    fout: Option<String>,
) -> impl IntoView {
    let fout_id = format!("{id}-fout");
    view! {
        <div class="veld" class:fout=fout.is_some()>
            <label for=id>{label}</label>
            <Fout id=fout_id.clone() fout=fout.clone()/>
            <input type=soort id=id name=naam value=waarde maxlength="256" autocomplete="off"
                aria-describedby=fout.as_ref().map(|_| fout_id.clone()) aria-invalid=fout.as_ref().map(|_| "true")/>
        </div>
    }
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
                Err(e) => view! { <p class="foutoverzicht" role="alert">{e.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Overzicht(o: BeheerOverzicht) -> impl IntoView {
    let nieuw = stand_voor("nieuw");
    let fout = |k: &str| nieuw.as_ref().and_then(|s| s.fout(k));
    let veld = |k: &str| nieuw.as_ref().map(|s| s.waarde(k)).unwrap_or_default();
    let gekozen = nieuw.as_ref().map(|s| s.invoer.alle("rol").map(str::to_string).collect()).unwrap_or_default();
    let verplicht = o.verplicht.clone();
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
            <fieldset class="veld">
                <legend>"Wie een van deze rollen heeft en nog geen tweede factor, moet die na het aanmelden eerst instellen."</legend>
                {Rol::ALLE.iter().map(|r| {
                    let id = format!("verplicht-{}", r.code());
                    view! {
                        <div class="keuze">
                            <input type="checkbox" id=id.clone() name="rol" value=r.code() checked=verplicht.contains(r)/>
                            <label for=id>{r.label()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <button type="submit" class="knop">"Bewaren"</button>
        </form>

        <h2 id="h-nieuw">"Account toevoegen"</h2>
        {nieuw.as_ref().and_then(|s| s.melding.clone()).map(|m| view! { <p class="foutoverzicht" role="alert">{m}</p> })}
        <form method="post" action="/beheer/accounts" class="formulier" aria-labelledby="h-nieuw" novalidate>
            <Tekstveld id="nieuw-naam" naam="naam" label="Naam" soort="text" waarde=veld("naam") fout=fout("naam")/>
            <Tekstveld id="nieuw-email" naam="email" label="E-mailadres" soort="email" waarde=veld("email") fout=fout("email")/>
            <RollenVelden prefix="nieuw" gekozen discipline=veld("discipline") stand=nieuw.clone()/>
            <Tekstveld id="nieuw-wachtwoord" naam="wachtwoord" label="Eerste wachtwoord (minstens 12 tekens, geen veelgebruikt wachtwoord)" soort="password" waarde=String::new() fout=fout("wachtwoord")/>
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
                Err(e) => view! { <h1>"Account"</h1><p class="foutoverzicht" role="alert">{e.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn AccountVak(a: AccountRegel) -> impl IntoView {
    let basis = format!("/beheer/accounts/{}", a.id);
    let rollen_stand = stand_voor("rollen");
    let gekozen = rollen_stand
        .as_ref()
        .map(|s| s.invoer.alle("rol").map(str::to_string).collect())
        .unwrap_or_else(|| a.rollen.iter().map(|r| r.code().to_string()).collect());
    let discipline = rollen_stand
        .as_ref()
        .map(|s| s.waarde("discipline"))
        .unwrap_or_else(|| a.discipline.map(|d| d.code().to_string()).unwrap_or_default());
    let ww_fout = stand_voor("wachtwoord").and_then(|s| s.fout("wachtwoord"));
    let melding = use_context::<FormEcho>().and_then(|s| s.melding);
    view! {
        <h1>{a.naam.clone()}</h1>
        {melding.map(|m| view! { <p class="foutoverzicht" role="alert">{m}</p> })}
        <dl class="gegevens">
            <dt>"E-mailadres"</dt><dd>{a.email.clone()}</dd>
            <dt>"Actief"</dt><dd>{ja_nee(a.actief)}</dd>
            <dt>"Tweede factor"</dt><dd>{ja_nee(a.totp)}</dd>
        </dl>

        <h2 id="h-rollen">"Rollen en discipline"</h2>
        <p class="hulp">"Na een wijziging moet het account opnieuw aanmelden."</p>
        <form method="post" action=format!("{basis}/rollen") class="formulier" aria-labelledby="h-rollen" novalidate>
            <RollenVelden prefix="rollen" gekozen discipline stand=rollen_stand.clone()/>
            <button type="submit" class="knop">"Rollen bewaren"</button>
        </form>

        <h2 id="h-wachtwoord">"Nieuw wachtwoord instellen"</h2>
        <form method="post" action=format!("{basis}/wachtwoord") class="formulier" aria-labelledby="h-wachtwoord" novalidate>
            <Tekstveld id="beheer-wachtwoord" naam="wachtwoord" label="Nieuw wachtwoord (minstens 12 tekens, geen veelgebruikt wachtwoord)" soort="password" waarde=String::new() fout=ww_fout/>
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
