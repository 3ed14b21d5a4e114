import { expect, type Locator, type Page } from '@playwright/test';

/** Search at /zoeken: a plain GET form, works with and without JavaScript. */
export class ZoekPage {
  readonly page: Page;
  readonly kop: Locator;
  readonly zoekveld: Locator;
  readonly zoeken: Locator;
  readonly aantal: Locator;
  readonly treffers: Locator;
  /** The suggestions under the search field (only when the page has hydrated). */
  readonly suggesties: Locator;

  constructor(page: Page) {
    this.page = page;
    this.kop = page.getByRole('heading', { level: 1, name: 'Zoeken' });
    this.zoekveld = page.getByRole('search').getByLabel('Zoekwoorden');
    this.zoeken = page.getByRole('search').getByRole('button', { name: 'Zoeken' });
    this.aantal = page.getByRole('status');
    this.treffers = page.locator('ol.treffers > li');
    this.suggesties = page.getByRole('listbox', { name: "Voorgestelde pagina's" });
  }

  /** Types key by key, as a person does, so that suggestions appear (no submit). */
  async typ(woorden: string): Promise<void> {
    await this.zoekveld.click();
    await this.zoekveld.pressSequentially(woorden, { delay: 40 });
  }

  async goto(): Promise<void> {
    await this.page.goto('/zoeken');
    await expect(this.kop).toBeVisible();
  }

  /** Types the words and submits the form (a page load, also without JavaScript). */
  async zoek(woorden: string): Promise<void> {
    await this.zoekveld.fill(woorden);
    await this.zoeken.click();
    await expect(this.page).toHaveURL((url) => url.pathname === '/zoeken' && url.searchParams.get('q') === woorden);
    await expect(this.aantal).toBeVisible();
  }

  /** The link of a hit, by its title. */
  treffer(titel: string): Locator {
    return this.treffers.getByRole('link', { name: titel });
  }
}
