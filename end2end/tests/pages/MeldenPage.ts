import { expect, type Locator, type Page, type Response } from '@playwright/test';
import {
  OPVOLGCODE_PATROON,
  REFERENTIE_PATROON,
  RELATIES,
  ZOEKTERM_GEMEENTE,
  datumVanaf,
  uniekeOmschrijving,
  type Categorie,
  type Relatie,
  type Veld,
} from '../fixtures';
import { jsAan, wachtOpHydratatie } from './basis';

/** What a melder fills in. Every field is optional so that tests can leave things out on purpose. */
export interface MeldingGegevens {
  /** Search term for the location; the result at `opvangIndex` (default: the first) is chosen. */
  zoekterm?: string;
  opvangIndex?: number;
  locatieOnbekend?: string;
  categorieen?: Categorie[];
  omschrijving?: string;
  /** yyyy-mm-dd */
  datum?: string;
  acuut?: boolean;
  relatie?: Relatie;
  anoniem?: boolean;
  naam?: string;
  email?: string;
  telefoon?: string;
  privacy?: boolean;
}

/** What the melder gets back after a successful submission. */
export interface Ontvangstbewijs {
  referentie: string;
  opvolgcode: string;
}

/** Complete, valid data for a named parent; pass overrides to change single fields. */
export function geldigeMelding(overrides: Partial<MeldingGegevens> = {}): MeldingGegevens {
  return {
    zoekterm: ZOEKTERM_GEMEENTE,
    categorieen: ['Veiligheid'],
    omschrijving: uniekeOmschrijving('melding'),
    datum: datumVanaf(-3),
    relatie: 'ouder',
    naam: 'Sofie Testouder',
    email: 'sofie.testouder@voorbeeld.be',
    telefoon: '0470 12 34 56',
    privacy: true,
    ...overrides,
  };
}

/** The public form at /melden, its error state and its confirmation page. */
export class MeldenPage {
  readonly page: Page;

  readonly kop: Locator;
  readonly formulier: Locator;

  readonly zoekveld: Locator;
  readonly zoekKnop: Locator;
  readonly opvangKeuze: Locator;
  readonly opvangRadios: Locator;
  readonly geenOpvang: Locator;
  readonly locatieOnbekend: Locator;

  readonly onderwerpen: Locator;
  readonly omschrijving: Locator;
  readonly feitDatum: Locator;
  readonly acuut: Locator;
  readonly wieBentU: Locator;
  readonly anoniem: Locator;
  readonly naam: Locator;
  readonly email: Locator;
  readonly telefoon: Locator;
  readonly privacy: Locator;
  readonly honeypot: Locator;
  readonly versturen: Locator;

  readonly foutSamenvatting: Locator;
  readonly foutLinks: Locator;

  readonly bedanktKop: Locator;
  readonly referentie: Locator;
  readonly opvolgcode: Locator;

