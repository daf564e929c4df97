import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage } from '../../server/src/modules/channels/connector.types';
import { storeMessages } from '../../server/src/modules/channels/ingest.service';
import { buildChannelAccount, buildUser } from '../factories';
import { collectPageErrors, DESKTOP, expectAccessible, launchChromium, openContext, PHONE, signInWithForm, waitForPage } from './browser';
import { type E2eApp, startE2eApp, TEST_PASSWORD } from './e2e-app';

const RUMOUR = 'Het zwembad in Bergen gaat volgende maand definitief dicht, de gemeente heeft het stilletjes besloten';
const CORRECTION = 'Het zwembad blijft gewoon open. Er is niets besloten over sluiting, lees de feiten op https://www.bergen.nl/zwembad';

// An analyst follows a rumour: marks the post on its item page, works through the checklist, links the
// municipality's correction and sees on the chart (and in its table) whether the correction catches up.
describe('Geruchten in de webapp', () => {
  let e2e: E2eApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let account: Parameters<typeof storeMessages>[2];
  let sequence = 0;
  let origin = '';
  let correction = '';

  const receive = async (posts: Array<{ text: string; author: string; hoursAgo: number }>) => {
    const { db } = e2e.testApp.database;
    const ids = await storeMessages(
      db,
      e2e.testApp.clock,
      account,
      posts.map((post) =>
        buildPlainMessage({
          platformId: `geruchten-e2e-${++sequence}`,
          author: { id: post.author, handle: post.author, displayName: null, followers: 120 },
          text: post.text,
          visibility: 'openbaar',
          postedAt: new Date(e2e.testApp.clock.now().getTime() - post.hoursAgo * 3_600_000),
          raw: {},
        }),
      ),
      { stream: 'search' },
    );
    await e2e.testApp.worker.drain();
    return ids;
  };

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
    account = await db.selectFrom('channel_accounts').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    [origin = ''] = await receive([{ text: RUMOUR, author: 'anoniem123', hoursAgo: 5 }]);
    await receive([
      { text: `RT @anoniem123: ${RUMOUR}`, author: 'buur1', hoursAgo: 4 },
      { text: `RT @anoniem123: ${RUMOUR}`, author: 'buur2', hoursAgo: 4 },
    ]);
    [correction = ''] = await receive([{ text: CORRECTION, author: 'gemeentebergen', hoursAgo: 2 }]);
    await receive([
      { text: `RT @gemeentebergen: ${CORRECTION}`, author: 'inwoner1', hoursAgo: 1 },
      { text: `RT @gemeentebergen: ${CORRECTION}`, author: 'inwoner2', hoursAgo: 1 },
      { text: `RT @gemeentebergen: ${CORRECTION}`, author: 'inwoner3', hoursAgo: 1 },
    ]);
    const analyst = await buildUser(db, clock, e2e.organisation.id, { roles: ['omgevingsanalist'], municipalityIds: [bergen.id], name: 'Anna Analist' });
    browser = await launchChromium();
    page = await (await openContext(browser, DESKTOP)).newPage();
    errors = collectPageErrors(page);
    await signInWithForm(page, e2e.baseUrl, analyst.email, TEST_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
  });

  const main = () => page.locator('main');

  it('markeert een bericht als gerucht, vult de controle in, koppelt de rechtzetting en toont de verspreiding', async () => {
    await page.getByRole('navigation', { name: 'Onderdelen van Luisteren' }).getByRole('link', { name: 'Geruchten' }).click();
    await waitForPage(page);
    await main().getByRole('heading', { name: 'Nog geen geruchten' }).waitFor();
    await expectAccessible(page, 'geruchten-leeg', DESKTOP.width);

    await page.goto(`${e2e.baseUrl}/luisteren/berichten/${origin}`);
    await waitForPage(page);
    await main().getByLabel('Titel van het gerucht (mag leeg)').fill('Zwembad Bergen gaat dicht');
    await main().getByRole('button', { name: 'Markeer als gerucht' }).click();
    await page.waitForURL(/\/luisteren\/geruchten\/[0-9a-f-]{36}$/);
    await main().getByRole('heading', { level: 1, name: 'Zwembad Bergen gaat dicht' }).waitFor();
    const facts = main().getByRole('region', { name: 'Stand' });
    await facts.getByText('Wordt onderzocht').waitFor();
    expect(await facts.locator('dd').nth(1).textContent()).toBe('3');
    await expectAccessible(page, 'gerucht-nieuw', DESKTOP.width);

    const check = main().getByRole('region', { name: 'Controle' });
    await check.getByLabel('Nagegaan: de auteur').check();
    await check.getByLabel('Bevinding over de auteur').fill('Account van drie dagen oud, geen profielfoto');
    await check.getByLabel('Nagegaan: grap of satire').check();
    await check.getByLabel('Status van het gerucht').selectOption('ontkracht');
    await check.getByRole('button', { name: 'Opslaan' }).click();
    await check.getByText('Opgeslagen.').waitFor();
    await facts.getByText('Ontkracht').waitFor();

    const fix = main().getByRole('region', { name: 'Rechtzetting' });
    await fix.getByLabel('Bericht-id van de rechtzetting').fill('geen-id');
    await fix.getByRole('button', { name: 'Opslaan' }).click();
    await fix.getByText(/Een bericht-id ziet eruit/).waitFor();
    // Found by its words rather than pasted: the correction and its reposts, not the rumour.
    const finder = fix.getByRole('search', { name: 'Zoek de rechtzetting' });
    await finder.getByLabel('Woorden uit de rechtzetting').fill('z');
    await finder.getByRole('button', { name: 'Zoeken' }).click();
    await finder.getByText('Zoek op minstens twee tekens.').waitFor();
    await finder.getByLabel('Woorden uit de rechtzetting').fill('zwembad open');
    await finder.getByRole('button', { name: 'Zoeken' }).click();
    await fix.getByText('4 berichten gevonden.').waitFor();
    await expectAccessible(page, 'gerucht-rechtzetting-zoeken', DESKTOP.width);
    await fix.getByRole('button', { name: /^Kies als rechtzetting: gemeentebergen/ }).click();
    await fix.getByText(/Gekoppeld: gemeentebergen/).waitFor();
    await fix.getByRole('button', { name: /^Gekoppeld als rechtzetting: gemeentebergen/ }).waitFor();
    expect(await fix.getByLabel('Bericht-id van de rechtzetting').inputValue()).toBe(correction);
    await fix.getByLabel('Webadres van de rechtzetting').fill('https://www.bergen.nl/zwembad');
    await fix.getByRole('button', { name: 'Opslaan' }).click();
    await fix.getByText('Opgeslagen.').first().waitFor();
    await facts.getByText(/De rechtzetting kwam voor het eerst vaker voor dan het gerucht/).waitFor();
    expect(await facts.locator('dd').nth(4).textContent()).toBe('4');

    const spread = main().getByRole('region', { name: 'Verspreiding' });
    await spread.locator('.recharts-surface').first().waitFor();
    await spread.locator('.recharts-line').nth(1).waitFor();
    await spread.locator('summary', { hasText: 'Berichten per uur' }).click();
    const table = spread.getByRole('table', { name: 'Berichten per uur' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Moment', 'Gerucht', 'Rechtzetting']);
    expect(await table.locator('tbody tr').count()).toBe(5);
    expect(await table.locator('tbody tr').last().locator('td').allTextContents()).toEqual([expect.any(String), '0', '3']);
    await expectAccessible(page, 'gerucht-met-rechtzetting', DESKTOP.width);

    // The checks survive a reload, and the list shows the rumour with its status.
    await page.reload();
    await waitForPage(page);
    expect(await main().getByLabel('Bevinding over de auteur').inputValue()).toBe('Account van drie dagen oud, geen profielfoto');
    expect(await main().getByLabel('Nagegaan: de auteur').isChecked()).toBe(true);

    // Explore, filtered on the rumour: its one original with the reposts folded in, the filter filled in.
    await main()
      .getByRole('link', { name: /Bekijk de berichten van dit gerucht in Verkennen/ })
      .click();
    await page.waitForURL(/\/luisteren\?gerucht=/);
    await waitForPage(page);
    expect(await main().getByLabel('Gerucht', { exact: true }).locator('option:checked').textContent()).toMatch(/^Zwembad Bergen gaat dicht/);
    await main()
      .getByText(/anoniem123/)
      .first()
      .waitFor();
    expect(
      await main()
        .getByText(/gemeentebergen/)
        .count(),
    ).toBe(0);
    await page.goBack();
    await waitForPage(page);
    await page.getByRole('navigation', { name: 'Onderdelen van Luisteren' }).getByRole('link', { name: 'Geruchten' }).click();
    await waitForPage(page);
    const row = main().getByRole('row', { name: /Zwembad Bergen gaat dicht/ });
    await row.getByText('Ontkracht').waitFor();
    await row.getByText('Gekoppeld').waitFor();
    await expectAccessible(page, 'geruchten-lijst', DESKTOP.width);

    // The item page now says which rumour the item belongs to.
    await page.goto(`${e2e.baseUrl}/luisteren/berichten/${origin}`);
    await waitForPage(page);
    await main().getByRole('region', { name: 'Gerucht' }).getByRole('link', { name: 'Zwembad Bergen gaat dicht' }).waitFor();
    await expectAccessible(page, 'bericht-met-gerucht', DESKTOP.width);
    expect(errors).toEqual([]);
  });

  it('werkt op 360 pixels breed zonder zijwaarts te schuiven', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${e2e.baseUrl}/luisteren/geruchten`);
    await expectAccessible(page, 'geruchten-lijst', PHONE.width);
    await main().getByRole('link', { name: 'Zwembad Bergen gaat dicht' }).click();
    await waitForPage(page);
    await expectAccessible(page, 'gerucht', PHONE.width);
    expect(errors).toEqual([]);
  });
});
