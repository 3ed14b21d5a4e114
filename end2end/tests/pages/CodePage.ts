import { expect, type Locator, type Page } from '@playwright/test';

/** The second step of the login at /login/code: the code from the app or a recovery code. */
export class CodePage {
  readonly page: Page;
  readonly kop: Locator;
  readonly code: Locator;
  readonly bevestigen: Locator;
  readonly foutmelding: Locator;

  constructor(page: Page) {
    this.page = page;
    this.kop = page.getByRole('heading', { level: 1, name: 'Aanmelden: tweede stap' });
    this.code = page.getByLabel('Code', { exact: true });
    this.bevestigen = page.getByRole('button', { name: 'Bevestigen', exact: true });
    this.foutmelding = page.getByRole('alert').filter({ hasText: 'Deze code klopt niet' });
  }

  async verwachtGeopend(): Promise<void> {
    await expect(this.page).toHaveURL((url) => url.pathname === '/login/code');
    await expect(this.kop).toBeVisible();
  }

  /** Types the code and presses "Bevestigen"; does not check the outcome. */
  async vulIn(code: string): Promise<void> {
    await this.code.fill(code);
    await this.bevestigen.click();
  }
}
