// The public register of enforcement steps works without JavaScript and loads no wasm (axe runs on
// it in handhaving.spec.ts: axe itself needs JavaScript in the browser).
import { expect, test } from '@playwright/test';

test.use({ javaScriptEnabled: false });

test('het openbare register: zoeken zonder JavaScript', async ({ page }) => {
  const wasm: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(r.url());
  });
  await page.goto('/handhaving');
  await expect(page.getByRole('heading', { level: 1, name: 'Maatregelen tegen kinderopvang' })).toBeVisible();
  await page.getByLabel('Zoek een opvang of gemeente').fill('Qxzwvj');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/\/handhaving\?zoek=Qxzwvj$/);
  await expect(page.getByRole('status')).toHaveText('Geen opvang gevonden voor “Qxzwvj”.');
  expect(wasm, 'a public page loads no wasm').toEqual([]);
});
