//! Size limits, checked before typst sees anything: a letter that cannot be printed sensibly is
//! refused with a Dutch message instead of costing seconds of layout or pages of paper.

use crate::{Brief, BriefFout};

/// Letters in one batch (one PDF for the print room).
pub const MAX_BRIEVEN: usize = 1000;
/// Characters in a body: about 30 pages, far beyond any letter we send.
pub const MAX_INHOUD: usize = 200_000;
/// Address lines: a postal address has at most six (name, attention of, street, box, postcode
/// and city, country); the window holds no more at the size we print.
pub const MAX_ADRESREGELS: usize = 6;
/// Characters in one address line: about what fits on one line of the 80 mm address field.
pub const MAX_ADRESREGEL: usize = 60;
pub const MAX_AFZENDERREGELS: usize = 8;
pub const MAX_ONDERTEKENINGSREGELS: usize = 6;
/// Any other line: sender, signature, place and date, reference.
pub const MAX_REGEL: usize = 100;
pub const MAX_ONDERWERP: usize = 300;

/// Checks a whole batch; the first problem wins.
pub fn controleer(brieven: &[Brief]) -> Result<(), BriefFout> {
    if brieven.is_empty() {
        return Err(BriefFout::GeenBrieven);
    }
    if brieven.len() > MAX_BRIEVEN {
        return Err(BriefFout::TeVeelBrieven { aantal: brieven.len(), max: MAX_BRIEVEN });
    }
    for (index, brief) in brieven.iter().enumerate() {
        controleer_een(index + 1, brief)?;
    }
    Ok(())
}

fn controleer_een(nummer: usize, brief: &Brief) -> Result<(), BriefFout> {
    let veld = Veldcontrole { nummer };
    if brief.adres.iter().all(|regel| regel.trim().is_empty()) {
        return Err(BriefFout::Leeg { brief: nummer, veld: "het adres" });
    }
    veld.regels(("het adres", "een adresregel"), &brief.adres, MAX_ADRESREGELS, MAX_ADRESREGEL)?;
    let afzender = ("de afzender", "een regel van de afzender");
    veld.regels(afzender, &brief.afzender, MAX_AFZENDERREGELS, MAX_REGEL)?;
    let ondertekening = ("de ondertekening", "een regel van de ondertekening");
    veld.regels(ondertekening, &brief.ondertekening, MAX_ONDERTEKENINGSREGELS, MAX_REGEL)?;
    veld.lengte("de plaats en datum", &brief.plaats_datum, MAX_REGEL)?;
    veld.lengte("de referentie", &brief.referentie, MAX_REGEL)?;
    veld.lengte("het onderwerp", &brief.onderwerp, MAX_ONDERWERP)?;
    veld.lengte("de inhoud", &brief.inhoud_markdown, MAX_INHOUD)
}

struct Veldcontrole {
    nummer: usize,
}

impl Veldcontrole {
    fn lengte(&self, veld: &'static str, waarde: &str, max: usize) -> Result<(), BriefFout> {
        // Bytes bound characters from above, so most values need no count.
        if waarde.len() <= max {
            return Ok(());
        }
        let lengte = waarde.chars().count();
        if lengte > max {
            return Err(BriefFout::TeLang { brief: self.nummer, veld, lengte, max });
        }
        Ok(())
    }

    /// `namen`: the field, and one line of it, as they appear in a message.
    fn regels(
        &self,
        namen: (&'static str, &'static str),
        regels: &[String],
        max: usize,
        max_regel: usize,
    ) -> Result<(), BriefFout> {
        let (veld, regelnaam) = namen;
        if regels.len() > max {
            return Err(BriefFout::TeVeelRegels { brief: self.nummer, veld, aantal: regels.len(), max });
        }
        regels.iter().try_for_each(|regel| self.lengte(regelnaam, regel, max_regel))
    }
}
