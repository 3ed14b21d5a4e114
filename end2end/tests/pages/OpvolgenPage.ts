import { expect, type Locator, type Page } from '@playwright/test';

/** `/opvolgen`: a reporter looks up their melding with the reference and the personal code. */
export class OpvolgenPage {
  readonly kop: Locator;
  readonly referentie: Locator;
  readonly code: Locator;
  readonly bekijken: Locator;
  readonly fout: Locator;
  readonly status: Locator;
  readonly aanvulling: Locator;
  readonly toevoegen: Locator;

  constructor(readonly page: Page) {
    this.kop = page.getByRole('heading', { level: 1 });
    this.referentie = page.getByLabel('Referentie');
    this.code = page.getByLabel('Persoonlijke code');
    this.bekijken = page.getByRole('button', { name: 'Bekijken' });
    this.fout = page.getByRole('alert');
    this.status = page.getByTestId('status');
    this.aanvulling = page.getByLabel('Wilt u nog iets vertellen over uw melding?');
    this.toevoegen = page.getByRole('button', { name: 'Toevoegen' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/opvolgen');
    await expect(this.kop).toHaveText('Uw melding volgen');
  }

  async open(referentie: string, code: string): Promise<void> {
    await this.referentie.fill(referentie);
    await this.code.fill(code);
    await this.bekijken.click();
  }
}
