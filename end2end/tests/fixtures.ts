// Shared test data for the Meldpunt end-to-end suite.
//
// This module is imported by playwright.config.ts too (to hand the demo password to the
// server it starts), so it must stay free of Playwright runtime imports.
import os from 'node:os';
import path from 'node:path';

/** E-mail address of the demo staff account that the server seeds with MELDPUNT_DEMO=true. */
export const DEMO_EMAIL = 'demo@meldpunt.test';
/** The demo expert (a jurist) that `serve --demo` sets up with the same password. */
export const DEMO_JURIST = 'jurist@meldpunt.test';

/** Where the test SMTP server (started by the config) writes each message it receives. */
export const POST_MAP = process.env.MELDPUNT_E2E_POST ?? path.join(os.tmpdir(), 'meldpunt-e2e-post');

/** The demo coordinator, second reader of what the demo case worker writes (same password). */
export const DEMO_COORD_EMAIL = 'coordinator@meldpunt.test';

/** E-mail address of the demo knowledge editor (same password as the demo staff account). */
export const DEMO_KENNIS_EMAIL = 'kennis@meldpunt.test';

/** Password of the demo staff account. The config passes the same value to the server. */
export const DEMO_PASSWORD: string =
  process.env.MELDPUNT_DEMO_PASSWORD ?? 'demo-wachtwoord-voor-tests';

/** Municipality that the demo data is sure to have locations in. */
export const ZOEKTERM_GEMEENTE = 'Gent';

/** A search term that matches no location in the demo data. */
export const ZOEKTERM_ZONDER_RESULTAAT = 'Qxzwvj';

/** Labels of the categorie checkboxes, exactly as the form shows them. */
export const CATEGORIEEN = [
  'Veiligheid',
  'Gezondheid en hygiëne',
  'Pedagogische aanpak',
  'Grensoverschrijdend gedrag',
  'Begeleiding en aantal kinderen per begeleider',
  'Gebouw en inrichting',
  'Voeding',
  'Administratie en prijs',
  'Opvang zonder vergunning',
  'Iets anders',
] as const;
export type Categorie = (typeof CATEGORIEEN)[number];

/** Labels of the relatie radio buttons ("Wie bent u?"). */
export const RELATIES = {
  ouder: 'Ik ben ouder van een kind in deze opvang',
  familie: 'Ik ben grootouder of familie',
  personeel: 'Ik werk of werkte in deze opvang',
  buurt: 'Ik woon of werk in de buurt',
  professional: 'Ik ben hulpverlener of professional',
  anders: 'Iets anders',
} as const;
export type Relatie = keyof typeof RELATIES;

/** Status labels as the werkbak filter shows them. */
export const STATUSSEN = [
  'Ontvangen',
  'In behandeling',
  'Wacht op informatie',
  'Conclusie',
  'Afgesloten',
  'Doorverwezen',
  'Onontvankelijk',
  'Heropend',
] as const;

/** Field keys used in the error ids (`fout-<veld>`). */
export type Veld =
  | 'locatie'
  | 'categorie'
  | 'omschrijving'
  | 'feit_datum'
  | 'relatie'
  | 'naam'
  | 'email'
  | 'telefoon'
  | 'privacy';

/** Error messages the form must show, word for word. */
export const FOUTMELDINGEN = {
  categorie: 'Kies minstens één onderwerp.',
  omschrijving: 'Vertel wat er gebeurd is, in minstens 20 tekens.',
  toekomst: 'Deze datum ligt in de toekomst.',
  email: 'Dit e-mailadres klopt niet. Voorbeeld: naam@voorbeeld.be',
  privacy: 'Bevestig dat u de privacyverklaring gelezen hebt.',
} as const;

export const REFERENTIE_PATROON = /^M-\d{4}-\d{5}$/;
export const OPVOLGCODE_PATROON = /^[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}$/;

let teller = 0;

/**
 * A description that no other melding has, so a test can find its own melding back.
 * Always longer than the 20-character minimum.
 */
export function uniekeOmschrijving(context: string): string {
  teller += 1;
  return `E2E-test ${context} ${Date.now()}-${teller}: het hekje van de speelplaats stond open en een peuter liep tot aan de straat.`;
}

/** A calendar date as yyyy-mm-dd in Belgian time, `dagen` days from today (negative: in the past). */
export function datumVanaf(dagen: number): string {
  const d = new Date(Date.now() + dagen * 24 * 60 * 60 * 1000);
  // sv-SE formats as yyyy-mm-dd.
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

/** A date safely in the future, whatever the time zone of server and test runner. */
export function datumInDeToekomst(): string {
  return `${new Date().getFullYear() + 1}-06-15`;
}

/** The demo admin that `serve --demo` sets up (accounts and roles, no case data). */
export const DEMO_BEHEER_EMAIL = 'beheer@meldpunt.test';
/** A demo case worker with a second factor, enrolled with this fixed secret in demo mode only. */
export const DEMO_TOTP_EMAIL = 'totp@meldpunt.test';
export const DEMO_TOTP_GEHEIM = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
