/**
 * Issue 4: a manager sees, on one page, spend against budget and refund frame with the forecast band,
 * and the page passes axe-core.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logIn, seriousAccessibilityViolations, useDemoSession } from './browser.ts';

describe('manager economy page', () => {
  const demo = useDemoSession();
  const { page } = demo;

  it('shows spend, forecast with band, budget and frame', async () => {
    await logIn(page, demo.server.url, 'lars');
    await page.getByRole('link', { name: 'Økonomi' }).click();
    await page.getByRole('heading', { name: /Økonomi/ }).waitFor();
    await page.getByText('Prognose for året').waitFor();
    expect(await page.locator('.chart svg path').count()).toBeGreaterThanOrEqual(3);
    expect(await page.textContent('main')).toContain('Budget ud over refusionsrammen');
    // Issue 14: the axis follows spend and forecast, so the spend line rises visibly (the demo's 2026 spend
    // is tens of thousands of kroner under a 10.2 M kr. budget, which sits off the scale as a marker).
    const spendLine = page.getByTestId('chart-spend-line');
    const box = await spendLine.boundingBox();
    const chartBox = await page.locator('.chart svg').boundingBox();
    expect(box && chartBox && box.height / chartBox.height).toBeGreaterThan(0.3);
    expect(await page.getByTestId('chart-off-scale').textContent()).toMatch(/Budget 10,2 mio\. kr\./);
    expect(await page.locator('.chart svg').textContent()).toMatch(/jan\..*mar\..*maj.*jul\..*sep\..*nov\./);
    // Every figure carries its one-line explanation; a 0 kr. frame says why refund may still appear.
    for (const figure of await page.locator('.kpis > div').all()) expect(await figure.locator('dd.kpi-note').count()).toBe(1);
    expect(await page.locator('[data-figure="refundFrame"] .kpi-note').textContent()).toContain('begrænser ikke refusion uden for rammen');
    // The 2026 ceiling card, and the frame form opened with the stored frame.
    await page.getByRole('heading', { name: 'Loft over udgifter (LAB § 203 a)' }).waitFor();
    await page.getByText('Ramme og budget for').click();
    await expect.poll(() => page.getByLabel('Budget (kr.)').inputValue()).toBe('10200000');
    expect(await page.getByLabel('Refusionsramme (kr.)').inputValue()).toBe('0');
    expect(await page.getByLabel('Fuldtidspersoner i § 6, nr. 1–10').inputValue()).toBe('2350');
    // On a 390 px phone the chart's text keeps its size (the drawing follows the box, not a fixed viewBox).
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(
        () =>
          page
            .locator('.chart svg text')
            .first()
            .evaluate((el) => el.getBoundingClientRect().height),
        { timeout: 10_000 },
      )
      .toBeGreaterThanOrEqual(11);
    await page.setViewportSize({ width: 1280, height: 900 });
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
    // The list is fetched after the heading renders: wait for its second row before counting.
    await providerButtons.nth(1).waitFor();
    expect(await providerButtons.count()).toBeGreaterThanOrEqual(2);
    await providerButtons.first().click();
    await page.getByRole('heading', { name: /^Faktura / }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
