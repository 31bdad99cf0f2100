/**
 * Issue 11, in Chromium: Kommunen's staff log in with their organisation. Story, 4 December 2026: Anna
 * (group Jobcenter-Sagsbehandlere at the provider) clicks "Log ind med din organisation", logs in and
 * consents at the provider's own pages, and lands in Mentorspor as a caseworker. Kim from the canteen
 * (only Alle-ansatte) is sent back with a Danish explanation. The login page passes axe-core.
 * The provider is a real one (`oidc-provider`) started by the test on a free port.
 */
import { mkdtempSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { startTestOidcProvider, testClientSecret, type TestAccount } from '../../src/api/auth/test-oidc-provider.ts';
import { startMentorspor } from '../../src/start-mentorspor.ts';
import { launchBrowser, seriousAccessibilityViolations } from './browser.ts';

const accounts: Record<string, TestAccount> = {
  anna: { sub: 'a-1', preferred_username: 'anna.holm', name: 'Anna Holm', groups: ['Jobcenter-Sagsbehandlere', 'Alle-ansatte'] },
  kim: { sub: 'k-3', preferred_username: 'kim.kantine', name: 'Kim Kantine', groups: ['Alle-ansatte'] },
};

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('single sign-on in the browser', () => {
  let provider: Awaited<ReturnType<typeof startTestOidcProvider>>;
  let server: Awaited<ReturnType<typeof startMentorspor>>;
  let browser: BrowserContext;
  let page: Page;
  let appUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    provider = await startTestOidcProvider({ redirectUri: `${appUrl}/api/auth/oidc/callback`, accounts });
    const issuer = provider.issuer;
    const config = parseConfig({
      MENTORSPOR_OIDC_ISSUER: issuer,
      MENTORSPOR_OIDC_CLIENT_ID: 'mentorspor',
      MENTORSPOR_OIDC_CLIENT_SECRET: testClientSecret,
      MENTORSPOR_OIDC_REDIRECT_URI: `${appUrl}/api/auth/oidc/callback`,
      MENTORSPOR_OIDC_ROLE_MAP: 'Jobcenter-Sagsbehandlere=caseworker,Jobcenter-Ledelse=manager',
    });
    server = await startMentorspor({ port, dataDir: mkdtempSync(join(tmpdir(), 'mentorspor-e2e-')), demo: true, oidc: config.oidc });
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
  });

  async function signInAs(account: string) {
    await page.context().clearCookies();
    await page.goto(`${appUrl}/`);
    await page.getByRole('link', { name: 'Log ind med din organisation' }).click();
    // The provider's own development pages: login, then consent.
    await page.locator('input[name="login"]').fill(account);
    await page.locator('input[name="password"]').fill('provider-password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('offers the organisation’s login, and a mapped group lands in Mentorspor as a caseworker', async () => {
    await page.goto(`${appUrl}/`);
    await page.getByRole('link', { name: 'Log ind med din organisation' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await signInAs('anna');
    await page.getByText('Anna Holm (Sagsbehandler)').waitFor();
    await page.getByRole('link', { name: 'Borgere' }).first().click();
    await page.getByRole('heading', { name: 'Borgere', level: 1 }).waitFor();
  });

  it('sends a user whose groups map to no role back with a Danish explanation', async () => {
    await signInAs('kim');
    await page.getByText('Din bruger i organisationen har ingen rolle i Mentorspor.', { exact: false }).waitFor();
    expect(await page.getByRole('link', { name: 'Borgere' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
