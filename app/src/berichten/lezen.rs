//! Messages as pages show them: on the case, in review, in the outbox, one in full.

use super::fout::BerichtFout;
use super::model::{BerichtDetail, BerichtRegel, BerichtStatus, Berichtenlijst};
use super::repo::{self, BerichtDb};
use super::service::{Afzender, aan_tekst};
use crate::auth::model::Gebruiker;
use crate::gemeen::Db;

pub fn regel(b: &BerichtDb) -> BerichtRegel {
    BerichtRegel {
        id: b.id.clone(),
        referentie: b.referentie.clone(),
        kanaal: b.kanaal,
        status: b.status,
        onderwerp: b.onderwerp.clone(),
        aan: aan_tekst(b.kanaal, &b.aan, b.postadres.as_deref().unwrap_or_default()),
        door: b.door.clone(),
        geschreven: b.geschreven,
        sjabloon: b.sjabloon.clone(),
        automatisch: b.automatisch,
        verzonden: b.verzonden,
        pogingen: b.pogingen,
        volgende_poging: b.volgende_poging,
        laatste_fout: b.laatste_fout.clone(),
        opmerking: b.opmerking.clone(),
        goedgekeurd_door: b.goedgekeurd_naam.clone(),
    }
}

pub async fn van_melding(db: &Db, referentie: &str) -> Result<Vec<BerichtRegel>, BerichtFout> {
    Ok(repo::van_melding(db, referentie).await?.iter().map(regel).collect())
}

pub async fn lijst(db: &Db, a: &Afzender, statussen: &[BerichtStatus]) -> Result<Berichtenlijst, BerichtFout> {
    let berichten = repo::met_status(db, statussen).await?.iter().map(regel).collect();
    Ok(Berichtenlijst { berichten, smtp: a.smtp })
}

/// One message for `g`, who must be allowed to see its case (404 otherwise, as for the case).
pub async fn detail(db: &Db, g: &Gebruiker, sleutel: &str) -> Result<BerichtDetail, BerichtFout> {
    if !crate::gemeen::is_sleutel(sleutel) {
        return Err(BerichtFout::NietGevonden);
    }
    let b = repo::een(db, sleutel).await?.ok_or(BerichtFout::NietGevonden)?;
    let zichtbaar = crate::zaak::toegang::mag_zien(db, g, &b.referentie).await.map_err(|e| match e {
        crate::zaak::toegang::ToegangFout::Db(e) => BerichtFout::Db(e),
    })?;
    if !zichtbaar {
        return Err(BerichtFout::NietGevonden);
    }
    let mag_nazien = b.status == BerichtStatus::Nazicht
        && g.rollen.iter().any(|r| super::NAZIENERS.contains(r))
        && b.schrijver.as_deref() != Some(g.id.as_str());
    Ok(BerichtDetail {
        regel: regel(&b),
        html: lichaam(&b.html).to_string(),
        tekst: b.tekst.clone(),
        bijlagen: b.bijlage_namen.clone(),
        pdf: b.pdf.clone(),
        hash: b.hash.clone(),
        message_id: b.message_id.clone(),
        sjabloon_revisie: b.sjabloon_revisie,
        smtp_antwoord: b.smtp_antwoord.clone(),
        mag_nazien,
    })
}

/// How many messages could not be sent (for the werkbak's notice).
pub async fn niet_verzonden(db: &Db) -> Result<i64, BerichtFout> {
    Ok(super::wachtrij_repo::tellers(db).await?.1)
}

/// The body of the stored e-mail document: the sanitised HTML exactly as sent, without the
/// wrapper (shown in the page itself: an iframe would hide it from assistive-technology checks).
fn lichaam(html: &str) -> &str {
    let begin = html.find("<body").and_then(|b| html[b..].find('>').map(|e| b + e + 1)).unwrap_or(0);
    let einde = html.rfind("</body>").filter(|e| *e >= begin).unwrap_or(html.len());
    &html[begin..einde]
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_body_of_the_sent_document() {
        let doc = super::super::service::html_document("Onderwerp <x>", "Beste **Jana**");
        assert_eq!(super::lichaam(&doc).trim(), "<p>Beste <strong>Jana</strong></p>");
        assert_eq!(super::lichaam("geen document"), "geen document");
    }
}
