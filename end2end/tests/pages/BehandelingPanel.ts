import { expect, type Locator, type Page } from '@playwright/test';

/** The "Behandeling" panel and the timeline form on a case page: one disclosure per step. */
export class BehandelingPanel {
  readonly page: Page;
  readonly sectie: Locator;
  readonly tijdlijn: Locator;
  readonly weigering: Locator;

  constructor(page: Page) {
    this.page = page;
    this.sectie = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'Behandeling' }) });
    this.tijdlijn = page.locator('ol#tijdlijn');
    this.weigering = page.getByRole('alert').filter({ hasText: 'Niet bewaard' });
  }

  /** The disclosure of a step ("In behandeling nemen", "Afsluiten", ...). */
  stap(naam: string): Locator {
    return this.page.locator('details').filter({ has: this.page.locator('summary', { hasText: new RegExp(`^${naam}$`) }) });
  }

  /** Opens a step's form (if closed) and returns it. */
  async open(naam: string): Promise<Locator> {
    const stap = this.stap(naam);
    await expect(stap).toHaveCount(1);
    if ((await stap.getAttribute('open')) === null) await stap.locator('summary').click();
    return stap;
  }

  /** Opens a step, lets `vul` fill it in and presses its button. */
  async zet(naam: string, vul: (form: Locator) => Promise<void> = async () => {}): Promise<void> {
    const stap = await this.open(naam);
    await vul(stap);
    await stap.getByRole('button', { name: naam, exact: true }).click();
  }

  /** The steps offered now, by their labels. */
  async aangeboden(): Promise<string[]> {
    return (await this.sectie.locator('details > summary').allInnerTexts()).map((t) => t.trim());
  }

  kenmerk(naam: string): Locator {
    return this.sectie.locator('dt', { hasText: naam }).locator('xpath=following-sibling::dd[1]');
  }

  /** Adds a contactmoment through the timeline form. */
  async contactmoment(hoe: string, richting: string, met: string, tekst: string): Promise<void> {
    const vak = await this.open('Notitie, contactmoment of correctie toevoegen');
    await vak.getByLabel('Contactmoment', { exact: true }).check();
    await vak.getByLabel('Hoe', { exact: true }).selectOption({ label: hoe });
    await vak.getByLabel('Richting', { exact: true }).selectOption({ label: richting });
    await vak.getByLabel('Met wie', { exact: true }).selectOption({ label: met });
    await vak.getByLabel('Tekst', { exact: true }).fill(tekst);
    await vak.getByRole('button', { name: 'Toevoegen aan de tijdlijn' }).click();
  }
}
