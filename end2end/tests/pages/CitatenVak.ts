import { expect, type Locator, type Page } from '@playwright/test';

/** The "Kennisbank" section of a case page: cited pages, search, and citing a page. */
export class CitatenVak {
  readonly page: Page;
  readonly sectie: Locator;
  readonly zoekveld: Locator;
  readonly zoeken: Locator;
  readonly geciteerd: Locator;

  constructor(page: Page) {
    this.page = page;
    this.sectie = page.locator('section#kennisbank');
    this.zoekveld = this.sectie.getByLabel('Zoek een pagina om te citeren');
    this.zoeken = this.sectie.getByRole('button', { name: 'Zoeken in de kennisbank' });
    this.geciteerd = this.sectie.locator('ul.citaten > li');
  }

  async zoek(woorden: string): Promise<void> {
    await this.zoekveld.fill(woorden);
    await this.zoeken.click();
    await expect(this.page).toHaveURL((url) => url.searchParams.get('kennis') === woorden);
  }

  /** Cites the found page with this title, with a note; returns the revision that was cited. */
  async citeer(titel: string, toelichting: string): Promise<string> {
    const treffer = this.sectie.locator('ol.citeer-treffers > li').filter({
      has: this.page.getByRole('heading', { level: 4, name: titel, exact: true }),
    });
    await treffer.getByLabel(`Waarom is “${titel}” van toepassing? (niet verplicht)`).fill(toelichting);
    const knop = treffer.getByRole('button', { name: /^Citeer revisie \d+$/ });
    const revisie = (await knop.textContent())?.replace(/\D/g, '') ?? '';
    await knop.click();
    return revisie;
  }
}
