import { expect, test, type Page } from '@playwright/test';

/** Whether the running project has JavaScript on (the `chromium-zonder-js` project has it off). */
export function jsAan(): boolean {
  return test.info().project.use.javaScriptEnabled !== false;
}

/**
 * Waits until the client bundle has hydrated the page, so that typing and clicking reach the
 * Leptos event handlers instead of the bare server-rendered HTML.
 *
 * Contract with the app: once hydration has finished, the client sets `data-hydrated="true"`
 * on `<body>` (or `<html>`). Without JavaScript this returns at once.
 */
export async function wachtOpHydratatie(page: Page): Promise<void> {
  if (!jsAan()) return;
  await expect(
    page.locator(':is(html, body)[data-hydrated="true"]'),
    'de pagina moet hydrateren (data-hydrated="true" op <body>)',
  ).toBeAttached({ timeout: 20_000 });
}

/** The path and query of the current page, e.g. "/login?volgende=%2Fwerkbak". */
export function huidigePad(page: Page): URL {
  return new URL(page.url());
}
