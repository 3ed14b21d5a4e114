import { expect, type Locator, type Page } from '@playwright/test';

/** A knowledge-base or FAQ page, for the public (/faq/…, /regelgeving/…) or staff (/kennisbank/…). */
export class KennisPage {
  readonly page: Page;
  readonly inhoud: Locator;

  constructor(page: Page) {
    this.page = page;
    this.inhoud = page.locator('.kb-inhoud');
  }

  async goto(pad: string): Promise<void> {
    await this.page.goto(pad);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  async verwachtTitel(titel: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: titel })).toBeVisible();
  }
}

/** The editor at /kennisbank/<slug>/bewerken (knowledge editors only). */
export class BewerkPage {
  readonly page: Page;
  readonly kop: Locator;
  readonly tekst: Locator;
  readonly wijziging: Locator;
  readonly voorbeeld: Locator;
  readonly opslaan: Locator;
  /** The live preview under the text field (only when the page has hydrated). */
  readonly liveVoorbeeld: Locator;

  constructor(page: Page) {
    this.page = page;
    this.kop = page.getByRole('heading', { level: 1, name: 'Pagina bewerken' });
    this.tekst = page.getByLabel('Tekst (markdown)');
    this.wijziging = page.getByLabel('Wat hebt u gewijzigd?');
    this.voorbeeld = page.getByRole('button', { name: 'Voorbeeld tonen' });
    this.opslaan = page.getByRole('button', { name: /^(Toch )?[Oo]pslaan$/ });
    this.liveVoorbeeld = page.getByRole('region', { name: 'Live voorbeeld' });
  }

  async goto(slug: string): Promise<void> {
    await this.page.goto(`/kennisbank/${slug}/bewerken`);
    await expect(this.kop).toBeVisible();
  }

  /** Adds a paragraph at the end of the text, previews it, then saves. */
  async voegAlineaToe(alinea: string, wat: string): Promise<void> {
    const huidig = await this.tekst.inputValue();
    await this.tekst.fill(`${huidig}\n\n${alinea}\n`);
    await this.wijziging.fill(wat);
    await this.voorbeeld.click();
    // The server-rendered preview; once hydrated the page also shows a live preview region.
    const voorbeeld = this.page.getByRole('region', { name: 'Voorbeeld (nog niet bewaard)' });
    await expect(voorbeeld).toBeVisible();
    await expect(voorbeeld).toContainText(alinea);
    await this.opslaan.click();
    await expect(this.page).toHaveURL((url) => !url.pathname.endsWith('/bewerken'));
  }
}
