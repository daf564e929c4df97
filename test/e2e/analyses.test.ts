import type { Browser, Page } from 'playwright-core';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage } from '../../server/src/modules/channels/connector.types';
import { storeMessages } from '../../server/src/modules/channels/ingest.service';
import { buildChannelAccount, buildUser } from '../factories';
import { collectPageErrors, DESKTOP, expectAccessible, launchChromium, openContext, PHONE, signInWithForm, waitForPage } from './browser';
import { type E2eApp, startE2eApp, TEST_PASSWORD } from './e2e-app';

// An analyst writes an issue-analyse before the college meets: a new analysis over the last week of a monitor,
// the drafted text beside the figures, the advies written and saved, and the PDF opened from the page.
describe('Analyses in de webapp', () => {
  let e2e: E2eApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    e2e = await startE2eApp();
    const { db } = e2e.testApp.database;
    const clock = e2e.testApp.clock;
    const bergen = e2e.organisation.municipalities.find((m) => m.name === 'Bergen')!;
    const view = await buildChannelAccount(db, clock, e2e.organisation.id, {
      municipalityId: bergen.id,
      channel: 'gesimuleerd',
      handle: 'Oefenaccount Bergen',
      settings: { scenario: 'alledaags' },
    });
    const account = await db.selectFrom('channel_accounts').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    const analyst = await buildUser(db, clock, e2e.organisation.id, { roles: ['omgevingsanalist'], municipalityIds: [bergen.id], name: 'Anna Analist' });
    browser = await launchChromium();
    page = await (await openContext(browser, DESKTOP)).newPage();
    // The page computes "the last 7 days" from the browser's clock; the server runs on the test's manual clock. The
    // browser keeps the server's time, so the test does not depend on the day it runs (timers keep running).
    await page.clock.setFixedTime(clock.now());
    errors = collectPageErrors(page);
    await signInWithForm(page, e2e.baseUrl, analyst.email, TEST_PASSWORD);
    // Two days before the server's (and so the browser's) clock: inside "the last 7 days".
    const postedAt = new Date(clock.now().getTime() - 2 * 86_400_000);
    await storeMessages(
      db,
      clock,
      account,
      [
        { text: 'De windmolens bij de duinen zijn een slecht plan, schandalig! #windmolens', author: 'buurman_bergen' },
        { text: 'Geweldig dat Bergen kiest voor windmolens, prima voor schone energie #windmolens', author: 'energiecoop' },
      ].map((post, index) =>
        buildPlainMessage({
          platformId: `analyse-e2e-${index}`,
          author: { id: post.author, handle: post.author, displayName: null, followers: 200 },
          text: post.text,
          visibility: 'openbaar',
          postedAt,
          raw: {},
        }),
      ),
      { stream: 'search' },
    );
    await e2e.testApp.worker.drain();
  });

  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
  });

  const main = () => page.locator('main');

  it('maakt een issue-analyse, bewerkt het advies, slaat op en opent de PDF', async () => {
    await page.getByRole('navigation', { name: 'Onderdelen van Luisteren' }).getByRole('link', { name: 'Analyses' }).click();
    await waitForPage(page);
    await main().getByRole('heading', { name: 'Nog geen analyses' }).waitFor();
    await expectAccessible(page, 'analyses-leeg', DESKTOP.width);

    const form = main().getByRole('region', { name: 'Nieuwe analyse' });
    await form.getByLabel('Soort analyse').selectOption('issue');
    await form.getByLabel('Zoekwoorden (optioneel)').fill('windmolens');
    await form.getByRole('button', { name: 'Analyse maken' }).click();
    await page.waitForURL(/\/luisteren\/analyses\/[0-9a-f-]{36}$/);
    await waitForPage(page);
    await main().getByRole('heading', { name: 'De cijfers' }).waitFor();
    await expect.poll(() => main().getByLabel('Analyse', { exact: true }).inputValue()).toContain('Volume: 2 berichten');
    await expectAccessible(page, 'analyse-bewerken', DESKTOP.width);

    await main().getByLabel('Advies', { exact: true }).fill('Ga vóór de raadsvergadering in gesprek met de energiecoöperatie en de buurt.');
    await main().getByRole('button', { name: 'Opslaan' }).click();
    await main().getByText('Opgeslagen (versie 2).').waitFor();

    const link = main().getByRole('link', { name: 'PDF downloaden' });
    const href = await link.getAttribute('href');
    const pdf = await page.context().request.get(`${e2e.baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const { text } = await extractText(new Uint8Array(await pdf.body()), { mergePages: true });
    expect(text).toContain('Ga vóór de raadsvergadering in gesprek met de energiecoöperatie');
    expect(text).toContain('Aanleiding');

    await main().getByRole('button', { name: 'Definitief maken' }).click();
    await main().getByText('Deze analyse is definitief.', { exact: false }).waitFor();

    await main().getByRole('link', { name: 'Terug naar de analyses' }).click();
    await waitForPage(page);
    await main()
      .getByRole('link', { name: /Issue-analyse/ })
      .waitFor();
    await expectAccessible(page, 'analyses-lijst', DESKTOP.width);

    await page.setViewportSize(PHONE);
    await expectAccessible(page, 'analyses-lijst', PHONE.width);
    expect(errors).toEqual([]);
  });

  it('plant een TamTam op een gekozen dag en tijd, voor één gemeente van de werkorganisatie', async () => {
    const context = await openContext(browser, DESKTOP);
    const adviser = await context.newPage();
    const adviserErrors = collectPageErrors(adviser);
    await signInWithForm(adviser, e2e.baseUrl, e2e.admin.email, e2e.admin.password);
    await adviser.goto(`${e2e.baseUrl}/luisteren/analyses`);
    await waitForPage(adviser);
    const form = adviser.locator('main').getByRole('form', { name: 'Analyse plannen' });
    await form.getByLabel('Titel').fill('TamTam voor het college van Bergen');
    await form.getByLabel('Soort analyse').selectOption('tamtam');
    await form.getByLabel('Gemeente').selectOption({ label: 'Bergen' });
    await form.getByLabel('Dag', { exact: true }).selectOption({ label: 'Elke dinsdag' });
    await form.getByLabel('Tijd').fill('');
    await form.getByRole('button', { name: 'Plannen' }).click();
    await form.getByText('Geef een tijd als 08:00.').waitFor();
    await form.getByLabel('Tijd').fill('07:30');
    await form.getByLabel('Aantal dagen terug').selectOption({ label: '14 dagen' });
    await form.getByRole('button', { name: 'Plannen' }).click();
    await adviser.locator('main').getByText('Planning TamTam voor het college van Bergen is opgeslagen.').waitFor();
    const row = adviser.locator('main').getByRole('row', { name: /TamTam voor het college van Bergen/ });
    await row.getByText('Elke dinsdag om 07:30').waitFor();
    await row.getByText('14 dagen').waitFor();
    await expectAccessible(adviser, 'analyses-planning', DESKTOP.width);

    const stored = await e2e.testApp.database.db
      .selectFrom('analysis_schedules')
      .select(['cron', 'period_days', 'municipality_id'])
      .where('organisation_id', '=', e2e.organisation.id)
      .executeTakeFirstOrThrow();
    const bergen = e2e.organisation.municipalities.find((m) => m.name === 'Bergen')!;
    expect(stored).toEqual({ cron: '30 7 * * 2', period_days: 14, municipality_id: bergen.id });
    expect(adviserErrors).toEqual([]);
    await context.close();
  });
});
