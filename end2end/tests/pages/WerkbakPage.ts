import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { REFERENTIE_PATROON } from '../fixtures';
import { LoginPage } from './LoginPage';

export const KOLOMMEN = ['Referentie', 'Ontvangen', 'Opvang', 'Onderwerpen', 'Urgentie', 'Status', 'Behandelaar'] as const;
export type Kolom = (typeof KOLOMMEN)[number];

/** The case workers' inbox at /werkbak. */
export class WerkbakPage {
  readonly page: Page;
  readonly kop: Locator;
  readonly status: Locator;
  readonly onderwerp: Locator;
  readonly filteren: Locator;
  readonly tabel: Locator;
  readonly kolomkoppen: Locator;
  readonly rijen: Locator;
  readonly volgendePagina: Locator;
  readonly afmelden: Locator;

  constructor(page: Page) {
    this.page = page;
    this.kop = page.getByRole('heading', { level: 1, name: 'Werkbak' });
    this.status = page.getByRole('combobox', { name: 'Status', exact: true });
    this.onderwerp = page.getByRole('combobox', { name: 'Onderwerp', exact: true });
    this.filteren = page.getByRole('button', { name: 'Toepassen', exact: true });
    // The view's own table (acute meldingen have a table of their own above it).
    this.tabel = page.getByRole('table', { name: 'Meldingen in deze weergave' });
    this.kolomkoppen = this.tabel.getByRole('columnheader');
    // Data rows: every row that is not the header row.
    this.rijen = this.tabel.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
    this.volgendePagina = page.getByRole('link', { name: 'Volgende pagina' });
    this.afmelden = page.getByRole('button', { name: 'Afmelden', exact: true });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/werkbak${query}`);
    await this.verwachtGeopend();
  }

  async verwachtGeopend(): Promise<void> {
    await expect(this.page).toHaveURL((url) => url.pathname === '/werkbak');
    await expect(this.kop).toBeVisible();
    await expect(this.tabel).toBeVisible();
  }

  /** Position of a column, from the table's own header row. */
  async kolomIndex(kolom: Kolom): Promise<number> {
    const koppen = (await this.kolomkoppen.allInnerTexts()).map((t) => t.trim());
    const index = koppen.indexOf(kolom);
    expect(index, `kolom "${kolom}" in ${JSON.stringify(koppen)}`).toBeGreaterThanOrEqual(0);
    return index;
  }

  /** One cell of a data row. The reference may be a row header (`<th>`), so count th and td. */
  cel(rij: Locator, index: number): Locator {
    return rij.locator(':scope > th, :scope > td').nth(index);
  }

  /** The link to the melding in a data row. */
  referentieLink(rij: Locator): Locator {
    return rij.getByRole('link', { name: REFERENTIE_PATROON });
  }

  /** The reference of the first data row. */
  eersteReferentie(): Locator {
    return this.referentieLink(this.rijen.first());
  }

  /** The data row of one melding. */
  rijVan(referentie: string): Locator {
    return this.rijen.filter({ has: this.page.getByRole('link', { name: referentie, exact: true }) });
  }

  /** The trimmed texts of one column over all data rows on this page. */
  async kolomTeksten(kolom: Kolom): Promise<string[]> {
    const index = await this.kolomIndex(kolom);
    const aantal = await this.rijen.count();
    const teksten: string[] = [];
    for (let i = 0; i < aantal; i++) {
      teksten.push((await this.cel(this.rijen.nth(i), index).innerText()).replace(/\s+/g, ' ').trim());
    }
    return teksten;
  }

  /** Chooses filter values and presses "Toepassen". */
  async filter(opties: { status?: string; onderwerp?: string; zoek?: string }): Promise<void> {
    if (opties.zoek !== undefined) await this.page.getByRole('searchbox', { name: 'Zoeken' }).fill(opties.zoek);
    if (opties.status !== undefined) await this.status.selectOption({ label: opties.status });
    if (opties.onderwerp !== undefined) await this.onderwerp.selectOption({ label: opties.onderwerp });
    await this.filteren.click();
  }

  /** Opens a view ("Mijn meldingen", "Te laat", ...) from the view navigation. */
  async weergave(naam: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Weergaven' }).getByRole('link', { name: naam, exact: true }).click();
    await expect(this.page.getByRole('navigation', { name: 'Weergaven' }).getByRole('link', { name: naam, exact: true }))
      .toHaveAttribute('aria-current', 'page');
  }

  /** Logs out and expects the login page. */
  async meldAf(): Promise<void> {
    await this.afmelden.click();
    await expect(this.page).toHaveURL((url) => url.pathname === '/login');
  }
}

/**
 * The reference of a melding that exists, read from the werkbak by the demo case worker in a
 * browser context of its own. The demo data numbers references by year of receipt, so a test
 * cannot write one down.
 */
export async function bestaandeReferentie(browser: Browser): Promise<string> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto('/werkbak');
    await login.meldAanAlsDemo();
    const werkbak = new WerkbakPage(page);
    await werkbak.verwachtGeopend();
    const referentie = (await werkbak.eersteReferentie().innerText()).trim();
    expect(referentie).toMatch(REFERENTIE_PATROON);
    return referentie;
  } finally {
    await context.close();
  }
}
