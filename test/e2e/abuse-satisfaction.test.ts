import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { storeMessages } from '../../server/src/modules/channels/ingest.service';
import { buildChannelAccount } from '../factories';
import { requestAs, signIn } from '../harness';
import { collectPageErrors, DESKTOP, expectAccessible, launchChromium, openContext, PHONE, signInWithForm, waitForPage } from './browser';
import { type E2eApp, startE2eApp, waitForMessage } from './e2e-app';

// A threat arrives: the agent reports it as abuse and blocks the sender, and finds it in the agressieregister.
// Another resident's conversation is answered and closed; the resident gives a score on the public page,
// and the agent sees it on the conversation.
describe('misbruik melden en tevredenheid in de webapp', () => {
  let e2e: E2eApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let account: Parameters<typeof storeMessages>[2];

  const arrive = (platformId: string, author: string, name: string, text: string, visibility?: 'prive') =>
    waitForMessage(e2e, account, { platformId, author, name, text, visibility });

  beforeAll(async () => {
    e2e = await startE2eApp();
    const { db } = e2e.testApp.database;
    const bergen = e2e.organisation.municipalities.find((m) => m.name === 'Bergen')!;
    const view = await buildChannelAccount(db, e2e.testApp.clock, e2e.organisation.id, {
      municipalityId: bergen.id,
      channel: 'gesimuleerd',
      handle: 'Gemeente Bergen (oefen)',
      settings: { scenario: 'alledaags' },
    });
    account = await db.selectFrom('channel_accounts').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    browser = await launchChromium();
    page = await (await openContext(browser, DESKTOP)).newPage();
    errors = collectPageErrors(page);
    await signInWithForm(page, e2e.baseUrl, e2e.admin.email, e2e.admin.password);
  });

  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
  });

  const main = () => page.locator('main');

  it('meldt een bedreiging als misbruik, blokkeert de afzender en toont het in het agressieregister', async () => {
    const conversationId = await arrive('dreiging-1', 'boze-burger', 'Boze Burger', 'Ik weet waar die ambtenaar woont. Pas maar op.');
    await page.goto(`${e2e.baseUrl}/inbox/${conversationId}`);
    await waitForPage(page);
    const panel = main().locator('section', { has: page.getByRole('heading', { name: 'Misbruik melden', exact: true }) });
    await panel.getByRole('checkbox', { name: 'Afzender blokkeren op dit account' }).check();
    await panel.getByRole('checkbox', { name: 'Aangifte gedaan of gaat gebeuren' }).check();
    await panel.getByLabel('Toelichting (optioneel)').fill('Bedreiging van een medewerker');
    await panel.getByRole('button', { name: 'Melden als misbruik' }).click();
    await panel.getByText('Gemeld en opgenomen in het agressieregister.').waitFor();
    await panel.getByText(/Openbaar antwoorden kan niet meer/).waitFor();
    await panel.getByText(/@boze-burger is geblokkeerd op dit account/).waitFor();
    await expectAccessible(page, 'gesprek-misbruik-gemeld', DESKTOP.width);

    await page.goto(`${e2e.baseUrl}/inbox`);
    await waitForPage(page);
    await main().getByRole('link', { name: 'Agressieregister' }).click();
    await page.waitForURL(/\/inbox\/agressieregister$/);
    await main().getByText('Ik weet waar die ambtenaar woont. Pas maar op.').waitFor();
    // The summary follows the register's data, which may still be refetched after the block: wait for it.
    await main().getByRole('status').filter({ hasText: 'blokkeren: 1' }).waitFor();
    await expectAccessible(page, 'agressieregister', DESKTOP.width);
    await page.setViewportSize(PHONE);
    await expectAccessible(page, 'agressieregister-telefoon', PHONE.width);
    await page.setViewportSize(DESKTOP);
    expect(errors).toEqual([]);
  });

  it('vraagt na het sluiten om een cijfer; de inwoner geeft een 4 en de medewerker ziet die bij het gesprek', async () => {
    // A direct message: there the question carries the resident's personal link.
    const conversationId = await arrive('vraag-1', 'joke', 'Joke Jansen', 'Wanneer wordt het grofvuil opgehaald?', 'prive');
    const api = requestAs(e2e.testApp.app, await signIn(e2e.testApp.app, e2e.admin.email, e2e.admin.password));
    expect((await api('POST', `/api/v1/conversations/${conversationId}/reply`, { text: 'Op afspraak, via de afvalapp. ^SG' })).statusCode).toBe(201);
    expect((await api('PATCH', `/api/v1/conversations/${conversationId}`, { state: 'gesloten' })).statusCode).toBe(200);
    const question = await e2e.testApp.database.db
      .selectFrom('outbox')
      .select('text')
      .where('organisation_id', '=', e2e.organisation.id)
      .where('idempotency_key', 'like', 'tevredenheid:%')
      .executeTakeFirstOrThrow();
    const path = new URL(/https?:\/\/\S+/.exec(question.text)![0]).pathname;

    const resident = await (await openContext(browser, PHONE)).newPage();
    const residentErrors = collectPageErrors(resident);
    await resident.goto(`${e2e.baseUrl}${path}`);
    await waitForPage(resident);
    await resident.getByRole('heading', { level: 1, name: 'Hoe tevreden bent u?' }).waitFor();
    await resident.getByRole('button', { name: 'Antwoord versturen' }).click();
    await resident.getByText('Kies een cijfer van 1 tot 5.').first().waitFor();
    await expectAccessible(resident, 'webcare-tevredenheid-fout', PHONE.width);
    await resident.getByRole('radio', { name: '4 – Tevreden' }).check();
    await resident.getByLabel('Toelichting (optioneel)').fill('Duidelijk antwoord, dank!');
    await resident.getByRole('button', { name: 'Antwoord versturen' }).click();
    await resident.getByRole('heading', { name: 'Bedankt voor uw antwoord' }).waitFor();
    await expectAccessible(resident, 'webcare-tevredenheid-bedankt', PHONE.width);
    await resident.reload();
    await resident.getByRole('heading', { level: 1, name: 'U heeft deze vraag al beantwoord' }).waitFor();
    expect(residentErrors).toEqual([]);
    await resident.close();

    await page.goto(`${e2e.baseUrl}/inbox/${conversationId}`);
    await waitForPage(page);
    const score = main().locator('section', { has: page.getByRole('heading', { name: 'Tevredenheid', exact: true }) });
    await score.getByText('4 van 5').waitFor();
    expect(await score.textContent()).toContain('Duidelijk antwoord, dank!');
    await expectAccessible(page, 'gesprek-tevredenheid', DESKTOP.width);
    expect(errors).toEqual([]);
  });
});
