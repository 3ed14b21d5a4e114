// A case worker handles a melding from intake to closing in the browser, and a save based on an
// old version is refused without losing what was typed.
import { expect, test } from '@playwright/test';
import { verwachtGeenErnstigeToegankelijkheidsfouten } from './axe';
import { DEMO_JURIST, DEMO_PASSWORD, uniekeOmschrijving } from './fixtures';
import { BehandelingPanel } from './pages/BehandelingPanel';
import { LoginPage } from './pages/LoginPage';
import { MeldenPage, geldigeMelding } from './pages/MeldenPage';
import { MeldingPage } from './pages/MeldingPage';
import { WerkbakPage } from './pages/WerkbakPage';

test.describe('Behandeling van een melding', () => {
  test('van ontvangst tot afsluiten, met het antwoord van een jurist op de tijdlijn', async ({ page, browser }) => {
    // The whole life cycle with two users (two password hashes): ~20 s on a quiet machine, more
    // than the default 30 s when the machine is busy.
    test.slow();
    const omschrijving = uniekeOmschrijving('behandeling');
    const bewijs = await new MeldenPage(page).dienMeldingIn(geldigeMelding({ omschrijving, naam: 'Nora Ouder' }));

    const login = new LoginPage(page);
    await login.goto();
    await login.meldAanAlsDemo();
    const werkbak = new WerkbakPage(page);
    await werkbak.goto();
    await werkbak.weergave('Niet toegewezen');
    await werkbak.filter({ zoek: bewijs.referentie });
    await expect(werkbak.rijen).toHaveCount(1);
    await verwachtGeenErnstigeToegankelijkheidsfouten(page);
    await werkbak.referentieLink(werkbak.rijVan(bewijs.referentie)).click();
    const melding = new MeldingPage(page);
    await melding.verwachtGeopend(bewijs.referentie);

    const b = new BehandelingPanel(page);
    await b.open('In behandeling nemen');
    await verwachtGeenErnstigeToegankelijkheidsfouten(page);
    expect(await b.aangeboden()).toEqual(['Toewijzen', 'In behandeling nemen', 'Doorverwijzen', 'Onontvankelijk verklaren']);
    await b.zet('In behandeling nemen', async (f) => f.getByLabel('per e-mail').check());
    await expect(b.tijdlijn).toContainText('Status gewijzigd naar In behandeling. Ontvangstbevestiging: per e-mail.');
    await expect(b.kenmerk('Behandelaar')).not.toHaveText('Nog niet toegewezen');

    await b.contactmoment('Telefoon', 'uitgaand', 'de organisator', 'Verantwoordelijke bevestigt het voorval.');

    // Ask the jurists, sharing only the description.
    const advies = await b.open('Advies vragen');
    await advies.getByLabel('Aan wie').selectOption({ label: 'Elke jurist' });
    await advies.getByLabel('Uw vraag').fill('Is dit een inbreuk op de vergunningsvoorwaarden?');
    // A week from today in Brussels, as the app counts (UTC's date differs around midnight).
    const overEenWeek = new Date(Date.now() + 7 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });
    await advies.getByLabel('Antwoord graag tegen').fill(overEenWeek);
    await advies.getByLabel('De omschrijving van de melding').check();
    await advies.getByRole('button', { name: 'Advies vragen' }).click();
    await expect(b.tijdlijn).toContainText('Advies gevraagd aan de jurist');
    await expect(page.getByRole('row', { name: /Advies van de jurist/ })).toContainText('nog 7 dagen');

    // The jurist answers on a page that shows the description but not the reporter.
    const jurist = await (await browser.newContext()).newPage();
    const juristLogin = new LoginPage(jurist);
    await juristLogin.goto();
    await juristLogin.meldAan(DEMO_JURIST, DEMO_PASSWORD);
    await jurist.goto('/advies');
    await jurist.getByRole('link', { name: 'Is dit een inbreuk op de vergunningsvoorwaarden?' }).first().click();
    await expect(jurist.getByRole('heading', { level: 1 })).toContainText(bewijs.referentie);
    await expect(jurist.locator('main')).toContainText(omschrijving);
    await expect(jurist.locator('main')).not.toContainText('Nora Ouder');
    await verwachtGeenErnstigeToegankelijkheidsfouten(jurist);
    await jurist.getByLabel('Antwoord', { exact: true }).fill('Ja, toezicht is een vergunningsvoorwaarde.');
    await jurist.getByRole('button', { name: 'Antwoord versturen' }).click();
    await expect(jurist.locator('main')).toContainText('Ja, toezicht is een vergunningsvoorwaarde.');
    // The jurist cannot open the case itself.
    const poging = await jurist.goto(`/meldingen/${bewijs.referentie}`);
    expect(poging?.status()).toBe(403);
    await jurist.context().close();

    await page.reload();
    await expect(b.tijdlijn).toContainText('Antwoord van Demo Jurist (jurist)');
    await expect(b.tijdlijn).toContainText('Telefoon, uitgaand, met de organisator');

    await b.zet('Wachten op informatie', async (f) => {
      await f.getByLabel('de melder').check();
      await f.getByLabel('Welke informatie, en waarom?').fill('Op welke dag precies?');
    });
    await expect(page.getByRole('row', { name: /Uitkomst aan de melder/ })).toContainText('gepauzeerd');
    await b.zet('Informatie ontvangen, verder behandelen', async (f) =>
      f.getByLabel('Wat kwam er binnen?').fill('De melder mailde de datum.'),
    );

    // A conclusion without explanation is refused next to the field; the choice stays.
    await b.zet('Conclusie vastleggen', async (f) => f.getByLabel('Deels gegrond').check());
    const conclusie = b.stap('Conclusie vastleggen');
    await expect(conclusie.locator('.veldfout')).toHaveText('Vul dit in.');
    await expect(conclusie.getByLabel('Deels gegrond')).toBeChecked();
    await conclusie.getByLabel(/^Conclusie: wat stelde u vast/).fill('Het toezicht ontbrak even; de organisator past de planning aan.');
    await conclusie.getByRole('button', { name: 'Conclusie vastleggen' }).click();
    await expect(b.kenmerk('Conclusie')).toContainText('Deels gegrond');

    await b.zet('Afsluiten', async (f) => f.getByLabel('per brief').check());
    await expect(page.locator('dl.kenmerken').first()).toContainText('Afgesloten');
    await expect(b.tijdlijn).toContainText('Uitkomst aan de melder verstuurd per brief.');
    expect(await b.aangeboden()).toEqual(['Heropenen']);
  });

  test('een stap op een verouderde versie wordt geweigerd en de tekst blijft staan', async ({ browser }) => {
    const eerste = await browser.newPage();
    const bewijs = await new MeldenPage(eerste).dienMeldingIn(geldigeMelding({ omschrijving: uniekeOmschrijving('versie') }));
    const login = new LoginPage(eerste);
    await login.goto();
    await login.meldAanAlsDemo();
    await new MeldingPage(eerste).goto(bewijs.referentie);

    // A colleague (a second session) takes a step first.
    const tweede = await browser.newPage();
    const login2 = new LoginPage(tweede);
    await login2.goto();
    await login2.meldAanAlsDemo();
    await new MeldingPage(tweede).goto(bewijs.referentie);
    await new BehandelingPanel(tweede).zet('In behandeling nemen', async (f) => f.getByLabel('per telefoon').check());

    // The first page still shows the old version.
    const b = new BehandelingPanel(eerste);
    await b.zet('Onontvankelijk verklaren', async (f) =>
      f.getByLabel('Waarom is de melding onontvankelijk?').fill('Gaat over een school, niet over kinderopvang.'),
    );
    await expect(b.weigering).toContainText('Iemand anders wijzigde deze melding');
    await expect(b.weigering).toContainText('Status gewijzigd naar In behandeling');
    await expect(eerste.getByLabel('Uw tekst (niet bewaard, kopieer hem gerust)')).toHaveValue(
      'Gaat over een school, niet over kinderopvang.',
    );
    await eerste.close();
    await tweede.close();
  });
});
