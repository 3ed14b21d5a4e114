//! `/account/tweede-factor` (enrolment, recovery codes) and `/login/code` (the code step of the
//! login). Plain forms that post to the server; no JavaScript needed.

use super::api::mijn_tweede_factor;
use super::model::{Inschrijving, NieuweHerstelcodes, TweedeFactorStand};
use crate::ui::formulier::{Echo, EchoOverzicht, Veld, laadfout};
use leptos::prelude::*;
use leptos_meta::Title;

/// The second step of the login: the code from the app or a recovery code (the echo of the form
/// `code` after a refusal).
#[component]
pub fn CodePagina() -> impl IntoView {
    let echo = Echo::voor("code");
    let beschreven = echo.melding().map(|_| "foutoverzicht".to_string());
    view! {
        <Title text="Code invoeren | Meldpunt"/>
        <h1>"Aanmelden: tweede stap"</h1>
        <EchoOverzicht zonder_prefix=true kop="Niet aangemeld".to_string()/>
        <form method="post" action="/login/code" class="formulier smal">
            <input type="hidden" name="volgende" value=crate::auth::ui::volgende(&echo)/>
            <Veld naam="code" label="Code" autocomplete="one-time-code" verplicht=true max=20 autofocus=true
                hint="De zes cijfers die uw authenticator-app nu toont. Geen toestel bij de hand? Typ dan een van uw herstelcodes (bv. ABCDE-FGHJK); elke herstelcode werkt één keer."
                fout=echo.fout("code") beschreven/>
            <button type="submit" class="knop">"Bevestigen"</button>
        </form>
        <p class="na-formulier"><a href="/login">"Opnieuw aanmelden met e-mailadres en wachtwoord"</a></p>
    }
}

/// `/account/tweede-factor`: the state of the user's second factor, enrolment with a QR code
/// and the recovery codes right after enrolment.
#[component]
pub fn TweedeFactorPagina() -> impl IntoView {
    let inschrijving = use_context::<Inschrijving>();
    let herstel = use_context::<NieuweHerstelcodes>();
    let stand = Resource::new(|| (), |_| mijn_tweede_factor());
    let inhoud = move || match (inschrijving.clone(), herstel.clone()) {
        (_, Some(NieuweHerstelcodes(codes))) => view! { <Herstelcodes codes/> }.into_any(),
        (Some(i), None) => view! { <InschrijvingVak i/> }.into_any(),
        (None, None) => view! {
            <Suspense fallback=|| view! { <p>"Laden…"</p> }>
                {move || stand.get().map(|r| match r {
                    Ok(s) => view! { <Stand s/> }.into_any(),
                    Err(e) => laadfout(&e),
                })}
            </Suspense>
        }
        .into_any(),
    };
    view! {
        <Title text="Tweede factor | Meldpunt"/>
        <h1>"Tweede factor"</h1>
        <EchoOverzicht ids=vec![("code", "inschrijf-code".into())]/>
        {inhoud}
    }
}

#[component]
fn Stand(s: TweedeFactorStand) -> impl IntoView {
    if s.ingesteld {
        return view! {
            <p class="bevestiging" role="status">"De tweede factor staat aan: bij het aanmelden vragen we na uw wachtwoord een code uit uw app."</p>
            <p>{format!("U hebt nog {} ongebruikte herstelcodes.", s.herstelcodes_over)}</p>
            <p class="hulp">"Toestel kwijt en geen herstelcodes meer? Vraag een beheerder om uw tweede factor te wissen; daarna stelt u hem opnieuw in."</p>
        }
        .into_any();
    }
    view! {
        {s.verplicht.then(|| view! {
            <p class="foutoverzicht" role="alert">"Voor uw rol is een tweede factor verplicht. Stel hem eerst in; daarna kunt u verder werken."</p>
        })}
        <p>"Met een tweede factor vraagt Meldpunt bij het aanmelden, na uw wachtwoord, een code die een app op uw telefoon elke 30 seconden maakt (bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP)."</p>
        <form method="post" action="/account/tweede-factor/begin" class="formulier smal">
            <button type="submit" class="knop">"Tweede factor instellen"</button>
        </form>
    }
    .into_any()
}

#[component]
fn InschrijvingVak(i: Inschrijving) -> impl IntoView {
    let echo = Echo::voor("inschrijving");
    view! {
        <ol class="stappen">
            <li>
                <p>"Open uw authenticator-app en scan deze QR-code."</p>
                <div class="qr" inner_html=i.qr_svg></div>
            </li>
            <li>
                <p>"Lukt scannen niet? Kies in de app voor een sleutel invoeren en typ deze sleutel over (tijdgebaseerd, 6 cijfers):"</p>
                <p><code class="sleutel" id="totp-sleutel">{i.geheim_groepen}</code></p>
            </li>
            <li>
                <form method="post" action="/account/tweede-factor/bevestigen" class="formulier smal" novalidate>
                    <Veld naam="code" id="inschrijf-code" label="Code uit de app" hint="De zes cijfers die de app nu toont."
                        inputmode="numeric" autocomplete="one-time-code" max=10 verplicht=true fout=echo.fout("code")/>
                    <button type="submit" class="knop">"Bevestigen"</button>
                </form>
            </li>
        </ol>
    }
}

#[component]
fn Herstelcodes(codes: Vec<String>) -> impl IntoView {
    view! {
        <p class="bevestiging" role="status">"De tweede factor staat aan."</p>
        <h2>"Uw herstelcodes"</h2>
        <p>"Bewaar deze codes op een veilige plaats (niet op dezelfde telefoon). Elke code werkt één keer, in de plaats van een code uit de app. We tonen ze maar één keer."</p>
        <ul class="herstelcodes" aria-label="Herstelcodes">
            {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
        </ul>
        <p><a href="/werkbak" class="knop">"Verder naar Meldpunt"</a></p>
    }
}
