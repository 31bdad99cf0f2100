/**
 * Issue 14: on a 390 px phone the paged lists — the citizen list, the access log, the import history —
 * show each row as a card labelled with the column headings, like every other table: the page does not
 * scroll sideways and no word or number is broken mid-token. The pager and sorting still work.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logIn, seriousAccessibilityViolations, tablesOnPhone, waitForQuietNetwork, useDemoSession } from './browser.ts';

describe('paged lists on a phone', () => {
  const demo = useDemoSession({ width: 390, height: 844 });
  const { page } = demo;

  const fitsThePhone = async (name: string) => {
    await waitForQuietNetwork(page);
    const tables = await tablesOnPhone(page);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(`[issue 14] 390 px, ${name}: ${tables.cards} of ${tables.count} tables as cards, page ${pageWidth} px wide`);
    expect(tables.count).toBeGreaterThan(0);
    expect(tables.cards).toBe(tables.count);
    expect(tables.overflowing).toEqual([]);
    expect(tables.brokenWords).toEqual([]);
    expect(pageWidth).toBeLessThanOrEqual(390);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  };

  it('shows the citizen list as labelled cards, sortable and paged', async () => {
    await logIn(page, demo.server.url, 'sara');
    await page.goto(`${demo.server.url}/#/citizens`);
    await page.getByText(/^Viser 1–25 af/).waitFor();
    await fitsThePhone('citizen list');
    // Each card says what its values are: the column heading, without the sort arrow.
    const firstCard = page.locator('table.citizen-list tbody tr').first();
    expect(await firstCard.locator('td').nth(0).getAttribute('data-label')).toBe('Navn');
    expect(await firstCard.locator('td').nth(1).getAttribute('data-label')).toBe('CPR-nummer');
    // Sorting and paging are reachable on the phone though the heading row is hidden.
    await page.getByRole('button', { name: 'Fødselsdato' }).click();
    await page.getByText(/sorteret efter fødselsdato \(stigende\)/).waitFor();
    await page.getByRole('button', { name: 'Næste side' }).click();
    await page.getByText(/^Viser 26–50 af/).waitFor();
    await fitsThePhone('citizen list, page 2');
    await page.screenshot({ path: join(tmpdir(), 'mentorspor-citizen-list-390.png') });
  });

  it('shows the access log and the import history as cards', async () => {
    await page.context().clearCookies();
    await logIn(page, demo.server.url, 'admin');
    await page.goto(`${demo.server.url}/#/audit`);
    await page.getByRole('status').filter({ hasText: 'Adgange i alt' }).waitFor();
    await fitsThePhone('access log');
    // A small register extract, so the import history has a row.
    await page.goto(`${demo.server.url}/#/imports/register`);
    await page.getByLabel('Format').selectOption('wide');
    await page.getByLabel('Kodeoversættelse').selectOption('dst');
    await page.getByLabel('Registerudtræk (CSV)').setInputFiles({
      name: 'lille-udtraek-fra-en-anden-kommune.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('cpr;2030-W01;2030-W02\n0101011111;318;318\n'),
    });
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByText('Importen er gennemført.').waitFor({ timeout: 30_000 });
    await page.goto(`${demo.server.url}/#/imports/history`);
    await page.locator('table.import-history tbody tr').first().waitFor();
    await fitsThePhone('import history');
  });
});
