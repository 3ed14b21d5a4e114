// The knowledge base with JavaScript: an editor's change is searchable at once; axe on the public pages.
import { expect, test } from '@playwright/test';
import { verwachtGeenErnstigeToegankelijkheidsfouten } from './axe';
import { DEMO_KENNIS_EMAIL, DEMO_PASSWORD } from './fixtures';
import { BewerkPage, KennisPage } from './pages/KennisPage';
import { LoginPage } from './pages/LoginPage';
import { ZoekPage } from './pages/ZoekPage';

test('een kennisbeheerder past een pagina aan en ze is meteen vindbaar', async ({ page }) => {
  const woord = `oefenmoment${Date.now()}`;
  const login = new LoginPage(page);
  await login.goto('/kennisbank/wat-betekent-een-schorsing/bewerken');
  await login.meldAan(DEMO_KENNIS_EMAIL, DEMO_PASSWORD);
  const bewerken = new BewerkPage(page);
  await expect(bewerken.kop).toBeVisible();
  await bewerken.voegAlineaToe(`De opvang plant een ${woord} met de ouders.`, 'Alinea over het oefenmoment');
  await new KennisPage(page).verwachtTitel('Wat betekent een schorsing?');

  const zoeken = new ZoekPage(page);
  await zoeken.goto();
  await zoeken.zoek(woord);
  await expect(zoeken.treffer('Wat betekent een schorsing?')).toBeVisible();
});

test.describe('toegankelijkheid van de publieke pagina\'s', () => {
  for (const pad of ['/faq', '/faq/wat-betekent-een-schorsing', '/regelgeving/schorsing-vergunning', '/zoeken?q=schorsing']) {
    test(`axe: ${pad}`, async ({ page }) => {
      const pagina = new KennisPage(page);
      await pagina.goto(pad);
      await verwachtGeenErnstigeToegankelijkheidsfouten(page, pad);
    });
  }
});
