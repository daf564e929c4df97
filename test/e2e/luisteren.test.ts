import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage } from '../../server/src/modules/channels/connector.types';
import { storeMessages } from '../../server/src/modules/channels/ingest.service';
import { buildChannelAccount, buildUser } from '../factories';
import { collectPageErrors, DESKTOP, expectAccessible, launchChromium, openContext, PHONE, signInWithForm, waitForPage } from './browser';
import { type E2eApp, startE2eApp, TEST_PASSWORD } from './e2e-app';

// An analyst's day in Luisteren: a monitor made (after the editor points at a mistake in the query), the
// stored messages searched with a progress bar, a burst of posts that raises an alert, the burst opened from
// the alert, tenors corrected one by one and in bulk, and the reliability page counting those corrections.
describe('Luisteren in de webapp', () => {
  let e2e: E2eApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let account: Parameters<typeof storeMessages>[2];
  let sequence = 0;

  const receive = async (posts: Array<{ text: string; author: string; postedAt?: Date; geo?: { lat: number; lon: number } }>) => {
    const { db } = e2e.testApp.database;
    await storeMessages(
      db,
      e2e.testApp.clock,
      account,
      posts.map((post) =>
        buildPlainMessage({
          platformId: `luisteren-e2e-${++sequence}`,
          author: { id: post.author, handle: post.author, displayName: null, followers: 120 },
          text: post.text,
          geo: post.geo ?? null,
          visibility: 'openbaar',
          postedAt: post.postedAt ?? e2e.testApp.clock.now(),
          raw: {},
        }),
      ),
      { stream: 'search' },
    );
    await e2e.testApp.worker.drain();
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
    // What was already stored before the monitor existed: the backfill must find the fire drill.
    const quiet = new Date(clock.now().getTime() - 90 * 60_000);
    await receive([
      { text: 'Oefening van de brandweer bij de haven, geen brand', author: 'brandweer_bergen', postedAt: quiet },
      { text: 'Wat een prachtige nieuwe speeltuin in het park, dank gemeente!', author: 'ouder_bergen', postedAt: quiet, geo: { lat: 52.6623, lon: 4.7011 } },
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

  it('vraagt eerst om een monitor, wijst een fout in de zoekvraag aan terwijl de analist typt, en doorzoekt daarna de opgeslagen berichten', async () => {
    await main().getByRole('heading', { name: 'Maak eerst een monitor' }).waitFor();
    await expectAccessible(page, 'luisteren-zonder-monitor', DESKTOP.width);
    await page.getByRole('navigation', { name: 'Onderdelen van Luisteren' }).getByRole('link', { name: 'Monitors' }).click();
    await waitForPage(page);
    await main().getByRole('heading', { name: 'Nog geen monitors' }).waitFor();
    await expectAccessible(page, 'luisteren-monitors-leeg', DESKTOP.width);

    await main().getByRole('link', { name: 'Monitor maken' }).first().click();
    await page.waitForURL(/\/luisteren\/monitors\/nieuw$/);
    await waitForPage(page);
    await main().getByLabel('Naam').fill('Brand');
    let requests = 0;
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/monitors') && request.method() === 'POST') requests++;
    });
    const query = main().getByLabel('Zoekvraag');
    await query.pressSequentially('(brand OF rook*');
    // The parser in the browser: the error is shown next to the field, with the place marked, before any request.
    await main().getByText('Haakje ")" ontbreekt').waitFor();
    expect(await query.getAttribute('aria-invalid')).toBe('true');
    expect(await main().locator('.plein-luisteren-query-mark mark').count()).toBe(1);
    expect(requests).toBe(0);
    await main().getByText('Hulp bij de zoekvraag').click();
    await main().getByRole('cell', { name: 'afval OF gft' }).waitFor();
    await expectAccessible(page, 'luisteren-monitor-fout', DESKTOP.width);
    await query.fill('brand OF rook*');
    await main().getByText('De zoekvraag is in orde.').waitFor();
    await main().getByRole('button', { name: 'Monitor maken' }).click();
    await page.waitForURL(/\/luisteren\/monitors$/);
    await main().getByText('Monitor Brand is gemaakt.').waitFor();
    // Waiting for the worker: a progress bar with a name, then done (the page asks every two seconds).
    await main().getByRole('progressbar', { name: 'Opgeslagen berichten doorzocht voor Brand' }).waitFor();
    await expectAccessible(page, 'luisteren-monitors-bezig', DESKTOP.width);
    await e2e.testApp.worker.drain();
    await main().getByRole('cell', { name: 'Klaar' }).waitFor({ timeout: 10_000 });
    expect(await main().getByRole('row', { name: /Brand/ }).textContent()).toContain('1');
    expect(requests).toBe(1);
    expect(errors).toEqual([]);
  });

  it('toont een piek als signaal zonder te verversen, en opent vanuit het signaal precies die berichten', async () => {
    await page.getByRole('navigation', { name: 'Onderdelen van Luisteren' }).getByRole('link', { name: 'Signalen' }).click();
    await waitForPage(page);
    await main().getByRole('heading', { name: 'Geen signalen' }).waitFor();
    await expectAccessible(page, 'luisteren-signalen-leeg', DESKTOP.width);

    // Thirty posts about smoke in the last minute, against a quiet hour and a half.
    const start = e2e.testApp.clock.now().getTime() - 60_000;
    for (let batch = 0; batch < 3; batch++) {
      await receive(
        Array.from({ length: 10 }, (_, index) => ({
          text: `Enorme rookwolk boven het industrieterrein, ramen dicht! ${batch}-${index}`,
          author: `getuige${batch}${index}`,
          postedAt: new Date(start + batch * 15_000 + index * 1000),
          geo: index === 0 ? { lat: 52.66 + batch / 100, lon: 4.7 } : undefined,
        })),
      );
    }
    const alert = main().locator('.plein-luisteren-alert', { hasText: 'Piek bij Brand' });
    await alert.waitFor({ timeout: 15_000 });
    // The alert fires within the minute of the burst, on the first batch that stands out.
    const observed = /Tussen \d\d-\d\d-\d{4} \d\d:\d\d en \d\d-\d\d-\d{4} \d\d:\d\d: (\d+) berichten, waar/.exec((await alert.textContent()) ?? '')?.[1];
    expect(Number(observed)).toBeGreaterThanOrEqual(10);
    await expectAccessible(page, 'luisteren-signalen', DESKTOP.width);

    await alert.getByRole('link', { name: 'Bekijk de berichten van deze piek' }).click();
    await page.waitForURL(/\/luisteren\?monitor=[0-9a-f-]{36}&van=.*&tot=/);
    await waitForPage(page);
    const count = Number(/(\d+) berichten/.exec((await main().locator('.plein-result-count').textContent()) ?? '')?.[1]);
    // Every post the alert counted is in the list it links to.
    expect(count).toBeGreaterThanOrEqual(Number(observed));
    expect(await main().getByLabel('Monitor', { exact: true }).inputValue()).toMatch(/^[0-9a-f-]{36}$/);
    // Unseen alerts stand at the top; the chart has its table; the map has its list.
    await main().getByText('Er is 1 nieuw signaal.').waitFor();
    expect(await main().locator('.recharts-surface').count()).toBeGreaterThan(0);
    await main().locator('summary', { hasText: 'Cijfers per uur' }).click();
    expect(await main().getByRole('table', { name: 'Cijfers per uur' }).textContent()).toContain(String(count));
    // Only the burst: the monitor's older match (the fire drill) lies outside the alert's window.
    const list = (await main().getByRole('table', { name: 'Berichten, nieuwste eerst' }).textContent()) ?? '';
    expect(list).toContain('Enorme rookwolk');
    expect(list).not.toContain('Oefening van de brandweer');
    expect(await main().getByRole('heading', { name: 'Berichten op de kaart' }).count()).toBe(1);
    await expectAccessible(page, 'luisteren-piek', DESKTOP.width);
    expect(errors).toEqual([]);
  });

  it('verbetert de tenor van één bericht en van een selectie, en de betrouwbaarheid telt ze', async () => {
    await main()
      .getByRole('link', { name: /Enorme rookwolk boven het industrieterrein/ })
      .first()
      .click();
    await page.waitForURL(/\/luisteren\/berichten\/[0-9a-f-]{36}$/);
    await waitForPage(page);
    await main()
      .getByRole('heading', { name: /^Bericht van @getuige\d+$/ })
      .waitFor();
    await main().getByRole('heading', { name: 'Eerder van deze auteur' }).waitFor();
    expect(await main().getByRole('link', { name: 'Maak melding' }).count()).toBe(0);
    await expectAccessible(page, 'luisteren-bericht', DESKTOP.width);
    await main().getByRole('radio', { name: 'Kritiek' }).check();
    await main().getByLabel('Onderwerp').fill('brand industrieterrein');
    await main().getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await main().getByText('Opgeslagen. Dank u: het model leert hiervan.').waitFor();
    await main().getByText('een mens', { exact: true }).waitFor();

    await page.goBack();
    await waitForPage(page);
    // The first item is the one just corrected; two others are corrected together.
    const boxes = main().getByRole('checkbox', { name: /^Bericht van @getuige\d+ selecteren$/ });
    await boxes.nth(1).check();
    await boxes.nth(2).check();
    await main().getByText('2 berichten geselecteerd').waitFor();
    await main().getByRole('button', { name: 'Tenor opslaan' }).click();
    await main().getByText('Kies de tenor die bij deze berichten past.').waitFor();
    await main().getByLabel('Nieuwe tenor').selectOption({ label: 'Kritiek' });
    await main().getByRole('button', { name: 'Tenor opslaan' }).click();
    await main().getByText('De tenor van 2 berichten is verbeterd.', { exact: false }).waitFor();

    await page.getByRole('navigation', { name: 'Onderdelen van Luisteren' }).getByRole('link', { name: 'Betrouwbaarheid' }).click();
    await waitForPage(page);
    const totals = main().locator('section', { has: page.getByRole('heading', { name: 'In totaal' }) });
    await totals.waitFor();
    expect(await totals.textContent()).toMatch(/Beoordeeld\s*3/);
    expect(await main().getByRole('table', { name: 'Overeenstemming per week' }).textContent()).toContain('3');
    await main().getByText('Waarom dit ertoe doet').waitFor();
    await expectAccessible(page, 'luisteren-betrouwbaarheid', DESKTOP.width);
    expect(errors).toEqual([]);
  });

  it('markeert het signaal als gezien, beheert lijsten en verwijdert een monitor na één vraag', async () => {
    await page.goto(`${e2e.baseUrl}/luisteren/signalen`);
    await waitForPage(page);
    await main().getByRole('button', { name: 'Markeer het signaal bij Brand als gezien' }).click();
    await main().locator('.plein-luisteren-alert', { hasText: 'Gezien' }).waitFor();

    await page.getByRole('navigation', { name: 'Onderdelen van Luisteren' }).getByRole('link', { name: 'Lijsten' }).click();
    await waitForPage(page);
    await main().getByRole('heading', { name: 'Nog geen lijsten' }).waitFor();
    await main().getByRole('button', { name: 'Lijst maken' }).click();
    await main().getByText('Vul dit veld in.').waitFor();
    await main().getByLabel('Naam').fill('Getuigen');
    await main().getByLabel('Leden').fill('@getuige00\n@Getuige01');
    await main().getByRole('button', { name: 'Lijst maken' }).click();
    await main().getByText('Lijst Getuigen is gemaakt.').waitFor();
    await main().getByText('2 leden').waitFor();
    await expectAccessible(page, 'luisteren-lijsten', DESKTOP.width);
    await main().getByRole('link', { name: 'Berichten van deze lijst' }).click();
    await page.waitForURL(/\/luisteren\?lijst=/);
    await waitForPage(page);
    await main()
      .getByText(/^2 berichten/)
      .waitFor();

    await page.goto(`${e2e.baseUrl}/luisteren/monitors`);
    await waitForPage(page);
    await main().getByRole('link', { name: 'Brand wijzigen' }).click();
    await waitForPage(page);
    expect(await main().getByLabel('Zoekvraag').inputValue()).toContain('rook');
    await expectAccessible(page, 'luisteren-monitor-wijzigen', DESKTOP.width);
    await main().getByRole('button', { name: 'Monitor verwijderen' }).click();
    await main().getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.waitForURL(/\/luisteren\/monitors$/);
    await main().getByText('Monitor Brand is verwijderd.').waitFor();
    expect(errors).toEqual([]);
  });

  it('werkt op 360 pixels breed zonder zijwaarts te schuiven', async () => {
    await page.setViewportSize(PHONE);
    for (const path of ['/luisteren', '/luisteren/signalen', '/luisteren/betrouwbaarheid', '/luisteren/lijsten', '/luisteren/monitors/nieuw']) {
      await page.goto(`${e2e.baseUrl}${path}`);
      await expectAccessible(page, `luisteren${path.replaceAll('/', '-')}`, PHONE.width);
    }
    expect(errors).toEqual([]);
  });
});
