// The knowledge base's conveniences when JavaScript runs: suggestions while typing a search,
// the editor's live preview, and citing a page from a case (which works without JavaScript too).
import { expect, test } from '@playwright/test';
import { verwachtGeenErnstigeToegankelijkheidsfouten } from './axe';
import { DEMO_EMAIL, DEMO_KENNIS_EMAIL, DEMO_PASSWORD } from './fixtures';
import { wachtOpHydratatie } from './pages/basis';
import { CitatenVak } from './pages/CitatenVak';
import { BewerkPage } from './pages/KennisPage';
import { LoginPage } from './pages/LoginPage';
import { MeldingPage } from './pages/MeldingPage';
import { WerkbakPage } from './pages/WerkbakPage';
import { ZoekPage } from './pages/ZoekPage';

test('een ouder typt een half woord, kiest een suggestie met de pijltjes en leest het antwoord', async ({ page }) => {
  const zoeken = new ZoekPage(page);
  await zoeken.goto();
  await wachtOpHydratatie(page);
  await zoeken.typ('schorsi');
  await expect(zoeken.suggesties).toBeVisible();
  await expect(zoeken.zoekveld).toHaveAttribute('aria-expanded', 'true');
  await verwachtGeenErnstigeToegankelijkheidsfouten(page, '/zoeken met suggesties');

  await zoeken.zoekveld.press('ArrowDown');
  const eerste = zoeken.suggesties.getByRole('option').first();
  await expect(eerste).toHaveAttribute('aria-selected', 'true');
  await expect(zoeken.zoekveld).toHaveAttribute('aria-activedescendant', 'z-sugg-0');
  const titel = ((await eerste.textContent()) ?? '').trim();
  await zoeken.zoekveld.press('Enter');
  await expect(page).toHaveURL(/\/(faq|regelgeving)\//);
  await expect(page.getByRole('heading', { level: 1, name: titel })).toBeVisible();
});

test('Escape sluit de suggesties en Enter zoekt dan gewoon', async ({ page }) => {
  const zoeken = new ZoekPage(page);
  await zoeken.goto();
  await wachtOpHydratatie(page);
  await zoeken.typ('opvang sluit');
  await expect(zoeken.suggesties).toBeVisible();
  await zoeken.zoekveld.press('Escape');
  await expect(zoeken.suggesties).toBeHidden();
  await zoeken.zoekveld.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === '/zoeken' && url.searchParams.get('q') === 'opvang sluit');
  await expect(zoeken.aantal).toBeVisible();
});

test('een kennisbeheerder ziet een live voorbeeld terwijl ze typt', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto('/kennisbank/wat-betekent-een-schorsing/bewerken');
  await login.meldAan(DEMO_KENNIS_EMAIL, DEMO_PASSWORD);
  const bewerken = new BewerkPage(page);
  await expect(bewerken.kop).toBeVisible();
  await wachtOpHydratatie(page);
  await expect(bewerken.liveVoorbeeld).toBeVisible();

  await bewerken.tekst.press('End');
  await bewerken.tekst.press('Control+End');
  await bewerken.tekst.pressSequentially('\n\nEen **vetgedrukt livewoord** en [kapot](bestaat-niet).', { delay: 5 });
  await expect(bewerken.liveVoorbeeld.locator('strong', { hasText: 'vetgedrukt livewoord' })).toBeVisible();
  await expect(bewerken.liveVoorbeeld.getByText('bestaat-niet')).toBeVisible();
  // Nothing was stored: the page itself does not have the word.
  await page.goto('/kennisbank/wat-betekent-een-schorsing');
  await expect(page.getByText('vetgedrukt livewoord')).toHaveCount(0);
});

test('een medewerker citeert een kennisbankpagina in een melding en leest die versie terug', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto('/werkbak');
  await login.meldAan(DEMO_EMAIL, DEMO_PASSWORD);
  const werkbak = new WerkbakPage(page);
  await expect(werkbak.rijen.first()).toBeVisible();
  await werkbak.referentieLink(werkbak.rijen.first()).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Melding M-/ })).toBeVisible();

  const vak = new CitatenVak(page);
  await vak.zoek('schorsing vergunning');
  const titel = ((await vak.sectie.locator('ol.citeer-treffers h4').first().textContent()) ?? '').trim();
  const revisie = await vak.citeer(titel, 'De schorsingsregels zijn hier van toepassing.');
  await expect(page).toHaveURL(/#kennisbank$/);
  const citaat = vak.geciteerd.filter({ hasText: 'De schorsingsregels zijn hier van toepassing.' });
  await expect(citaat).toBeVisible();
  await expect(citaat).toContainText(`(revisie ${revisie})`);
  await expect(
    new MeldingPage(page).sectie('Tijdlijn').getByText(`Kennisbank geciteerd: ${titel} (revisie ${revisie})`),
  ).toBeVisible();

  await citaat.getByRole('link', { name: titel }).click();
  await expect(page).toHaveURL(new RegExp(`/revisie/${revisie}$`));
  await expect(page.getByRole('heading', { level: 1, name: titel })).toBeVisible();
});
