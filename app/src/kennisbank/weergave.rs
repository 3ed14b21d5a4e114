//! Showing pages: rendering for staff or the public (links to the right prefix, never to a page
//! the reader may not see), the indexes by theme, search, and the editor's preview.

use super::fout::KennisFout;
use super::model::{
    BewerkData, BewerkInvoer, BewerkVoorbeeld, Kop, Lezer, LiveVoorbeeld, MAX_SUGGESTIES, PaginaKort, PaginaWeergave,
    Suggestie, Thema, ZoekFilter, ZoekResultaat, ZoekTreffer, publiek_pad,
};
use super::omzetten::{invoer_uit_db, pagina_uit_db, pagina_uit_invoer};
use super::repo::{self, PaginaDb};
use super::zoekindex::Kennisindex;
use crate::gemeen::Db;
use kennisbank::render::{Gerenderd, render};
use kennisbank::zoek::Zoekvraag;
use std::collections::BTreeMap;

fn zichtbaar(r: &PaginaDb, lezer: Lezer) -> bool {
    lezer == Lezer::Medewerker || (r.doelgroep == "publiek" && r.gepubliceerd)
}

/// Where `lezer` reads the page.
pub fn pad_voor(r: &PaginaDb, lezer: Lezer) -> String {
    match lezer {
        Lezer::Medewerker => format!("/kennisbank/{}", r.slug),
        Lezer::Publiek => publiek_pad(&r.soort, &r.slug),
    }
}

/// The link prefix the renderer gets for the public; each link is then pointed to its own prefix.
const MERKTEKEN: &str = "/@kb";

/// Renders a body for `lezer`: links to pages the reader cannot see become plain text.
pub fn render_voor(markdown: &str, alle: &[PaginaDb], lezer: Lezer) -> Gerenderd {
    let bestaat = |slug: &str| alle.iter().any(|r| r.slug == slug && zichtbaar(r, lezer));
    match lezer {
        Lezer::Medewerker => render(markdown, &bestaat, "/kennisbank"),
        Lezer::Publiek => {
            let mut g = render(markdown, &bestaat, MERKTEKEN);
            g.html = herschrijf_links(&g.html, |slug| {
                alle.iter().find(|r| r.slug == slug).map_or_else(|| "/faq".to_string(), |r| pad_voor(r, lezer))
            });
            g
        }
    }
}

fn herschrijf_links(html: &str, pad: impl Fn(&str) -> String) -> String {
    let merk = format!("href=\"{MERKTEKEN}/");
    let mut uit = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(&merk) {
        uit.push_str(&rest[..i]);
        rest = &rest[i + merk.len()..];
        let einde = rest.find(['"', '#']).unwrap_or(rest.len());
        uit.push_str("href=\"");
        uit.push_str(&pad(&rest[..einde]));
        rest = &rest[einde..];
    }
    uit.push_str(rest);
    uit
}

/// A page for `lezer`; `None` also when the reader may not see it (so its existence does not leak).
pub async fn weergave(db: &Db, slug: &str, lezer: Lezer) -> Result<Option<PaginaWeergave>, KennisFout> {
    let alle = repo::alle(db).await?;
    let Some(r) = alle.iter().find(|r| r.slug == slug && zichtbaar(r, lezer)) else { return Ok(None) };
    let p = pagina_uit_db(r)?;
    let g = render_voor(zonder_titel(&p.inhoud), &alle, lezer);
    Ok(Some(PaginaWeergave {
        slug: r.slug.clone(),
        titel: r.titel.clone(),
        samenvatting: r.samenvatting.clone(),
        soort: r.soort.clone(),
        publiek: r.doelgroep == "publiek",
        gepubliceerd: r.gepubliceerd,
        regelgeving: r.regelgeving.clone(),
        artikels: r.artikels.clone(),
        geldig_vanaf: p.geldig_vanaf.format("%d/%m/%Y").to_string(),
        tags: r.tags.clone(),
        thema: r.thema.clone(),
        revisie: r.revisie,
        html: g.html,
        inhoudstafel: g
            .inhoudstafel
            .into_iter()
            .map(|k| Kop { niveau: k.niveau, tekst: k.tekst, anker: k.anker })
            .collect(),
        kapotte_links: g.kapotte_links,
    }))
}

/// The body without its leading `# Title` line: the page shows the title itself.
pub fn zonder_titel(markdown: &str) -> &str {
    let begin = markdown.trim_start();
    match begin.strip_prefix("# ") {
        Some(rest) => rest.split_once('\n').map_or("", |(_, na)| na),
        None => markdown,
    }
}

/// The pages `lezer` may see, grouped by theme.
pub async fn index(db: &Db, lezer: Lezer) -> Result<Vec<Thema>, KennisFout> {
    let mut themas: BTreeMap<String, Vec<PaginaKort>> = BTreeMap::new();
    for r in repo::alle(db).await?.iter().filter(|r| zichtbaar(r, lezer)) {
        themas.entry(r.thema.clone()).or_default().push(PaginaKort {
            slug: r.slug.clone(),
            titel: r.titel.clone(),
            samenvatting: r.samenvatting.clone(),
            soort: r.soort.clone(),
            publiek: r.doelgroep == "publiek",
            gepubliceerd: r.gepubliceerd,
            thema: r.thema.clone(),
            pad: pad_voor(r, lezer),
        });
    }
    Ok(themas
        .into_iter()
        .map(|(naam, mut paginas)| {
            paginas.sort_by(|a, b| a.titel.cmp(&b.titel));
            Thema { naam, paginas }
        })
        .collect())
}

