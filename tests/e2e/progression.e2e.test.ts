/**
 * Issue 5 points 5–6: a mentor enters the citizen's progression answers on a phone (390 px) on their
 * own citizen's grant and sees first vs latest per indicator; a manager reads the cohort reports
 * "Progression og tilfredshed". axe-core finds no serious or critical violation on either page.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchBrowser, logIn, seriousAccessibilityViolations, useDemoSession } from './browser.ts';

describe('progression, satisfaction and attendance in the browser', () => {
  const demo = useDemoSession({ width: 390, height: 844 });

  it('lets a mentor record a measurement on a phone and shows it in the table', async () => {
    const page = demo.page;
    await logIn(page, demo.server.url, 'mads');
    await page.getByRole('heading', { name: 'Mine borgere', exact: true }).waitFor();
    // Mads mentors Mikkel Ravn (ret-og-pligt, started two months ago; baseline measured).
    await page
      .locator('.grant-list')
      .getByRole('link', { name: /Mikkel Ravn/ })
      .click();
    await page.getByRole('heading', { name: 'Progression' }).waitFor();
    await page.getByText(/Fremmøde:/).waitFor();
    await page.getByRole('button', { name: 'Gem måling' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const form = page.locator('.measurement-form');
    await form
      .getByRole('group', { name: /Jobsøgning/ })
      .getByRole('radio', { name: '5', exact: true })
      .check();
    await form.getByRole('button', { name: 'Gem måling' }).click();
    await page.getByText('Målingen er gemt.').waitFor();
    await page
      .getByRole('row', { name: /Jobsøgning/ })
      .getByText(/→ 5/)
      .first()
      .waitFor();
    await page.screenshot({ path: join(tmpdir(), 'mentorspor-progression-390.png'), fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  it('shows a manager the three cohort reports with suppressed cells', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await logIn(page, demo.server.url, 'lars');
      await page.getByRole('link', { name: 'Rapporter' }).click();
      await page.getByRole('link', { name: 'Progression og tilfredshed' }).click();
      await page.getByRole('heading', { name: 'Progression og tilfredshed', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Fremmøde' }).waitFor();
      await page.getByText(/ikke om den skyldes mentorstøtten/).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.screenshot({ path: join(tmpdir(), 'mentorspor-follow-up-report.png'), fullPage: true });
      await page.getByRole('link', { name: 'Måleredskaber og spørgsmål' }).click();
      await page.getByRole('heading', { name: /BIP-inspireret, egen formulering/ }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
