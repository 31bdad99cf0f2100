/**
 * Issue 11: the admin creates a caseworker on the *Brugere* page, hands over the one-time password, and
 * the caseworker logs in with it and must choose her own; a weak password is refused in Danish. The page passes axe-core.
 */
import { describe, expect, it } from 'vitest';
import { logIn, seriousAccessibilityViolations, useDemoSession } from './browser.ts';

describe('admin manages users', () => {
  const demo = useDemoSession();
  const { page } = demo;

  it('creates a caseworker with a one-time password that logs in', async () => {
    await logIn(page, demo.server.url, 'admin');
    await page.getByRole('link', { name: 'Brugere' }).click();
    await page.getByRole('heading', { name: 'Brugere', level: 1 }).waitFor();
    await page.waitForFunction(() => document.title === 'Brugere – Mentorspor');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Brugernavn').fill('nina');
    await page.getByLabel('Navn', { exact: true }).fill('Nina Krog');
    await page.getByLabel('Rolle').selectOption('caseworker');
    await page.getByLabel(/^Adgangskode/).fill('kort');
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    await page.getByText('Adgangskoden skal være mindst 12 tegn.').waitFor();

    await page.getByLabel(/^Adgangskode/).fill('');
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    const password = (await page.getByTestId('one-time-password').textContent())!;
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    await page.getByRole('cell', { name: 'Nina Krog' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // An unknown address: a heading that says so, a way back, and its own title (issue 14).
    await page.goto(`${demo.server.url}/#/findes-ikke`);
    await page.getByRole('heading', { name: 'Siden findes ikke', level: 1 }).waitFor();
    await page.waitForFunction(() => document.title === 'Siden findes ikke – Mentorspor');
    await page.getByRole('link', { name: 'Tilbage til forsiden' }).click();

    await page.context().clearCookies();
    await logIn(page, demo.server.url, 'nina', password);
    // A one-time password: Nina chooses her own before anything else.
    await page.getByRole('heading', { name: 'Vælg din egen adgangskode', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Borgere' }).count()).toBe(0);
    await page.getByLabel('Nuværende adgangskode (engangskoden)').fill(password);
    await page.getByLabel('Ny adgangskode', { exact: true }).fill('grøn-cykel-ved-søen-7');
    await page.getByLabel('Gentag ny adgangskode').fill('grøn-cykel-ved-søen-7');
    await page.getByRole('button', { name: 'Gem adgangskode' }).click();
    await page.getByRole('link', { name: 'Borgere' }).first().click();
    await page.getByRole('heading', { name: 'Borgere', level: 1 }).waitFor();
  });
});