/// Searches as `lezer`; the public only ever gets published public pages.
pub async fn zoek(
    db: &Db,
    index: &Kennisindex,
    filter: &ZoekFilter,
    lezer: Lezer,
) -> Result<ZoekResultaat, KennisFout> {
    let alle = repo::alle(db).await?;
    let zichtbare: Vec<&PaginaDb> = alle.iter().filter(|r| zichtbaar(r, lezer)).collect();
    let mut tags: Vec<String> = zichtbare.iter().flat_map(|r| r.tags.iter().cloned()).collect();
    tags.sort();
    tags.dedup();
    let mut regelgevingen: Vec<String> =
        zichtbare.iter().map(|r| r.regelgeving.clone()).filter(|r| !r.is_empty()).collect();
    regelgevingen.sort();
    regelgevingen.dedup();
    let leeg = |o: &Option<String>| o.clone().filter(|t| !t.trim().is_empty());
    let mut treffers = Vec::new();
    if !filter.q.trim().is_empty() || leeg(&filter.tag).is_some() || leeg(&filter.regelgeving).is_some() {
        let vraag = Zoekvraag {
            tekst: filter.q.chars().take(200).collect(),
            alleen_publiek: lezer == Lezer::Publiek || filter.alleen_publiek,
            tag: leeg(&filter.tag),
            regelgeving: leeg(&filter.regelgeving),
            limiet: 20,
        };
        for t in index.zoek(db, &vraag).await? {
            // The index is current, but a page deleted or unpublished meanwhile is never shown.
            let Some(r) = zichtbare.iter().find(|r| r.slug == t.slug.as_str()) else { continue };
            treffers.push(ZoekTreffer {
                titel: t.titel,
                samenvatting: t.samenvatting,
                fragment_html: t.fragment_html,
                pad: pad_voor(r, lezer),
                publiek: r.doelgroep == "publiek",
            });
        }
    }
    Ok(ZoekResultaat { treffers, tags, regelgevingen, medewerker: lezer == Lezer::Medewerker })
}

/// The editor's starting point: the stored page.
pub async fn bewerk_data(db: &Db, slug: &str) -> Result<BewerkData, KennisFout> {
    let alle = repo::alle(db).await?;
    let r = alle.iter().find(|r| r.slug == slug).ok_or(KennisFout::NietGevonden)?;
    let kapotte_links = render_voor(&r.markdown, &alle, Lezer::Medewerker).kapotte_links;
    Ok(BewerkData { slug: slug.to_string(), invoer: invoer_uit_db(r), gepubliceerd: r.gepubliceerd, kapotte_links })
}

/// The messages per field of the typed page, and its preview with the links that lead nowhere.
pub async fn voorbeeld(
    db: &Db,
    slug: &str,
    invoer: &BewerkInvoer,
) -> Result<(crate::gemeen::Veldfouten, BewerkVoorbeeld), KennisFout> {
    let alle = repo::alle(db).await?;
    let g = render_voor(zonder_titel(&invoer.inhoud), &alle, Lezer::Medewerker);
    let fouten = pagina_uit_invoer(slug, invoer).err().unwrap_or_default();
    Ok((fouten, BewerkVoorbeeld { html: g.html, kapotte_links: g.kapotte_links }))
}

/// The first pages for what is typed so far: the same search as `/zoeken` (the word being typed
/// counts as a prefix), as titles and addresses only.
pub async fn suggesties(db: &Db, index: &Kennisindex, q: &str, lezer: Lezer) -> Result<Vec<Suggestie>, KennisFout> {
    if q.trim().chars().count() < 2 {
        return Ok(Vec::new());
    }
    let filter = ZoekFilter { q: q.to_string(), ..ZoekFilter::default() };
    let res = zoek(db, index, &filter, lezer).await?;
    Ok(res.treffers.into_iter().take(MAX_SUGGESTIES).map(|t| Suggestie { titel: t.titel, pad: t.pad }).collect())
}

/// The editor's live preview of `inhoud`, rendered and sanitised exactly as a saved page.
pub async fn live_voorbeeld(db: &Db, inhoud: &str) -> Result<LiveVoorbeeld, KennisFout> {
    let alle = repo::alle(db).await?;
    let g = render_voor(zonder_titel(inhoud), &alle, Lezer::Medewerker);
    Ok(LiveVoorbeeld { html: g.html, kapotte_links: g.kapotte_links })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_links_go_to_their_own_prefix() {
        let html = r#"<a href="/@kb/schorsing#wat">x</a> <a href="/@kb/melding">y</a> <a href="/elders">z</a>"#;
        let uit =
            herschrijf_links(
                html,
                |s| if s == "melding" { "/faq/melding".into() } else { format!("/regelgeving/{s}") },
            );
        assert_eq!(
            uit,
            r#"<a href="/regelgeving/schorsing#wat">x</a> <a href="/faq/melding">y</a> <a href="/elders">z</a>"#
        );
    }
}
