/**
 * Issue 14: the admin corrects the municipal settings and sees a refused value explained at its field;
 * a coordinator edits a mentor; a manager uploads an invoice file with bad lines and sees each one in
 * Danish. axe-core finds no serious or critical violation on these pages.
 */
import { describe, expect, it } from 'vitest';
import { logIn, seriousAccessibilityViolations, useDemoSession } from './browser.ts';

describe('settings, mentors and invoice upload in the browser', () => {
  const demo = useDemoSession();
  const { page } = demo;
  const menu = (name: string) => page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name });

  it('the admin changes the settings; a value out of range is explained at its field', async () => {
    await logIn(page, demo.server.url, 'admin');
    await menu('Indstillinger').click();
    const threshold = page.getByLabel('Diskretioneringsgrænse (personer)');
    await threshold.waitFor();
    expect(await threshold.inputValue()).toBe('5');
    expect(await page.getByLabel('Fakturatolerance (% af registrerede timer)').inputValue()).toBe('10');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await threshold.fill('0');
    await page.getByLabel('Fakturatolerance (timer)').fill('0,25');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Skal være et helt tal fra 1 til 100.').waitFor();
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('setting-suppressionThreshold');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await threshold.fill('3');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Indstillingerne er gemt.').waitFor();
    const [row] = await demo.server.db.query<{ settings: Record<string, unknown> }>('select settings from municipalities limit 1');
    expect(row!.settings).toMatchObject({ suppressionThreshold: 3, invoiceToleranceHours: 0.25, invoiceToleranceShare: 0.1 });
    await page.getByRole('button', { name: 'Log ud' }).click();
  });

  it('a coordinator corrects a mentor', async () => {
    const [mentor] = await demo.server.db.query<{ id: number; name: string }>(
      'select id, name from mentors where active order by id limit 1',
    );
    await logIn(page, demo.server.url, 'kirsten');
    await menu('Mentorer').click();
    await page.getByRole('button', { name: `Ret ${mentor!.name}` }).click();
    await page.locator('#e-specialties').fill('misbrug, psykiatri');
    await page.locator('#e-capacity').fill('12');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText(`Mentoren er gemt. (${mentor!.name})`).waitFor();
    const [saved] = await demo.server.db.query<{ specialties: string[]; capacity: number }>(
      'select specialties, weekly_capacity_hours::float8 as capacity from mentors where id = $1',
      [mentor!.id],
    );
    expect(saved).toEqual({ specialties: ['misbrug', 'psykiatri'], capacity: 12 });
    await page.getByRole('button', { name: 'Log ud' }).click();
  });

  it('a manager uploads an invoice file and sees each bad line in Danish', async () => {
    await logIn(page, demo.server.url, 'lars');
    await menu('Fakturaer').click();
    await page.getByText('Indlæs faktura fra CSV-fil').click();
    const csv = [
      'invoice_number;provider_id;period_from;period_to;grant_id;line_from;line_to;hours;amount_kr',
      'F-77;1;2026-05-01;2026-05-31;1;2026-05-04;2026-05-10;ti;4.250,00',
      'F-77;1;2026-05-01;2026-05-31;1;04-05-2026;2026-05-10;2;850,00',
    ].join('\n');
    await page.getByLabel('Fakturafil (CSV)').setInputFiles({ name: 'faktura.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Indlæs faktura' }).click();
    await page.getByText('Linje 2: Timer (hours) skal være et tal, fx 4.250,00.').waitFor();
    await page.getByText('Linje 3: Linjens periode fra (line_from) skal være en dato skrevet ÅÅÅÅ-MM-DD, fx 2026-03-31.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
