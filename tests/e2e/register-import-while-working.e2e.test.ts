/**
 * Issue 14: a register import never blocks other users. On the embedded database (the demo's PGlite)
 * a coordinator uploads a register extract of about 20 MB and follows its progress in %, while a
 * caseworker in another browser keeps asking for her worklist. The journey measures and logs the
 * worklist's latency before and during the import; it asserts behaviour (the worklist is answered while
 * the import is still reading), never a time limit, so a loaded machine cannot make it flaky.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProgress } from '../../src/use-cases/start-register-import.ts';
import { launchBrowser, logIn, seriousAccessibilityViolations, useDemoSession } from './browser.ts';

/** ISO week labels `2020-W01`, … for `count` consecutive weeks from the week of the Monday `firstMonday`. */
function isoWeekLabels(firstMonday: string, count: number): string[] {
  const labels: string[] = [];
  for (let k = 0, monday = Date.parse(`${firstMonday}T00:00:00Z`); k < count; k += 1, monday += 7 * 86_400_000) {
    const thursday = new Date(monday + 3 * 86_400_000);
    const year = thursday.getUTCFullYear();
    const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
    labels.push(`${year}-W${String(week).padStart(2, '0')}`);
  }
  return labels;
}

/** A wide extract: every demo citizen, then citizens unknown to the case system, to `lines` lines of 260 weeks. */
function extract(known: string[], lines: number): Buffer {
  const weeks = isoWeekLabels('2019-12-30', 260);
  const codes = [...Array(100).fill('318'), ...Array(60).fill(''), ...Array(100).fill('131')].join(';');
  const taken = new Set(known);
  const cprs = [...known];
  for (let i = 0; cprs.length < lines; i += 1) {
    const cpr = `${String((i % 28) + 1).padStart(2, '0')}${String((Math.floor(i / 28) % 12) + 1).padStart(2, '0')}85${String(2000 + Math.floor(i / 336)).padStart(4, '0')}`;
    if (!taken.has(cpr)) cprs.push(cpr);
  }
  return Buffer.from(`cpr;${weeks.join(';')}\n${cprs.map((cpr) => `${cpr};${codes}`).join('\n')}\n`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

describe('a register import while another user works (issue 14)', () => {
  const demo = useDemoSession();
  const coordinator = demo.page;
  let caseworker: Page;
  let closeCaseworker: () => Promise<void>;
  beforeAll(async () => {
    const other = await launchBrowser();
    caseworker = await other.newPage();
    closeCaseworker = () => other.close();
  });
  afterAll(async () => {
    await closeCaseworker?.();
  });

  /** One worklist request from the caseworker's browser, timed there (ms). */
  async function timedWorklist(): Promise<number> {
    return caseworker.evaluate(async () => {
      const start = performance.now();
      const response = await fetch('/api/worklist');
      await response.json();
      if (!response.ok) throw new Error(`worklist: ${response.status}`);
      return performance.now() - start;
    });
  }

  it("the caseworker's worklist is answered while the coordinator's import runs; the latency is logged", async () => {
    const known = (await demo.server.db.query<{ cpr: string }>(`select cpr from citizens where cpr ~ '^[0-9]{10}$'`)).map((r) => r.cpr);
    const file = extract(known, 20_000);

    await logIn(caseworker, demo.server.url, 'sara');
    // Logged in once the session answers.
    while (!(await caseworker.evaluate(async () => (await fetch('/api/worklist')).ok))) await caseworker.waitForTimeout(100);
    const idle: number[] = [];
    for (let i = 0; i < 5; i += 1) idle.push(await timedWorklist());

    await logIn(coordinator, demo.server.url, 'kirsten');
    await coordinator.getByRole('link', { name: 'Registerimport' }).click();
    await coordinator.getByLabel('Format').selectOption('wide');
    await coordinator.getByLabel('Kodeoversættelse').selectOption('dst');
    await coordinator.getByLabel('Registerudtræk (CSV)').setInputFiles({ name: 'udtraek.csv', mimeType: 'text/csv', buffer: file });
    await coordinator.getByRole('button', { name: 'Start import' }).click();

    // The import runs in this process (the demo's in-process job queue): wait until it is reading.
    while (![...importProgress.values()].some((p) => p.phase === 'reading')) await new Promise((resolve) => setTimeout(resolve, 20));
    const during: { ms: number; phase: string }[] = [];
    const percents = new Set<string>();
    while (importProgress.size > 0) {
      const ms = await timedWorklist();
      // Where the import was when the answer came back.
      during.push({ ms, phase: [...importProgress.values()][0]?.phase ?? 'ended' });
      const bar = await coordinator
        .locator('progress[aria-label^="Importen"]')
        .getAttribute('aria-label', { timeout: 100 })
        .catch(() => null);
      if (bar) percents.add(bar.replace('Importen ', ''));
    }
    await coordinator.getByText('Importen er gennemført.').waitFor({ timeout: 60_000 });

    const latencies = during.map((d) => d.ms);
    console.log(
      `[issue 14] register import of ${(file.length / 1e6).toFixed(1)} MB (${known.length} known citizens, 20,000 lines × 260 weeks) on PGlite: ` +
        `worklist alone median ${median(idle).toFixed(0)} ms; during the import ${during.length} answers, median ${median(latencies).toFixed(0)} ms, ` +
        `max ${Math.max(...latencies).toFixed(0)} ms (${during.filter((d) => d.phase === 'reading').length} while it was reading); ` +
        `progress seen: ${[...percents].join(', ')}`,
    );
    // Behaviour, not a time limit: the worklist was answered while the import was still reading the file.
    expect(during.some((d) => d.phase === 'reading')).toBe(true);
    expect(await coordinator.textContent('main')).toContain('Importen er gennemført.');
    expect(await seriousAccessibilityViolations(coordinator)).toEqual([]);
  });
});
