import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../factories';
import { collectPageErrors, DESKTOP, launchChromium, openContext, screenshot, signInWithForm, waitForPage } from './browser';
import { type E2eApp, startE2eApp } from './e2e-app';

// A klachtencoördinator registers a klacht that came in at the desk, assigns a handler (not the colleague it is
// about), records the decision, and downloads the yearly report as PDF and CSV.
describe('klachten in de webapp', () => {
  let e2e: E2eApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    e2e = await startE2eApp();
    const { database, clock } = e2e.testApp;
    const everywhere = e2e.organisation.municipalities.map((m) => m.id);
    await buildUser(database.db, clock, e2e.organisation.id, { roles: ['griffie'], municipalityIds: everywhere, name: 'Gijs Griffie' });
    const coordinator = await buildUser(database.db, clock, e2e.organisation.id, { roles: ['kcc'], municipalityIds: everywhere, name: 'Kim Coördinator' });
    browser = await launchChromium();
    page = await (await openContext(browser, DESKTOP)).newPage();
    errors = collectPageErrors(page);
    await signInWithForm(page, e2e.baseUrl, coordinator.email, coordinator.password);
  });

  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
  });

  const main = () => page.getByRole('main');

  it('registreert een klacht, wijst een behandelaar toe, beslist en downloadt het jaarverslag', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Klachten' }).click();
    await page.waitForURL(`${e2e.baseUrl}/klachten`);
    await waitForPage(page);
    await main().getByText('Er zijn nog geen klachten geregistreerd.', { exact: false }).waitFor();

    await main().getByRole('link', { name: 'Klacht registreren' }).click();
    await page.waitForURL(/\/klachten\/nieuw$/);
    await waitForPage(page);
    // Nothing filled in: the errors stand next to their fields.
    await main().getByRole('button', { name: 'Klacht registreren' }).click();
    await main().getByText('Beschrijf waarover de klacht gaat (minstens 5 tekens).').waitFor();
    await main().getByLabel('Gemeente').selectOption({ label: 'Bergen' });
    await main().getByLabel('Naam', { exact: true }).fill('Joke <Jansen>');
    await main()
      .getByLabel(/^E-mailadres/)
      .fill('joke@example.nl');
    await main().getByLabel('Waarover gaat de klacht?').fill('Ik werd aan de balie afgesnauwd toen ik naar mijn paspoort vroeg.');
    await main()
      .getByLabel(/^Over welke medewerker/)
      .selectOption({ label: 'Sanne de Graaf' });
    await main().getByLabel('Thema').selectOption({ label: 'Bejegening' });
    await main().getByLabel('Binnengekomen via').selectOption({ label: 'Balie' });
    await main().getByRole('button', { name: 'Klacht registreren' }).click();
    await main().getByText('Gebruik gewone tekst, zonder HTML of code').waitFor();
    await main().getByLabel('Naam', { exact: true }).fill('Joke Jansen');
    await main().getByRole('button', { name: 'Klacht registreren' }).click();

    await page.waitForURL(/\/klachten\/[0-9a-f-]{36}$/);
    await waitForPage(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Klacht K\d{4}-00001$/);
    const timeline = main().locator('.plein-timeline');
    await timeline.getByText('Ontvangstbevestiging gemaild naar joke@example.nl.', { exact: false }).waitFor();
    expect(await main().textContent()).toContain('Beslissen uiterlijk');

    // Awb 9:7: the colleague complained about is not offered as handler.
    const handlers = await main().getByLabel('Behandelaar', { exact: true }).locator('option').allTextContents();
    expect(handlers).toContain('Gijs Griffie');
    expect(handlers).not.toContain('Sanne de Graaf');
    await main().getByLabel('Behandelaar', { exact: true }).selectOption({ label: 'Gijs Griffie' });
    await main().getByRole('button', { name: 'Toewijzen' }).click();
    await main().getByText('Behandelaar toegewezen.').waitFor();
    await timeline.getByText('Status: Ontvangen → In behandeling').waitFor();

    // Awb 9:10: no decision before the complainant is heard or waives it; the form says what comes first.
    await main().getByText('De klager is nog niet gehoord.', { exact: false }).waitFor();
    expect(await main().getByLabel('Oordeel').count()).toBe(0);
    await main().getByRole('button', { name: 'Klager ziet af van horen' }).click();
    await main().getByText('Vastgelegd dat de klager afziet van horen.').waitFor();

    await main().getByLabel('Oordeel').selectOption({ label: 'Deels gegrond' });
    await main().getByLabel('Conclusie').fill('De medewerker had rustiger moeten uitleggen welke papieren nodig zijn. Wij bieden excuses aan.');
    await main().getByRole('button', { name: 'Besluit vastleggen' }).click();
    await main().getByText('Deze klacht is afgesloten.', { exact: false }).waitFor();
    expect(await page.locator('.plein-page-header').textContent()).toContain('Afgehandeld');
    await timeline.getByText('Besluit genomen').waitFor();
    await screenshot(page, 'klacht-afgehandeld');

    const mails = await e2e.testApp.database.db
      .selectFrom('jobs')
      .select('payload')
      .where('organisation_id', '=', e2e.organisation.id)
      .where('name', '=', 'mail.versturen')
      .execute();
    expect(mails.map((m) => (m.payload as { subject: string }).subject).sort()).toEqual([
      'Uw klacht K2026-00001: ons besluit',
      'Uw klacht K2026-00001: ontvangstbevestiging',
    ]);

    await page.goto(`${e2e.baseUrl}/klachten/jaarverslag`);
    await waitForPage(page);
    await main().getByLabel('Gemeente').selectOption({ label: 'Bergen' });
    await main().getByRole('button', { name: 'Tonen' }).click();
    await main().getByRole('heading', { name: '2026 – Bergen' }).waitFor();
    const figures = await main().getByRole('table', { name: 'Uitkomst van de afgesloten klachten' }).textContent();
    expect(figures).toContain('Deels gegrond1');
    await screenshot(page, 'klachten-jaarverslag');

    const [pdf] = await Promise.all([page.waitForEvent('download'), main().getByRole('link', { name: 'Download als PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe('jaarverslag-klachten-2026-bergen.pdf');
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const [csv] = await Promise.all([page.waitForEvent('download'), main().getByRole('link', { name: 'Download als CSV (Excel)' }).click()]);
    expect(readFileSync((await csv.path())!, 'utf8')).toContain('2026;Bergen;Uitkomst;Deels gegrond;1');
    expect(errors).toEqual([]);
  });
});
