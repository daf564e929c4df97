import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../factories';
import { requestAs, signIn } from '../harness';
import { collectPageErrors, DESKTOP, expectAccessible, launchChromium, openContext, PHONE, screenshot, signInWithForm, waitForPage } from './browser';
import { type E2eApp, startE2eApp } from './e2e-app';

// The organisation's own identity provider in the web app: the button on the sign-in page, the explanation of a
// failed attempt, and the Beheer page where a beheerder sets it up. The provider is never called: the tests stop
// at the link that would leave for it.
describe('inloggen met de inlogdienst van de organisatie', () => {
  let e2e: E2eApp;
  let browser: Browser;
  const buttonText = 'Inloggen met uw Duinstreek-account';
  const authorizePath = () => `/api/v1/oidc/${e2e.organisation.slug}/authorize`;

  beforeAll(async () => {
    e2e = await startE2eApp({ PLEIN_SECRET_KEY: randomBytes(32).toString('base64') });
    const admin = requestAs(e2e.testApp.app, await signIn(e2e.testApp.app, e2e.admin.email, e2e.admin.password));
    const saved = await admin('PUT', '/api/v1/organisation/oidc', {
      issuerUrl: 'https://login.duinstreek.example/realms/medewerkers',
      clientId: 'plein',
      clientSecret: 'geheim-van-de-provider',
      displayName: buttonText,
      rolesClaim: 'roles',
      roleMapping: { 'plein-kcc': 'kcc' },
      createUsers: true,
      enabled: true,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
  });

  async function expectOidcButton(page: Page) {
    const button = page.getByRole('link', { name: buttonText });
    await button.waitFor();
    expect(await button.getAttribute('href')).toMatch(new RegExp(`^${authorizePath()}`));
  }

  for (const viewport of [DESKTOP, PHONE]) {
    it(`toont de knop, legt een mislukte poging uit en blijft rustig bij een onbekende organisatie (${viewport.width}px)`, async () => {
      const context = await openContext(browser, viewport);
      const page = await context.newPage();
      const errors = collectPageErrors(page);

      await page.goto(`${e2e.baseUrl}/inloggen?organisatie=${e2e.organisation.slug}`);
      await expectOidcButton(page);
      await page.getByRole('heading', { level: 2, name: 'Of met e-mailadres en wachtwoord' }).waitFor();
      await page.getByLabel('E-mailadres').waitFor();
      await expectAccessible(page, 'inloggen-organisatie', viewport.width);

      // Back from the provider without a role; the organisation is remembered, so trying again is one click.
      await page.goto(`${e2e.baseUrl}/inloggen?fout=geen-rol`);
      const alert = page.getByRole('alert').filter({ hasText: 'Inloggen via uw organisatie lukte niet' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('U heeft (nog) geen rol in Plein. Vraag de beheerder van uw organisatie om u toegang te geven.');
      await expectOidcButton(page);
      await expectAccessible(page, 'inloggen-fout-geen-rol', viewport.width);

      await page.goto(`${e2e.baseUrl}/inloggen?fout=iets-onbekends`);
      await page.getByRole('alert').filter({ hasText: 'Er ging iets mis bij het inloggen. Probeer het opnieuw.' }).waitFor();

      await page.goto(`${e2e.baseUrl}/inloggen?organisatie=bestaat-niet-hier`);
      await page.getByText('De organisatie "bestaat-niet-hier" kennen we niet.').waitFor();
      expect(await page.getByRole('link', { name: buttonText }).count()).toBe(0);
      await expectAccessible(page, 'inloggen-onbekende-organisatie', viewport.width);
      // The password form still works.
      await page.getByLabel('E-mailadres').fill(e2e.admin.email);
      await page.getByLabel('Wachtwoord', { exact: true }).fill(e2e.admin.password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.waitForURL(`${e2e.baseUrl}/luisteren`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('biedt de knop aan zodra iemand een organisatie met een eigen inlogdienst intypt', async () => {
    const db = e2e.testApp.database.db;
    const other = await buildOrganisation(db, 'Gemeente Zonder Inlogdienst');
    const shared = await buildUser(db, e2e.testApp.clock, other.id, { email: `gedeeld.oidc.${Date.now()}@example.nl`, roles: ['kcc'] });
    await buildUser(db, e2e.testApp.clock, e2e.organisation.id, { email: shared.email, roles: ['kcc'] });
    const context = await openContext(browser, PHONE);
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto(`${e2e.baseUrl}/inloggen`);
    await waitForPage(page);
    expect(await page.getByRole('link', { name: buttonText }).count()).toBe(0);
    await page.getByLabel('E-mailadres').fill(shared.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(shared.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const organisationField = page.getByLabel('Organisatie');
    await organisationField.fill(other.slug);
    await page.waitForTimeout(900);
    expect(await page.getByRole('link', { name: buttonText }).count()).toBe(0);
    await organisationField.fill(e2e.organisation.slug.toUpperCase());
    await expectOidcButton(page);
    await expectAccessible(page, 'inloggen-organisatie-ingetypt', PHONE.width);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Beheer → Inloggen: de beheerder stelt de inlogdienst in, met fouten naast de velden', async () => {
    const db = e2e.testApp.database.db;
    const org = await buildOrganisation(db, 'Werkorganisatie Polderland');
    const beheerder = await buildUser(db, e2e.testApp.clock, org.id, { roles: ['beheerder'], name: 'Pim Polder' });
    const context = await openContext(browser, DESKTOP);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInWithForm(page, e2e.baseUrl, beheerder.email, beheerder.password);

    await page.goto(`${e2e.baseUrl}/beheer`);
    await waitForPage(page);
    await page.getByRole('navigation', { name: 'Beheeronderdelen' }).getByRole('link', { name: 'Inloggen' }).click();
    await page.waitForURL(`${e2e.baseUrl}/beheer/inloggen`);
    await waitForPage(page);
    expect(await page.getByLabel('Redirect URI').inputValue()).toBe('http://plein.test/api/v1/oidc/callback');
    const secret = page.getByLabel('Client secret');
    expect(await secret.getAttribute('placeholder')).toBe('Nog geen secret opgeslagen');
    await page.getByText('Nog geen koppelingen', { exact: false }).waitFor();
    await expectAccessible(page, 'beheer-inloggen-nieuw', DESKTOP.width);

    // Required fields, checked before anything is sent.
    const issuer = page.getByLabel('Adres van de inlogdienst (issuer)');
    await page.getByRole('button', { name: 'Instelling opslaan' }).click();
    await expect.poll(() => issuer.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await issuer.getAttribute('aria-invalid')).toBe('true');
    expect(await errorTextOf(page, 'Client secret')).toBe('Vul dit veld in.');

    // Two rows with the same claim value would become one mapping: refused next to the second row.
    await issuer.fill('http://login.polderland.example/realms/medewerkers');
    await page.getByLabel('Client-ID').fill('plein-polderland');
    await secret.fill('geheim-van-polderland');
    await addMapping(page, 0, 'plein-kcc', 'KCC-medewerker');
    await addMapping(page, 1, 'plein-kcc', 'Beheerder');
    await page.getByRole('button', { name: 'Instelling opslaan' }).click();
    await page.getByText('Deze waarde staat er al. Gebruik elke waarde één keer.').waitFor();
    await mappingRows(page).nth(1).getByLabel('Waarde in de claim').fill('plein-beheer');

    // The server refuses plain http for a provider elsewhere; its reason appears next to the issuer field.
    await page.getByRole('button', { name: 'Instelling opslaan' }).click();
    await page.getByText('Verbeter de velden met een foutmelding.').waitFor();
    expect(await errorTextOf(page, 'Adres van de inlogdienst (issuer)')).toBe('Moet met https:// beginnen en mag geen ? of # bevatten.');
    await expectAccessible(page, 'beheer-inloggen-fouten', DESKTOP.width);

    await issuer.fill('https://login.polderland.example/realms/medewerkers');
    await page.getByLabel('Inloggen via de inlogdienst staat aan').check();
    await page.getByRole('button', { name: 'Instelling opslaan' }).click();
    await page.getByText('De instelling is opgeslagen. Medewerkers kunnen nu inloggen via de inlogdienst.').waitFor();
    expect(await page.getByLabel('Link voor medewerkers').inputValue()).toBe(`${e2e.baseUrl}/inloggen?organisatie=${org.slug}`);
    expect(await secret.inputValue()).toBe('');
    expect(await secret.getAttribute('placeholder')).toBe('Opgeslagen – laat leeg om te houden');
    await screenshot(page, 'beheer-inloggen-opgeslagen-1280');

    const admin = requestAs(e2e.testApp.app, await signIn(e2e.testApp.app, beheerder.email, beheerder.password));
    expect((await admin('GET', '/api/v1/organisation/oidc')).json()).toMatchObject({
      configured: true,
      clientSecretSet: true,
      enabled: true,
      issuerUrl: 'https://login.polderland.example/realms/medewerkers',
      roleMapping: { 'plein-kcc': 'kcc', 'plein-beheer': 'beheerder' },
    });

    // Removing a row puts focus back on "add"; saving again without a secret keeps the stored one.
    await page.getByRole('button', { name: 'Verwijderen koppeling plein-beheer' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Koppeling toevoegen');
    await page.getByRole('button', { name: 'Instelling opslaan' }).click();
    await page.getByText('De instelling is opgeslagen.', { exact: false }).waitFor();
    expect((await admin('GET', '/api/v1/organisation/oidc')).json()).toMatchObject({ clientSecretSet: true, roleMapping: { 'plein-kcc': 'kcc' } });

    await page.setViewportSize(PHONE);
    await page.reload();
    await waitForPage(page);
    await expectAccessible(page, 'beheer-inloggen-ingesteld', PHONE.width);
    await page.getByLabel('Client-ID').fill('');
    await page.getByRole('button', { name: 'Instelling opslaan' }).click();
    await page.getByText('Vul dit veld in.').waitFor();
    await expectAccessible(page, 'beheer-inloggen-fouten', PHONE.width);

    // Staff of this organisation now find the button on their sign-in page.
    const staff = await (await openContext(browser, PHONE)).newPage();
    await staff.goto(`${e2e.baseUrl}/inloggen?organisatie=${org.slug}`);
    const button = staff.getByRole('link', { name: 'Inloggen met uw organisatie-account' });
    await button.waitFor();
    expect(await button.getAttribute('href')).toBe(`/api/v1/oidc/${org.slug}/authorize`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('wie de organisatie niet mag beheren, ziet de instelling niet', async () => {
    const kcc = await buildUser(e2e.testApp.database.db, e2e.testApp.clock, e2e.organisation.id, { roles: ['kcc'] });
    const context = await openContext(browser, DESKTOP);
    const page = await context.newPage();
    await signInWithForm(page, e2e.baseUrl, kcc.email, kcc.password);
    await page.goto(`${e2e.baseUrl}/beheer/inloggen`);
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    await context.close();
  });
});

const mappingRows = (page: Page) => page.getByRole('group', { name: 'Rollen koppelen' }).getByRole('listitem');

async function addMapping(page: Page, index: number, value: string, role: string) {
  await page.getByRole('button', { name: 'Koppeling toevoegen' }).click();
  const row = mappingRows(page).nth(index);
  const claimValue = row.getByLabel('Waarde in de claim');
  await expect.poll(() => claimValue.evaluate((element) => element === document.activeElement)).toBe(true);
  await claimValue.fill(value);
  await row.getByLabel('Rol in Plein').selectOption({ label: role });
}

// The error message a field points to with aria-describedby, as a screen reader would announce it.
async function errorTextOf(page: Page, label: string): Promise<string | null> {
  const ids = ((await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '').split(' ');
  const errorId = ids.find((id) => id.endsWith('-fout'));
  return errorId ? page.locator(`[id="${errorId}"]`).textContent() : null;
}
