import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../factories';
import { collectPageErrors, launchChromium, openContext, PHONE, screenshot, waitForPage } from './browser';
import { type E2eApp, startE2eApp } from './e2e-app';

// Signing in when an address belongs to two organisations, a forgotten password, and the English switch.
describe('inloggen, wachtwoord herstellen en taal', () => {
  let e2e: E2eApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    e2e = await startE2eApp();
    browser = await launchChromium();
    page = await (await openContext(browser, PHONE)).newPage();
    errors = collectPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
  });

  async function signOut() {
    await page.getByRole('button', { name: /^Menu$|^Menu sluiten$/ }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(`${e2e.baseUrl}/inloggen`);
  }

  it('vraagt om de organisatie als het e-mailadres bij twee organisaties hoort', async () => {
    const db = e2e.testApp.database.db;
    const other = await buildOrganisation(db, 'Gemeente Zandvoort-West');
    const shared = await buildUser(db, e2e.testApp.clock, other.id, {
      email: `gedeeld.${Date.now()}@example.nl`,
      roles: ['kcc'],
      municipalityIds: [other.municipalities[0]?.id ?? ''],
    });
    await buildUser(db, e2e.testApp.clock, e2e.organisation.id, { email: shared.email, roles: ['webcare'] });

    await page.goto(`${e2e.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(shared.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(shared.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const organisationField = page.getByLabel('Organisatie');
    await organisationField.waitFor();
    await page.getByRole('alert').filter({ hasText: 'Dit e-mailadres hoort bij meer organisaties.' }).waitFor();
    const describedBy = (await organisationField.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).toContain('-fout');
    await screenshot(page, 'flow-organisatie-kiezen-360');

    await organisationField.fill(other.slug);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${e2e.baseUrl}/luisteren`);
    await waitForPage(page);
    // A KCC agent sees the workspace, but no Beheer.
    await page.getByRole('button', { name: 'Menu' }).click();
    const navigation = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await navigation.getByRole('link', { name: 'Inbox' }).waitFor();
    expect(await navigation.getByRole('link', { name: 'Beheer' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Menu sluiten' }).click();
    await page.goto(`${e2e.baseUrl}/beheer/gebruikers`);
    await page.getByRole('heading', { name: 'Geen toegang' }).waitFor();
    await signOut();
  });

  it('stelt een nieuw wachtwoord in via de link uit de e-mail', async () => {
    await page.goto(`${e2e.baseUrl}/inloggen`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.waitForURL(`${e2e.baseUrl}/wachtwoord-vergeten`);
    await page.getByLabel('E-mailadres').fill(e2e.admin.email);
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    await page.getByText('Aanvraag ontvangen').waitFor();

    const mail = await e2e.testApp.database.db
      .selectFrom('jobs')
      .select('payload')
      .where('organisation_id', '=', e2e.organisation.id)
      .where('name', '=', 'mail.versturen')
      .executeTakeFirstOrThrow();
    const text = (typeof mail.payload === 'string' ? JSON.parse(mail.payload) : mail.payload) as { text: string };
    const link = /https?:\/\/\S+\/wachtwoord-herstellen#token=\S+/.exec(text.text)?.[0];
    expect(link, 'herstellink in de e-mail').toBeTruthy();
    await page.goto(`${e2e.baseUrl}${new URL(link ?? '').pathname}${new URL(link ?? '').hash}`);
    await waitForPage(page);

    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('te-kort');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('te-kort');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByText('Gebruik minstens 12 tekens.').waitFor();
    await screenshot(page, 'flow-wachtwoord-te-kort-360');

    const newPassword = 'zeewind-over-het-duin-2026';
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(newPassword);
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(newPassword);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByText('Uw nieuwe wachtwoord is opgeslagen.').waitFor();

    // The link works once.
    await page.reload();
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(newPassword);
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(newPassword);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByText('Deze link is verlopen of al gebruikt.').waitFor();

    await page.goto(`${e2e.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(e2e.admin.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${e2e.baseUrl}/luisteren`);
  });

  it('schakelt naar Engels en onthoudt dat, met Nederlandse datums', async () => {
    await page.goto(`${e2e.baseUrl}/luisteren`);
    await waitForPage(page);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('heading', { level: 1, name: 'Listening' }).waitFor();
    await page.reload();
    await waitForPage(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('link', { name: 'Skip to content' }).waitFor({ state: 'attached' });

    await page.goto(`${e2e.baseUrl}/beheer/audit`);
    await waitForPage(page);
    const firstTime = await page.getByRole('row').nth(1).getByRole('cell').first().textContent();
    expect(firstTime).toMatch(/\d{2}-\d{2}-\d{4} \d{2}:\d{2}/);
    await screenshot(page, 'flow-engels-audit-360');

    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(errors).toEqual([]);
  });
});
