// A letter by post: a case worker writes the notice to the organiser from its template (the
// address filled from the case's location), a coordinator approves it, finds it among the letters
// to post at /uitgaand and marks it posted; the case then says it left by post. Axe on /uitgaand
// with a letter waiting.
import { expect, test } from '@playwright/test';
import { verwachtGeenErnstigeToegankelijkheidsfouten } from './axe';
import { DEMO_COORD_EMAIL, DEMO_EMAIL, DEMO_PASSWORD } from './fixtures';
import { BerichtPage } from './pages/BerichtPage';
import { LoginPage } from './pages/LoginPage';
import { MeldenPage, geldigeMelding } from './pages/MeldenPage';

const SJABLOON = 'Brief aan de organisator: kennisgeving van een melding';

test('brief per post: schrijven, nazien, afdrukken en als gepost melden', async ({ page }) => {
  test.setTimeout(120_000);
  const bewijs = await new MeldenPage(page).dienMeldingIn(geldigeMelding({ email: `brief-${Date.now()}@voorbeeld.be` }));
  const login = new LoginPage(page);
  await login.goto(`/meldingen/${bewijs.referentie}`);
  await login.meldAan(DEMO_EMAIL, DEMO_PASSWORD);
  const b = new BerichtPage(page);
  await b.schrijf(bewijs.referentie, SJABLOON);
  const adres = page.getByLabel('Postadres');
  await expect(adres).not.toHaveValue('');
  const eersteRegel = (await adres.inputValue()).split('\n')[0];
  await verwachtGeenErnstigeToegankelijkheidsfouten(page, 'brief schrijven');
  if ((await b.inhoud.inputValue()).includes('[[')) {
    await b.vulPlekkenIn('Wij vragen u om uitleg.');
  }
  await b.knop('Ter nazicht geven');
  await expect(page).toHaveURL(new RegExp(`/meldingen/${bewijs.referentie}#berichten$`));
  const vak = page.getByRole('region', { name: 'Berichten' });
  await expect(vak).toContainText(`per post: ${eersteRegel}`);
  await page.getByRole('button', { name: 'Afmelden' }).click();

  await login.goto('/nazicht');
  await login.meldAan(DEMO_COORD_EMAIL, DEMO_PASSWORD);
  await page.getByRole('row', { name: new RegExp(bewijs.referentie) }).getByRole('link').nth(1).click();
  await page.getByRole('button', { name: 'Goedkeuren en versturen' }).click();
  await expect(page).toHaveURL(/\/nazicht$/);

  await page.goto('/uitgaand');
  const brieven = page.getByRole('region', { name: 'Brieven om te posten' });
  const rij = brieven.getByRole('row', { name: new RegExp(bewijs.referentie) });
  await expect(rij).toContainText(eersteRegel);
  await expect(rij.getByRole('checkbox')).toBeChecked();
  await verwachtGeenErnstigeToegankelijkheidsfouten(page, '/uitgaand met brieven');
  await expect(brieven.getByRole('button', { name: 'Afdrukken (één PDF)' })).toBeVisible();
  await brieven.getByRole('button', { name: 'Gepost: markeer als verzonden' }).click();
  await expect(page).toHaveURL(/\/uitgaand$/);
  await expect(page.getByRole('region', { name: 'Brieven om te posten' }).getByRole('row', { name: new RegExp(bewijs.referentie) })).toHaveCount(0);

  await page.goto(`/meldingen/${bewijs.referentie}`);
  await expect(page.getByRole('region', { name: 'Berichten' })).toContainText('Verzonden');
  await expect(page.locator('body')).toContainText(`Brief per post verstuurd aan ${eersteRegel}`);
});
