/**
 * Issue 13: the 2027 act is a draft until an admin confirms it. A caseworker sees on *Regelsæt* that its
 * rules are not confirmed and opens the list of running grants that change on 1 January 2027 (R-REG-3);
 * the admin confirms the act with its source (R-REG-2), after which it is no longer marked. Both pages
 * pass axe-core.
 */
import { describe, expect, it } from 'vitest';
import { logIn, seriousAccessibilityViolations, useDemoSession } from './browser.ts';

describe('the 2027 act: a draft until confirmed', () => {
  const demo = useDemoSession();
  const { page } = demo;

  const act2027 = () => page.locator('details', { has: page.getByText('ACT-2027', { exact: true }) });

  it('shows a caseworker that the 2027 rules are not confirmed, and what changes on 1 January 2027', async () => {
    await logIn(page, demo.server.url, 'sara');
    await page.getByRole('link', { name: 'Regelsæt' }).click();
    await page.getByRole('heading', { name: 'Regelsæt', level: 1 }).waitFor();
    await act2027().locator('.badge-draft', { hasText: 'ikke bekræftet' }).waitFor();
    // The caseworker cannot confirm; only an admin can.
    expect(await act2027().getByRole('button', { name: 'Bekræft reglerne' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await act2027()
      .getByRole('link', { name: /Se hvilke forløb der ændres/ })
      .click();
    await page.getByRole('heading', { name: 'Forløb der ændres den 01.01.2027', level: 1 }).waitFor();
    await page.getByText('ikke bekræftet').first().waitFor();
    const rows = page.locator('tbody tr');
    // The demo municipality has running grants that cross 1 January 2027: each row names the citizen,
    // the grant and the rule that changes it, in Danish.
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.first().locator('[data-rule]').first().getAttribute('data-rule')).toBe('R-REG-3');
    expect(await page.getByRole('table').textContent()).not.toMatch(/becomes_jobparat|mentor_right_abolished|GENERAL|RET_OG_PLIGT/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('lets the admin confirm the act with its source; then it is no longer marked as a draft', async () => {
    await page.context().clearCookies();
    await logIn(page, demo.server.url, 'admin');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Regelsæt' }).click();
    await page.getByRole('heading', { name: 'Regelsæt', level: 1 }).waitFor();
    const confirm = act2027().getByRole('button', { name: 'Bekræft reglerne' });
    await confirm.waitFor();
    expect(await confirm.isDisabled()).toBe(true);
    await act2027().getByLabel('Kilde (fx lov nr. og dato)').fill('Lov nr. 1234 af 20. december 2026');
    await confirm.click();
    // Confirming a regime cannot be undone here: it asks once more in a dialog (issue 14).
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, bekræft' }).click();
    await act2027().getByRole('button', { name: 'Bekræft reglerne' }).waitFor({ state: 'detached' });
    expect(await act2027().locator('.badge-draft').count()).toBe(0);
    // The regime before it now ends the day before.
    await page.getByText(/REFORM-2026a.*– 31\.12\.2026/).waitFor();
  });
});
