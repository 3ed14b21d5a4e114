import { expect, type Locator, type Page } from '@playwright/test';

export interface NieuwAccount {
  naam: string;
  email: string;
  /** Role labels as the form shows them, e.g. "Klantenbeheerder meldingen & communicatie". */
  rollen: string[];
  wachtwoord: string;
}

/** The admin's account list at /beheer/accounts, with the form for a new account. */
export class AccountsPage {
  readonly page: Page;
  readonly kop: Locator;
  readonly tabel: Locator;
  readonly nieuw: Locator;

  constructor(page: Page) {
    this.page = page;
    this.kop = page.getByRole('heading', { level: 1, name: 'Accounts' });
    this.tabel = page.getByRole('table', { name: 'Alle accounts' });
    this.nieuw = page.getByRole('form', { name: 'Account toevoegen' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/beheer/accounts');
    await expect(this.kop).toBeVisible();
  }

  rij(email: string): Locator {
    return this.tabel.getByRole('row').filter({ hasText: email });
  }

  /** Fills in and sends the new-account form; lands on the new account's page. */
  async voegToe(a: NieuwAccount): Promise<AccountBeheerPage> {
    await this.nieuw.getByLabel('Naam', { exact: true }).fill(a.naam);
    await this.nieuw.getByLabel('E-mailadres').fill(a.email);
    for (const rol of a.rollen) await this.nieuw.getByRole('checkbox', { name: rol, exact: true }).check();
    await this.nieuw.getByLabel(/Eerste wachtwoord/).fill(a.wachtwoord);
    await this.nieuw.getByRole('button', { name: 'Account toevoegen' }).click();
    const account = new AccountBeheerPage(this.page);
    await expect(account.kop(a.naam)).toBeVisible();
    await expect(this.page.getByRole('status')).toHaveText('Het account is aangemaakt.');
    return account;
  }
}

/** One account at /beheer/accounts/<id>. */
export class AccountBeheerPage {
  readonly page: Page;
  readonly rollen: Locator;

  constructor(page: Page) {
    this.page = page;
    this.rollen = page.getByRole('form', { name: 'Rollen en discipline' });
  }

  kop(naam: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: naam });
  }

  /** Saves the roles as they are: a change of privilege, so the account's sessions end. */
  async rollenBewaren(): Promise<void> {
    await this.rollen.getByRole('button', { name: 'Rollen bewaren' }).click();
    await expect(this.page.getByRole('status')).toContainText('De rollen zijn gewijzigd');
  }

  async schakelUit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Account uitschakelen' }).click();
    await expect(this.page.getByRole('status')).toContainText('uitgeschakeld');
  }
}
