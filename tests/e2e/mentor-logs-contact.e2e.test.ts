/**
 * Issue 3: a mentor logs a meeting from a phone (390 px wide viewport) on one of their own citizens'
 * grants; the contact appears in the log and axe-core finds no serious or critical violation.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openDemo, seriousAccessibilityViolations, type DemoSession } from './browser.ts';

describe('mentor logs a contact on a phone', () => {
  let demo: DemoSession;
  let page: Page;

  beforeAll(async () => {
    demo = await openDemo({ width: 390, height: 844 });
    page = demo.page;
  });
  afterAll(async () => {
    await demo?.close();
  });

  it('logs a physical meeting in a few taps', async () => {
    await logIn(page, demo.server.url, 'mads');
    await page.getByRole('heading', { name: 'Mine borgere' }).waitFor();
    await page.getByRole('heading', { name: 'Arbejdsliste' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Mads mentors Mikkel Ravn (ret-og-pligt, started two months ago).
    await page
      .locator('.grant-list')
      .getByRole('link', { name: /Mikkel Ravn/ })
      .click();
    await page.getByRole('button', { name: 'Registrér kontakt' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Minutter').fill('45');
    await page.getByLabel('Kort note').fill('Gåtur og snak om praktik');
    await page.getByLabel('Borgerens bekræftelse').selectOption('in_person');
    await page.getByRole('button', { name: 'Registrér kontakt' }).click();
    await page.getByText('Kontakten er registreret.').waitFor();
    await page.getByRole('cell', { name: 'Gåtur og snak om praktik' }).waitFor();
    await page.screenshot({ path: join(tmpdir(), 'mentorspor-contact-390.png'), fullPage: false });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    // No sideways scrolling of the page on a phone (wide tables scroll inside their own box).
    expect(width).toBeLessThanOrEqual(390);
  });
});
