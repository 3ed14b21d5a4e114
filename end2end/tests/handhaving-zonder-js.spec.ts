// The public register of enforcement steps works without JavaScript, loads no wasm and passes axe.
import { expect, test } from '@playwright/test';
import { verwachtGeenErnstigeToegankelijkheidsfouten } from './axe';

test.use({ javaScriptEnabled: false });

test('het openbare register: zoeken zonder JavaScript', async ({ page }) => {
  const wasm: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(r.url());
  });
  await page.goto('/handhaving');
  await expect(page.getByRole('heading', { level: 1, name: 'Maatregelen tegen kinderopvang' })).toBeVisible();
  await verwachtGeenErnstigeToegankelijkheidsfouten(page, '/handhaving');
  await page.getByLabel('Zoek een opvang of gemeente').fill('Qxzwvj');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/\/handhaving\?zoek=Qxzwvj$/);
  await expect(page.getByRole('status')).toHaveText('Geen opvang gevonden voor “Qxzwvj”.');
  expect(wasm, 'a public page loads no wasm').toEqual([]);
});
