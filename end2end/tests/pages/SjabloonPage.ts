import { expect, type Locator, type Page } from '@playwright/test';

/**
 * `/sjablonen`, one template, its editor, a new template and the jargon list (plain forms: the
 * same with JavaScript off).
 */
export class SjabloonPage {
  readonly page: Page;
  readonly titel: Locator;
  readonly korteNaam: Locator;
  readonly onderwerp: Locator;
  readonly inhoud: Locator;
  readonly wijziging: Locator;
  readonly foutoverzicht: Locator;

  constructor(page: Page) {
    this.page = page;
    this.titel = page.getByLabel('Titel', { exact: true });
    this.korteNaam = page.getByLabel('Korte naam (in de adresbalk)');
    this.onderwerp = page.getByLabel('Onderwerp', { exact: true });
    this.inhoud = page.getByLabel('Tekst (markdown)');
    this.wijziging = page.getByLabel('Wat hebt u gewijzigd?');
    this.foutoverzicht = page.getByRole('alert').first();
  }

  /** From the list to the form of a new template. */
  async nieuw(): Promise<void> {
    await this.page.getByRole('link', { name: 'Nieuw sjabloon' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nieuw sjabloon' })).toBeVisible();
  }

  async voorbeeld(): Promise<void> {
    await this.page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
  }

  async lijst(): Promise<void> {
    await this.page.goto('/sjablonen');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sjablonen' })).toBeVisible();
  }

  async open(titel: string): Promise<void> {
    await this.page.getByRole('link', { name: titel, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: titel })).toBeVisible();
  }

  /** From the list to the jargon list of the writing aid. */
  async jargon(): Promise<void> {
    await this.page.getByRole('link', { name: 'Moeilijke woorden: de lijst van de schrijfhulp' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Moeilijke woorden' })).toBeVisible();
  }

  async bewerk(): Promise<void> {
    await this.page.getByRole('link', { name: 'Sjabloon aanpassen' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sjabloon aanpassen' })).toBeVisible();
  }

  async opslaan(): Promise<void> {
    await this.page.getByRole('button', { name: 'Opslaan' }).click();
  }

  /** The row of a version in the table of versions. */
  versie(nummer: number): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('cell', { name: String(nummer), exact: true }) });
  }
}
