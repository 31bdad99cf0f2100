/**
 * Issue 4: a manager sees, on one page, spend against budget and refund frame with the forecast band,
 * and the page passes axe-core.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMentorspor } from '../../src/start-mentorspor.ts';
import { launchBrowser, seriousAccessibilityViolations } from './browser.ts';

describe('manager economy page', () => {
  let server: Awaited<ReturnType<typeof startMentorspor>>;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startMentorspor({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'mentorspor-e2e-')), demo: true });
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows spend, forecast with band, budget and frame', async () => {
    await page.goto(server.url);
    await page.getByLabel('Brugernavn').fill('lars');
    await page.getByLabel('Adgangskode').fill('mentorspor');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('link', { name: 'Økonomi' }).click();
    await page.getByRole('heading', { name: /Økonomi/ }).waitFor();
    await page.getByText('Prognose for året').waitFor();
    expect(await page.locator('.chart svg path').count()).toBeGreaterThanOrEqual(3);
    expect(await page.textContent('main')).toContain('Budget ud over refusionsrammen');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), 'mentorspor-economy.png'), fullPage: true });
  });
});
