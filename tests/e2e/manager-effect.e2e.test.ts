/**
 * Issue 6: a manager asks whether the mentor made the difference and reads the answer in Danish, with
 * the balance table, overlap plot and caveat, on simulated registers with a known +20-point effect.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSimulatedRegisters } from '../../src/db/test-fixtures/seed-simulated-registers.ts';
import { logIn, openDemo, seriousAccessibilityViolations, type DemoSession } from './browser.ts';

describe('manager reads the effect of mentor support', () => {
  let demo: DemoSession;
  let page: Page;
  beforeAll(async () => {
    demo = await openDemo();
    page = demo.page;
    const [m] = await demo.server.db.query<{ id: number }>('select id from municipalities order by id limit 1');
    const [mentor] = await demo.server.db.query<{ id: number }>('select id from mentors order by id limit 1');
    await seedSimulatedRegisters(demo.server.db, { municipalityId: m!.id, mentorId: mentor!.id });
  });
  afterAll(async () => {
    await demo?.close();
  });

  it('runs the analysis and shows the estimate in words, balance, overlap and caveat', async () => {
    await logIn(page, demo.server.url, 'lars');
    await page.getByRole('link', { name: 'Effekt' }).click();
    await page.getByLabel('Første start fra').fill('2015-01-01');
    await page.getByLabel('Første start til').fill('2015-06-30');
    await page.getByRole('button', { name: 'Beregn' }).click();
    const sentence = page.getByText(/Borgere med mentor var [\d,]+ procentpoint oftere i job efter 7 måneder/);
    await sentence.waitFor({ timeout: 60_000 });
    expect(await page.locator('figure.chart svg').count()).toBe(4);
    expect(await page.textContent('main')).toContain('Hvad tallet ikke kan vise');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
