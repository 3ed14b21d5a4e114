//! Relevance metrics on a tiny hand-made set, against an engine with fixed answers.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use std::collections::HashMap;

use kennisbank::relevantie::{bereken, meet, parse};
use kennisbank::zoek::{Treffer, Zoekmachine, Zoekvraag};
use kennisbank::{Pagina, Slug, ZoekFout};

/// Answers each query with a fixed list of slugs; remembers whether it was asked as the public.
struct VasteAntwoorden(HashMap<(String, bool), Vec<&'static str>>);

impl Zoekmachine for VasteAntwoorden {
    fn zoek(&self, vraag: &Zoekvraag) -> Result<Vec<Treffer>, ZoekFout> {
        let lijst = self.0.get(&(vraag.tekst.clone(), vraag.alleen_publiek)).cloned().unwrap_or_default();
        Ok(lijst
            .into_iter()
            .map(|s| Treffer {
                slug: Slug::parse(s).unwrap(),
                titel: String::new(),
                samenvatting: String::new(),
                fragment_html: String::new(),
                score: 1.0,
            })
            .collect())
    }
    fn bijwerken(&mut self, _: &Pagina) -> Result<(), ZoekFout> {
        Ok(())
    }
    fn verwijder(&mut self, _: &Slug) -> Result<(), ZoekFout> {
        Ok(())
    }
}

const SET: &str = r#"
[[vraag]]
q = "geschorst vergunning"
publiek = false
verwacht = ["schorsing-vergunning"]

[[vraag]]
q = "aanmaning"
publiek = true
verwacht = ["aanmaning", "wat-betekent-een-aanmaning"]

[[vraag]]
q = "sluiting"
verwacht = ["onmiddellijke-sluiting"]

[[vraag]]
q = "boete"
verwacht = ["bestuurlijke-geldboete"]
"#;

#[test]
fn recall_en_mrr() {
    let vragen = parse(SET, "test.toml").unwrap();
    assert_eq!(vragen.len(), 4);
    assert!(!vragen[2].publiek, "publiek defaults to false");
    let antwoorden = VasteAntwoorden(HashMap::from([
        // Rank 1.
        (("geschorst vergunning".into(), false), vec!["schorsing-vergunning", "x"]),
        // Rank 2, via the second expected slug; asked as the public.
        (("aanmaning".into(), true), vec!["x", "wat-betekent-een-aanmaning", "aanmaning"]),
        // Rank 4: not in the top 3, counts 1/4 for MRR.
        (("sluiting".into(), false), vec!["a", "b", "c", "onmiddellijke-sluiting"]),
        // Rank 11: outside the top 10, counts 0.
        (("boete".into(), false), vec!["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "bestuurlijke-geldboete"]),
    ]));
    let m = meet(&antwoorden, &vragen).unwrap();
    assert_eq!(m.aantal, 4);
    assert!((m.recall_bij_3 - 0.5).abs() < 1e-12, "{m:?}");
    let mrr = (1.0 + 0.5 + 0.25 + 0.0) / 4.0;
    assert!((m.mrr - mrr).abs() < 1e-12, "{m:?}");
    assert_eq!(m.missers, vec!["sluiting", "boete"]);
}

#[test]
fn lege_set_en_fouten() {
    let m = bereken(&[], vec![]);
    assert_eq!((m.recall_bij_3, m.mrr), (0.0, 0.0));
    let fout = parse("[[vraag]]\nq = 1\n", "kapot.toml").unwrap_err();
    assert!(fout.to_string().starts_with("kapot.toml: geen geldige relevantieset"), "{fout}");
}
