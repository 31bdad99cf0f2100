/**
 * Issue 3: a mentor logs a meeting from a phone (390 px wide viewport) on one of their own citizens'
 * grants; the contact appears in the log and axe-core finds no serious or critical violation.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMentorspor } from '../../src/start-mentorspor.ts';
import { launchBrowser, seriousAccessibilityViolations } from './browser.ts';

describe('mentor logs a contact on a phone', () => {
  let server: Awaited<ReturnType<typeof startMentorspor>>;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startMentorspor({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'mentorspor-e2e-')), demo: true });
    browser = await launchBrowser({ width: 390, height: 844 });
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('logs a physical meeting in a few taps', async () => {
    await page.goto(server.url);
    await page.getByLabel('Brugernavn').fill('mads');
    await page.getByLabel('Adgangskode').fill('mentorspor');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('heading', { name: 'Mine borgere' }).waitFor();
    await page.getByRole('heading', { name: 'Arbejdsliste' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Mads mentors Mikkel Ravn (ret-og-pligt, started two months ago).
    await page.locator('.grant-list').getByRole('link', { name: /Mikkel Ravn/ }).click();
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
