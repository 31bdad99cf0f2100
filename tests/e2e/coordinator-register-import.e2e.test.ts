/**
 * Issue 5: a coordinator uploads a register extract on the "Registerimport" page, sees a bad line with
 * its number in Danish (nothing stored), fixes it, and imports with the unverified DREAM template,
 * which the page flags.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { logIn, seriousAccessibilityViolations, useDemoSession } from './browser.ts';

describe('coordinator imports a register extract', () => {
  const demo = useDemoSession();
  const { page } = demo;
  let cprs: string[];
  beforeAll(async () => {
    cprs = (await demo.server.db.query<{ cpr: string }>('select cpr from citizens order by id limit 2')).map((r) => r.cpr);
  });

  async function upload(csv: string, mapping: string) {
    await page.getByLabel('Format').selectOption('wide');
    await page.getByLabel('Kodeoversættelse').selectOption(mapping);
    await page.getByLabel('Registerudtræk (CSV)').setInputFiles({ name: 'udtraek.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Start import' }).click();
  }

  it('shows a bad line with its number, then imports with the DREAM template and a warning', async () => {
    await logIn(page, demo.server.url, 'kirsten');
    await page.getByRole('link', { name: 'Registerimport' }).click();
    await upload(`cpr;2030-W01;2030-W02\n${cprs[0]};891;891\n${cprs[1]};891;999\n`, 'dream');
    await page.getByText("Linje 3: ukendt kode '999' i kodeoversættelsen dream").waitFor({ timeout: 30_000 });
    expect(await page.textContent('main')).toContain('intet blev gemt');

    await upload(`cpr;2030-W01;2030-W02\n${cprs[0]};891;891\n${cprs[1]};891;783\n`, 'dream');
    await page.getByText('Importen er gennemført.').waitFor({ timeout: 30_000 });
    expect(await page.textContent('main')).toContain('Kodeoversættelsen er ikke verificeret');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
