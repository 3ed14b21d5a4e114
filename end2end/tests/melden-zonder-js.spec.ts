// The public form /melden with JavaScript off (project "chromium-zonder-js"): every step is a
// plain HTML form post and must work as such.
import { expect, test } from '@playwright/test';
import {
  FOUTMELDINGEN,
  ZOEKTERM_GEMEENTE,
  ZOEKTERM_ZONDER_RESULTAAT,
  datumVanaf,
  uniekeOmschrijving,
} from './fixtures';
import { MeldenPage, geldigeMelding } from './pages/MeldenPage';

test.describe('Een zorg melden (zonder JavaScript)', () => {
  let melden: MeldenPage;

  test.beforeEach(async ({ page }) => {
    melden = new MeldenPage(page);
    await melden.goto();
  });

  test('zoeken met de knop houdt alle invoer, daarna kiezen en versturen', async ({ page }) => {
    const omschrijving = uniekeOmschrijving('zonder-js');
    await melden.omschrijving.fill(omschrijving);
    await melden.categorie('Gezondheid en hygiëne').check();
    await melden.relatie('ouder').check();
    await melden.naam.fill('Sofie Testouder');

    // Typing alone does nothing without JavaScript.
    await melden.zoekveld.fill(ZOEKTERM_GEMEENTE);
    await expect(melden.opvangRadios).toHaveCount(0);

    const antwoord = await melden.zoekOpvangMetKnop(ZOEKTERM_GEMEENTE);
    expect(antwoord, 'de knop Zoeken post het formulier').not.toBeNull();
    expect(antwoord!.status()).toBeLessThan(400);

    // The page came back with the results and everything typed.
    await expect(melden.kop).toBeVisible();
    await expect(page).toHaveURL((url) => url.pathname === '/melden');
    await expect(melden.opvangKeuze).toBeVisible();
    await expect(melden.opvangRadios.first()).toBeVisible();
    await expect(melden.opvangRadios.first()).toHaveAttribute('name', 'locatie_id');
    await expect(melden.zoekveld).toHaveValue(ZOEKTERM_GEMEENTE);
    await expect(melden.omschrijving).toHaveValue(omschrijving);
    await expect(melden.categorie('Gezondheid en hygiëne')).toBeChecked();
    await expect(melden.relatie('ouder')).toBeChecked();
    await expect(melden.naam).toHaveValue('Sofie Testouder');
    // A search is not a submission: no errors yet.
    await expect(melden.foutSamenvatting).toHaveCount(0);
    await expect(page.locator('p.veldfout')).toHaveCount(0);

    const labels = await melden.opvangLabels();
    expect(labels.some((l) => l.toLowerCase().includes(ZOEKTERM_GEMEENTE.toLowerCase()))).toBe(true);

    await melden.kiesOpvang(0);
    await melden.feitDatum.fill(datumVanaf(-2));
    await melden.email.fill('sofie.testouder@voorbeeld.be');
    await melden.privacy.check();
    const bewijs = await melden.verstuurEnVerwachtBevestiging();
    expect(bewijs.referentie).toMatch(/^M-\d{4}-\d{5}$/);
  });

  test('zoeken zonder resultaat zegt dat er niets gevonden is', async () => {
    await melden.zoekOpvangMetKnop(ZOEKTERM_ZONDER_RESULTAAT);
    await expect(melden.geenOpvang).toBeVisible();
    await expect(melden.opvangRadios).toHaveCount(0);
    await expect(melden.locatieOnbekend).toBeVisible();
    await expect(melden.zoekveld).toHaveValue(ZOEKTERM_ZONDER_RESULTAAT);
  });

  test('een leeg formulier komt terug met HTTP 422 en de foutensamenvatting', async () => {
    await melden.verstuurMetFouten(); // asserts the 422
    await expect(melden.foutLinks.filter({ hasText: FOUTMELDINGEN.categorie })).toHaveCount(1);
    await expect(melden.foutLinks.filter({ hasText: FOUTMELDINGEN.omschrijving })).toHaveCount(1);
    await expect(melden.foutLinks.filter({ hasText: FOUTMELDINGEN.privacy })).toHaveCount(1);
    await expect(melden.veldfout('categorie')).toHaveText(FOUTMELDINGEN.categorie);
    await expect(melden.omschrijving).toHaveAttribute('aria-invalid', 'true');
    await expect(melden.omschrijving).toHaveAttribute('aria-describedby', /(^|\s)fout-omschrijving(\s|$)/);
  });

  test('foute invoer komt terug met HTTP 422 en alle waarden, verbeterd gaat ze door', async () => {
    const teKort = 'Te kort verhaal';
    const { opvang } = await melden.vulIn(
      geldigeMelding({
        omschrijving: teKort,
        email: 'geen-geldig-adres',
        categorieen: ['Grensoverschrijdend gedrag', 'Iets anders'],
        relatie: 'professional',
        acuut: true,
      }),
    );
    const datum = await melden.feitDatum.inputValue();

    await melden.verstuurMetFouten(); // asserts the 422

    await expect(melden.veldfout('omschrijving')).toHaveText(FOUTMELDINGEN.omschrijving);
    await expect(melden.veldfout('email')).toHaveText(FOUTMELDINGEN.email);
    await expect(melden.email).toHaveAttribute('aria-invalid', 'true');
    await expect(melden.email).toHaveAttribute('aria-describedby', /(^|\s)fout-email(\s|$)/);
    await expect(melden.foutLinks).toHaveCount(2);

    // Every value came back from the server.
    await expect(melden.omschrijving).toHaveValue(teKort);
    await expect(melden.email).toHaveValue('geen-geldig-adres');
    await expect(melden.naam).toHaveValue('Sofie Testouder');
    await expect(melden.telefoon).toHaveValue('0470 12 34 56');
    await expect(melden.feitDatum).toHaveValue(datum);
    await expect(melden.categorie('Grensoverschrijdend gedrag')).toBeChecked();
    await expect(melden.categorie('Iets anders')).toBeChecked();
    await expect(melden.categorie('Veiligheid')).not.toBeChecked();
    await expect(melden.relatie('professional')).toBeChecked();
    await expect(melden.acuut).toBeChecked();
    await expect(melden.privacy).toBeChecked();
    await expect(melden.zoekveld).toHaveValue(ZOEKTERM_GEMEENTE);
    const gekozen = melden.opvangKeuze.getByRole('radio', { checked: true });
    await expect(gekozen).toHaveCount(1);
    expect(await melden.labelVan(gekozen)).toBe(opvang);
    await expect(melden.honeypot).toHaveValue('');

    await melden.omschrijving.fill(uniekeOmschrijving('zonder-js-verbeterd'));
    await melden.email.fill('sofie.testouder@voorbeeld.be');
    await melden.verstuurEnVerwachtBevestiging();
  });
});
