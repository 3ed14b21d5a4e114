// A coordinator opens an enforcement dossier and takes it from a warning through an intention and
// the hearing to a suspension; the licence follows. Steps notified today are under embargo, so the
// public register does not show them yet. Axe on the dossier pages.
import { expect, test } from '@playwright/test';
import { verwachtGeenErnstigeToegankelijkheidsfouten } from './axe';
import { DEMO_COORD_EMAIL, DEMO_PASSWORD } from './fixtures';
import { LoginPage } from './pages/LoginPage';

const LOCATIE = 'L0003';

test('handhavingsdossier: aanmaning, voornemen, horen, schorsing', async ({ page }) => {
  test.setTimeout(90_000);
  const login = new LoginPage(page);
  await login.goto('/handhaving/dossiers');
  await login.meldAan(DEMO_COORD_EMAIL, DEMO_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Handhavingsdossiers' })).toBeVisible();
  await page.getByLabel('Code van de locatie').fill(LOCATIE);
  await page.getByLabel('Aanleiding').fill('Drie meldingen over te weinig toezicht.');
  await page.getByRole('button', { name: 'Dossier openen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Dossier H-\d{4}-\d{4}/ })).toBeVisible();
  const vandaag = new Date().toISOString().slice(0, 10);

  const stap = async (soort: string, maatregel: string | null, tekst: string) => {
    await page.getByLabel('Stap', { exact: true }).selectOption({ label: soort });
    // Always chosen: after a refusal the form keeps the measure typed before.
    await page.getByLabel('Maatregel').selectOption({ label: maatregel ?? 'Geen (niet nodig voor deze stap)' });
    await page.getByLabel('Vaststelling of beslissing').fill(tekst);
    await page.getByLabel('Organisator verwittigd op').fill(vandaag);
    await page.getByLabel('Openbaar maken in het register (na het embargo)').check();
    await page.getByRole('button', { name: 'Stap toevoegen' }).click();
    await expect(page.locator('ol.dossierstappen')).toContainText(tekst);
  };
  // A decision first is refused, with the reason next to the field.
  await page.getByLabel('Stap', { exact: true }).selectOption({ label: 'Beslissing' });
  await page.getByLabel('Maatregel').selectOption({ label: 'Schorsing van de vergunning' });
  await page.getByLabel('Vaststelling of beslissing').fill('Meteen schorsen.');
  await page.getByRole('button', { name: 'Stap toevoegen' }).click();
  await expect(page.locator('.foutoverzicht')).toContainText('Een beslissing volgt op een voornemen.');
  await expect(page.getByLabel('Vaststelling of beslissing')).toHaveValue('Meteen schorsen.');
  await verwachtGeenErnstigeToegankelijkheidsfouten(page, 'dossier met weigering');

  await stap('Aanmaning', null, 'Tegen het einde van de maand moet het toezicht in orde zijn.');
  await stap('Voornemen tot maatregel', 'Schorsing van de vergunning', 'Wij zijn van plan de vergunning te schorsen.');
  await stap('Horen van de organisator', null, 'De organisator reageerde schriftelijk.');
  await stap('Beslissing', 'Schorsing van de vergunning', 'De vergunning wordt geschorst.');
  await expect(page.locator('dl.kenmerken')).toContainText('Vergunning geschorst');
  await verwachtGeenErnstigeToegankelijkheidsfouten(page, 'dossier');

  await page.goto('/handhaving/dossiers');
  await verwachtGeenErnstigeToegankelijkheidsfouten(page, '/handhaving/dossiers');
  const naam = (await page.getByRole('row').nth(1).getByRole('cell').nth(1).innerText()).split(' (')[0];
  // Notified today: under embargo, not on the public register yet.
  await page.goto(`/handhaving?zoek=${encodeURIComponent(naam)}`);
  await expect(page.getByRole('status')).toContainText('Geen opvang gevonden');
  // The public page itself (plain HTML; axe needs the browser's JavaScript, the page does not).
  await verwachtGeenErnstigeToegankelijkheidsfouten(page, '/handhaving');
});
