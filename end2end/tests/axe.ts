import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Rule sets checked: WCAG 2.0/2.1/2.2 level A and AA (the Flemish government's web standard). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Overtreding = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

const ERNSTIG = new Set(['serious', 'critical']);

function beschrijf(overtredingen: Overtreding[]): string {
  return overtredingen
    .map((v) => {
      const plekken = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n');
      return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${plekken}`;
    })
    .join('\n');
}

/**
 * Runs axe on the page as it is now and fails on any 'serious' or 'critical' violation.
 * The full result is attached to the test report. Needs JavaScript in the page (axe runs in it),
 * so use it in the project with JavaScript on only.
 */
export async function verwachtGeenErnstigeToegankelijkheidsfouten(
  page: Page,
  naam: string,
): Promise<void> {
  const resultaat = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  await test.info().attach(`axe-${naam}`, {
    body: JSON.stringify(resultaat.violations, null, 2),
    contentType: 'application/json',
  });
  const ernstig = resultaat.violations.filter((v) => v.impact && ERNSTIG.has(v.impact));
  expect(
    ernstig.map((v) => `${v.id} [${v.impact}]: ${v.help}`),
    `ernstige toegankelijkheidsfouten op ${naam}:\n${beschrijf(ernstig)}`,
  ).toEqual([]);
}
