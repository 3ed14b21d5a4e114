// A coordinator with JavaScript off (project "chromium-zonder-js") adjusts a template: a mistyped
// merge field is named with its line and the text is kept; corrected, it is a new version. And
// makes a new one: a short name with capitals and spaces is refused next to its field, the
// preview shows it filled in, saved it is version 1 and in the list.
import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/LoginPage';
import { SjabloonPage } from './pages/SjabloonPage';

test('een coördinator past een sjabloon aan, zonder JavaScript', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto('/sjablonen');
  await login.meldAanAlsDemo();
  const sjablonen = new SjabloonPage(page);
  await sjablonen.lijst();
  await sjablonen.open('Doorverwijzing naar een andere dienst');
  // The example is filled in with invented values, never with the markers themselves.
  await expect(page.getByRole('region', { name: 'Voorbeeld met verzonnen gegevens' })).not.toContainText('{{');
  await sjablonen.bewerk();

  const zin = 'Bel ons gerust als u twijfelt over {{dienst.nam}}.';
  await sjablonen.inhoud.fill(`${await sjablonen.inhoud.inputValue()}\n${zin}\n`);
  await sjablonen.wijziging.fill('Zin over twijfel toegevoegd');
  await sjablonen.opslaan();
  await expect(sjablonen.foutoverzicht).toContainText('Nog niet bewaard');
  await expect(page.getByText(/Regel \d+: het invulveld \{\{dienst\.nam\}\} bestaat niet\. Bedoelde u \{\{dienst\.naam\}\}\?/).first()).toBeVisible();
  await expect(sjablonen.inhoud).toHaveValue(new RegExp(zin.replace(/[{}.?]/g, '\\$&')));

  await sjablonen.inhoud.fill((await sjablonen.inhoud.inputValue()).replace('{{dienst.nam}}', '{{dienst.naam}}'));
  await sjablonen.opslaan();
  await expect(page.getByRole('heading', { level: 1, name: 'Doorverwijzing naar een andere dienst' })).toBeVisible();
  await expect(sjablonen.versie(2)).toContainText('Zin over twijfel toegevoegd');
  await expect(page.getByRole('region', { name: 'Voorbeeld met verzonnen gegevens' })).toContainText(
    'Bel ons gerust als u twijfelt over Vertrouwenscentrum Kindermishandeling Oost-Vlaanderen.',
  );
});

test('een coördinator maakt een nieuw sjabloon, zonder JavaScript', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto('/sjablonen');
  await login.meldAanAlsDemo();
  const sjablonen = new SjabloonPage(page);
  await sjablonen.lijst();
  await sjablonen.nieuw();

  const titel = `Uitleg over de wachttijd ${Date.now()}`;
  const korteNaam = `uitleg-wachttijd-${Date.now()}`;
  await sjablonen.titel.fill(titel);
  await sjablonen.korteNaam.fill('Uitleg Wachttijd');
  await sjablonen.onderwerp.fill('Uw melding {{melding.referentie}}: de wachttijd');
  await sjablonen.inhoud.fill('Beste {{melder.naam}},\n\nWe bekijken uw melding binnen tien werkdagen.\n');
  await sjablonen.opslaan();
  await expect(sjablonen.foutoverzicht).toContainText('Nog niet bewaard');
  await expect(page.locator('#fout-s-slug')).toHaveText(/Gebruik kleine letters, cijfers en koppeltekens\./);
  await expect(sjablonen.korteNaam).toHaveValue('Uitleg Wachttijd');
  await expect(sjablonen.titel).toHaveValue(titel);

  await sjablonen.korteNaam.fill(korteNaam);
  await sjablonen.voorbeeld();
  await expect(page.getByRole('region', { name: 'Voorbeeld (nog niet bewaard)' })).toContainText(
    'We bekijken uw melding binnen tien werkdagen.',
  );
  await expect(page.getByRole('region', { name: 'Voorbeeld (nog niet bewaard)' })).not.toContainText('{{');
  await sjablonen.opslaan();
  await expect(page).toHaveURL((url) => url.pathname === `/sjablonen/${korteNaam}`);
  await expect(page.getByRole('heading', { level: 1, name: titel })).toBeVisible();
  await expect(sjablonen.versie(1)).toContainText('Nieuw sjabloon');

  await sjablonen.lijst();
  await expect(page.getByRole('link', { name: titel, exact: true })).toHaveAttribute('href', `/sjablonen/${korteNaam}`);
});
