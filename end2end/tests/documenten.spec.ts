// A case worker adds documents to a case with the plain upload form: a PDF is listed and downloads
// with the same bytes; an HTML file named .pdf and a file over 10 MB come back with a Dutch
// message next to the file field (the case page loads no script: this is the no-JS path too).
import { expect, test } from '@playwright/test';
import { verwachtGeenErnstigeToegankelijkheidsfouten } from './axe';
import { LoginPage } from './pages/LoginPage';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

test.describe('Documenten bij een melding', () => {
  test('een PDF toevoegen en downloaden; een vermomd of te groot bestand wordt geweigerd', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.meldAanAlsDemo();
    await page.goto('/werkbak?weergave=alle');
    await page.locator('table.werkbak a[href^="/meldingen/"]').first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Documenten' })).toBeVisible();

    const sectie = page.locator('#documenten');
    const voegToe = async (name: string, mimeType: string, buffer: Buffer) => {
      if ((await sectie.locator('details').getAttribute('open')) === null) {
        await sectie.locator('summary', { hasText: 'Document toevoegen' }).click();
      }
      await sectie.getByLabel('Bestand').setInputFiles({ name, mimeType, buffer });
      await sectie.locator('form').getByRole('button', { name: 'Document toevoegen' }).click();
    };

    // HTML dressed up as a PDF: refused on its content, the message next to the field.
    await voegToe('verslag.pdf', 'application/pdf', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'));
    await expect(sectie.locator('#fout-bestand')).toHaveText(/Dit soort bestand aanvaarden we niet\./);
    await expect(sectie.getByLabel('Bestand')).toHaveAttribute('aria-invalid', 'true');
    await verwachtGeenErnstigeToegankelijkheidsfouten(page, 'documenten: geweigerd bestand');

    // Over 10 MB: the browser gets the answer (413) with the message, not a broken connection.
    await voegToe('groot.pdf', 'application/pdf', Buffer.alloc(10 * 1000 * 1000 + 1, 0x61));
    await expect(sectie.locator('#fout-bestand')).toContainText('Dit bestand is te groot: hoogstens 10,0 MB.');

    // A real PDF: listed with a download link, on the timeline, and the same bytes come back.
    await voegToe('Verslag bezoek.pdf', 'application/pdf', PDF);
    const link = sectie.getByRole('link', { name: 'Verslag bezoek.pdf' });
    await expect(link).toBeVisible();
    await expect(page.locator('#tijdlijn')).toContainText('Document toegevoegd: Verslag bezoek.pdf (PDF, 65 bytes).');
    const download = page.waitForEvent('download');
    await link.click();
    const bestand = await download;
    expect(bestand.suggestedFilename()).toBe('Verslag bezoek.pdf');
    const stream = await bestand.createReadStream();
    const delen: Buffer[] = [];
    for await (const deel of stream) delen.push(deel as Buffer);
    expect(Buffer.concat(delen).equals(PDF)).toBe(true);
    await verwachtGeenErnstigeToegankelijkheidsfouten(page, 'documenten: lijst');
  });
});
