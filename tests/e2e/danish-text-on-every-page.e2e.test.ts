/**
 * Issue 14, "Done when": no page shows ISO dates, decimal points, English codes or request field paths to
 * a user, and an English page shows no Danish interface words. Each demo user (caseworker, mentor,
 * coordinator, manager, admin) walks every page they can reach, in Danish and then in English — the main
 * menu, then every in-app link on each page, one page per kind of address (`/grants/:id`) — with every
 * folded section opened, and the visible text is scanned. axe-core finds no serious or critical violation
 * on any page visited, and every page has its own title.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, seriousAccessibilityViolations, waitForQuietNetwork, useDemoSession, type DemoSession } from './browser.ts';
import { visibleTextProblems } from '../../src/web/app/visible-text-problems.ts';

const users = ['sara', 'mads', 'kirsten', 'lars', 'admin'] as const;
const languages = (process.env.MENTORSPOR_E2E_LANGUAGES ?? 'da,en').split(',') as ('da' | 'en')[];

describe('Danish text on every page, for every demo user', () => {
  const demo = useDemoSession();
  const { page } = demo;

  for (const language of languages) {
    for (const username of users) {
      it(
        `${username} (${language}): every page in the language's formats and words, without internal codes, accessible and titled`,
        { timeout: 300_000 },
        async () => {
          await page.context().clearCookies();
          // The login page is read in Danish; then the language is switched as the browser keeps it (localStorage).
          await page.goto(demo.server.url);
          await page.evaluate(() => localStorage.setItem('mentorspor.language', 'da'));
          await logIn(page, demo.server.url, username);
          // Logged in once the menu offers to log out (the login page has a heading of its own).
          await page.getByRole('button', { name: 'Log ud' }).waitFor();
          // The demo has no draft grant; the caseworker saves one, so its page and edit form are scanned too.
          const drafts = username === 'sara' ? await draftGrantPages(page, demo) : [];
          await page.evaluate((l) => localStorage.setItem('mentorspor.language', l), language);
          await page.reload();
          await page.locator('main h1').first().waitFor();
          const visited = await visitEveryPage(page, demo.server.url, language, drafts);
          console.log(`[issue 14] ${username} (${language}): ${visited.pages.length} pages scanned: ${visited.pages.join(' ')}`);
          console.log(`[issue 14] ${username} (${language}): ${visited.textProblems.length} text problems`);
          expect(visited.pages.length).toBeGreaterThan(3);
          expect(visited.textProblems).toEqual([]);
          expect(visited.accessibility).toEqual([]);
          expect(visited.untitled).toEqual([]);
        },
      );
    }
  }
});

/** The kind of page an address is: '#/grants/12?x=1' → '/grants/:id'. */
function pageKindOf(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  return path.replace(/\/\d+(?=\/|$)/g, '/:id');
}

/** A draft grant's page and its edit form; the first time, the draft is saved through the (Danish) wizard. */
async function draftGrantPages(page: Page, demo: DemoSession): Promise<{ hash: string; kind: string }[]> {
  const [draft] = await demo.server.db.query<{ id: number; citizen_id: number }>(
    `select id, citizen_id from grants where status = 'draft' order by id limit 1`,
  );
  if (!draft) return saveDraftGrant(page, demo);
  return [
    { hash: `#/grants/${draft.id}`, kind: '/grants/:id (kladde)' },
    { hash: `#/grants/${draft.id}/edit?citizenId=${draft.citizen_id}`, kind: '/grants/:id/edit' },
  ];
}

/** Saves a draft grant through the wizard; returns the draft's page and its edit form. */
async function saveDraftGrant(page: Page, demo: DemoSession): Promise<{ hash: string; kind: string }[]> {
  const [grant] = await demo.server.db.query<{ citizen_id: number }>(
    `select citizen_id from grants where status = 'approved' and type = 'GENERAL' order by id limit 1`,
  );
  await page.goto(`${demo.server.url}/#/grants/new?citizenId=${grant!.citizen_id}`);
  await page.getByRole('heading', { name: 'Ny mentorbevilling' }).waitFor();
  await page.getByLabel('Aftaledato').fill('2026-12-01');
  await page.getByLabel('Startdato').fill('2027-02-01');
  await page.getByLabel('Slutdato (inklusive)').fill('2027-07-31');
  await page.getByLabel('Målet med mentorstøtten').fill('Fast fodfæste på en arbejdsplads');
  await page.getByRole('button', { name: 'Gem som kladde' }).click();
  await page.getByRole('link', { name: 'Ret kladde' }).waitFor();
  const draft = new URL(page.url()).hash;
  const edit = await page.getByRole('link', { name: 'Ret kladde' }).getAttribute('href');
  return [
    { hash: draft, kind: '/grants/:id (kladde)' },
    { hash: edit!, kind: pageKindOf(edit!) },
  ];
}

async function visitEveryPage(
  page: Page,
  baseUrl: string,
  language: 'da' | 'en',
  firstPages: { hash: string; kind: string }[] = [],
): Promise<{ pages: string[]; textProblems: string[]; accessibility: string[]; untitled: string[] }> {
  const seen = new Set<string>();
  const queue: { hash: string; kind: string }[] = [...firstPages, { hash: '#/', kind: '/' }];
  const pages: string[] = [];
  const problems: string[] = [];
  const accessibility: string[] = [];
  const untitled: string[] = [];
  const hrefsOnPage = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#/"]')]
        .filter((a) => !a.hasAttribute('download'))
        .map((a) => a.getAttribute('href')!),
    );
  while (queue.length > 0) {
    const { hash, kind } = queue.shift()!;
    if (seen.has(kind)) continue;
    seen.add(kind);
    await page.goto(`${baseUrl}/${hash}`);
    await waitForQuietNetwork(page);
    if ((await page.locator('main h1').count()) === 0) {
      untitled.push(`${kind}: no heading`);
      continue;
    }
    // Folded sections are part of the page: open them all, then let what they load arrive.
    await page.evaluate(() => {
      for (const details of document.querySelectorAll('main details')) (details as HTMLDetailsElement).open = true;
    });
    await waitForQuietNetwork(page);
    pages.push(kind);
    for (const problem of visibleTextProblems(await visibleText(page, language), language)) problems.push(`${kind}: ${problem}`);
    for (const v of await seriousAccessibilityViolations(page))
      accessibility.push(`${kind}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    const heading = (await page.locator('main h1').first().textContent())?.trim();
    if ((await page.title()) !== `${heading} – Mentorspor`) untitled.push(`${kind}: "${await page.title()}"`);
    for (const href of await hrefsOnPage()) if (!seen.has(pageKindOf(href))) queue.push({ hash: href, kind: pageKindOf(href) });
  }
  return { pages, textProblems: problems, accessibility, untitled };
}

/**
 * The text a user sees, without literal file contents shown as `<code>` (column headers of an import file)
 * and, on an English page, without text the page marks as Danish (`lang="da"`: a rule's authored text).
 */
function visibleText(page: Page, language: 'da' | 'en'): Promise<string> {
  return page.evaluate((l) => {
    const codes = [...document.querySelectorAll<HTMLElement>(l === 'en' ? 'code, body [lang="da"]' : 'code')];
    for (const code of codes) code.style.display = 'none';
    const text = document.body.innerText;
    for (const code of codes) code.style.removeProperty('display');
    return text;
  }, language);
}
