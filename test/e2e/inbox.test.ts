import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage } from '../../server/src/modules/channels/connector.types';
import { storeMessages } from '../../server/src/modules/channels/ingest.service';
import { buildChannelAccount, buildUser } from '../factories';
import { collectPageErrors, DESKTOP, expectAccessible, launchChromium, openContext, PHONE, screenshot, signInWithForm, waitForPage } from './browser';
import { type E2eApp, startE2eApp, TEST_PASSWORD } from './e2e-app';

// A KCC agent's morning: a question from a resident arrives on a channel, the agent finds it in the inbox,
// answers it, the answer leaves through the outbox, and the conversation is closed.
describe('de webcare-inbox in de webapp', () => {
  let e2e: E2eApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let colleague: Awaited<ReturnType<typeof buildUser>>;
  let simulated: Parameters<typeof storeMessages>[2];

  beforeAll(async () => {
    e2e = await startE2eApp();
    const { db } = e2e.testApp.database;
    const clock = e2e.testApp.clock;
    const bergen = e2e.organisation.municipalities.find((m) => m.name === 'Bergen')!;
    const view = await buildChannelAccount(db, clock, e2e.organisation.id, {
      municipalityId: bergen.id,
      channel: 'gesimuleerd',
      handle: 'Gemeente Bergen (oefen)',
      settings: { scenario: 'alledaags' },
    });
    const account = await db.selectFrom('channel_accounts').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    await storeMessages(db, clock, account, [
      buildPlainMessage({
        platformId: 'vraag-1',
        author: { id: 'inwoner-1', handle: '@joke.bergen', displayName: 'Joke Jansen', followers: 40 },
        text: 'Hoe hoog is de hondenbelasting in Bergen dit jaar?',
        visibility: 'openbaar',
        postedAt: clock.now(),
        raw: {},
      }),
    ]);
    await e2e.testApp.worker.drain();
    const agent = await buildUser(db, clock, e2e.organisation.id, { roles: ['kcc'], municipalityIds: [bergen.id], name: 'Kees Klant' });
    colleague = await buildUser(db, clock, e2e.organisation.id, { roles: ['webcare'], municipalityIds: [bergen.id], name: 'Wendy Webcare' });
    simulated = account;
    browser = await launchChromium();
    page = await (await openContext(browser, DESKTOP)).newPage();
    errors = collectPageErrors(page);
    await signInWithForm(page, e2e.baseUrl, agent.email, TEST_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
  });

  const main = () => page.locator('main');

  it('toont het nieuwe gesprek, ongelezen, met de vraag van de inwoner', async () => {
    await page.goto(`${e2e.baseUrl}/inbox`);
    await waitForPage(page);
    const item = main().locator('.plein-inbox-item', { hasText: 'Joke Jansen' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Hoe hoog is de hondenbelasting');
    expect(await item.getByRole('img', { name: 'Ongelezen' }).count()).toBe(1);
    // Keyboard: j to the first conversation, / to the search field (never while typing).
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Joke Jansen');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
    await page.keyboard.type('j');
    expect(await main().locator('input[type=search]').inputValue()).toBe('j');
    await main().locator('input[type=search]').fill('');
    await expectAccessible(page, 'inbox-lijst', DESKTOP.width);
  });

  it('antwoordt; het antwoord gaat via de wachtrij de deur uit en het gesprek wacht op de inwoner', async () => {
    await main().getByRole('link', { name: 'Joke Jansen' }).click();
    await page.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    await waitForPage(page);
    await main().getByRole('heading', { name: 'Gesprek met Joke Jansen' }).waitFor();
    await expectAccessible(page, 'inbox-gesprek', DESKTOP.width);

    await main().getByRole('button', { name: 'Versturen' }).click();
    await main().getByText('Schrijf eerst een antwoord.').first().waitFor();
    await main().getByLabel('Uw antwoord aan Joke Jansen').fill('Dag Joke, in 2026 is het € 120 per hond per jaar. Groet, Kees');
    expect(
      await main()
        .getByText(/van 500 tekens op Gesimuleerd/)
        .count(),
    ).toBe(1);
    // The tone code (Utrecht's three questions by default) is ticked before a reply can go.
    await main().getByRole('button', { name: 'Versturen' }).click();
    await main().getByText('Vink eerst alle vragen van het toonkader af.').first().waitFor();
    const tone = main().getByRole('group', { name: 'Toonkader: vink elke vraag af' }).getByRole('checkbox');
    for (let i = 0; i < (await tone.count()); i++) await tone.nth(i).check();
    await main().getByRole('button', { name: 'Versturen' }).click();
    // Ten seconds to change one's mind, then it is queued.
    await main().getByRole('button', { name: 'Ongedaan maken' }).waitFor();
    await main().getByText('Uw antwoord staat in de wachtrij').first().waitFor({ timeout: 20_000 });
    await main().getByText('Wacht op verzending').waitFor();

    await e2e.testApp.worker.drain();
    await e2e.testApp.worker.drain();
    await page.reload();
    await waitForPage(page);
    const sent = main().locator('.plein-conversation__message--uit');
    await sent.first().waitFor();
    expect(await sent.first().textContent()).toContain('€ 120 per hond per jaar. Groet, Kees ^KK');
    expect(await main().locator('.plein-melding-header').textContent()).toContain('Wacht op inwoner');
    await screenshot(page, 'inbox-beantwoord');
  });

  it('sluit het gesprek en zet er een label op', async () => {
    await main().getByLabel('Toestand').selectOption({ label: 'Gesloten' });
    await main().getByLabel('Labels').fill('belastingen');
    await main().getByRole('button', { name: 'Opslaan' }).click();
    await main().getByText('Opgeslagen.').waitFor();
    const stored = await e2e.testApp.database.db
      .selectFrom('conversations')
      .select(['state', 'labels'])
      .where('organisation_id', '=', e2e.organisation.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ state: 'gesloten', labels: ['belastingen'] });
    await page.goto(`${e2e.baseUrl}/inbox`);
    await waitForPage(page);
    await main().getByText('Geen gesprekken die bij deze weergave en filters passen.').waitFor();
    await main().getByLabel('Toestand').selectOption({ label: 'Gesloten' });
    await main().getByRole('button', { name: 'Toepassen' }).click();
    await page.waitForURL(/toestand=gesloten/);
    await main().locator('.plein-inbox-item', { hasText: 'Joke Jansen' }).waitFor();
    // This view saved under a name, and back to it from elsewhere with one click.
    await main().getByText('Deze weergave opslaan').click();
    await main().getByLabel('Naam van de weergave').fill('Gesloten');
    await main().getByRole('button', { name: 'Opslaan' }).click();
    await main().getByRole('list', { name: 'Mijn opgeslagen weergaven' }).getByRole('link', { name: 'Gesloten' }).waitFor();
    await page.goto(`${e2e.baseUrl}/inbox`);
    await waitForPage(page);
    await main().getByRole('link', { name: 'Gesloten' }).click();
    await page.waitForURL(/toestand=gesloten/);
    await main().locator('.plein-inbox-item', { hasText: 'Joke Jansen' }).waitFor();
    expect(await main().getByLabel('Toestand').inputValue()).toBe('gesloten');
    await page.setViewportSize(PHONE);
    await expectAccessible(page, 'inbox-lijst-telefoon', PHONE.width);
    expect(errors).toEqual([]);
  });

  it('toont een nieuw bericht zonder te verversen, en waarschuwt als een collega al een antwoord typt', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${e2e.baseUrl}/inbox`);
    await waitForPage(page);
    const { db } = e2e.testApp.database;
    await storeMessages(db, e2e.testApp.clock, simulated, [
      buildPlainMessage({
        platformId: 'vraag-2',
        author: { id: 'inwoner-2', handle: '@piet', displayName: 'Piet Pieters', followers: 3 },
        text: 'Is het gemeentehuis open op tweede kerstdag?',
        visibility: 'openbaar',
        postedAt: e2e.testApp.clock.now(),
        raw: {},
      }),
    ]);
    await e2e.testApp.worker.drain();
    // Pushed by the server (server-sent events): no reload, and well within the 60-second fallback poll.
    await main().locator('.plein-inbox-item', { hasText: 'Piet Pieters' }).waitFor({ timeout: 10_000 });

    const other = await (await openContext(browser, DESKTOP)).newPage();
    await signInWithForm(other, e2e.baseUrl, colleague.email, TEST_PASSWORD);
    await main().getByRole('link', { name: 'Piet Pieters' }).click();
    await waitForPage(page);
    await other.goto(page.url());
    await waitForPage(other);
    await other.locator('main').getByLabel('Uw antwoord aan Piet Pieters').fill('Nee, op tweede kerstdag is het gemeentehuis gesloten.');
    await main().getByText('Let op: Wendy Webcare typt al een antwoord op dit gesprek.').waitFor({ timeout: 10_000 });
    await expectAccessible(page, 'inbox-botsing', DESKTOP.width);
    await other.close();
    expect(errors).toEqual([]);
  });

  it('maakt van een bericht een melding; de inwoner hoort het op het kanaal en het gesprek toont de melding', async () => {
    const { db } = e2e.testApp.database;
    await storeMessages(db, e2e.testApp.clock, simulated, [
      buildPlainMessage({
        platformId: 'melding-1',
        author: { id: 'inwoner-3', handle: '@truus', displayName: 'Truus de Boer', followers: 8 },
        text: 'De lantaarnpaal bij de bushalte in de Dorpsstraat is al een week kapot.',
        visibility: 'openbaar',
        postedAt: e2e.testApp.clock.now(),
        raw: {},
        geo: { lat: 52.6623, lon: 4.7011 },
      }),
    ]);
    await e2e.testApp.worker.drain();
    await page.goto(`${e2e.baseUrl}/inbox`);
    await waitForPage(page);
    await main().getByRole('link', { name: 'Truus de Boer' }).click();
    await waitForPage(page);
    await main().getByText('Van dit gesprek is nog geen melding of klacht gemaakt.').waitFor();
    await main().getByRole('link', { name: 'Maak melding' }).click();
    await page.waitForURL(/\/meldingen\/nieuw\?bericht=/);
    await waitForPage(page);
    expect(await main().getByLabel('Omschrijving').inputValue()).toContain('lantaarnpaal bij de bushalte');
    await expectAccessible(page, 'melding-van-bericht', DESKTOP.width);
    await main().getByRole('button', { name: 'Melding vastleggen' }).click();
    await main().getByText('Vul dit in.').first().waitFor();
    await main().getByLabel('Categorie').selectOption({ label: 'Verlichting – Lantaarnpaal kapot' });
    await main().getByRole('button', { name: 'Melding vastleggen' }).click();
    await page.waitForURL(/\/meldingen\/[0-9a-f-]{36}$/);
    const melding = await db
      .selectFrom('meldingen')
      .select(['number', 'source', 'lat'])
      .where('organisation_id', '=', e2e.organisation.id)
      .executeTakeFirstOrThrow();
    expect(melding).toMatchObject({ source: 'kanaal', lat: 52.6623 });
    const replies = await db.selectFrom('outbox').select('text').where('organisation_id', '=', e2e.organisation.id).execute();
    expect(replies.map((reply) => reply.text).join(' ')).toContain(`melding ${melding.number}`);

    await page.goBack();
    await page.goBack();
    await waitForPage(page);
    await main()
      .getByRole('link', { name: `Melding ${melding.number}` })
      .waitFor();
    expect(errors).toEqual([]);
  });

  it('laat een antwoord met afbeelding eerst door een collega controleren; na goedkeuring gaat het via de wachtrij', async () => {
    const { db } = e2e.testApp.database;
    await storeMessages(db, e2e.testApp.clock, simulated, [
      buildPlainMessage({
        platformId: 'vraag-controle',
        author: { id: 'inwoner-4', handle: '@henk', displayName: 'Henk Hendriks', followers: 12 },
        text: 'Waar komt de nieuwe glasbak te staan?',
        visibility: 'openbaar',
        postedAt: e2e.testApp.clock.now(),
        raw: {},
      }),
    ]);
    await e2e.testApp.worker.drain();
    await page.goto(`${e2e.baseUrl}/inbox`);
    await waitForPage(page);
    await main().getByRole('link', { name: 'Henk Hendriks' }).click();
    await waitForPage(page);
    await main().getByLabel('Uw antwoord aan Henk Hendriks').fill('Dag Henk, de glasbak komt op de hoek van de Kerkstraat, zie het kaartje.');
    const png = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#2a6' } })
      .png()
      .toBuffer();
    await main().getByLabel('Afbeelding toevoegen (PNG of JPEG)').setInputFiles({ name: 'kaartje.png', mimeType: 'image/png', buffer: png });
    await main().getByRole('img', { name: 'Voorbeeld van afbeelding 1' }).waitFor();
    await main().getByLabel('Laten controleren door een collega voordat het verstuurd wordt').check();
    await main().getByLabel('Wie controleert?').selectOption({ label: 'Wendy Webcare' });
    const tone = main().getByRole('group', { name: 'Toonkader: vink elke vraag af' }).getByRole('checkbox');
    for (let i = 0; i < (await tone.count()); i++) await tone.nth(i).check();
    // No alt text yet: the composer says so next to the field and sends nothing.
    await main().getByRole('button', { name: 'Ter controle aanbieden' }).click();
    await main().getByText('Schrijf een alt-tekst bij deze afbeelding.').waitFor();
    await main().getByLabel('Alt-tekst bij afbeelding 1').fill('Kaartje met de plek van de glasbak op de hoek van de Kerkstraat');
    await main().getByRole('button', { name: 'Ter controle aanbieden' }).click();
    const review = main().getByRole('region', { name: 'Ter controle' });
    await review.getByText('Wacht op controle').waitFor();
    await review.getByText('U schreef dit antwoord; een collega controleert het.').waitFor();
    const outbox = () =>
      db
        .selectFrom('outbox')
        .select(['idempotency_key', 'media'])
        .where('organisation_id', '=', e2e.organisation.id)
        .where('idempotency_key', 'like', 'controle:%')
        .execute();
    expect(await outbox()).toEqual([]);
    await expectAccessible(page, 'inbox-ter-controle-schrijver', DESKTOP.width);

    // The colleague finds it under "Ter controle", sees the image with its alt text, and approves.
    const reviewer = await (await openContext(browser, DESKTOP)).newPage();
    const reviewerErrors = collectPageErrors(reviewer);
    await signInWithForm(reviewer, e2e.baseUrl, colleague.email, TEST_PASSWORD);
    await reviewer.goto(`${e2e.baseUrl}/inbox`);
    await waitForPage(reviewer);
    await reviewer.locator('main').getByRole('link', { name: 'Ter controle' }).click();
    await reviewer.waitForURL(/weergave=ter-controle/);
    await reviewer.locator('main').getByRole('link', { name: 'Henk Hendriks' }).click();
    await waitForPage(reviewer);
    const toCheck = reviewer.locator('main').getByRole('region', { name: 'Ter controle' });
    await toCheck.getByRole('img', { name: 'Kaartje met de plek van de glasbak op de hoek van de Kerkstraat' }).waitFor();
    await expectAccessible(reviewer, 'inbox-ter-controle-controleur', DESKTOP.width);
    await screenshot(reviewer, 'inbox-ter-controle');
    await toCheck.getByRole('button', { name: 'Goedkeuren en versturen' }).click();
    await reviewer.locator('main').getByText('Wacht op verzending').waitFor();
    expect(await outbox()).toEqual([
      {
        idempotency_key: expect.stringMatching(/^controle:/),
        media: [{ attachmentId: expect.any(String), altText: 'Kaartje met de plek van de glasbak op de hoek van de Kerkstraat' }],
      },
    ]);
    // The author's screen hears it live: the draft is gone and the reply waits in the queue.
    await main().getByText('Wacht op verzending').waitFor({ timeout: 10_000 });
    expect(await main().getByRole('region', { name: 'Ter controle' }).count()).toBe(0);
    await reviewer.close();
    expect(reviewerErrors).toEqual([]);
    expect(errors).toEqual([]);
  });
});
