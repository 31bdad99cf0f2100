/**
 * Issue 14, "Done when": choosing a mentor and saving a legal regime ask once more in an accessible dialog
 * ("Annullér" changes nothing, the confirming button acts); an overlapping grant of the same type is refused
 * (R-DUR-4, naming the other grant); the admin finds a citizen's accesses in the access log by CPR number and
 * exports them as CSV; a page the user's role may not see (403) and one that does not exist (404) each have a
 * heading, a way back and their own title. axe-core finds no serious or critical violation on these pages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { visibleTextProblems } from '../../src/web/app/visible-text-problems.ts';
import { logIn, seriousAccessibilityViolations, useDemoSession } from './browser.ts';

describe('confirmations, an overlapping grant, the access log and the error pages', () => {
  const demo = useDemoSession();
  const { page } = demo;

  const dialog = () => page.getByRole('alertdialog', { name: 'Er du sikker?' });
  const asUser = async (username: string) => {
    await page.context().clearCookies();
    await logIn(page, demo.server.url, username);
    await page.locator('main h1').first().waitFor();
  };

  it('asks before choosing a mentor: "Annullér" keeps the mentor, "Ja, vælg" chooses the new one', async () => {
    const [grant] = await demo.server.db.query<{ id: number; mentor_id: number | null }>(
      `select id, mentor_id from grants where status = 'approved' and actual_end_date is null order by id limit 1`,
    );
    const mentorOf = async () =>
      (await demo.server.db.query<{ mentor_id: number | null }>('select mentor_id from grants where id = $1', [grant!.id]))[0]!.mentor_id;
    await asUser('sara');
    await page.goto(`${demo.server.url}/#/grants/${grant!.id}`);
    await page.getByText('Forslag til mentor').click();
    await page.getByLabel('Begrundelse for valget').fill('Erfaring med unge og kan mødes i hjemmet');
    // The first mentor proposed who is not the grant's mentor today.
    const [current] = await demo.server.db.query<{ name: string | null }>(
      'select m.name from grants g left join mentors m on m.id = g.mentor_id where g.id = $1',
      [grant!.id],
    );
    const choose = page
      .getByRole('button', { name: /^Vælg / })
      .filter({ hasNotText: `Vælg ${current!.name ?? '∅'}` })
      .first();
    await choose.waitFor();
    const chosenName = ((await choose.textContent()) ?? '').replace(/^Vælg /, '');

    await choose.click();
    await dialog().waitFor();
    expect(await dialog().textContent()).toContain(chosenName);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog().getByRole('button', { name: 'Annullér' }).click();
    await dialog().waitFor({ state: 'hidden' });
    expect(await mentorOf()).toBe(grant!.mentor_id);

    await choose.click();
    await dialog().getByRole('button', { name: 'Ja, vælg' }).click();
    await expect.poll(mentorOf).not.toBe(grant!.mentor_id);
    const [chosen] = await demo.server.db.query<{ name: string }>('select name from mentors where id = $1', [await mentorOf()]);
    expect(chosen!.name).toBe(chosenName);
    await page.locator('dl.facts').getByText(chosenName, { exact: true }).waitFor();
  });

  it('refuses an overlapping grant of the same type, naming the other grant (R-DUR-4)', async () => {
    const [other] = await demo.server.db.query<{ id: number; citizen_id: number; start_date: string; end_date: string }>(
      `select id, citizen_id, start_date::text, end_date::text from grants
        where status = 'approved' and type = 'GENERAL' and start_date >= '2020-01-01' order by id limit 1`,
    );
    await page.goto(`${demo.server.url}/#/grants/new?citizenId=${other!.citizen_id}`);
    await page.getByRole('heading', { name: 'Ny mentorbevilling' }).waitFor();
    await page.getByLabel('Aftaledato').fill(other!.start_date);
    await page.getByLabel('Type mentorstøtte').selectOption('GENERAL');
    await page.getByLabel('Startdato').fill(other!.start_date);
    await page.getByLabel('Slutdato (inklusive)').fill(other!.end_date);
    await page.getByLabel('Målet med mentorstøtten').fill('Samme støtte igen');
    await page.getByRole('button', { name: 'Gem som kladde' }).click();
    await page.getByRole('button', { name: 'Godkend' }).click();
    await dialog().getByRole('button', { name: 'Ja, godkend' }).click();
    const refusal = page.getByRole('alert').locator('[data-rule="R-DUR-4"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`bevilling nr. ${other!.id}`);
    // The other grant is one click away.
    expect(await refusal.getByRole('link', { name: `bevilling nr. ${other!.id}` }).getAttribute('href')).toBe(`#/grants/${other!.id}`);
    // Still a draft: nothing was approved twice.
    expect(await page.getByText('Kladde', { exact: true }).count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('asks before saving a legal regime: "Annullér" saves nothing, "Ja, gem reglerne" saves', async () => {
    const updates = async () =>
      (
        await demo.server.db.query<{ n: number }>(
          `select count(*)::int as n from audit_log where entity = 'legal_regime' and action = 'update' and criterion like 'regime:LAB-2020%'`,
        )
      )[0]!.n;
    const before = await updates();
    await asUser('admin');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Regelsæt' }).click();
    const card = page.locator('details', { has: page.locator('summary strong', { hasText: /^LAB-2020$/ }) });
    await card.locator('summary').click();
    await card.getByRole('button', { name: 'Gem', exact: true }).click();
    await dialog().waitFor();
    expect(await dialog().textContent()).toContain('LAB-2020');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog().getByRole('button', { name: 'Annullér' }).click();
    await dialog().waitFor({ state: 'hidden' });
    expect(await card.getByText('Gemt.').count()).toBe(0);
    expect(await updates()).toBe(before);

    await card.getByRole('button', { name: 'Gem', exact: true }).click();
    await dialog().getByRole('button', { name: 'Ja, gem reglerne' }).click();
    await card.getByText('Gemt.').waitFor();
    expect(await updates()).toBe(before + 1);
  });

  it('finds a citizen’s accesses in the access log by CPR number and exports them as CSV', async () => {
    const [jonas] = await demo.server.db.query<{ id: number; cpr: string }>(`select id, cpr from citizens where name = 'Jonas Holm'`);
    const [count] = await demo.server.db.query<{ n: number }>('select count(*)::int as n from audit_log where citizen_id = $1', [
      jonas!.id,
    ]);
    expect(count!.n).toBeGreaterThan(0);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Adgangslog' }).click();
    await page.getByRole('heading', { name: 'Adgangslog', level: 1 }).waitFor();
    await page.getByLabel('CPR-nummer').fill(`${jonas!.cpr.slice(0, 6)}-${jonas!.cpr.slice(6)}`);
    await page.getByRole('button', { name: 'Vis adgange' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Adgange i alt' });
    await status.waitFor();
    // Every access to Jonas so far (reading the log is itself logged, so there may be one more).
    const [after] = await demo.server.db.query<{ n: number }>('select count(*)::int as n from audit_log where citizen_id = $1', [
      jonas!.id,
    ]);
    const shown = Number(/Adgange i alt: ([\d.]+)/.exec((await status.textContent()) ?? '')![1]!.replaceAll('.', ''));
    expect(shown).toBeGreaterThanOrEqual(count!.n);
    expect(shown).toBeLessThanOrEqual(after!.n);
    expect(page.url()).not.toContain(jonas!.cpr.slice(6));
    const rows = page.locator('main table tbody tr');
    expect(await rows.count()).toBe(Math.min(50, shown));
    for (const id of await rows.locator('td:nth-child(4)').allTextContents()) expect(id).toBe(String(jonas!.id));
    const actions = await rows.locator('td:nth-child(3)').allTextContents();
    expect(actions.join(' ')).toMatch(/Læst|Søgning|Oprettet|Ændret/);
    expect(actions.join(' ')).not.toMatch(/\b(read|search|create|update)\b|entity:/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Hent som CSV (indsigtsanmodning)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`adgangslog-${jonas!.id}.csv`);
    const csv = readFileSync((await file.path())!, 'utf8')
      .replace('\uFEFF', '')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('Tidspunkt;Bruger;Handling;Oplysning;Formål');
    expect(csv.length - 1).toBeGreaterThanOrEqual(shown);
    for (const line of csv.slice(1)) expect(line).toMatch(/^\d{2}\.\d{2}\.\d{4} kl\. \d{2}\.\d{2};/);
    expect(csv.join('\n')).not.toContain(jonas!.cpr);
    // The citizen reads it: Danish names of actions and what they concerned, no internal codes.
    expect(visibleTextProblems(csv.slice(1).join('\n'))).toEqual([]);
  });

  it('shows a page the role may not see, and one that does not exist, with a heading, a way back and a title', async () => {
    // Lars (manager) sees no citizen data: the citizen list and a citizen are closed to him.
    await asUser('lars');
    for (const address of ['#/citizens', '#/citizens/1', '#/audit']) {
      await page.goto(`${demo.server.url}/${address}`);
      await page.getByRole('heading', { name: 'Du har ikke adgang til siden', level: 1 }).waitFor();
      await page.waitForFunction(() => document.title === 'Du har ikke adgang til siden – Mentorspor');
      expect(await page.getByRole('link', { name: 'Tilbage til forsiden' }).count()).toBe(1);
    }
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Tilbage til forsiden' }).click();
    await page.getByRole('heading', { name: /Velkommen/, level: 1 }).waitFor();
    await page.waitForFunction(() => document.title.startsWith('Velkommen'));

    // Mads (mentor) opens a grant that is not his, and a grant that does not exist: both "not found".
    await asUser('mads');
    const [notHis] = await demo.server.db.query<{ id: number }>(
      `select g.id from grants g where g.mentor_id is distinct from (select mentor_id from users where username = 'mads') order by g.id limit 1`,
    );
    for (const address of [`#/grants/${notHis!.id}`, '#/grants/999999', '#/findes-ikke']) {
      await page.goto(`${demo.server.url}/${address}`);
      await page.getByRole('heading', { name: 'Siden findes ikke', level: 1 }).waitFor();
      await page.waitForFunction(() => document.title === 'Siden findes ikke – Mentorspor');
      expect(await page.getByRole('link', { name: 'Tilbage til forsiden' }).count()).toBe(1);
    }
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
