// A case worker writes the outcome letter from a template, a coordinator approves it, the melder
// receives it at the test SMTP server, and the letter (PDF) is on the case. With JavaScript on;
// axe on every message page. The same journey without JavaScript is berichten-zonder-js.spec.ts.
import { expect, test } from '@playwright/test';
import { verwachtGeenErnstigeToegankelijkheidsfouten } from './axe';
import { DEMO_COORD_EMAIL, DEMO_EMAIL, DEMO_PASSWORD } from './fixtures';
import { BerichtPage, wachtOpMail } from './pages/BerichtPage';
import { LoginPage } from './pages/LoginPage';
import { MeldenPage, geldigeMelding } from './pages/MeldenPage';

test('uitkomstbrief: schrijven, nazien, versturen, bewijs in het dossier', async ({ page }) => {
  // Two people, four axe runs and a mail round trip: longer than one page's test.
  test.setTimeout(120_000);
  const ouder = `ouder-${Date.now()}@voorbeeld.be`;
  const bewijs = await new MeldenPage(page).dienMeldingIn(geldigeMelding({ email: ouder, naam: 'Lien Peeters' }));
  // The web form's acknowledgement arrives by itself.
  const ontvangst = await wachtOpMail(ouder, bewijs.referentie);
  expect(ontvangst.length, 'de ontvangstbevestiging').toBe(1);

  const login = new LoginPage(page);
  await login.goto(`/meldingen/${bewijs.referentie}`);
  await login.meldAan(DEMO_EMAIL, DEMO_PASSWORD);
  const b = new BerichtPage(page);
  await b.schrijf(bewijs.referentie, 'Terugkoppeling: het resultaat van een melding');
  // With JavaScript the text field previews the e-mail as it will arrive, and follows typing.
  const live = page.getByRole('region', { name: 'Live voorbeeld' });
  await expect(live).toContainText('Lien Peeters');
  await expect(live).toContainText('Nog in te vullen');
  await verwachtGeenErnstigeToegankelijkheidsfouten(page, 'bericht schrijven');
  await expect(b.inhoud).toHaveValue(/Lien Peeters/);
  await b.knop('Ter nazicht geven');
  // Places left open: refused with the text kept.
  await expect(b.foutoverzicht).toContainText('er staan nog plekken open');
  await b.vulPlekkenIn('We vroegen de opvang om uitleg en bezochten ze.');
  await expect(live).toContainText('We vroegen de opvang om uitleg en bezochten ze.');
  await expect(live).not.toContainText('Nog in te vullen');
  await b.knop('Voorbeeld tonen');
  await expect(b.voorbeeld).toContainText('We vroegen de opvang om uitleg en bezochten ze.');
  await b.knop('Ter nazicht geven');
  await expect(page).toHaveURL(new RegExp(`/meldingen/${bewijs.referentie}#berichten$`));
  const vak = page.getByRole('region', { name: 'Berichten' });
  await expect(vak).toContainText('Wacht op nazicht');

  // The coordinator approves it (the same browser: the writer signs out).
  await page.getByRole('button', { name: 'Afmelden' }).click();
  const coord = page;
  const login2 = new LoginPage(coord);
  await login2.goto('/nazicht');
  await login2.meldAan(DEMO_COORD_EMAIL, DEMO_PASSWORD);
  await expect(coord.getByRole('heading', { level: 1, name: 'Na te lezen berichten' })).toBeVisible();
  await verwachtGeenErnstigeToegankelijkheidsfouten(coord, '/nazicht');
  await coord.getByRole('row', { name: new RegExp(bewijs.referentie) }).getByRole('link').nth(1).click();
  await expect(coord.getByRole('button', { name: 'Goedkeuren en versturen' })).toBeVisible();
  await verwachtGeenErnstigeToegankelijkheidsfouten(coord, '/berichten/<id>');
  await coord.getByRole('button', { name: 'Goedkeuren en versturen' }).click();
  await expect(coord).toHaveURL(/\/nazicht$/);
  await coord.goto('/uitgaand');
  await verwachtGeenErnstigeToegankelijkheidsfouten(coord, '/uitgaand');

  // The melder receives it, with both parts.
  const mails = await wachtOpMail(ouder, 'We vroegen de opvang om uitleg en bezochten ze.');
  expect(mails.length, 'precies één keer aangekomen').toBe(1);
  expect(mails[0].ruw).toContain('text/plain');
  expect(mails[0].ruw).toContain('text/html');
  expect(mails[0].ruw).toMatch(/Message-ID: <[0-9a-f]{20}@/i);

  // On the case: sent, and the letter as PDF among the documents.
  await page.goto(`/meldingen/${bewijs.referentie}`);
  await expect(vak).toContainText('Verzonden');
  await expect(page.getByRole('region', { name: 'Documenten' })).toContainText('bericht-het-resultaat-van-uw-melding');
});
