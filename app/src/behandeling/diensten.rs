//! The services a case can be referred to, with how to reach them and when they are the right
//! place. Kept here as data until the coordinators maintain the list in the app.

pub struct Dienst {
    pub code: &'static str,
    pub naam: &'static str,
    pub contact: &'static str,
    pub wanneer: &'static str,
}

pub const DIENSTEN: &[Dienst] = &[
    Dienst {
        code: "zorginspectie",
        naam: "Zorginspectie",
        contact: "Departement Zorg, afdeling Zorginspectie",
        wanneer: "een inspectie ter plaatse is nodig",
    },
    Dienst {
        code: "vk",
        naam: "Vertrouwenscentrum Kindermishandeling",
        contact: "via 1712, de hulplijn voor geweld en misbruik",
        wanneer: "vermoeden van kindermishandeling buiten de opvang",
    },
    Dienst {
        code: "politie",
        naam: "Politie of parket",
        contact: "lokale politie; bij acuut gevaar 112",
        wanneer: "mogelijke misdrijven",
    },
    Dienst {
        code: "ombudsdienst",
        naam: "Vlaamse Ombudsdienst",
        contact: "Vlaamse Ombudsdienst, Brussel",
        wanneer: "de melder is het niet eens met de afhandeling van een klacht",
    },
    Dienst {
        code: "loket",
        naam: "Lokaal loket kinderopvang",
        contact: "via de gemeente of het Huis van het Kind",
        wanneer: "ouders zoeken een andere opvangplaats",
    },
    Dienst {
        code: "kinderrechten",
        naam: "Kinderrechtencommissariaat",
        contact: "Kinderrechtencommissariaat, Brussel",
        wanneer: "een klacht over de rechten van een kind bij een overheid",
    },
    Dienst {
        code: "gba",
        naam: "Gegevensbeschermingsautoriteit",
        contact: "Gegevensbeschermingsautoriteit, Brussel",
        wanneer: "een klacht over privacy bij de opvang",
    },
    Dienst {
        code: "vlaanderen",
        naam: "Vlaanderen.be-contactcenter (1700)",
        contact: "telefoon 1700",
        wanneer: "algemene vragen over de Vlaamse overheid",
    },
];

pub fn dienst(code: &str) -> Option<&'static Dienst> {
    DIENSTEN.iter().find(|d| d.code == code)
}
