//! Why a letter could not be made: a plain Dutch message for the person, detail for the log.

/// A refused or failed letter. [`BriefFout::bericht`] is the text to show a person; `Display`
/// adds the technical detail for the log.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BriefFout {
    #[error("geen brieven gevraagd")]
    GeenBrieven,
    #[error("te veel brieven in één keer ({aantal}, maximaal {max})")]
    TeVeelBrieven { aantal: usize, max: usize },
    /// `brief` is the 1-based position in the batch; `veld` names the field with its article
    /// ("het onderwerp").
    #[error("brief {brief}: {veld} is te lang ({lengte} tekens, maximaal {max})")]
    TeLang { brief: usize, veld: &'static str, lengte: usize, max: usize },
    #[error("brief {brief}: {veld} heeft te veel regels ({aantal}, maximaal {max})")]
    TeVeelRegels { brief: usize, veld: &'static str, aantal: usize, max: usize },
    #[error("brief {brief}: {veld} is leeg")]
    Leeg { brief: usize, veld: &'static str },
    #[error("brief {brief}: het adres is groter dan het venster van de envelop")]
    AdresPastNiet { brief: usize },
    /// Typst refused the generated document: a defect in this crate, not in the input.
    #[error("opmaak mislukt: {detail}")]
    Opmaak { detail: String },
}

impl BriefFout {
    /// The message for the person who asked for the letter.
    pub fn bericht(&self) -> String {
        match self {
            BriefFout::GeenBrieven => "Er zijn geen brieven om te maken.".into(),
            BriefFout::TeVeelBrieven { max, .. } => {
                format!("Dat zijn te veel brieven in één keer. Maak er ten hoogste {max} per keer.")
            }
            BriefFout::TeLang { brief, veld, max, .. } => {
                format!("Brief {brief}: {veld} is te lang, ten hoogste {max} tekens.")
            }
            BriefFout::TeVeelRegels { brief, veld, max, .. } => {
                format!("Brief {brief}: {veld} heeft te veel regels, ten hoogste {max}.")
            }
            BriefFout::Leeg { brief, veld } => format!("Brief {brief}: {veld} is leeg. Vul dat eerst in."),
            BriefFout::AdresPastNiet { brief } => format!(
                "Brief {brief}: het adres past niet in het venster van de envelop. \
                Maak de regels korter of gebruik minder regels."
            ),
            BriefFout::Opmaak { .. } => "De brief kon niet opgemaakt worden. Probeer het opnieuw; \
                lukt het dan nog niet, meld het dan aan de beheerder."
                .into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn berichten_zijn_nederlands_en_zonder_techniek() {
        let fout = BriefFout::Opmaak { detail: "unknown variable: x".into() };
        assert!(!fout.bericht().contains("unknown"));
        assert!(fout.to_string().contains("unknown variable"));
        let fout = BriefFout::TeLang { brief: 2, veld: "het onderwerp", lengte: 400, max: 300 };
        assert_eq!(fout.bericht(), "Brief 2: het onderwerp is te lang, ten hoogste 300 tekens.");
    }
}
