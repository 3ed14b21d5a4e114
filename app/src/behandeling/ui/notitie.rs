//! The form that adds a note, a contactmoment or a correction to the timeline.

use crate::behandeling::tijdlijn::{ContactKanaal, Partij, Richting};
use crate::gemeen::tijdlijn::TijdlijnItem;
use crate::ui::formulier::{Echo, Invoer, Keuze, Keuzelijst, Veld, opties};
use leptos::prelude::*;

#[component]
pub fn NotitieVak(referentie: String, tijdlijn: Vec<TijdlijnItem>) -> impl IntoView {
    let echo = Echo::voor("notitie");
    let soort = match echo.waarde("soort") {
        s if s.is_empty() => "notitie".to_string(),
        s => s,
    };
    let soorten = [
        ("notitie", "Interne notitie"),
        ("contact", "Contactmoment"),
        ("correctie", "Correctie van een eerdere regel"),
    ]
    .map(|(c, l)| (c.to_string(), l.to_string()))
    .to_vec();
    let regels = tijdlijn
        .into_iter()
        .rev()
        .map(|t| {
            let kort: String = t.tekst.chars().take(60).collect();
            (t.id, format!("{} – {}", crate::tijd::toon(t.tijdstip), kort))
        })
        .collect::<Vec<_>>();
    let keuze = |naam: &'static str, label: &'static str, lijst: Vec<(String, String)>| {
        view! { <Keuze naam prefix="notitie" label opties=lijst leeg="Kies…" gekozen=echo.waarde(naam) fout=echo.fout(naam)/> }
    };
    view! {
        <details class="stap" open=echo.is_er()>
            <summary>"Notitie, contactmoment of correctie toevoegen"</summary>
            <form method="post" action=format!("/meldingen/{referentie}/tijdlijn") class="formulier" novalidate>
                <Keuzelijst naam="soort" prefix="notitie" legende="Wat voegt u toe?" opties=soorten gekozen=vec![soort]
                    fout=echo.fout("soort")/>
                <div class="veld-groep">
                    <p class="hulp">"Alleen bij een contactmoment:"</p>
                    {keuze("kanaal", "Hoe", opties(ContactKanaal::ALLE, ContactKanaal::code, ContactKanaal::label))}
                    {keuze("richting", "Richting", opties(Richting::ALLE, Richting::code, Richting::label))}
                    {keuze("partij", "Met wie", opties(Partij::ALLE, Partij::code, Partij::label))}
                </div>
                {keuze("corrigeert", "Welke regel corrigeert u? (alleen bij een correctie)", regels)}
                <Veld naam="tekst" prefix="notitie" label="Tekst" soort=Invoer::Tekstvak(4) max=10_000
                    waarde=echo.waarde("tekst") fout=echo.fout("tekst")/>
                <button type="submit" class="knop">"Toevoegen aan de tijdlijn"</button>
            </form>
        </details>
    }
}
