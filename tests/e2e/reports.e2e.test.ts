/**
 * Issue 5: a manager reads Copenhagen's table 4 for the demo municipality's 2014–15 cohort, switches
 * to the age report and can export it; a caseworker opens a cell to the citizens behind the figure.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logIn, seriousAccessibilityViolations, useDemoSession } from './browser.ts';

describe('reports of the Copenhagen and Hvidovre material', () => {
  const demo = useDemoSession();
  const { page } = demo;

  it('shows the status 7 months after the first course as table and chart, then age, with exports', async () => {
    await logIn(page, demo.server.url, 'lars');
    await page.getByRole('link', { name: 'Rapporter' }).click();
    await page.getByRole('heading', { name: 'Status 7 måneder efter start på første mentorforløb' }).waitFor();
    const main = (await page.textContent('main'))!;
    expect(main).toContain('Fortsat på kontant- eller uddannelseshjælp');
    expect(main).toContain('siger ikke, om det skyldtes mentorstøtten');
    expect(await page.locator('figure.chart svg rect').count()).toBeGreaterThan(4);
    // A manager sees no citizens: the cells are plain numbers, not buttons.
    expect(await page.locator('main table button').count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Alder', exact: true }).click();
    await page.getByRole('heading', { name: /Alder ved start på første mentorforløb/ }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Hele målgruppen' }).count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Hent Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/^mentorrapport-age-.*\.xlsx$/);
    await page.screenshot({ path: join(tmpdir(), 'mentorspor-reports.png'), fullPage: true });
  });

  it('lets a caseworker open a cell to the citizens behind it', async () => {
    await page.getByRole('button', { name: 'Log ud' }).click();
    await logIn(page, demo.server.url, 'sara');
    await page.getByRole('link', { name: 'Rapporter' }).click();
    await page.getByRole('heading', { name: 'Status 7 måneder efter start på første mentorforløb' }).waitFor();
    await page.getByRole('button', { name: /vis borgerne, Uddannelse, Under 30 år$/ }).click();
    await page.getByRole('heading', { name: /Borgerne bag tallet: Uddannelse · Under 30 år/ }).waitFor();
    await page.locator('main section[aria-live] li a').first().waitFor();
    expect(await page.locator('main section[aria-live] li').count()).toBeGreaterThanOrEqual(5);
    const violations = await seriousAccessibilityViolations(page);
    expect(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`)).toEqual([]);
  });
});
