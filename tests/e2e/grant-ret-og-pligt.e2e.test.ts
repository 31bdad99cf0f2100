/**
 * Issue 2, "Done when": a caseworker logs in, grants a ret-og-pligt mentor, sees R-ROP-2 fire for a
 * 4-month period, saves it as a draft, is refused on approval, corrects the draft, approves, downloads
 * the agreement PDF and discards a second draft; axe-core finds no serious or
 * critical accessibility violation on the pages visited.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfAccessibility, pdfText } from '../../src/documents/test-pdf-text.ts';
import { logIn, seriousAccessibilityViolations, useDemoSession } from './browser.ts';

describe('caseworker grants a ret-og-pligt mentor in the browser', () => {
  const demo = useDemoSession();
  const { page } = demo;
  const axeFindings: Record<string, unknown[]> = {};
  let grantUrl = '';

  async function checkAccessibility(name: string) {
    const violations = await seriousAccessibilityViolations(page);
    axeFindings[name] = violations;
    if (violations.length > 0) console.error(name, JSON.stringify(violations, null, 2));
  }

  it('logs in, grants, sees R-ROP-2, fixes it, approves and downloads the agreement', async () => {
    // 24 Nov 2026: Sara logs in to Demo Kommune.
    await page.goto(demo.server.url);
    await checkAccessibility('login');
    await logIn(page, demo.server.url, 'sara');
    await page.getByRole('heading', { name: /Velkommen/ }).waitFor();
    await checkAccessibility('home');

    // She finds Jonas Holm, aktivitetsparat on cash benefit since 2014.
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Borgere', exact: true }).click();
    await page.getByLabel('Søg efter navn eller CPR-nummer').fill('Jonas');
    await page.getByRole('button', { name: 'Søg' }).click();
    await page.getByRole('link', { name: 'Jonas Holm' }).click();
    await page.getByRole('heading', { name: 'Jonas Holm' }).waitFor();
    await checkAccessibility('citizen');

    // 2 Mar 2015 (recorded afterwards): a ret-og-pligt mentor planned for only four months → R-ROP-2. The
    // type exists for agreements 2014–2019 only (R-REG-1), so the wizard offers it once the date is entered.
    await page.getByRole('link', { name: 'Bevilg mentorstøtte' }).click();
    await page.getByRole('heading', { name: 'Ny mentorbevilling' }).waitFor();
    await page.getByLabel('Aftaledato').fill('2015-02-23');
    await page.getByLabel('Type mentorstøtte').selectOption('RET_OG_PLIGT');
    await page.getByLabel('Startdato').fill('2015-03-02');
    await page.getByLabel('Slutdato (inklusive)').fill('2015-07-01');
    await page.getByLabel('Mentor', { exact: true }).selectOption({ label: 'Mads Mentor – Jobcentrets mentorteam' });
    await page.getByLabel('Målet med mentorstøtten').fill('Stabilitet og struktur i hverdagen, så Jonas kan deltage i et tilbud');
    await page.getByLabel('Mentors opgaver 1').fill('Ugentlige møder i hjemmet');
    await page.getByLabel('Konkret vurdering af behovet').fill('Angst og manglende struktur forhindrer aktuelt et ret og pligt-tilbud');
    await page.getByLabel('Dato for vurdering').fill('2015-02-23');
    // Complaint guidance is given, not assumed: the box starts unticked (issue 14).
    expect(await page.getByLabel('Klagevejledning er givet').isChecked()).toBe(false);
    await page.getByLabel('Klagevejledning er givet').check();
    const rulePanel = page.locator('#rule-panel');
    await rulePanel.locator('[data-rule="R-ROP-2"]').waitFor();
    expect(await rulePanel.textContent()).toContain('R-ROP-2');
    await checkAccessibility('wizard-with-finding');
    await page.screenshot({ path: join(tmpdir(), 'mentorspor-wizard.png'), fullPage: true });

    // She saves it as a draft anyway; approval asks once more, then is refused, citing R-ROP-2.
    await page.getByRole('button', { name: 'Gem som kladde' }).click();
    await page.getByRole('button', { name: 'Godkend' }).click();
    await page.getByRole('button', { name: 'Ja, godkend' }).click();
    await page.getByRole('alert').locator('[data-rule="R-ROP-2"]').waitFor();

    // She corrects the draft with the suggested 6-month end; the rule panel clears; now it is approved.
    await page.getByRole('link', { name: 'Ret kladde' }).click();
    await page.getByRole('heading', { name: 'Ret kladde til bevilling' }).waitFor();
    // The saved draft loads into the form.
    await expect.poll(() => page.getByLabel('Slutdato (inklusive)').inputValue(), { timeout: 15_000 }).toBe('2015-07-01');
    await page.getByLabel('Slutdato (inklusive)').fill('2015-09-01');
    await rulePanel.getByText('Ingen regler er overtrådt.').waitFor();
    expect(await rulePanel.locator('[data-rule="R-ROP-2"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Gem som kladde' }).click();
    await page.getByRole('button', { name: 'Godkend' }).click();
    await page.getByRole('button', { name: 'Ja, godkend' }).click();
    await page.getByText('Godkendt', { exact: true }).waitFor();
    await checkAccessibility('grant');

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Hent aftale som PDF' }).click();
    const download = await downloadPromise;
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Issue 14: the caseworker with the jobcentre's contact, date and signature lines, a tagged PDF.
    const pdfLines = await pdfText(new Uint8Array(pdf));
    expect(pdfLines).toContain('Din sagsbehandler\nSara Sagsbehandler, Jobcenter Demo Kommune\nTelefon: +45 70 12 34 56');
    expect(pdfLines).toContain('Dato Underskrift, borger (Jonas Holm)');
    expect(pdfLines).toContain('Dato Underskrift, sagsbehandler (Sara Sagsbehandler)');
    expect(await pdfAccessibility(new Uint8Array(pdf))).toMatchObject({ marked: true, hasStructTreeRoot: true, lang: 'da-DK' });
    grantUrl = page.url();

    await page.getByRole('link', { name: 'Vis aftale' }).click();
    await page.getByRole('heading', { name: 'Aftale om mentorstøtte' }).waitFor();
    expect(await page.textContent('main')).toContain('Klagevejledning');
    await checkAccessibility('agreement');

    // A second draft for the same weeks is refused by R-DUR-4 on approval; she discards it instead.
    await page.goBack();
    await page.getByRole('link', { name: '← Jonas Holm' }).click();
    await page.getByRole('link', { name: 'Bevilg mentorstøtte' }).click();
    await page.getByLabel('Aftaledato').fill('2015-02-23');
    await page.getByLabel('Startdato').fill('2015-03-02');
    await page.getByLabel('Slutdato (inklusive)').fill('2015-05-01');
    await page.getByLabel('Målet med mentorstøtten').fill('Dobbelt');
    await page.getByRole('button', { name: 'Gem som kladde' }).click();
    await page.getByRole('button', { name: 'Kassér kladde' }).click();
    await page.getByRole('button', { name: 'Ja, kassér' }).click();
    await page.getByRole('heading', { name: 'Jonas Holm' }).waitFor();
    expect(await page.getByText('Dobbelt').count()).toBe(0);

    expect(axeFindings).toEqual({ login: [], home: [], citizen: [], 'wizard-with-finding': [], grant: [], agreement: [] });
  });

  it('asks before ending the grant in an accessible dialog: focus inside, Escape cancels and returns focus, "Ja, afslut" ends it (issue 14)', async () => {
    expect(grantUrl).toContain('#/grants/');
    await page.goto(grantUrl);
    await page.getByText('Godkendt', { exact: true }).waitFor();
    await page.getByText('Afslut bevilling', { exact: true }).click();
    const endButton = page.getByRole('button', { name: 'Afslut', exact: true });
    await endButton.click();
    const dialog = page.getByRole('alertdialog', { name: 'Er du sikker?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Afslut bevillingen?');
    expect(await dialog.textContent()).toContain('01.09.2015');
    // Focus starts on the safe choice and stays inside the dialog.
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    const focusInDialog = () => page.evaluate(() => document.activeElement?.closest('dialog') !== null);
    expect(await focusedText()).toBe('Annullér');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInDialog()).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await focusInDialog()).toBe(true);
    const violations = await seriousAccessibilityViolations(page);
    expect(violations).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), 'mentorspor-end-grant-dialog.png') });
    // Escape cancels: nothing ended, focus back on the button that opened the dialog.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedText()).toBe('Afslut');
    expect(await page.getByText('Godkendt', { exact: true }).count()).toBe(1);
    // Confirming ends it.
    await endButton.click();
    await dialog.getByRole('button', { name: 'Ja, afslut' }).click();
    await page.getByText('Afsluttet', { exact: true }).waitFor();
  });
});
