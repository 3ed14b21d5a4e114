// A case worker records the analysis per point with a source and a follow-up referral; a
// coordinator keeps the services list and the deadline rules. Axe on each page.
import { expect, test } from '@playwright/test';
import { verwachtGeenErnstigeToegankelijkheidsfouten } from './axe';
import { uniekeOmschrijving } from './fixtures';
import { LoginPage } from './pages/LoginPage';
import { MeldenPage, geldigeMelding } from './pages/MeldenPage';
import { MeldingPage } from './pages/MeldingPage';

test.describe('Analyse en beheer', () => {
  test('een punt met een bron en een conclusie, een doorverwijzing als opvolging', async ({ page }) => {
    const omschrijving = uniekeOmschrijving('analyse');
    const bewijs = await new MeldenPage(page).dienMeldingIn(geldigeMelding({ omschrijving }));
    const login = new LoginPage(page);
    await login.goto();
    await login.meldAanAlsDemo();
    const melding = new MeldingPage(page);
    await melding.goto(bewijs.referentie);

    const analyse = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'Analyse', exact: true }) });
    const nieuw = analyse.locator('details').filter({ has: page.locator('summary', { hasText: /^Punt toevoegen$/ }) });
    await nieuw.locator('summary').click();
    await nieuw.getByLabel('Het punt dat de melder aankaart').fill('Het hekje stond open');
    await nieuw.getByLabel('Bevindingen').fill('De verantwoordelijke bevestigt dat het slot stuk was.');
    await nieuw.getByLabel(/Melding ontvangen via webformulier/).check();
    await nieuw.getByLabel('Gegrond', { exact: true }).check();
    await verwachtGeenErnstigeToegankelijkheidsfouten(page);
    await nieuw.getByRole('button', { name: 'Punt toevoegen' }).click();

    await expect(page.getByRole('heading', { level: 3, name: 'Punt 1: Het hekje stond open' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Conclusies' })).toContainText('Gegrond');
    await expect(page.locator('ol#tijdlijn')).toContainText('Analysepunt 1 toegevoegd: “Het hekje stond open”. Conclusie: Gegrond.');

    const opvolging = analyse.locator('details').filter({ has: page.locator('summary', { hasText: /^Opvolgactie vastleggen$/ }) });
    await opvolging.locator('summary').click();
    await opvolging.getByLabel('Doorverwijzing', { exact: true }).check();
    await opvolging.getByLabel(/Naar welke dienst/).selectOption({ label: 'Lokaal loket kinderopvang – ouders zoeken een andere opvangplaats' });
    await opvolging.getByLabel(/^Notitie/).fill('De ouders zoeken een andere opvangplaats.');
    await opvolging.getByRole('button', { name: 'Opvolgactie vastleggen' }).click();
    await expect(page.locator('ol#tijdlijn')).toContainText('Opvolging: doorverwezen naar Lokaal loket kinderopvang.');
  });

  test('een coördinator voegt een dienst toe en stelt een termijn in', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.meldAanAlsDemo();
    await page.getByRole('link', { name: 'Beheer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Diensten voor doorverwijzing' })).toBeVisible();
    const naam = `Huis van het Kind ${Date.now()}`;
    await page.getByLabel('Naam', { exact: true }).fill(naam);
    await page.getByLabel('Waarvoor is deze dienst de juiste plaats?').fill('opvoedingsvragen van ouders');
    await page.getByLabel('Website (niet verplicht)').fill('ftp://fout');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(page.locator('#fout-dienst-website')).toBeVisible();
    await expect(page.getByLabel('Naam', { exact: true })).toHaveValue(naam);
    await page.getByLabel('Website (niet verplicht)').fill('www.huizenvanhetkind.be');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(page.getByRole('row', { name: new RegExp(naam) })).toContainText('https://www.huizenvanhetkind.be');
    await verwachtGeenErnstigeToegankelijkheidsfouten(page);

    await page.getByRole('link', { name: 'Termijnen' }).click();
    await page.getByLabel('Soort zaak').selectOption({ label: 'Klacht' });
    await page.getByLabel('Onderwerp').selectOption({ label: 'Voeding' });
    await page.getByLabel('Ontvangstbevestiging binnen (aantal)').fill('7');
    await page.getByLabel('Geteld in').selectOption({ label: 'kalenderdagen' });
    await page.getByLabel('Uitkomst binnen (kalenderdagen)').fill('30');
    await page.getByRole('button', { name: 'Regel bewaren' }).click();
    await expect(page.getByRole('row', { name: /Klacht Voeding/ })).toContainText('7 dagen');
    await verwachtGeenErnstigeToegankelijkheidsfouten(page);
  });
});
