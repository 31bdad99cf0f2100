/**
 * Issues 6 and 15: the manager Lars asks whether the mentor made the difference, on simulated registers
 * with a known effect (about +20 points on jobs from month 4, +30 under 30, none before the start). He reads
 * the answer in Danish only (no English word, no code name on the page), with the month-by-month chart, the
 * placebo, the effect over time and for whom; then leaves the page, reopens the saved analysis without
 * rerunning it and downloads its PDF for the city council.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedSimulatedRegisters } from '../../src/db/test-fixtures/seed-simulated-registers.ts';
import { pdfText } from '../../src/documents/test-pdf-text.ts';
import { logIn, seriousAccessibilityViolations, useDemoSession } from './browser.ts';

/** English words the estimator used to leak onto the page, and the shapes of code names. */
const englishWords =
  /\b(the|and|of|is|not|with|without|effect|matching|matched|treated|controls?|warning|propensity|significant|imbalance|remains|score|outcome|sensitivity|employment|education)\b/i;
const codeNames = /\b[a-z]+[A-Z][A-Za-z]*\d*\b|\b[a-z]+_[a-z_]+\b|\b[a-zA-Z]+=[a-z_]+\b/;

describe('manager reads the effect of mentor support', () => {
  const demo = useDemoSession();
  const { page } = demo;
  beforeAll(async () => {
    const [m] = await demo.server.db.query<{ id: number }>('select id from municipalities order by id limit 1');
    const [mentor] = await demo.server.db.query<{ id: number }>('select id from mentors order by id limit 1');
    await seedSimulatedRegisters(demo.server.db, { municipalityId: m!.id, mentorId: mentor!.id });
  });

  it('runs the analysis and reads it in Danish: the sentence, the charts with axes, placebo, horizons, subgroups and context', async () => {
    await logIn(page, demo.server.url, 'lars');
    await page.getByRole('link', { name: 'Effekt' }).click();
    // The simulated citizens' mentors all started on 2 Mar 2015 (the demo's own courses start on other days).
    await page.getByLabel('Første start fra').fill('2015-03-02');
    await page.getByLabel('Første start til').fill('2015-03-02');
    await page.getByRole('button', { name: 'Beregn' }).click();
    const sentence = page.getByText(/Borgere med mentor kom oftere i job efter 7 måneder: \+[\d,]+ procentpoint \([\d,]+ til [\d,]+\)/);
    await sentence.waitFor({ timeout: 60_000 });
    // Every detail unfolded, so the check below reads all of it.
    for (const details of await page.locator('main details').all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const text = await page.innerText('main');
    expect(text.match(englishWords)?.[0] ?? null).toBeNull();
    expect(text.match(codeNames)?.[0] ?? null).toBeNull();
    expect(text).toContain('Herkomst: ikke-vestlig');
    expect(text).toContain('Placebotest');
    expect(text).toContain('Grupperne var ens før starten');
    expect(text).toContain('Det skal du være opmærksom på');
    expect(text).toContain('For hvem virker det?');
    expect(text).toContain('Under 30 år');
    expect(text).toContain('STAR-forsøget');
    expect(text).toContain('Hvad tallet ikke kan vise');
    // Per outcome: the month-by-month chart and the overlap histogram, each with axis labels and a caption.
    expect(await page.locator('figure.chart svg').count()).toBe(8);
    expect(await page.locator('figure.chart figcaption').count()).toBe(8);
    expect(await page.locator('figure.chart svg text', { hasText: 'Måneder fra start' }).count()).toBe(4);
    expect(await page.locator('figure.chart svg text', { hasText: 'Sandsynlighed for at få mentor (0 til 1)' }).count()).toBe(4);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('reopens the saved analysis without rerunning it and downloads its PDF', async () => {
    await page.getByRole('link', { name: 'Forside' }).click();
    await page.getByRole('link', { name: 'Effekt' }).click();
    const saved = page.getByRole('region', { name: 'Gemte analyser' });
    await saved.getByRole('cell', { name: 'Lars Leder' }).waitFor();
    expect(await saved.locator('tbody tr').count()).toBe(1);
    expect(await saved.textContent()).toContain('02.03.2015 – 02.03.2015');
    expect(await page.getByText(/Borgere med mentor kom oftere i job/).count()).toBe(0);
    await saved.getByRole('button', { name: /^Åbn / }).click();
    await page.getByText(/Borgere med mentor kom oftere i job efter 7 måneder/).waitFor();
    expect(await page.getByRole('status').count()).toBe(0);

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Hent som PDF' }).click();
    const download = await downloadPromise;
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const words = (await pdfText(new Uint8Array(pdf))).replace(/\s+/g, ' ');
    expect(words).toMatch(/Borgere med mentor kom oftere i job efter 7 måneder/);
    expect(words).toContain('Lars Leder');
  });
});
