import { expect, type Locator, type Page } from '@playwright/test';

export const SECTIES = ['Opvang', 'Melder', 'Wat er gebeurde', 'Tijdlijn'] as const;
export type Sectie = (typeof SECTIES)[number];

/** The detail page of one melding at /meldingen/<ref>. */
export class MeldingPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  kop(referentie: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Melding ${referentie}`, exact: true });
  }

  /** The `<section>` that holds the `<h2>` with this title. */
  sectie(titel: Sectie): Locator {
    return this.page
      .locator('section')
      .filter({ has: this.page.getByRole('heading', { level: 2, name: titel, exact: true }) })
      .last();
  }

  async goto(referentie: string): Promise<void> {
    await this.page.goto(`/meldingen/${referentie}`);
    await this.verwachtGeopend(referentie);
  }

  async verwachtGeopend(referentie: string): Promise<void> {
    await expect(this.page).toHaveURL((url) => url.pathname === `/meldingen/${referentie}`);
    await expect(this.kop(referentie)).toBeVisible();
    for (const titel of SECTIES) {
      await expect(
        this.page.getByRole('heading', { level: 2, name: titel, exact: true }),
      ).toBeVisible();
    }
  }
}
