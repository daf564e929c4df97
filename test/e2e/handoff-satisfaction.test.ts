import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { storeMessages } from '../../server/src/modules/channels/ingest.service';
import { buildChannelAccount } from '../factories';
import { requestAs, signIn } from '../harness';
import { startSmtpSink } from '../smtp-sink';
import { collectPageErrors, DESKTOP, expectAccessible, launchChromium, openContext, PHONE, signInWithForm, waitForPage } from './browser';
import { type E2eApp, startE2eApp, waitForMessage } from './e2e-app';

// A question about a mouldy rental home arrives; the agent adds the housing corporation under Beheer →
// Partners and hands the conversation to it. The corporation follows the link in the e-mail (no account),
// takes it on and answers; the agent sees the answer appear on the conversation. Then the satisfaction
// switch on the account and the figures under Inzicht.
describe('overdracht aan een partner en klanttevredenheid in de webapp', () => {
  let e2e: E2eApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let account: Parameters<typeof storeMessages>[2];

  const arrive = (platformId: string, author: string, name: string, text: string, visibility?: 'prive') =>
    waitForMessage(e2e, account, { platformId, author, name, text, visibility });

  beforeAll(async () => {
    sink = await startSmtpSink();
    e2e = await startE2eApp({ SMTP_URL: sink.url });
    const { db } = e2e.testApp.database;
    const castricum = e2e.organisation.municipalities.find((m) => m.name === 'Castricum')!;
    const view = await buildChannelAccount(db, e2e.testApp.clock, e2e.organisation.id, {
      municipalityId: castricum.id,
      channel: 'gesimuleerd',
      handle: 'Gemeente Castricum (oefen)',
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
    await sink?.close();
  });

  const main = () => page.locator('main');

  it('draagt een gesprek over aan de woningcorporatie, die via de link antwoordt; het antwoord verschijnt bij het gesprek', async () => {
    await page.goto(`${e2e.baseUrl}/beheer/partners`);
    await waitForPage(page);
    await main().getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
    await main().getByText('Nog geen partners').waitFor();
    await main().getByLabel('Naam').fill('Woonstichting Duinstreek');
    await main().getByLabel('E-mailadres').fill('vragen@woonstichting.example.nl');
    await main().getByLabel('Gemeente').selectOption({ label: 'Castricum' });
    await main().getByLabel('Werkdagen om te antwoorden').fill('3');
    await main().getByRole('button', { name: 'Toevoegen' }).click();
    await main().getByText('Partner Woonstichting Duinstreek is toegevoegd.').waitFor();
    await main().getByRole('cell', { name: '3 werkdagen' }).waitFor();
    await expectAccessible(page, 'beheer-partners', DESKTOP.width);

    const conversationId = await arrive('schimmel-1', 'huurder', 'Henk Huurder', 'Er zit schimmel in mijn huurwoning aan de Dorpsstraat. Wie kan mij helpen?');
    await page.goto(`${e2e.baseUrl}/inbox/${conversationId}`);
    await waitForPage(page);
    const panel = main().locator('section', { has: page.getByRole('heading', { name: 'Overdragen', exact: true }) });
    await panel.getByText('Nog niet overgedragen.').waitFor();
    await panel.getByLabel('Overdragen aan').selectOption({ label: 'Een partner buiten de organisatie' });
    await panel.getByLabel('Partner', { exact: true }).selectOption({ label: 'Woonstichting Duinstreek' });
    expect(await panel.getByLabel('Vraag voor de partner').inputValue()).toContain('schimmel in mijn huurwoning');
    await panel.getByLabel('Toelichting voor de partner (optioneel)').fill('De huurder woont op Dorpsstraat 12.');
    await panel.getByRole('button', { name: 'Overdragen' }).click();
    await panel.getByText('Het gesprek is overgedragen.').waitFor();
    await panel.getByTestId('overdracht').getByText('Verstuurd').waitFor();
    await panel.getByText('Wacht op het antwoord van de partner.').waitFor();
    // It waits for the partner now, not for the resident: in the header and in the inbox list.
    await main().locator('.plein-melding-header').getByText('Wacht op partner').waitFor();
    // The handling form follows: saving it now must not put the conversation back to open.
    const handling = main().getByRole('region', { name: 'Behandelen' });
    await expect.poll(() => handling.getByLabel('Toestand').inputValue()).toBe('wachtend');
    await expectAccessible(page, 'gesprek-overgedragen', DESKTOP.width);

    await e2e.testApp.worker.drain();
    const mails = sink.received.filter((mail) => mail.to.includes('vragen@woonstichting.example.nl'));
    expect(mails).toHaveLength(1);
    const path = /\/overdracht\/[a-z0-9-]+\/[A-Za-z0-9_-]+/.exec(mails[0]!.raw.replace(/=\r?\n/g, ''))![0];

    const partner = await (await openContext(browser, PHONE)).newPage();
    const partnerErrors = collectPageErrors(partner);
    await partner.goto(`${e2e.baseUrl}${path}`);
    await waitForPage(partner);
    await partner.getByRole('heading', { level: 1, name: 'Vraag van een inwoner' }).waitFor();
    await partner.getByText('De huurder woont op Dorpsstraat 12.').waitFor();
    // The agent hears that the partner opened it.
    await panel.getByTestId('overdracht').getByText('Geopend').waitFor();
    await partner.getByRole('button', { name: 'Versturen' }).click();
    await partner.getByText('Kies wat u met de vraag doet.').first().waitFor();
    await expectAccessible(partner, 'overdracht-partner-fout', PHONE.width);
    await partner.getByRole('radio', { name: 'Ik ga ermee aan de slag' }).check();
    await partner.getByRole('button', { name: 'Versturen' }).click();
    await partner.getByText('Stand van zaken: u bent ermee bezig').waitFor();
    await panel.getByTestId('overdracht').getByText('In behandeling').waitFor();

    await partner.getByRole('radio', { name: 'De vraag is afgehandeld' }).check();
    await partner.getByLabel('Uw antwoord', { exact: true }).fill('Onze opzichter komt dinsdag langs om de schimmel te bekijken.');
    await partner.getByRole('button', { name: 'Versturen' }).click();
    await partner.getByText(/De gemeente heeft uw reactie gekregen/).waitFor();
    await expectAccessible(partner, 'overdracht-partner-afgehandeld', PHONE.width);
    expect(partnerErrors).toEqual([]);
    await partner.close();

    // Live: without reloading, the agent's page shows the answer and the conversation is open again.
    await panel.getByText('Onze opzichter komt dinsdag langs om de schimmel te bekijken.').waitFor();
    await panel.getByTestId('overdracht').getByText('Afgehandeld').waitFor();
    await main().locator('.plein-melding-header').getByText('Open').waitFor();
    await expectAccessible(page, 'gesprek-partner-antwoord', DESKTOP.width);
    expect(errors).toEqual([]);
  });

  it('zet de tevredenheidsvraag per account en toont de cijfers onder Inzicht met grafiek en tabel', async () => {
    await page.goto(`${e2e.baseUrl}/beheer/kanalen/${account.id}`);
    await waitForPage(page);
    const setting = page.getByRole('checkbox', { name: 'Stel de tevredenheidsvraag na het sluiten van een gesprek' });
    await setting.waitFor();
    expect(await setting.isChecked()).toBe(true);
    await setting.uncheck();
    await main().getByText('De tevredenheidsvraag staat uit.').waitFor();
    await setting.check();
    await main().getByText('De tevredenheidsvraag staat aan.').waitFor();
    await expectAccessible(page, 'kanaal-tevredenheidsvraag', DESKTOP.width);

    const api = requestAs(e2e.testApp.app, await signIn(e2e.testApp.app, e2e.admin.email, e2e.admin.password));
    for (const [index, score] of [5, 4, 2].entries()) {
      // Direct messages, so the question carries the personal link these residents follow.
      const conversationId = await arrive(`tevreden-${index}`, `inwoner${index}`, `Inwoner ${index}`, 'Wanneer is de milieustraat open?', 'prive');
      expect((await api('POST', `/api/v1/conversations/${conversationId}/reply`, { text: 'Van dinsdag tot en met zaterdag. ^SG' })).statusCode).toBe(201);
      expect((await api('PATCH', `/api/v1/conversations/${conversationId}`, { state: 'gesloten' })).statusCode).toBe(200);
      const question = await e2e.testApp.database.db
        .selectFrom('outbox')
        .select('text')
        .where('organisation_id', '=', e2e.organisation.id)
        .where('idempotency_key', 'like', `tevredenheid:${conversationId}:%`)
        .executeTakeFirstOrThrow();
      const url = new URL(/https?:\/\/\S+/.exec(question.text)![0]).pathname.replace(
        /^\/tevreden\/([^/]+)\//,
        '/api/v1/organisations/$1/conversation-satisfaction/',
      );
      const answered = await e2e.testApp.app.inject({
        method: 'POST',
        url,
        remoteAddress: `10.66.0.${index + 1}`,
        payload: { score, ...(score === 2 ? { comment: 'Het antwoord kwam pas na drie dagen.' } : {}) },
      });
      expect(answered.statusCode, answered.body).toBe(201);
    }

    await page.goto(`${e2e.baseUrl}/inzicht`);
    await waitForPage(page);
    await main().getByRole('link', { name: 'Klanttevredenheid webcare' }).click();
    await page.waitForURL(/\/inzicht\/tevredenheid$/);
    await main().getByRole('heading', { level: 1, name: 'Klanttevredenheid webcare' }).waitFor();
    await main().getByRole('heading', { name: 'Verdeling van de cijfers' }).waitFor();
    expect(await main().locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(4);
    await main().getByRole('cell', { name: '3,7', exact: true }).first().waitFor();
    await main().getByText('Het antwoord kwam pas na drie dagen.').waitFor();
    await main().getByRole('cell', { name: 'Sanne de Graaf' }).first().waitFor();
    await expectAccessible(page, 'inzicht-tevredenheid', DESKTOP.width);
    await page.setViewportSize(PHONE);
    await expectAccessible(page, 'inzicht-tevredenheid-telefoon', PHONE.width);
    await page.setViewportSize(DESKTOP);
    expect(errors).toEqual([]);
  });
});
