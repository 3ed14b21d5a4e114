use crate::auth::aangemelde;
use leptos::prelude::*;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let gebruiker = aangemelde();
    view! {
        <a class="skiplink" href="#inhoud">"Naar de inhoud"</a>
        <header class="kop">
            <div class="kop-binnen">
                <a class="merk" href="/">"Meldpunt kinderopvang"</a>
                <nav aria-label="Hoofdmenu">
                    <ul>
                        {match gebruiker {
                            Some(g) => view! {
                                {g.heeft_een_van(crate::auth::model::CASEWERK).then(|| view! { <li><a href="/werkbak">"Werkbak"</a></li> })}
                                {g.rollen.contains(&crate::auth::model::Rol::Expert).then(|| view! { <li><a href="/advies">"Adviesvragen"</a></li> })}
                                {g.heeft_een_van(&[crate::auth::model::Rol::Casewerker, crate::auth::model::Rol::KlantenbeheerderKinderopvang, crate::auth::model::Rol::Coordinator, crate::auth::model::Rol::Kennisbeheerder]).then(|| view! { <li><a href="/kennisbank">"Kennisbank"</a></li> })}
                                {g.heeft_een_van(crate::auth::model::CASEWERK).then(|| view! { <li><a href="/handhaving/dossiers">"Handhaving"</a></li> })}
                                {g.heeft_een_van(crate::sjablonen::BEHEERDERS).then(|| view! { <li><a href="/sjablonen">"Sjablonen"</a></li> })}
                                {g.heeft_een_van(crate::berichten::NAZIENERS).then(|| view! { <li><a href="/nazicht">"Nazicht"</a></li><li><a href="/uitgaand">"Uitgaand"</a></li> })}
                                {g.rollen.contains(&crate::auth::model::Rol::Coordinator).then(|| view! { <li><a href="/beheer/diensten">"Beheer"</a></li> })}
                                {g.rollen.contains(&crate::auth::model::Rol::Coordinator).then(|| view! { <li><a href="/audit">"Auditlog"</a></li> })}
                                {g.rollen.contains(&crate::auth::model::Rol::Beheerder).then(|| view! { <li><a href="/beheer/accounts">"Accounts"</a></li> })}
                                <li class="wie"><a href="/account" title="Mijn account">{g.naam}</a></li>
                                <li>
                                    <form method="post" action="/afmelden">
                                        <button type="submit" class="link">"Afmelden"</button>
                                    </form>
                                </li>
                            }.into_any(),
                            None => view! {
                                <li><a href="/melden">"Een zorg melden"</a></li>
                                <li><a href="/opvolgen">"Uw melding volgen"</a></li>
                                <li><a href="/faq">"Vragen van ouders"</a></li>
                                <li><a href="/login">"Voor medewerkers"</a></li>
                            }.into_any(),
                        }}
                    </ul>
                </nav>
            </div>
        </header>
        <main id="inhoud" tabindex="-1">{children()}</main>
        <footer class="voet">
            <p>"Meldpunt kinderopvang, een dienst voor ouders en kinderopvang in Vlaanderen."</p>
            <p>"In acuut gevaar? Bel 112."</p>
            <p><a href="/handhaving">"Maatregelen tegen kinderopvang"</a> " · " <a href="/faq">"Vragen van ouders"</a></p>
        </footer>
    }
}
