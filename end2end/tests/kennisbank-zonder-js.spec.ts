// A parent with JavaScript off (project "chromium-zonder-js") searches with a typo and reads the answer.
import { expect, test } from '@playwright/test';
import { KennisPage } from './pages/KennisPage';
import { ZoekPage } from './pages/ZoekPage';

test('een ouder zoekt "schorsign" zonder JavaScript en opent het antwoord', async ({ page }) => {
  const zoeken = new ZoekPage(page);
  await zoeken.goto();
  await zoeken.zoek('schorsign');
  const treffer = zoeken.treffer('Wat betekent een schorsing?');
  await expect(treffer).toBeVisible();
  await expect(zoeken.treffers.locator('mark').first()).toBeVisible();
  await treffer.click();
  await expect(page).toHaveURL((url) => url.pathname === '/faq/wat-betekent-een-schorsing');
  const pagina = new KennisPage(page);
  await pagina.verwachtTitel('Wat betekent een schorsing?');
  await expect(pagina.inhoud).toContainText('tijdelijk');
});
