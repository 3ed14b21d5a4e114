//! `/meldingen/<referentie>/schrijven`: choose a template (links, so it works without
//! JavaScript), then edit the draft filled from the case, choose recipients and attachments,
//! "Voorbeeld tonen" (the e-mail as it will arrive) and "Versturen".

use super::live::BerichtTekstVeld;
use crate::berichten::api::schrijfpagina;
use crate::berichten::model::{BerichtKanaal, BerichtVoorbeeld, Concept, SchrijfPagina};
use crate::sjablonen::model::{PUBLIEKEN, label};
use crate::ui::formulier::{Echo, Foutoverzicht, Invoer, Keuzelijst, Veld};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The controls' ids are `b-<veld>`.
const PREFIX: &str = "b";

#[component]
pub fn Schrijven() -> impl IntoView {
    let referentie = use_params_map().with_untracked(|p| p.get("referentie").unwrap_or_default());
    let sjabloon = use_query_map().with_untracked(|q| q.get("sjabloon"));
    let echo = Echo::voor("bericht");
    let voorbeeld = use_context::<BerichtVoorbeeld>();
    view! {
        <Suspense fallback=|| view! { <p>"Laden…"</p> }>
            {Suspend::new(async move {
                match schrijfpagina(referentie, sjabloon).await {
                    Ok(p) => view! { <Pagina p echo=echo.clone() voorbeeld=voorbeeld.clone()/> }.into_any(),
                    Err(e) => super::laadfout(e, "Bericht schrijven"),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Pagina(p: SchrijfPagina, echo: Echo, voorbeeld: Option<BerichtVoorbeeld>) -> impl IntoView {
    let terug = format!("/meldingen/{}", p.referentie);
    let kop = format!("Bericht schrijven bij {}", p.referentie);
    let inhoud = match p.concept.clone() {
        None => kiezer(&p).into_any(),
        Some(c) => view! { <Formulier p=p.clone() c echo voorbeeld/> }.into_any(),
    };
    view! {
        <Title text=format!("{kop} | Meldpunt")/>
        <p class="kruimel"><a href=format!("{terug}#berichten")>"← Terug naar de melding"</a></p>
        <h1>{kop}</h1>
        {super::zonder_smtp(p.smtp)}
        {inhoud}
    }
}

/// Step one: the templates that fit this kind of case.
fn kiezer(p: &SchrijfPagina) -> impl IntoView + use<> {
    let basis = format!("/meldingen/{}/schrijven", p.referentie);
    if p.sjablonen.is_empty() {
        return view! { <p>"Er is geen sjabloon voor dit soort zaak. Vraag een coördinator om er een te maken."</p> }.into_any();
    }
    view! {
        <h2>"Kies een sjabloon"</h2>
        <ul class="sjabloonkeuze">
            {p.sjablonen.iter().map(|s| {
                let href = format!("{basis}?sjabloon={}", s.slug);
                let voor = label(PUBLIEKEN, &s.publiek);
                let nazicht = s.tweede_lezer.then_some(" Een coördinator leest het na.");
                let hoe = match s.kanaal.as_str() { "brief" => " Brief per post.", "beide" => " E-mail of brief.", _ => " E-mail." };
                view! { <li><a href=href>{s.titel.clone()}</a> " – voor: " {voor} "." {hoe} {nazicht}</li> }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Formulier(p: SchrijfPagina, c: Concept, echo: Echo, voorbeeld: Option<BerichtVoorbeeld>) -> impl IntoView {
    let actie = format!("/meldingen/{}/schrijven", p.referentie);
    let onderwerp = echo.of("onderwerp", || c.onderwerp.clone());
    let inhoud = echo.of("inhoud", || c.inhoud.clone());
    let inhoud_fout = echo.fout("inhoud");
    let bijlagen = echo.alle_of("bijlagen", Vec::new);
    let overzicht = echo.0.clone().map(|e| {
        view! { <Foutoverzicht fouten=e.fouten melding=e.melding prefix=PREFIX.to_string() kop=Some("Niet verstuurd".to_string())/> }
    });
    let documenten = p.documenten.clone();
    let kanaal = echo.of("kanaal", || c.kanalen.first().map(|k| k.code().to_string()).unwrap_or_default());
    let met = |k: BerichtKanaal| c.kanalen.contains(&k);
    let keuze = (c.kanalen.len() > 1).then(|| {
        let opties = c.kanalen.iter().map(|k| (k.code().to_string(), k.label().to_string())).collect();
        view! {
            <Keuzelijst naam="kanaal" prefix=PREFIX legende="Hoe vertrekt het?" opties gekozen=vec![kanaal.clone()]
                fout=echo.fout("kanaal") hint="Vul hieronder de ontvangers in voor de gekozen manier."/>
        }
    });
    let vast = (c.kanalen.len() == 1).then(|| view! { <input type="hidden" name="kanaal" value=kanaal.clone()/> });
    let per_mail = met(BerichtKanaal::Email).then(|| per_mail(&p, &echo, &c));
    let postadres = echo.of("postadres", || c.postadres.clone());
    let per_post = met(BerichtKanaal::Brief).then(|| view! {
        <fieldset class="groep">
            <legend>"Per post"</legend>
            <Veld naam="postadres" prefix=PREFIX label="Postadres" soort=Invoer::Tekstvak(5) waarde=postadres
                fout=echo.fout("postadres") hint="Naam en adres zoals in het venster van de envelop, elk op een eigen regel (hoogstens 6)."/>
        </fieldset>
    });
    let knop = if c.tweede_lezer { "Ter nazicht geven" } else { "Versturen" };
    let nazicht = c.tweede_lezer.then(|| view! {
        <p class="hulp">"Een coördinator leest dit bericht na voor het vertrekt."</p>
    });
    view! {
        <h2>{c.titel.clone()}</h2>
        {overzicht}
        <form method="post" action=actie class="formulier" novalidate>
            <input type="hidden" name="sjabloon" value=c.sjabloon.clone()/>
            <input type="hidden" name="revisie" value=c.revisie.to_string()/>
            {vast}
            {keuze}
            {per_mail}
            {per_post}
            <Veld naam="onderwerp" prefix=PREFIX label="Onderwerp" waarde=onderwerp fout=echo.fout("onderwerp")/>
            <Veld naam="inhoud" prefix=PREFIX label="Tekst" fout=inhoud_fout.clone()
                hint="Vul elke plek tussen [[ en ]] in. Opmaak: **vet**, een lijst met - aan het begin van de regel.">
                <BerichtTekstVeld inhoud ongeldig=inhoud_fout.is_some()/>
            </Veld>
            {(!documenten.is_empty()).then(|| view! {
                <Keuzelijst naam="bijlagen" prefix=PREFIX legende="Bijlagen uit het dossier" meerdere=true
                    opties=documenten gekozen=bijlagen fout=echo.fout("bijlagen")/>
            })}
            {nazicht}
            <div class="knoppen">
                <button type="submit" name="actie" value="voorbeeld" class="knop knop-tweede">"Voorbeeld tonen"</button>
                <button type="submit" name="actie" value="pdf" class="knop knop-tweede" formtarget="_blank">"Brief bekijken (PDF)"</button>
                <button type="submit" name="actie" value="versturen" class="knop">{knop}</button>
            </div>
        </form>
        {voorbeeld.map(voorbeeld_blok)}
    }
}

/// The e-mail recipients: the case's parties and typed addresses.
fn per_mail(p: &SchrijfPagina, echo: &Echo, c: &Concept) -> impl IntoView + use<> {
    let partijen: Vec<(String, String)> =
        p.partijen.iter().map(|x| (x.code.clone(), format!("{}: {} <{}>", x.rol, x.label, x.email))).collect();
    let ontvangers = echo.alle_of("ontvangers", || c.ontvangers.clone());
    view! {
        <fieldset class="groep">
            <legend>"Per e-mail"</legend>
            {(!partijen.is_empty()).then(|| view! {
                <Keuzelijst naam="ontvangers" prefix=PREFIX legende="Aan wie?" meerdere=true opties=partijen
                    gekozen=ontvangers fout=echo.fout("ontvangers")/>
            })}
            <Veld naam="ander" prefix=PREFIX label="Ander e-mailadres" soort=Invoer::Email waarde=echo.waarde("ander")
                fout=echo.fout("ander") hint="Meer adressen: scheid ze met een komma."/>
        </fieldset>
    }
}

/// The message as it will arrive: recipients, subject, the HTML part, the plain-text part.
fn voorbeeld_blok(v: BerichtVoorbeeld) -> impl IntoView {
    let open = (!v.open.is_empty()).then(|| view! {
        <div class="let-op" role="status">
            <p>"Nog in te vullen voor het bericht kan vertrekken:"</p>
            <ul>{v.open.iter().map(|o| view! { <li>{o.clone()}</li> }).collect_view()}</ul>
        </div>
    });
    let bijlagen = (!v.bijlagen.is_empty()).then(|| view! {
        <p><strong>"Bijlagen: "</strong>{v.bijlagen.join(", ")}</p>
    });
    view! {
        <section class="voorbeeld" aria-labelledby="h-voorbeeld">
            <h2 id="h-voorbeeld">"Voorbeeld: zo ziet de ontvanger het"</h2>
            {open}
            <p><strong>"Aan: "</strong>{v.aan.join(", ")}</p>
            <p><strong>"Onderwerp: "</strong>{v.onderwerp.clone()}</p>
            {bijlagen}
            <div class="kb-inhoud mailvoorbeeld" inner_html=v.html.clone()></div>
            <details>
                <summary>"Tekstversie (voor mailprogramma's zonder opmaak)"</summary>
                <pre class="tekstversie">{v.tekst.clone()}</pre>
            </details>
        </section>
        {crate::sjablonen::ui::schrijfhulp_blok(v.schrijfhulp)}
    }
}
