// Public side: a parent follows their melding with the reference and code, and adds information.
import { expect, test } from '@playwright/test';
import { uniekeOmschrijving } from './fixtures';
import { verwachtGeenErnstigeToegankelijkheidsfouten } from './axe';
import { MeldenPage, geldigeMelding } from './pages/MeldenPage';
import { OpvolgenPage } from './pages/OpvolgenPage';

test.describe('Uw melding volgen', () => {
  test('met referentie en code ziet de ouder de stand van zaken en kan iets toevoegen', async ({ page }) => {
    const melden = new MeldenPage(page);
    const bewijs = await melden.dienMeldingIn(geldigeMelding({ omschrijving: uniekeOmschrijving('opvolgen') }));

    const opvolgen = new OpvolgenPage(page);
    await opvolgen.goto();
    await verwachtGeenErnstigeToegankelijkheidsfouten(page, 'opvolgen');

    // A wrong code: one plain message, the reference stays filled in.
    await opvolgen.open(bewijs.referentie, 'AAAAA-AAAAA-AAAAA-AAAAA');
    await expect(opvolgen.fout).toContainText('Deze combinatie van referentie en code kennen we niet.');
    await expect(opvolgen.referentie).toHaveValue(bewijs.referentie);

    // The right code, typed in lower case.
    await opvolgen.open(bewijs.referentie, bewijs.opvolgcode.toLowerCase());
    await expect(opvolgen.kop).toHaveText(`Uw melding ${bewijs.referentie}`);
    await expect(opvolgen.status).toHaveText('Ontvangen');
    await expect(page.getByText('Nog geen berichten.')).toBeVisible();
    await verwachtGeenErnstigeToegankelijkheidsfouten(page, 'opvolgen-overzicht');

    await opvolgen.aanvulling.fill('Het gebeurde ook op maandag rond vier uur.');
    await opvolgen.toevoegen.click();
    await expect(page.getByRole('status')).toContainText('Bedankt, uw aanvulling is toegevoegd');
    await expect(page.getByText('Het gebeurde ook op maandag rond vier uur.')).toBeVisible();
  });
});
