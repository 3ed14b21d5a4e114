// The public form /melden with JavaScript on (project "chromium").
import { expect, test, type Page } from '@playwright/test';
import { verwachtGeenErnstigeToegankelijkheidsfouten } from './axe';
import {
  CATEGORIEEN,
  FOUTMELDINGEN,
  RELATIES,
  ZOEKTERM_GEMEENTE,
  ZOEKTERM_ZONDER_RESULTAAT,
  datumInDeToekomst,
  datumVanaf,
  uniekeOmschrijving,
  type Relatie,
} from './fixtures';
import { MeldenPage, geldigeMelding } from './pages/MeldenPage';

/** Counts the form posts to /melden, i.e. full page submissions. */
function telFormulierPosts(page: Page): { aantal: number } {
  const teller = { aantal: 0 };
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/melden') teller.aantal += 1;
  });
  return teller;
}

test.describe('Een zorg melden (met JavaScript)', () => {
  let melden: MeldenPage;

  test.beforeEach(async ({ page }) => {
    melden = new MeldenPage(page);
    await melden.goto();
  });

  test('het formulier toont alle velden met een label en is toegankelijk', async ({ page }) => {
    await expect(page).toHaveTitle(/\S/);
    await expect(melden.formulier).toHaveAttribute('method', /^post$/i);

    await expect(melden.zoekveld).toBeVisible();
    await expect(melden.zoekveld).toHaveAttribute('name', 'locatie_zoek');
    await expect(melden.zoekKnop).toBeVisible();
    await expect(melden.locatieOnbekend).toHaveAttribute('name', 'locatie_onbekend');

    for (const categorie of CATEGORIEEN) {
      await expect(melden.categorie(categorie)).toBeVisible();
      await expect(melden.categorie(categorie)).not.toBeChecked();
    }
    await expect(melden.onderwerpen.getByRole('checkbox')).toHaveCount(CATEGORIEEN.length);

    for (const relatie of Object.keys(RELATIES) as Relatie[]) {
      await expect(melden.relatie(relatie)).toBeVisible();
    }
    await expect(melden.wieBentU.getByRole('radio')).toHaveCount(Object.keys(RELATIES).length);

    await expect(melden.omschrijving).toHaveAttribute('name', 'omschrijving');
    await expect(melden.feitDatum).toHaveAttribute('type', 'date');
    await expect(melden.acuut).toBeVisible();
    await expect(melden.anoniem).toBeVisible();
    await expect(melden.naam).toBeVisible();
    await expect(melden.email).toBeVisible();
    await expect(melden.telefoon).toBeVisible();
    await expect(melden.privacy).toBeVisible();
    await expect(melden.versturen).toBeVisible();

    // The honeypot is there and empty.
    await expect(melden.honeypot).toHaveCount(1);
    await expect(melden.honeypot).toHaveValue('');

    // No errors before the first submission.
    await expect(melden.foutSamenvatting).toHaveCount(0);
    await expect(page.locator('p.veldfout')).toHaveCount(0);

    await verwachtGeenErnstigeToegankelijkheidsfouten(page, 'melden');
  });

  test('een leeg formulier toont de foutensamenvatting met links naar de velden', async ({ page }) => {
    await melden.verstuurMetFouten();

    // The summary lists the messages as links.
    for (const bericht of [
      FOUTMELDINGEN.categorie,
      FOUTMELDINGEN.omschrijving,
      FOUTMELDINGEN.privacy,
    ]) {
      await expect(melden.foutLinks.filter({ hasText: bericht })).toHaveCount(1);
    }
    // At least: locatie, categorie, omschrijving, relatie, privacy.
    expect(await melden.foutLinks.count()).toBeGreaterThanOrEqual(5);

    // The same messages next to the fields.
    await expect(melden.veldfout('categorie')).toHaveText(FOUTMELDINGEN.categorie);
    await expect(melden.veldfout('omschrijving')).toHaveText(FOUTMELDINGEN.omschrijving);
    await expect(melden.veldfout('privacy')).toHaveText(FOUTMELDINGEN.privacy);
    await expect(melden.veldfout('locatie')).toBeVisible();
    await expect(melden.veldfout('relatie')).toBeVisible();

    // Fields are marked invalid and described by their message.
    await expect(melden.omschrijving).toHaveAttribute('aria-invalid', 'true');
    await expect(melden.omschrijving).toHaveAccessibleDescription(
      new RegExp(letterlijk(FOUTMELDINGEN.omschrijving)),
    );
    await expect(melden.privacy).toHaveAttribute('aria-invalid', 'true');
    await expect(melden.privacy).toHaveAccessibleDescription(
      new RegExp(letterlijk(FOUTMELDINGEN.privacy)),
    );
    for (const veld of ['locatie', 'categorie', 'relatie'] as const) {
      const beschreven = melden.beschrevenDoorFout(veld);
      expect(await beschreven.count(), `een veld verwijst naar fout-${veld}`).toBeGreaterThan(0);
      await expect(beschreven.first()).toHaveAttribute('aria-invalid', 'true');
    }

    // Every link in the summary can take focus and points to an element on this page.
    const aantal = await melden.foutLinks.count();
    for (let i = 0; i < aantal; i++) {
      const link = melden.foutLinks.nth(i);
      await link.focus();
      await expect(link).toBeFocused();
      const href = (await link.getAttribute('href')) ?? '';
      expect(href, 'link naar een veld').toContain('#');
      const doel = href.slice(href.indexOf('#') + 1);
      expect(doel.length).toBeGreaterThan(0);
      await expect(page.locator(`[id="${doel}"]`), `doel #${doel} bestaat`).toHaveCount(1);
    }

    // Following a link brings the field into view.
    await melden.foutLinks.filter({ hasText: FOUTMELDINGEN.omschrijving }).click();
    await expect(melden.omschrijving).toBeInViewport();

    await verwachtGeenErnstigeToegankelijkheidsfouten(page, 'melden-met-fouten');
  });

  test('foute invoer: berichten bij de velden en alles wat getypt is blijft staan', async () => {
    const omschrijving = uniekeOmschrijving('foute-invoer');
    const toekomst = datumInDeToekomst();
    const { opvang } = await melden.vulIn(
      geldigeMelding({
        omschrijving,
        datum: toekomst,
        email: 'sofie.testouder-at-voorbeeld.be',
        categorieen: ['Veiligheid', 'Voeding'],
        acuut: true,
        relatie: 'familie',
      }),
    );
    expect(opvang).toBeTruthy();

    await melden.verstuurMetFouten();

    // Exactly the two wrong fields are reported.
    await expect(melden.foutLinks).toHaveCount(2);
    await expect(melden.foutLinks.filter({ hasText: FOUTMELDINGEN.toekomst })).toHaveCount(1);
    await expect(melden.foutLinks.filter({ hasText: FOUTMELDINGEN.email })).toHaveCount(1);

    await expect(melden.veldfout('feit_datum')).toHaveText(FOUTMELDINGEN.toekomst);
    await expect(melden.feitDatum).toHaveAttribute('aria-invalid', 'true');
    await expect(melden.feitDatum).toHaveAccessibleDescription(
      new RegExp(letterlijk(FOUTMELDINGEN.toekomst)),
    );
    await expect(melden.veldfout('email')).toHaveText(FOUTMELDINGEN.email);
    await expect(melden.email).toHaveAttribute('aria-invalid', 'true');
    await expect(melden.email).toHaveAccessibleDescription(new RegExp(letterlijk(FOUTMELDINGEN.email)));

    for (const veld of ['locatie', 'categorie', 'omschrijving', 'relatie', 'naam', 'telefoon', 'privacy'] as const) {
      await expect(melden.veldfout(veld), `geen fout bij ${veld}`).toHaveCount(0);
    }
    await expect(melden.omschrijving).not.toHaveAttribute('aria-invalid', 'true');

    // Everything typed is still there.
    await expect(melden.omschrijving).toHaveValue(omschrijving);
    await expect(melden.feitDatum).toHaveValue(toekomst);
    await expect(melden.email).toHaveValue('sofie.testouder-at-voorbeeld.be');
    await expect(melden.naam).toHaveValue('Sofie Testouder');
    await expect(melden.telefoon).toHaveValue('0470 12 34 56');
    await expect(melden.categorie('Veiligheid')).toBeChecked();
    await expect(melden.categorie('Voeding')).toBeChecked();
    await expect(melden.categorie('Gebouw en inrichting')).not.toBeChecked();
    await expect(melden.acuut).toBeChecked();
    await expect(melden.relatie('familie')).toBeChecked();
    await expect(melden.privacy).toBeChecked();
    await expect(melden.opvangKeuze.getByRole('radio', { checked: true })).toHaveCount(1);
    expect(await melden.labelVan(melden.opvangKeuze.getByRole('radio', { checked: true }))).toBe(opvang);

    // Correct the two fields and send.
    await melden.feitDatum.fill(datumVanaf(-1));
    await melden.email.fill('sofie.testouder@voorbeeld.be');
    await melden.verstuurEnVerwachtBevestiging();
  });

  test('live zoeken toont de opvang zonder op Zoeken te drukken, daarna versturen', async ({ page }) => {
    const omschrijving = uniekeOmschrijving('live-zoeken');
    await melden.omschrijving.fill(omschrijving);

    const posts = telFormulierPosts(page);
    // A marker in the window: it survives only as long as the page is not reloaded.
    await page.evaluate(() => {
      (window as unknown as Record<string, unknown>).__meldpuntZelfdePagina = true;
    });

    // One character is not enough to search. The page's clock is moved past the island's
    // debounce (250 ms), so a search for it would have been sent by then; the search for the
    // whole word afterwards proves that every earlier request has been seen.
    const gezocht: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/zoek_locaties') gezocht.push(url.searchParams.get('q') ?? '');
    });
    await page.clock.install();
    await melden.zoekOpvangLive(ZOEKTERM_GEMEENTE.slice(0, 1));
    await page.clock.runFor(1_000);
    await expect(melden.opvangRadios).toHaveCount(0);

    // The rest of the word: results appear by themselves.
    const antwoord = page.waitForResponse((r) => {
      const url = new URL(r.url());
      return url.pathname === '/api/zoek_locaties' && url.searchParams.get('q') === ZOEKTERM_GEMEENTE;
    });
    await melden.zoekveld.pressSequentially(ZOEKTERM_GEMEENTE.slice(1), { delay: 40 });
    await page.clock.runFor(1_000);
    await antwoord;
    expect(gezocht, 'gezocht op het hele woord').toContain(ZOEKTERM_GEMEENTE);
    expect(gezocht.filter((q) => q.length < 2), 'nooit gezocht op één teken').toEqual([]);
    await expect(melden.opvangKeuze).toBeVisible();
    await expect(melden.opvangRadios.first()).toBeVisible();
    await expect(melden.opvangRadios.first()).toHaveAttribute('name', 'locatie_id');

    const labels = await melden.opvangLabels();
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      // "<naam>, <straat>, <gemeente> (<organisator>)"
      expect(label).toMatch(/^[^,]+, [^,]+, .+ \(.+\)$/);
    }
    expect(labels.some((l) => l.toLowerCase().includes(ZOEKTERM_GEMEENTE.toLowerCase()))).toBe(true);

    // The page was not submitted nor reloaded, and nothing typed was lost.
    expect(posts.aantal, 'geen formulierpost tijdens live zoeken').toBe(0);
    expect(
      await page.evaluate(
        () => (window as unknown as Record<string, unknown>).__meldpuntZelfdePagina === true,
      ),
    ).toBe(true);
    await expect(page).toHaveURL((url) => url.pathname === '/melden');
    await expect(melden.zoekveld).toHaveValue(ZOEKTERM_GEMEENTE);
    await expect(melden.omschrijving).toHaveValue(omschrijving);

    await melden.kiesOpvang(0);
    await melden.vulIn(geldigeMelding({ zoekterm: undefined, omschrijving: undefined }));
    const bewijs = await melden.verstuurEnVerwachtBevestiging();
    expect(bewijs.referentie).toMatch(/^M-\d{4}-\d{5}$/);
  });

  test('geen resultaat: de melder beschrijft de opvang zelf', async () => {
    await melden.zoekOpvangLive(ZOEKTERM_ZONDER_RESULTAAT);
    await expect(melden.geenOpvang).toBeVisible();
    await expect(melden.opvangRadios).toHaveCount(0);

    await melden.vulIn(
      geldigeMelding({
        zoekterm: undefined,
        locatieOnbekend: 'Kinderdagverblijf De Testvlinder, Teststraat 1, 9000 Gent',
        categorieen: ['Opvang zonder vergunning'],
        relatie: 'buurt',
      }),
    );
    await melden.verstuurEnVerwachtBevestiging();
  });

  test('anoniem melden kan zonder naam of contactgegevens', async () => {
    await melden.vulIn(
      geldigeMelding({
        anoniem: true,
        naam: undefined,
        email: undefined,
        telefoon: undefined,
        relatie: 'personeel',
        categorieen: ['Pedagogische aanpak'],
      }),
    );
    await expect(melden.anoniem).toBeChecked();
    // Whether the contact fields hide or stay, nothing was typed in them.
    if (await melden.naam.isVisible()) await expect(melden.naam).toHaveValue('');

    const bewijs = await melden.verstuurEnVerwachtBevestiging();
    expect(bewijs.opvolgcode).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/);
  });
});

/** Escapes a literal text for use in a RegExp. */
function letterlijk(tekst: string): string {
  return tekst.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
