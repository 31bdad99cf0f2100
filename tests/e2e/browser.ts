/** Debian's Chromium through playwright-core (never a downloaded browser), plus axe-core checks. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startMentorspor } from '../../src/start-mentorspor.ts';

const require = createRequire(import.meta.url);

export async function launchBrowser(viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'mentorspor-chromium-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Runs axe-core in the page; returns serious and critical violations (WCAG 2.1 AA tags). */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not as an inline <script>: the app's CSP forbids those.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export type DemoSession = {
  server: Awaited<ReturnType<typeof startMentorspor>>;
  browser: BrowserContext;
  page: Page;
  close(): Promise<void>;
};

/** The demo app on a free port with a fresh embedded database, and a Chromium page. */
export async function openDemo(viewport?: { width: number; height: number }): Promise<DemoSession> {
  const server = await startMentorspor({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'mentorspor-e2e-')), demo: true });
  const browser = await launchBrowser(viewport);
  const page = await browser.newPage();
  return {
    server,
    browser,
    page,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The demo app and its Chromium page for the journeys of one describe block: opened before the first,
 * closed after the last. The session it returns stands for the open one, so a journey may take
 * `const { page } = demo` at the top of the block (the page forwards to the open page) and read
 * `demo.server` inside a test or in a hook registered after this call.
 */
export function useDemoSession(viewport?: { width: number; height: number }): DemoSession {
  let session: DemoSession | undefined;
  beforeAll(async () => {
    session = await openDemo(viewport);
  });
  afterAll(async () => {
    await session?.close();
  });
  const open = (): DemoSession => {
    if (!session) throw new Error('The demo session is opened in beforeAll: use it inside a test or a later hook.');
    return session;
  };
  const page = new Proxy({} as Page, {
    get(_, property) {
      const openPage = open().page;
      const value: unknown = Reflect.get(openPage, property, openPage);
      return typeof value === 'function' ? value.bind(openPage) : value;
    },
  });
  return {
    get server() {
      return open().server;
    },
    get browser() {
      return open().browser;
    },
    page,
    close: () => open().close(),
  };
}

export async function logIn(page: Page, url: string, username: string, password = 'mentorspor'): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
}

/**
 * Waits until the page has had no API request under way for `quietMs` (a hash navigation has no load
 * event to wait for; the pages fetch after they render).
 */
export async function waitForQuietNetwork(page: Page, quietMs = 300, timeoutMs = 20_000): Promise<void> {
  const pending = new Set<unknown>();
  const started = (request: { url(): string }) => {
    if (request.url().includes('/api/')) pending.add(request);
  };
  const finished = (request: unknown) => pending.delete(request);
  page.on('request', started);
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  try {
    const deadline = Date.now() + timeoutMs;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      await page.waitForTimeout(50);
      if (pending.size > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= quietMs) return;
    }
  } finally {
    page.off('request', started);
    page.off('requestfinished', finished);
    page.off('requestfailed', finished);
  }
}

/** Tables on the page: how many, how many show as cards, which overflow the screen, which words break. */
export async function tablesOnPhone(page: Page): Promise<{ count: number; cards: number; brokenWords: string[]; overflowing: string[] }> {
  return page.evaluate(() => {
    const brokenWords: string[] = [];
    const overflowing: string[] = [];
    for (const table of document.querySelectorAll('table')) {
      const box = table.getBoundingClientRect();
      if (box.right > window.innerWidth || table.scrollWidth > table.clientWidth) overflowing.push(table.caption?.textContent ?? '?');
      const walker = document.createTreeWalker(table.tBodies[0] ?? table, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^ \n\t]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) brokenWords.push(match[0]);
        }
      }
    }
    return {
      count: document.querySelectorAll('table').length,
      cards: document.querySelectorAll('table.cards').length,
      brokenWords,
      overflowing,
    };
  });
}
