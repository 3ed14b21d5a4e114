// The template pages pass axe (list, one template, the editor with a refused save, a new template
// with a refused save, the jargon list).
import { expect, test } from '@playwright/test';
import { verwachtGeenErnstigeToegankelijkheidsfouten } from './axe';
import { LoginPage } from './pages/LoginPage';
import { SjabloonPage } from './pages/SjabloonPage';

test('axe: de sjabloonpagina\'s', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto('/sjablonen');
  await login.meldAanAlsDemo();
  const sjablonen = new SjabloonPage(page);
  await sjablonen.lijst();
  await verwachtGeenErnstigeToegankelijkheidsfouten(page, '/sjablonen');
  await sjablonen.open('Ontvangstbevestiging van een melding');
  await verwachtGeenErnstigeToegankelijkheidsfouten(page, '/sjablonen/ontvangstbevestiging-melding');
  await sjablonen.bewerk();
  await verwachtGeenErnstigeToegankelijkheidsfouten(page, '/sjablonen/ontvangstbevestiging-melding/bewerken');
  // A refused save (no summary of the change): the error summary and the marked field pass too.
  await sjablonen.opslaan();
  await expect(sjablonen.foutoverzicht).toContainText('Nog niet bewaard');
  await verwachtGeenErnstigeToegankelijkheidsfouten(page, 'bewerken, geweigerd');
});

test('axe: een nieuw sjabloon', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto('/sjablonen');
  await login.meldAanAlsDemo();
  const sjablonen = new SjabloonPage(page);
  await sjablonen.lijst();
  await sjablonen.nieuw();
  await verwachtGeenErnstigeToegankelijkheidsfouten(page, '/sjablonen/nieuw');
  // A refused save (an empty form): every field with its message.
  await sjablonen.opslaan();
  await expect(sjablonen.foutoverzicht).toContainText('Nog niet bewaard');
  await expect(page.locator('#fout-s-slug')).toBeVisible();
  await verwachtGeenErnstigeToegankelijkheidsfouten(page, 'nieuw sjabloon, geweigerd');
});

test('axe: de lijst met moeilijke woorden', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto('/sjablonen');
  await login.meldAanAlsDemo();
  const sjablonen = new SjabloonPage(page);
  await sjablonen.lijst();
  await sjablonen.jargon();
  await verwachtGeenErnstigeToegankelijkheidsfouten(page, '/sjablonen/jargon');
});
