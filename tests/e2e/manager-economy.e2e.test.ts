/**
 * Issue 4: a manager sees, on one page, spend against budget and refund frame with the forecast band,
 * and the page passes axe-core.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openDemo, seriousAccessibilityViolations, type DemoSession } from './browser.ts';

describe('manager economy page', () => {
  let demo: DemoSession;
  let page: Page;

  beforeAll(async () => {
    demo = await openDemo();
    page = demo.page;
  });
  afterAll(async () => {
    await demo?.close();
  });

  it('shows spend, forecast with band, budget and frame', async () => {
    await logIn(page, demo.server.url, 'lars');
    await page.getByRole('link', { name: 'Økonomi' }).click();
    await page.getByRole('heading', { name: /Økonomi/ }).waitFor();
    await page.getByText('Prognose for året').waitFor();
    expect(await page.locator('.chart svg path').count()).toBeGreaterThanOrEqual(3);
    expect(await page.textContent('main')).toContain('Budget ud over refusionsrammen');
    // Issue 14: the accounting table names each function code and its refund class in Danish.
    const accounting = page.getByRole('table', { name: 'Kontering' });
    expect(await accounting.textContent()).toMatch(/5\.68\.\d\d\.\d{3} \((inden for rammen|uden for rammen|ingen refusion)/i);
    expect(await accounting.textContent()).not.toMatch(/outside_frame|inside_frame/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), 'mentorspor-economy.png'), fullPage: true });
    // The invoice list: the demo's approved invoice and the one waiting on the worklist.
    await page.getByRole('link', { name: 'Fakturaer' }).click();
    await page.getByRole('heading', { name: 'Fakturaer' }).waitFor();
    const providerButtons = page.locator('main table button.link-button');
    expect(await providerButtons.count()).toBeGreaterThanOrEqual(2);
    await providerButtons.first().click();
    await page.getByRole('heading', { name: /^Faktura / }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
