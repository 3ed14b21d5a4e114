import { expect, type Locator, type Page } from '@playwright/test';

/** The user's own second factor at /account/tweede-factor: enrolment and recovery codes. */
export class TweedeFactorPage {
  readonly page: Page;
  readonly kop: Locator;
  readonly instellen: Locator;
  readonly qr: Locator;
  readonly sleutel: Locator;
  readonly code: Locator;
  readonly bevestigen: Locator;
  readonly herstelcodes: Locator;

  constructor(page: Page) {
    this.page = page;
    this.kop = page.getByRole('heading', { level: 1, name: 'Tweede factor' });
    this.instellen = page.getByRole('button', { name: 'Tweede factor instellen' });
    this.qr = page.getByRole('img', { name: /QR-code om Meldpunt toe te voegen/ });
    this.sleutel = page.locator('#totp-sleutel');
    this.code = page.getByLabel('Code uit de app');
    this.bevestigen = page.getByRole('button', { name: 'Bevestigen', exact: true });
    this.herstelcodes = page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem');
  }

  async goto(): Promise<void> {
    await this.page.goto('/account/tweede-factor');
    await expect(this.kop).toBeVisible();
  }

  async bevestig(code: string): Promise<void> {
    await this.code.fill(code);
    await this.bevestigen.click();
    await expect(this.page.getByRole('heading', { level: 2, name: 'Uw herstelcodes' })).toBeVisible();
  }
}
