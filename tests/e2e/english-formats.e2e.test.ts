/**
 * Issue 14: the pages follow the language the user chose. In English they show British dates
 * (03/12/2026), times (09:30), weeks ("week 45") and numbers (1,234); the agreement PDF, made for the
 * citizen, stays Danish. Switching back gives Danish formats again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../src/documents/test-pdf-text.ts';
import { logIn, seriousAccessibilityViolations, waitForQuietNetwork, useDemoSession } from './browser.ts';

const danishDate = /\b\d{2}\.\d{2}\.\d{4}\b/;
const britishDate = /\b\d{2}\/\d{2}\/\d{4}\b/;

describe('English pages in English formats', () => {
  const demo = useDemoSession();
  const { page } = demo;

  const mainText = async () => {
    await waitForQuietNetwork(page);
    return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  };

  it('shows British dates, times, weeks and numbers after the switch to English, and Danish ones after the switch back', async () => {
    const [grant] = await demo.server.db.query<{ id: number; citizen_id: number }>(
      `select g.id, g.citizen_id from grants g join contacts c on c.grant_id = g.id
        where g.status = 'approved' group by g.id order by count(*) desc limit 1`,
    );
    const [total] = await demo.server.db.query<{ n: number }>('select count(*)::int as n from citizens');
    await logIn(page, demo.server.url, 'sara');
    await page.locator('main h1').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Dansk' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // The citizen list: its total with a thousands comma, birth dates as 03/12/1985.
    await page.goto(`${demo.server.url}/#/citizens`);
    await page.getByText(`Showing 1–25 of ${total!.n.toLocaleString('en-GB')} citizens`).waitFor();
    const list = await mainText();
    expect(list).toMatch(britishDate);
    expect(list).not.toMatch(danishDate);

    // A grant: its period, the contact log's date-times (03/12/2026, 09:30) and the hours per week.
    await page.goto(`${demo.server.url}/#/grants/${grant!.id}`);
    await page.locator('main h1').waitFor();
    const grantPage = await mainText();
    expect(grantPage).toMatch(/\d{2}\/\d{2}\/\d{4} – (\d{2}\/\d{2}\/\d{4}|–)/);
    expect(grantPage).toMatch(/\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}/);
    expect(grantPage).not.toMatch(danishDate);
    expect(grantPage).not.toMatch(/kl\. \d{2}\.\d{2}/);
    // The delivery table in English too: its caption is the wizard's "Hours per week".
    const weeks = await page.locator('table:has(caption:text("Hours per week")) tbody tr td:first-child').allTextContents();
    expect(weeks.length).toBeGreaterThan(0);
    for (const week of weeks) expect(week).toMatch(/^week \d{1,2}( \d{4})?$/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The agreement PDF is the citizen's document: Danish, whatever the page's language.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /PDF/ }).first().click();
    const pdf = await pdfText(new Uint8Array(readFileSync((await (await download).path())!)));
    expect(pdf).toMatch(danishDate);
    expect(pdf).not.toMatch(britishDate);

    // Back to Danish: Danish formats again.
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('button', { name: 'English' }).waitFor();
    const danishPage = await mainText();
    expect(danishPage).toMatch(danishDate);
    expect(danishPage).not.toMatch(britishDate);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('da');
  });
});
