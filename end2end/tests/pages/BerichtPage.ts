import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { POST_MAP } from '../fixtures';

/** The composer of a case (/meldingen/<ref>/schrijven) and one message (/berichten/<id>). */
export class BerichtPage {
  readonly page: Page;
  readonly inhoud: Locator;
  readonly onderwerp: Locator;
  readonly voorbeeld: Locator;
  readonly foutoverzicht: Locator;

  constructor(page: Page) {
    this.page = page;
    this.inhoud = page.getByLabel('Tekst', { exact: true });
    this.onderwerp = page.getByLabel('Onderwerp', { exact: true });
    this.voorbeeld = page.getByRole('region', { name: 'Voorbeeld: zo ziet de ontvanger het' });
    this.foutoverzicht = page.locator('.foutoverzicht');
  }

  /** From the case page: "Bericht schrijven", then the template by its title. */
  async schrijf(referentie: string, sjabloon: string): Promise<void> {
    await this.page.goto(`/meldingen/${referentie}`);
    await this.page.getByRole('link', { name: 'Bericht schrijven' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: `Bericht schrijven bij ${referentie}` })).toBeVisible();
    await this.page.getByRole('link', { name: sjabloon }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: sjabloon })).toBeVisible();
  }

  /** Replaces every [[…]] place in the text with `tekst`. */
  async vulPlekkenIn(tekst: string): Promise<void> {
    const huidig = await this.inhoud.inputValue();
    expect(huidig).toContain('[[');
    await this.inhoud.fill(huidig.replace(/\[\[[^\]\n]*\]\]/g, tekst));
  }

  async knop(naam: string): Promise<void> {
    await this.page.getByRole('button', { name: naam }).click();
  }
}

/** One message as the test SMTP server received it: the raw text, without the envelope line. */
export interface Mail {
  envelop: string[];
  ruw: string;
}

/** Waits until a message for `aan` whose raw text contains `bevat` arrived; returns all of them. */
export async function wachtOpMail(aan: string, bevat: string, timeout = 20_000): Promise<Mail[]> {
  const einde = Date.now() + timeout;
  for (;;) {
    const gevonden = leesPost().filter((m) => m.envelop.includes(aan) && m.ruw.includes(bevat));
    if (gevonden.length > 0 || Date.now() > einde) {
      return gevonden;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

function leesPost(): Mail[] {
  if (!fs.existsSync(POST_MAP)) return [];
  return fs
    .readdirSync(POST_MAP)
    .filter((n) => n.endsWith('.eml'))
    .map((n) => {
      const tekst = fs.readFileSync(path.join(POST_MAP, n), 'utf8');
      const [eerste, ...rest] = tekst.split(/\r?\n/);
      const envelop = JSON.parse(eerste.replace(/^X-Envelop-Aan: /, '')) as string[];
      return { envelop, ruw: rest.join('\n') };
    });
}
