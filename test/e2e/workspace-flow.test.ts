import { insertAuditEntry } from '@platform/audit/audit.repository';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, signIn } from '../harness';
import { collectPageErrors, DESKTOP, launchChromium, openContext, screenshot, waitForPage } from './browser';
import { createFailedJob, type E2eApp, startE2eApp } from './e2e-app';

// What a beheerder does on a first morning: sign in, pick a municipality, add a colleague, check the audit log.
describe('werkomgeving van een beheerder', () => {
  let e2e: E2eApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const newColleague = { name: 'Kees Visser', email: `kees.visser.${Date.now()}@example.nl` };

  beforeAll(async () => {
    e2e = await startE2eApp();
    const session = await signIn(e2e.testApp.app, e2e.admin.email, e2e.admin.password);
    const castricum = e2e.organisation.municipalities.find((m) => m.name === 'Castricum');
    await requestAs(e2e.testApp.app, session)('PATCH', `/api/v1/municipalities/${castricum?.id}`, { houseColour: '#1d6b3a' });
    await createFailedJob(e2e);
    browser = await launchChromium();
    page = await (await openContext(browser, DESKTOP)).newPage();
    errors = collectPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
  });

  it('stuurt wie niet is ingelogd naar het inlogformulier en daarna terug', async () => {
    await page.goto(`${e2e.baseUrl}/beheer/gebruikers`);
    await page.waitForURL(`${e2e.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(e2e.admin.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill('een-verkeerd-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Het e-mailadres of het wachtwoord klopt niet.' }).waitFor();
    await page.getByLabel('Wachtwoord', { exact: true }).fill(e2e.admin.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${e2e.baseUrl}/beheer/gebruikers`);
    await waitForPage(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Gebruikers');
  });

  it('is met het toetsenbord te bedienen: eerst de skiplink, daarna het hoofdmenu', async () => {
    await page.goto(`${e2e.baseUrl}/luisteren`);
    await waitForPage(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');

    await page.goto(`${e2e.baseUrl}/luisteren`);
    await waitForPage(page);
    let reachedNavigation = false;
    for (let presses = 0; presses < 15 && !reachedNavigation; presses += 1) {
      await page.keyboard.press('Tab');
      reachedNavigation = await page.evaluate(() => Boolean(document.activeElement?.closest('nav[aria-label="Hoofdmenu"]')));
    }
    expect(reachedNavigation, 'Tab bereikt het hoofdmenu binnen 15 stappen').toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline, 'de focus is zichtbaar').not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${e2e.baseUrl}/luisteren`);
  });

  it('wisselt van gemeente en toont dat overal', async () => {
    await page.goto(`${e2e.baseUrl}/luisteren`);
    await waitForPage(page);
    // The switcher in the top bar (Luisteren has a Gemeente filter of its own).
    const switcher = page.getByRole('banner').getByLabel('Gemeente');
    expect(await switcher.inputValue()).toBe(e2e.organisation.municipalities[0]?.id);
    await switcher.selectOption({ label: 'Castricum' });
    await page.getByText('U werkt nu voor Castricum.').waitFor({ state: 'attached' });
    await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--plein-accent').trim() === '#1d6b3a');
    await screenshot(page, 'flow-gemeente-castricum');

    await page.reload();
    await waitForPage(page);
    expect(await page.getByRole('banner').getByLabel('Gemeente').locator('option:checked').textContent()).toBe('Castricum');
  });

  it('maakt een gebruiker aan via het formulier, met fouten naast de velden', async () => {
    await page.goto(`${e2e.baseUrl}/beheer/gebruikers`);
    await waitForPage(page);
    await page.getByRole('link', { name: 'Nieuwe gebruiker' }).click();
    await waitForPage(page);
    await page.getByLabel('Naam').fill(newColleague.name);
    await page.getByLabel('E-mailadres').fill(newColleague.email);
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();

    const roles = page.getByRole('group', { name: 'Rollen' });
    await roles.getByText('Kies minstens één rol.', { exact: true }).waitFor();
    const describedBy = await roles.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    expect(await page.locator(`[id="${describedBy?.split(' ').pop()}"]`).textContent()).toContain('Kies minstens één rol.');

    await roles.getByLabel('KCC-medewerker').check();
    await page.getByRole('group', { name: 'Gemeenten' }).getByLabel('Castricum').check();
    await screenshot(page, 'flow-gebruiker-formulier');
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.waitForURL(`${e2e.baseUrl}/beheer/gebruikers`);
    await page.getByText(`${newColleague.name} is aangemaakt.`).waitFor();
    const row = page.getByRole('row').filter({ hasText: newColleague.email });
    expect(await row.textContent()).toContain('KCC-medewerker');
    expect(await row.textContent()).toContain('Castricum');

    // The same e-mail address again: the server's answer appears next to the e-mail field.
    await page.getByRole('link', { name: 'Nieuwe gebruiker' }).click();
    await page.getByLabel('Naam').fill('Tweede Kees');
    await page.getByLabel('E-mailadres').fill(newColleague.email);
    await page.getByRole('group', { name: 'Rollen' }).getByLabel('Griffie').check();
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    const emailField = page.getByLabel('E-mailadres');
    await page.waitForFunction(() => document.querySelector('input[type="email"]')?.getAttribute('aria-invalid') === 'true');
    const errorId = (await emailField.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toContain('Er is al een gebruiker met het e-mailadres');
  });

  it('blokkeert een account pas na één bevestiging', async () => {
    await page.goto(`${e2e.baseUrl}/beheer/gebruikers`);
    await waitForPage(page);
    await page.getByRole('link', { name: newColleague.name }).click();
    await waitForPage(page);
    await page.getByRole('button', { name: 'Account blokkeren' }).click();
    const confirm = page.getByRole('button', { name: 'Ja, blokkeren' });
    expect(await confirm.evaluate((element) => element === document.activeElement)).toBe(true);
    await screenshot(page, 'flow-blokkeren-bevestigen');
    await confirm.click();
    await page.getByText('Het account is geblokkeerd.').waitFor();
    expect(await page.getByText('Geblokkeerd', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('toont "gebruiker.aangemaakt" in het auditlog, met filter', async () => {
    await page.goto(`${e2e.baseUrl}/beheer/audit`);
    await waitForPage(page);
    await page.getByLabel('Actie', { exact: true }).fill('gebruiker.aangemaakt');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL(/actie=gebruiker.aangemaakt/);
    await waitForPage(page);
    const rows = page.getByRole('row').filter({ hasText: 'gebruiker.aangemaakt' });
    await rows.first().waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'sessie.ingelogd' }).count()).toBe(0);
    expect(await rows.filter({ hasText: 'Sanne de Graaf' }).count()).toBeGreaterThan(0);

    // A period in Dutch notation; a day that does not exist is refused next to its field.
    await page.getByLabel('Vanaf').fill('31-02-2026');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByText('Vul een bestaande datum in als dd-mm-jjjj.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await page.getByLabel('Vanaf').fill('23-11-2026');
    await page.getByLabel('Tot en met').fill('23-11-2026');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL(/van=2026-11-23&tot=2026-11-23/);
    await waitForPage(page);
    await rows.first().waitFor();
    await page.getByLabel('Vanaf').fill('24-11-2026');
    await page.getByLabel('Tot en met').fill('30-11-2026');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByText('Geen auditregels gevonden').waitFor();
    await page.getByLabel('Vanaf').fill('23-11-2026');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await rows.first().waitFor();
    await screenshot(page, 'flow-audit-gefilterd');
  });

  it('laadt oudere auditregels bij met "Meer laden"', async () => {
    const start = e2e.testApp.clock.now().getTime();
    for (let n = 0; n < 130; n += 1) {
      await insertAuditEntry(e2e.testApp.database.db, {
        organisationId: e2e.organisation.id,
        occurredAt: new Date(start - n * 1000),
        actorUserId: null,
        actorTokenId: null,
        actorLabel: 'Importproces',
        action: 'import.regel',
        recordType: 'gebruiker',
        recordId: null,
        ip: null,
        userAgent: null,
        requestId: null,
        details: { regel: n },
      });
    }
    await page.goto(`${e2e.baseUrl}/beheer/audit?actie=import.regel`);
    await waitForPage(page);
    await page.getByText('De nieuwste 100 regels. Er zijn oudere regels.').waitFor();
    const bodyRows = page.getByRole('row').filter({ hasText: 'import.regel' });
    expect(await bodyRows.count()).toBe(100);
    await page.getByRole('button', { name: 'Meer laden' }).click();
    await page.getByText('130 regels').waitFor();
    expect(await bodyRows.count()).toBe(130);
    expect(await page.getByRole('button', { name: 'Meer laden' }).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Dit zijn alle regels.');
  });

  it('wijzigt de huisstijlkleur van een gemeente, met de fout van de server naast het veld', async () => {
    await page.goto(`${e2e.baseUrl}/beheer/gemeenten`);
    await waitForPage(page);
    const bergen = page.getByRole('region', { name: 'Bergen' });
    const colour = bergen.getByLabel('Huisstijlkleur');
    await colour.fill('rood');
    await bergen.getByRole('button', { name: 'Opslaan' }).click();
    await bergen.getByText('Gebruik een kleur als #01689b').waitFor();
    expect(await colour.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await colour.fill('#0b5394');
    await bergen.getByRole('button', { name: 'Opslaan' }).click();
    await bergen.getByText('De gegevens van Bergen zijn opgeslagen.').waitFor();
    expect(await colour.getAttribute('aria-invalid')).toBeNull();
  });

  it('zet een mislukte taak opnieuw in de wachtrij', async () => {
    await page.goto(`${e2e.baseUrl}/beheer/taken`);
    await waitForPage(page);
    await page.getByRole('button', { name: 'Opnieuw proberen: mail.versturen' }).click();
    await page.getByText('Taak mail.versturen staat weer in de wachtrij.').waitFor();
    await page.getByText('Geen mislukte taken').waitFor();
  });

  it('toont een nieuw API-token precies één keer', async () => {
    await page.goto(`${e2e.baseUrl}/profiel/tokens`);
    await waitForPage(page);
    await page.getByText('U heeft nog geen API-tokens').waitFor();
    await page.getByLabel('Waarvoor is dit token?').fill('Power BI dashboard');
    await page.getByRole('button', { name: 'Token aanmaken' }).click();
    const token = await page.getByLabel('Token voor Power BI dashboard').inputValue();
    expect(token.length).toBeGreaterThan(20);
    await screenshot(page, 'flow-token-eenmalig');
    await page.reload();
    await waitForPage(page);
    expect(await page.getByText(token).count()).toBe(0);
    expect(await page.getByRole('row').filter({ hasText: 'Power BI dashboard' }).count()).toBe(1);
  });

  it('logt uit en laat daarna niets meer zien', async () => {
    await page.goto(`${e2e.baseUrl}/luisteren`);
    await waitForPage(page);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(`${e2e.baseUrl}/inloggen`);
    await page.getByText('U bent uitgelogd.').waitFor();
    await page.goto(`${e2e.baseUrl}/beheer/audit`);
    await page.waitForURL(`${e2e.baseUrl}/inloggen`);
    expect(errors).toEqual([]);
  });
});