  constructor(page: Page) {
    this.page = page;

    this.kop = page.getByRole('heading', { level: 1, name: 'Een zorg melden' });
    this.formulier = page.locator('form[action="/melden"]');

    this.zoekveld = page.getByLabel('Zoek de opvang (naam of gemeente)');
    this.zoekKnop = page.getByRole('button', { name: 'Zoeken', exact: true });
    this.opvangKeuze = page.getByRole('group', { name: 'Kies de opvang' });
    this.opvangRadios = this.opvangKeuze.getByRole('radio');
    this.geenOpvang = page.getByText('Geen opvang gevonden.');
    this.locatieOnbekend = page.getByLabel(
      'Vindt u de opvang niet? Beschrijf ze hier (naam, straat, gemeente)',
    );

    this.onderwerpen = page.getByRole('group', { name: 'Waarover gaat uw melding?' });
    this.omschrijving = page.getByLabel('Wat is er gebeurd?');
    this.feitDatum = page.getByLabel('Wanneer gebeurde het?');
    this.acuut = page.getByRole('checkbox', { name: 'Een kind is nu in acuut gevaar' });
    this.wieBentU = page.getByRole('group', { name: 'Wie bent u?' });
    this.anoniem = page.getByRole('checkbox', { name: 'Ik wil anoniem melden' });
    this.naam = page.getByLabel('Uw naam');
    this.email = page.getByLabel('E-mailadres');
    this.telefoon = page.getByLabel('Telefoonnummer');
    this.privacy = page.getByRole('checkbox', { name: /Ik heb de privacyverklaring gelezen/ });
    // The honeypot is deliberately not reachable by role or label: only its name is known.
    this.honeypot = page.locator('input[name="website"]');
    this.versturen = page.getByRole('button', { name: 'Melding versturen' });

    this.foutSamenvatting = page
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: 'Controleer deze velden' }) });
    this.foutLinks = this.foutSamenvatting.getByRole('link');

    this.bedanktKop = page.getByRole('heading', {
      level: 1,
      name: 'Bedankt, we hebben uw melding ontvangen',
    });
    this.referentie = page.getByTestId('referentie');
    this.opvolgcode = page.getByTestId('opvolgcode');
  }

  async goto(): Promise<void> {
    await this.page.goto('/melden');
    await expect(this.kop).toBeVisible();
    await wachtOpHydratatie(this.page);
  }

  /** The checkbox of one categorie. */
  categorie(label: Categorie): Locator {
    return this.onderwerpen.getByRole('checkbox', { name: label, exact: true });
  }

  /** The radio button of one relatie. */
  relatie(relatie: Relatie): Locator {
    return this.wieBentU.getByRole('radio', { name: RELATIES[relatie], exact: true });
  }

  /** The inline error message of a field: `<p class="veldfout" id="fout-<veld>">`. */
  veldfout(veld: Veld): Locator {
    return this.page.locator(`p.veldfout#fout-${veld}`);
  }

  /** The elements that point to the error of a field with aria-describedby. */
  beschrevenDoorFout(veld: Veld): Locator {
    return this.page.locator(`[aria-describedby~="fout-${veld}"]`);
  }

  /**
   * Live search (JavaScript on): types the term key by key, as a person would, and waits until
   * the result list shows up, without pressing "Zoeken".
   */
  async zoekOpvangLive(term: string): Promise<void> {
    await this.zoekveld.click();
    await this.zoekveld.clear();
    await this.zoekveld.pressSequentially(term, { delay: 40 });
  }

  /**
   * Search with the "Zoeken" button. Without JavaScript this posts the whole form and the page
   * comes back with the results; the POST's response is returned then.
   */
  async zoekOpvangMetKnop(term: string): Promise<Response | null> {
    await this.zoekveld.fill(term);
    if (jsAan()) {
      await this.zoekKnop.click();
      return null;
    }
    const [antwoord] = await Promise.all([this.wachtOpFormulierPost(), this.zoekKnop.click()]);
    await this.page.waitForLoadState('domcontentloaded');
    return antwoord;
  }

  /** Searches the way that fits the project (live with JavaScript, the button without) and waits for results. */
  async zoekOpvang(term: string): Promise<void> {
    if (jsAan()) {
      await this.zoekOpvangLive(term);
    } else {
      await this.zoekOpvangMetKnop(term);
    }
    await expect(this.opvangRadios.first()).toBeVisible();
  }

  /** Chooses a result of the search and returns its label ("naam, straat, gemeente (organisator)"). */
  async kiesOpvang(index = 0): Promise<string> {
    const radio = this.opvangRadios.nth(index);
    await radio.check();
    await expect(radio).toBeChecked();
    return this.labelVan(radio);
  }

  /** The visible label texts of all search results. */
  async opvangLabels(): Promise<string[]> {
    const aantal = await this.opvangRadios.count();
    const labels: string[] = [];
    for (let i = 0; i < aantal; i++) labels.push(await this.labelVan(this.opvangRadios.nth(i)));
    return labels;
  }

  /** The text of the `<label>` of a form control (by `for`, or the wrapping label). */
  async labelVan(veld: Locator): Promise<string> {
    const id = await veld.getAttribute('id');
    const label = id
      ? this.page.locator(`label[for="${id}"]`)
      : veld.locator('xpath=ancestor::label[1]');
    return (await label.first().innerText()).replace(/\s+/g, ' ').trim();
  }

  /** Fills in the form; returns the label of the chosen location, if one was searched for. */
  async vulIn(g: MeldingGegevens): Promise<{ opvang?: string }> {
    let opvang: string | undefined;
    // Search first: without JavaScript the search reloads the page.
    if (g.zoekterm !== undefined) {
      await this.zoekOpvang(g.zoekterm);
      opvang = await this.kiesOpvang(g.opvangIndex ?? 0);
    }
    if (g.locatieOnbekend !== undefined) await this.locatieOnbekend.fill(g.locatieOnbekend);
    for (const c of g.categorieen ?? []) await this.categorie(c).check();
    if (g.omschrijving !== undefined) await this.omschrijving.fill(g.omschrijving);
    if (g.datum !== undefined) await this.feitDatum.fill(g.datum);
    if (g.acuut) await this.acuut.check();
    if (g.relatie !== undefined) await this.relatie(g.relatie).check();
    if (g.anoniem) await this.anoniem.check();
    if (g.naam !== undefined) await this.naam.fill(g.naam);
    if (g.email !== undefined) await this.email.fill(g.email);
    if (g.telefoon !== undefined) await this.telefoon.fill(g.telefoon);
    if (g.privacy) await this.privacy.check();
    return { opvang };
  }

  /**
   * Presses "Melding versturen". Without JavaScript the browser posts the form to /melden and
   * the response of that POST is returned (its status is part of the contract); with
   * JavaScript the app may submit in the background, and null is returned.
   */
  async verstuur(): Promise<Response | null> {
    if (jsAan()) {
      await this.versturen.click();
      return null;
    }
    const [antwoord] = await Promise.all([this.wachtOpFormulierPost(), this.versturen.click()]);
    await this.page.waitForLoadState('domcontentloaded');
    return antwoord;
  }

  /** Submits and expects the form back with the error summary (HTTP 422 without JavaScript). */
  async verstuurMetFouten(): Promise<void> {
    const antwoord = await this.verstuur();
    if (antwoord) expect(antwoord.status(), 'foute invoer geeft HTTP 422').toBe(422);
    await expect(this.foutSamenvatting).toBeVisible();
    await expect(this.kop).toBeVisible();
    // If the browser loaded a new page, wait until it is interactive again.
    await wachtOpHydratatie(this.page);
  }

  /** Submits and expects the confirmation; returns the reference and the follow-up code. */
  async verstuurEnVerwachtBevestiging(): Promise<Ontvangstbewijs> {
    const antwoord = await this.verstuur();
    if (antwoord) expect(antwoord.status(), 'geldige melding wordt aanvaard').toBeLessThan(400);
    await expect(this.bedanktKop).toBeVisible();
    await expect(this.referentie).toHaveText(REFERENTIE_PATROON);
    await expect(this.opvolgcode).toHaveText(OPVOLGCODE_PATROON);
    return {
      referentie: (await this.referentie.innerText()).trim(),
      opvolgcode: (await this.opvolgcode.innerText()).trim(),
    };
  }

  /** Opens /melden, fills in `g` and submits it; returns the receipt and the chosen location. */
  async dienMeldingIn(
    g: MeldingGegevens = geldigeMelding(),
  ): Promise<Ontvangstbewijs & { opvang?: string }> {
    await this.goto();
    const { opvang } = await this.vulIn(g);
    const bewijs = await this.verstuurEnVerwachtBevestiging();
    return { ...bewijs, opvang };
  }

  private wachtOpFormulierPost(): Promise<Response> {
    return this.page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/melden',
    );
  }
}

/** The name of a location from its result label "naam, straat, gemeente (organisator)". */
export function opvangNaam(label: string): string {
  return label.split(',')[0].trim();
}
