// Staff side: login, werkbak (inbox), detail page of a melding, logout.
import { expect, test, type Page } from '@playwright/test';
import { REFERENTIE_PATROON, STATUSSEN, uniekeOmschrijving } from './fixtures';
import { LoginPage } from './pages/LoginPage';
import { MeldenPage, geldigeMelding, opvangNaam } from './pages/MeldenPage';
import { MeldingPage } from './pages/MeldingPage';
import { KOLOMMEN, WerkbakPage, bestaandeReferentie } from './pages/WerkbakPage';

/** Expects the login page with `?volgende=<pad>`. */
async function verwachtDoorgestuurdNaarLogin(page: Page, pad: string): Promise<void> {
  await expect(page).toHaveURL(
    (url) => url.pathname === '/login' && url.searchParams.get('volgende') === pad,
  );
  await expect(new LoginPage(page).kop).toBeVisible();
}

/** Logs in with the demo account from /login and expects the werkbak. */
async function meldAanOpWerkbak(page: Page): Promise<WerkbakPage> {
  const login = new LoginPage(page);
  await login.goto();
  await login.meldAanAlsDemo();
  const werkbak = new WerkbakPage(page);
  await werkbak.verwachtGeopend();
  return werkbak;
}

test.describe('Werkbak', () => {
  test('zonder aanmelden sturen werkbak en detailpagina door naar aanmelden', async ({ page, browser }) => {
    const referentie = await bestaandeReferentie(browser);
    await page.goto('/werkbak');
    await verwachtDoorgestuurdNaarLogin(page, '/werkbak');

    await page.goto(`/meldingen/${referentie}`);
    await verwachtDoorgestuurdNaarLogin(page, `/meldingen/${referentie}`);
  });

  test('een nieuwe melding van een ouder komt bovenaan binnen en is te volgen tot de tijdlijn', async ({
    page,
  }) => {
    // A parent reports.
    const omschrijving = uniekeOmschrijving('werkbak');
    const melden = new MeldenPage(page);
    const bewijs = await melden.dienMeldingIn(
      geldigeMelding({ omschrijving, categorieen: ['Voeding'], naam: 'Sofie Testouder' }),
    );
    expect(bewijs.opvang).toBeTruthy();
    const naamOpvang = opvangNaam(bewijs.opvang!);

    // A case worker mistypes the password first.
    const login = new LoginPage(page);
    await login.goto();
    await login.meldAanMetFoutWachtwoord();
    await expect(login.wachtwoord).toBeVisible();

    await login.meldAanAlsDemo();
    const werkbak = new WerkbakPage(page);
    await werkbak.verwachtGeopend();
    await expect(werkbak.afmelden).toBeVisible();

    for (const kolom of KOLOMMEN) {
      await expect(werkbak.tabel.getByRole('columnheader', { name: kolom, exact: true })).toBeVisible();
    }
    await expect(werkbak.status.getByRole('option')).toHaveText(['Alle statussen', ...STATUSSEN]);
    await expect(werkbak.onderwerp.getByRole('option').first()).toHaveText('Alle onderwerpen');

    // The new melding is the newest, so it is on top.
    await expect(werkbak.eersteReferentie()).toHaveText(bewijs.referentie);
    const rij = werkbak.rijVan(bewijs.referentie);
    await expect(rij).toHaveCount(1);
    await expect(werkbak.cel(rij, await werkbak.kolomIndex('Status'))).toHaveText('Ontvangen');
    await expect(werkbak.cel(rij, await werkbak.kolomIndex('Onderwerpen'))).toContainText('Voeding');
    await expect(werkbak.cel(rij, await werkbak.kolomIndex('Opvang'))).toContainText(naamOpvang);

    // Filter on status "Ontvangen".
    await werkbak.filter({ status: 'Ontvangen' });
    await expect(page).toHaveURL(
      (url) => url.pathname === '/werkbak' && url.searchParams.get('status') === 'ontvangen',
    );
    await expect(werkbak.status).toHaveValue('ontvangen');
    await expect
      .poll(async () => {
        const statussen = await werkbak.kolomTeksten('Status');
        return statussen.length > 0 && statussen.every((s) => s === 'Ontvangen');
      }, { message: 'alle rijen hebben status Ontvangen' })
      .toBe(true);
    await expect(werkbak.eersteReferentie()).toHaveText(bewijs.referentie);

    // Open the melding.
    await werkbak.referentieLink(werkbak.rijVan(bewijs.referentie)).click();
    const melding = new MeldingPage(page);
    await melding.verwachtGeopend(bewijs.referentie);
    await expect(melding.sectie('Wat er gebeurde')).toContainText(omschrijving);
    await expect(melding.sectie('Opvang')).toContainText(naamOpvang);
    await expect(melding.sectie('Melder')).toContainText('Sofie Testouder');
    await expect(melding.sectie('Tijdlijn')).toContainText('Melding ontvangen via webformulier.');

    // Log out: back at the login page, and the werkbak is closed again.
    await werkbak.goto();
    await werkbak.meldAf();
    await expect(login.kop).toBeVisible();
    await page.goto('/werkbak');
    await verwachtDoorgestuurdNaarLogin(page, '/werkbak');
  });

  test('"Volgende pagina" toont de volgende 25 meldingen', async ({ page }) => {
    const werkbak = await meldAanOpWerkbak(page);

    await expect(werkbak.rijen).toHaveCount(25);
    const eerstePagina = await werkbak.rijen.getByRole('link', { name: REFERENTIE_PATROON }).allInnerTexts();
    expect(eerstePagina).toHaveLength(25);
    const urlVoor = page.url();

    await werkbak.volgendePagina.click();
    await expect(page).not.toHaveURL(urlVoor);
    await expect(werkbak.eersteReferentie()).not.toHaveText(eerstePagina[0]);

    const tweedePagina = await werkbak.rijen.getByRole('link', { name: REFERENTIE_PATROON }).allInnerTexts();
    expect(tweedePagina.length).toBeGreaterThan(0);
    const overlap = tweedePagina.filter((r) => eerstePagina.includes(r));
    expect(overlap, 'geen melding op beide pagina\'s').toEqual([]);
  });

  test('filteren op onderwerp toont alleen meldingen over dat onderwerp', async ({ page }) => {
    const werkbak = await meldAanOpWerkbak(page);

    await werkbak.filter({ onderwerp: 'Voeding' });
    await expect(page).toHaveURL((url) => (url.searchParams.get('onderwerp') ?? '') !== '');
    await expect
      .poll(async () => {
        const onderwerpen = await werkbak.kolomTeksten('Onderwerpen');
        return onderwerpen.length > 0 && onderwerpen.every((o) => o.includes('Voeding'));
      }, { message: 'alle rijen gaan over Voeding' })
      .toBe(true);
  });

  test('na aanmelden kom je op de pagina die je wou openen', async ({ page }) => {
    const melden = new MeldenPage(page);
    const bewijs = await melden.dienMeldingIn(geldigeMelding({ omschrijving: uniekeOmschrijving('volgende') }));

    await page.goto(`/meldingen/${bewijs.referentie}`);
    await verwachtDoorgestuurdNaarLogin(page, `/meldingen/${bewijs.referentie}`);

    await new LoginPage(page).meldAanAlsDemo();
    await new MeldingPage(page).verwachtGeopend(bewijs.referentie);
  });
});
