import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../fixtures';

/** The staff login at /login. */
export class LoginPage {
  readonly page: Page;
  readonly kop: Locator;
  readonly email: Locator;
  readonly wachtwoord: Locator;
  readonly aanmelden: Locator;
  readonly foutmelding: Locator;

  constructor(page: Page) {
    this.page = page;
    this.kop = page.getByRole('heading', { level: 1, name: 'Aanmelden voor medewerkers' });
    this.email = page.getByLabel('E-mailadres');
    this.wachtwoord = page.getByLabel('Wachtwoord');
    this.aanmelden = page.getByRole('button', { name: 'Aanmelden', exact: true });
    this.foutmelding = page.getByText('E-mailadres of wachtwoord klopt niet.');
  }

  /** Opens /login, optionally with the page to return to after logging in. */
  async goto(volgende?: string): Promise<void> {
    const query = volgende ? `?volgende=${encodeURIComponent(volgende)}` : '';
    await this.page.goto(`/login${query}`);
    await this.verwachtGeopend();
  }

  async verwachtGeopend(): Promise<void> {
    await expect(this.page).toHaveURL((url) => url.pathname === '/login');
    await expect(this.kop).toBeVisible();
  }

  /** Fills in the form and presses "Aanmelden"; does not check the outcome. */
  async meldAan(email: string, wachtwoord: string): Promise<void> {
    await this.email.fill(email);
    await this.wachtwoord.fill(wachtwoord);
    await this.aanmelden.click();
  }

  /** Logs in with the demo account and waits until the browser has left /login. */
  async meldAanAlsDemo(): Promise<void> {
    await this.meldAan(DEMO_EMAIL, DEMO_PASSWORD);
    await expect(this.page).not.toHaveURL((url) => url.pathname === '/login');
  }

  /** Logs in with a wrong password and expects the message, with the e-mail address kept. */
  async meldAanMetFoutWachtwoord(email = DEMO_EMAIL): Promise<void> {
    await this.meldAan(email, `${DEMO_PASSWORD}-fout`);
    await expect(this.foutmelding).toBeVisible();
    await expect(this.kop).toBeVisible();
    await expect(this.email).toHaveValue(email);
  }
}
