// The composer and the second reader with JavaScript off (project "chromium-zonder-js"): every
// step is a plain form post; the preview is a post too.
import { expect, test } from '@playwright/test';
import { DEMO_COORD_EMAIL, DEMO_EMAIL, DEMO_PASSWORD } from './fixtures';
import { BerichtPage, wachtOpMail } from './pages/BerichtPage';
import { LoginPage } from './pages/LoginPage';
import { MeldenPage, geldigeMelding } from './pages/MeldenPage';

test('uitkomstbrief zonder JavaScript: voorbeeld, nazicht en verzending', async ({ page, browser }) => {
  const ouder = `ouder-zonder-js-${Date.now()}@voorbeeld.be`;
  const bewijs = await new MeldenPage(page).dienMeldingIn(geldigeMelding({ email: ouder, naam: 'Tom Claes' }));
  const login = new LoginPage(page);
  await login.goto(`/meldingen/${bewijs.referentie}`);
  await login.meldAan(DEMO_EMAIL, DEMO_PASSWORD);
  const b = new BerichtPage(page);
  await b.schrijf(bewijs.referentie, 'Terugkoppeling: het resultaat van een melding');
  await b.vulPlekkenIn('We spraken met de verantwoordelijke van de opvang.');
  await b.knop('Voorbeeld tonen');
  await expect(b.voorbeeld).toContainText('We spraken met de verantwoordelijke van de opvang.');
  await expect(b.voorbeeld).toContainText('Tom Claes');
  await b.knop('Ter nazicht geven');
  await expect(page.getByRole('region', { name: 'Berichten' })).toContainText('Wacht op nazicht');

  const context = await browser.newContext({ javaScriptEnabled: false });
  const coord = await context.newPage();
  const login2 = new LoginPage(coord);
  await login2.goto('/nazicht');
  await login2.meldAan(DEMO_COORD_EMAIL, DEMO_PASSWORD);
  await coord.getByRole('row', { name: new RegExp(bewijs.referentie) }).getByRole('link').nth(1).click();
  // Sending back needs a comment: refused, then approved.
  await coord.getByRole('button', { name: 'Terugsturen' }).click();
  await expect(coord.getByText('Schrijf wat de schrijver moet aanpassen.').first()).toBeVisible();
  await coord.getByRole('button', { name: 'Goedkeuren en versturen' }).click();
  await expect(coord).toHaveURL(/\/nazicht$/);
  await context.close();

  const mails = await wachtOpMail(ouder, 'We spraken met de verantwoordelijke van de opvang.');
  expect(mails.length).toBe(1);
});
