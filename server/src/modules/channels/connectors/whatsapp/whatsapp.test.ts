import { createHmac, randomBytes } from 'node:crypto';
import { claimDueJob } from '@platform/jobs/jobs.repository';
import { buildChannelAccount, buildOrganisation, buildUser, TEST_SECRET_KEY } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import {
  buildMessagePayload,
  buildStatusPayload,
  deliverWebhook,
  type Resident,
  startWhatsAppServer,
  type WhatsAppServer,
} from '@test/platforms/whatsapp-server';
import { findFreePort } from '@test/plein-processes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConnectorAccount } from '../../channels.jobs';
import { markOutboxSendStarted } from '../../outbox.repository';
import { loadOutboundRequest } from '../../outbox.service';
import { classifyGraphError } from '../meta/graph.errors';
import { whatsappConnector } from './whatsapp.connector';
import { classifyWhatsappError } from './whatsapp-graph.client';

// Through the real app and worker against a local Cloud API (test/platforms/whatsapp-server.ts).
const TOKEN = 'EAAG-systeemgebruiker-token';
const HOUR = 60 * 60 * 1000;

let t: TestApp;
let meta: WhatsAppServer;

beforeAll(async () => {
  t = await createTestApp();
  meta = await startWhatsAppServer({ now: () => t.clock.now(), accessToken: TOKEN });
}, 60_000);

afterAll(async () => {
  await t?.close();
  await meta?.close();
});

function resident(name: string): Resident {
  return { waId: `316${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, name };
}

// A municipality with a WhatsApp number connected to Plein, a beheerder and a webcare colleague.
async function municipality(settings: Record<string, string> = {}) {
  const org = await buildOrganisation(t.database.db);
  await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  const webcare = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'], municipalityIds: [org.municipalities[0]!.id] });
  const phoneNumberId = String(100_000_000_000_000 + Math.floor(Math.random() * 1e12));
  const secrets = { accessToken: TOKEN, appSecret: randomBytes(16).toString('hex'), verifyToken: `verify-${randomBytes(6).toString('hex')}` };
  const account = await buildChannelAccount(t.database.db, t.clock, org.id, {
    municipalityId: org.municipalities[0]!.id,
    channel: 'whatsapp',
    handle: '+31 72 000 0000',
    serviceUrl: meta.url,
    settings: { phoneNumberId, ...settings },
    secrets,
  });
  // Signed in per call: a session does not outlive the 25 hours some tests skip.
  const api = async (...args: Parameters<ReturnType<typeof requestAs>>) => requestAs(t.app, await signIn(t.app, webcare.email, webcare.password))(...args);
  const target = { organisationId: org.id, accountId: account.id, appSecret: secrets.appSecret, server: meta };
  const deliver = (payload: Record<string, any>, signature?: 'good' | 'bad' | 'missing') => deliverWebhook(t.app, target, payload, signature);
  const text = (who: Resident, body: string, at = t.clock.now()) => buildMessagePayload(phoneNumberId, who, { type: 'text', text: { body } }, at);
  const reply = async (messageId: string, body: string) => {
    const queued = await api('POST', '/api/v1/outbox', { accountId: account.id, kind: 'reply', replyToMessageId: messageId, text: body });
    expect(queued.statusCode, queued.body).toBe(201);
    return queued.json().id as string;
  };
  const outbox = async (id: string) => (await api('GET', `/api/v1/outbox/${id}`)).json();
  return { org, account, phoneNumberId, secrets, api, deliver, text, reply, outbox };
}

const messagesOf = (accountId: string) => t.database.db.selectFrom('messages').selectAll().where('account_id', '=', accountId).orderBy('posted_at').execute();
const accountRow = (id: string) => t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const sentTo = (waId: string) => meta.sent.filter((message) => message.body.to === waId);

describe('WhatsApp Cloud API', () => {
  it('meldt de webhook alleen aan met de juiste verify-token', async () => {
    const bergen = await municipality();
    const url = (token: string, mode = 'subscribe') =>
      `/webhooks/${bergen.org.id}/${bergen.account.id}?hub.mode=${mode}&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`;
    const right = await t.app.inject({ method: 'GET', url: url(bergen.secrets.verifyToken) });
    expect(right.statusCode).toBe(200);
    expect(right.body).toBe('1158201444');
    expect((await t.app.inject({ method: 'GET', url: url('geraden') })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: url(bergen.secrets.verifyToken, 'unsubscribe') })).statusCode).toBe(403);
  });

  it('bewaart een bericht één keer, ook als Meta het twee keer bezorgt, en antwoordt met context', async () => {
    const bergen = await municipality();
    const anna = resident('Anna de Vries');
    const payload = bergen.text(anna, 'Goedemorgen, de container in de Dorpsstraat is niet geleegd.');
    const first = await bergen.deliver(payload);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ ontvangen: 1 });
    // Meta retries a delivery it did not see acknowledged in time.
    expect((await bergen.deliver(payload)).json()).toEqual({ ontvangen: 0 });

    const [inbound] = await messagesOf(bergen.account.id);
    expect(await messagesOf(bergen.account.id)).toHaveLength(1);
    expect(inbound).toMatchObject({
      platform_id: payload.entry[0]!.changes[0]!.value.messages[0]!.id,
      direction: 'in',
      author_id: anna.waId,
      author_handle: `+${anna.waId}`,
      author_name: 'Anna de Vries',
      text: 'Goedemorgen, de container in de Dorpsstraat is niet geleegd.',
      visibility: 'prive',
      public_url: null,
    });

    const id = await bergen.reply(inbound!.id, 'Dank u, we sturen de wagen vanmiddag nog langs.');
    await t.worker.drain();
    expect(await bergen.outbox(id)).toMatchObject({ status: 'verzonden', platformId: expect.stringMatching(/^wamid\./) });
    const [sent] = sentTo(anna.waId);
    expect(sentTo(anna.waId)).toHaveLength(1);
    expect(sent!.phoneNumberId).toBe(bergen.phoneNumberId);
    expect(sent!.body).toMatchObject({
      messaging_product: 'whatsapp',
      to: anna.waId,
      type: 'text',
      text: { body: 'Dank u, we sturen de wagen vanmiddag nog langs.' },
      context: { message_id: inbound!.platform_id },
      biz_opaque_callback_data: id,
    });
  });

  it('weigert een foute of ontbrekende handtekening met 401 en bewaart niets', async () => {
    const bergen = await municipality();
    const payload = bergen.text(resident('Bram'), 'Hallo?');
    for (const signature of ['bad', 'missing'] as const) {
      const response = await bergen.deliver(payload, signature);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'handtekening-ongeldig' });
    }
    // A byte changed after signing is a different body.
    const raw = JSON.stringify(payload);
    const signature = `sha256=${createHmac('sha256', bergen.secrets.appSecret).update(raw).digest('hex')}`;
    const tampered = await t.app.inject({
      method: 'POST',
      url: `/webhooks/${bergen.org.id}/${bergen.account.id}`,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      payload: raw.replace('Hallo?', 'Hallo!'),
    });
    expect(tampered.statusCode).toBe(401);
    expect(await messagesOf(bergen.account.id)).toHaveLength(0);
  });

  it('slaat statusmeldingen en berichten voor een ander nummer niet op als bericht', async () => {
    const bergen = await municipality();
    const anna = resident('Anna');
    for (const status of ['sent', 'delivered', 'read', 'failed'] as const) {
      const response = await bergen.deliver(buildStatusPayload(bergen.phoneNumberId, anna.waId, 'wamid.eigenbericht', status, t.clock.now()));
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ ontvangen: 0 });
    }
    const otherNumber = buildMessagePayload('999999999999999', anna, { type: 'text', text: { body: 'Voor een ander nummer' } }, t.clock.now());
    expect((await bergen.deliver(otherNumber)).json()).toEqual({ ontvangen: 0 });
    expect(await messagesOf(bergen.account.id)).toHaveLength(0);
  });

  it('maakt van locatie, afbeelding en een gekozen knop nette berichten', async () => {
    const bergen = await municipality();
    const cees = resident('Cees');
    const now = t.clock.now();
    const photo = buildMessagePayload(
      bergen.phoneNumberId,
      cees,
      {
        type: 'image',
        context: { from: '15550783881', id: 'wamid.eerder-van-de-gemeente' },
        image: { caption: 'Hier ligt het afval', mime_type: 'image/jpeg', sha256: 'gFzVvi3l0XT1d8n8F2A1c1dGZx0=', id: '1013859600285441' },
      },
      now,
    );
    const place = buildMessagePayload(
      bergen.phoneNumberId,
      cees,
      { type: 'location', location: { latitude: 52.6613, longitude: 4.6366, name: 'Kerkplein', address: 'Kerkplein 1, Bergen' } },
      new Date(now.getTime() + 1000),
    );
    const button = buildMessagePayload(
      bergen.phoneNumberId,
      cees,
      {
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: 'ja', title: 'Ja, graag' } },
        context: { from: '15550783881', id: 'wamid.vraag' },
      },
      new Date(now.getTime() + 2000),
    );
    for (const payload of [photo, place, button]) expect((await bergen.deliver(payload)).json()).toEqual({ ontvangen: 1 });

    const [image, location, choice] = await messagesOf(bergen.account.id);
    expect(image).toMatchObject({
      text: 'Hier ligt het afval',
      reply_to_platform_id: 'wamid.eerder-van-de-gemeente',
      media: [{ type: 'image', url: null, altText: null, attachmentId: null }],
    });
    expect((image!.raw as any).message.image).toMatchObject({ id: '1013859600285441', mime_type: 'image/jpeg' });
    expect(location).toMatchObject({ text: 'Kerkplein, Kerkplein 1, Bergen', geo_lat: 52.6613, geo_lon: 4.6366, media: [] });
    expect(choice).toMatchObject({ text: 'Ja, graag', reply_to_platform_id: 'wamid.vraag' });
  });

  it('gebruikt na 25 uur het goedgekeurde sjabloon, ook als alleen Meta weet dat het venster dicht is', async () => {
    const bergen = await municipality({ templateName: 'antwoord_gemeente' });
    meta.approveTemplate('antwoord_gemeente', { language: 'nl', bodyParameters: 1 });
    const dirk = resident('Dirk');
    await bergen.deliver(bergen.text(dirk, 'Wanneer gaat de milieustraat weer open?'));
    const [question] = await messagesOf(bergen.account.id);
    t.clock.advance(25 * HOUR);

    const late = await bergen.reply(question!.id, 'Maandag weer open.\nVan 8 tot 16 uur.');
    await t.worker.drain();
    expect(await bergen.outbox(late)).toMatchObject({ status: 'verzonden' });
    expect(sentTo(dirk.waId).map((message) => message.body)).toEqual([
      expect.objectContaining({
        type: 'template',
        template: {
          name: 'antwoord_gemeente',
          language: { code: 'nl' },
          components: [{ type: 'body', parameters: [{ type: 'text', text: 'Maandag weer open. Van 8 tot 16 uur.' }] }],
        },
      }),
    ]);
    expect(sentTo(dirk.waId)[0]!.body.context).toBeUndefined();

    // Plein thinks the message is recent, Meta knows better (131047, nothing sent): the template goes instead.
    await t.database.db.updateTable('messages').set({ posted_at: t.clock.now() }).where('id', '=', question!.id).execute();
    const attemptsBefore = meta.attempts.length;
    const second = await bergen.reply(question!.id, 'Nog een aanvulling.');
    await t.worker.drain();
    expect(await bergen.outbox(second)).toMatchObject({ status: 'verzonden' });
    expect(meta.attempts.slice(attemptsBefore).map((body) => body.type)).toEqual(['text', 'template']);
    expect(sentTo(dirk.waId)).toHaveLength(2);
  });

  it('stuurt een sjabloon zonder tekstparameter zonder de tekst', async () => {
    const bergen = await municipality({ templateName: 'wij_hebben_antwoord', templateLanguage: 'nl_NL' });
    meta.approveTemplate('wij_hebben_antwoord', { language: 'nl_NL', bodyParameters: 0 });
    const els = resident('Els');
    await bergen.deliver(bergen.text(els, 'Is mijn paspoort klaar?', new Date(t.clock.now().getTime() - 30 * HOUR)));
    const [question] = await messagesOf(bergen.account.id);
    const id = await bergen.reply(question!.id, 'Ja, u kunt het ophalen.');
    await t.worker.drain();
    expect(await bergen.outbox(id)).toMatchObject({ status: 'verzonden' });
    expect(sentTo(els.waId).map((message) => message.body.template)).toEqual([{ name: 'wij_hebben_antwoord', language: { code: 'nl_NL' } }]);
  });

  it('weigert zonder sjabloon buiten het venster met een leesbare Nederlandse fout', async () => {
    const bergen = await municipality();
    const fenna = resident('Fenna');
    await bergen.deliver(bergen.text(fenna, 'Kan ik een parkeervergunning aanvragen?'));
    const [question] = await messagesOf(bergen.account.id);
    // The resident wrote 25 hours ago.
    await t.database.db
      .updateTable('messages')
      .set({ posted_at: new Date(t.clock.now().getTime() - 25 * HOUR) })
      .where('id', '=', question!.id)
      .execute();
    const attemptsBefore = meta.attempts.length;
    const id = await bergen.reply(question!.id, 'Ja, via de website.');
    await t.worker.drain();
    const item = await bergen.outbox(id);
    expect(item.status).toBe('mislukt');
    expect(item.lastError).toContain('24-uursvenster');
    expect(item.lastError).toContain('sjabloon');
    expect(meta.attempts.length).toBe(attemptsBefore);
  });

  it('zet het account op "aandacht nodig" bij een verlopen token (190) en mailt de beheerder één keer', async () => {
    const bergen = await municipality();
    const gijs = resident('Gijs');
    await bergen.deliver(bergen.text(gijs, 'Hallo'));
    const [question] = await messagesOf(bergen.account.id);
    meta.failNext('expired-token');
    const id = await bergen.reply(question!.id, 'Goedemiddag!');
    await t.worker.drain();
    const row = await accountRow(bergen.account.id);
    expect(row.status).toBe('aandacht-nodig');
    expect(row.last_error).toContain('token');
    expect(await bergen.outbox(id)).toMatchObject({ status: 'mislukt' });
    const mails = await t.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('organisation_id', '=', bergen.org.id)
      .where('name', '=', 'mail.versturen')
      .execute();
    expect(mails).toHaveLength(1);
    expect(sentTo(gijs.waId)).toHaveLength(0);
  });

  it('wacht na 429 tot Meta weer berichten aanneemt en verstuurt dan één keer', async () => {
    const bergen = await municipality();
    const hanna = resident('Hanna');
    await bergen.deliver(bergen.text(hanna, 'Wanneer is de inzameling van grofvuil?'));
    const [question] = await messagesOf(bergen.account.id);
    meta.failNext('rate-limit');
    const id = await bergen.reply(question!.id, 'Elke eerste dinsdag van de maand.');
    await t.worker.drain();
    expect(await bergen.outbox(id)).toMatchObject({ status: 'wachtend', attempts: 1 });
    const row = await accountRow(bergen.account.id);
    expect(row.rate_limited_until!.getTime()).toBe(t.clock.now().getTime() + 60_000);
    expect(sentTo(hanna.waId)).toHaveLength(0);

    t.clock.advance(61_000);
    await t.worker.drain();
    expect(await bergen.outbox(id)).toMatchObject({ status: 'verzonden' });
    expect(sentTo(hanna.waId)).toHaveLength(1);
  });
});

describe('WhatsApp zonder idempotentiesleutel', () => {
  it('verstuurt niet vanzelf opnieuw als de worker stierf terwijl Meta het bericht misschien al had; een medewerker beslist', async () => {
    const bergen = await municipality();
    const ilse = resident('Ilse');
    await bergen.deliver(bergen.text(ilse, 'Is het stadhuis zaterdag open?'));
    const [question] = await messagesOf(bergen.account.id);
    const id = await bergen.reply(question!.id, 'Nee, zaterdag is het gesloten.');

    // Attempt 1 reaches Meta and the process dies before recording it.
    const now = t.clock.now();
    const claimed = await claimDueJob(t.database.db, {
      names: ['kanaal.versturen'],
      workerId: 'gestorven',
      now,
      leaseUntil: new Date(now.getTime() + 300_000),
    });
    expect(claimed?.payload).toMatchObject({ outboxId: id });
    const loaded = (await loadOutboundRequest(t.database.db, bergen.org.id, id))!;
    // As the send job does before it calls a platform that cannot be asked afterwards.
    await markOutboxSendStarted(t.database.db, bergen.org.id, id, now);
    const first = await whatsappConnector.send!(buildConnectorAccount({ current: TEST_SECRET_KEY, previous: [] }, loaded.account), loaded.request, {
      fetch,
      clock: t.clock,
    });

    // Attempt 2 finds an attempt that began and never ended, and cannot ask the Cloud API: it does not send again.
    t.clock.advance(301_000);
    await t.worker.drain();
    const item = await bergen.outbox(id);
    expect(item).toMatchObject({ status: 'mislukt', lastError: expect.stringContaining('Onzeker of dit bericht is aangekomen') });
    expect(sentTo(ilse.waId).map((message) => message.body.biz_opaque_callback_data)).toEqual([id]);
    expect(first.platformId).toMatch(/^wamid\./);

    // The colleague checks the chat; had it not been there, "opnieuw versturen" sends it (once).
    const retried = await bergen.api('POST', `/api/v1/outbox/${id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    await t.worker.drain();
    expect(await bergen.outbox(id)).toMatchObject({ status: 'verzonden' });
    expect(sentTo(ilse.waId)).toHaveLength(2);
  });
});

describe('WhatsApp-statusmeldingen voor Pleins eigen berichten', () => {
  // An answer whose send began and never ended: 'mislukt', onzeker, as in the test above. Meta had it.
  async function uncertainReply(bergen: Awaited<ReturnType<typeof municipality>>, who: Resident) {
    await bergen.deliver(bergen.text(who, 'Mag ik mijn kerstboom bij de container zetten?'));
    const [question] = await messagesOf(bergen.account.id);
    const id = await bergen.reply(question!.id, 'Ja, op 8 januari.');
    const now = t.clock.now();
    await claimDueJob(t.database.db, { names: ['kanaal.versturen'], workerId: 'gestorven', now, leaseUntil: new Date(now.getTime() + 300_000) });
    const loaded = (await loadOutboundRequest(t.database.db, bergen.org.id, id))!;
    await markOutboxSendStarted(t.database.db, bergen.org.id, id, now);
    const sent = await whatsappConnector.send!(buildConnectorAccount({ current: TEST_SECRET_KEY, previous: [] }, loaded.account), loaded.request, {
      fetch,
      clock: t.clock,
    });
    t.clock.advance(301_000);
    await t.worker.drain();
    expect(await bergen.outbox(id)).toMatchObject({ status: 'mislukt', lastError: expect.stringContaining('Onzeker') });
    return { id, wamid: sent.platformId };
  }

  it("maakt een onzeker antwoord 'verzonden' zodra Meta meldt dat het is afgeleverd, zonder het opnieuw te sturen", async () => {
    const bergen = await municipality();
    const kees = resident('Kees');
    const { id, wamid } = await uncertainReply(bergen, kees);

    const status = await bergen.deliver(buildStatusPayload(bergen.phoneNumberId, kees.waId, wamid, 'delivered', t.clock.now(), id));
    expect(status.statusCode).toBe(200);
    expect(await bergen.outbox(id)).toMatchObject({ status: 'verzonden', platformId: wamid, lastError: null });
    expect(sentTo(kees.waId)).toHaveLength(1);
    // The answer stands in the conversation, once, also when Meta reports 'read' after it.
    await bergen.deliver(buildStatusPayload(bergen.phoneNumberId, kees.waId, wamid, 'read', t.clock.now(), id));
    const outgoing = (await messagesOf(bergen.account.id)).filter((message) => message.direction === 'uit');
    expect(outgoing.map((message) => [message.platform_id, message.text])).toEqual([[wamid, 'Ja, op 8 januari.']]);
    const row = await t.database.db.selectFrom('outbox').select('send_started_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.send_started_at).toBeNull();
  });

  it("toont het als Meta een verzonden antwoord achteraf niet kon afleveren, met Meta's reden", async () => {
    const bergen = await municipality();
    const lotte = resident('Lotte');
    await bergen.deliver(bergen.text(lotte, 'Wanneer is de milieustraat open?'));
    const [question] = await messagesOf(bergen.account.id);
    const id = await bergen.reply(question!.id, 'Van dinsdag tot en met zaterdag.');
    await t.worker.drain();
    const sent = await bergen.outbox(id);
    expect(sent).toMatchObject({ status: 'verzonden' });

    await bergen.deliver(buildStatusPayload(bergen.phoneNumberId, lotte.waId, sent.platformId, 'failed', t.clock.now(), id));
    expect(await bergen.outbox(id)).toMatchObject({
      status: 'mislukt',
      lastError:
        'WhatsApp kon het bericht niet afleveren (code 131047): Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    });
  });

  it('laat een statusmelding voor een bericht van een ander account of een andere organisatie liggen', async () => {
    const bergen = await municipality();
    const castricum = await municipality();
    const mila = resident('Mila');
    const { id, wamid } = await uncertainReply(bergen, mila);
    // Castricum's webhook, correctly signed for Castricum, names Bergen's outbox item.
    const foreign = await castricum.deliver(buildStatusPayload(castricum.phoneNumberId, mila.waId, wamid, 'delivered', t.clock.now(), id));
    expect(foreign.statusCode).toBe(200);
    expect(await bergen.outbox(id)).toMatchObject({ status: 'mislukt', lastError: expect.stringContaining('Onzeker') });
    // A status without Plein's id (a message sent from the WhatsApp Business app) changes nothing either.
    await bergen.deliver(buildStatusPayload(bergen.phoneNumberId, mila.waId, wamid, 'delivered', t.clock.now()));
    expect(await bergen.outbox(id)).toMatchObject({ status: 'mislukt' });
  });
});

describe('WhatsApp onbereikbaar', () => {
  it('verstuurt gewoon opnieuw als er nooit een verbinding was: dan kan niets zijn aangekomen', async () => {
    const bergen = await municipality();
    const jan = resident('Jan');
    await bergen.deliver(bergen.text(jan, 'Waar kan ik mijn paspoort ophalen?'));
    const [question] = await messagesOf(bergen.account.id);
    // A port nothing listens on: the connection is refused before anything is sent.
    const closed = `http://127.0.0.1:${await findFreePort()}`;
    await t.database.db.updateTable('channel_accounts').set({ service_url: closed }).where('id', '=', bergen.account.id).execute();
    const id = await bergen.reply(question!.id, 'Aan de balie in het gemeentehuis.');
    await t.worker.drain();
    expect(await bergen.outbox(id)).toMatchObject({ status: 'wachtend', attempts: 1 });
    const row = await t.database.db.selectFrom('outbox').select('send_started_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.send_started_at).toBeNull();

    await t.database.db.updateTable('channel_accounts').set({ service_url: meta.url }).where('id', '=', bergen.account.id).execute();
    t.clock.advance(HOUR);
    await t.worker.drain();
    expect(await bergen.outbox(id)).toMatchObject({ status: 'verzonden' });
    expect(sentTo(jan.waId)).toHaveLength(1);
  });
});

describe('WhatsApp-foutcodes', () => {
  const map = (status: number, error: Record<string, unknown>) =>
    classifyWhatsappError(
      classifyGraphError(
        status,
        new Headers(),
        JSON.stringify({ error: { type: 'OAuthException', fbtrace_id: 'x', ...error } }),
        new Date(),
        'graph.facebook.com',
      ),
    ) as any;

  it('leest de code van Meta, niet alleen de HTTP-status', () => {
    expect(map(400, { code: 131047, message: '(#131047) Re-engagement message' })).toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining('24 uur'),
    });
    for (const code of [130429, 131048, 131056]) expect(map(400, { code, message: 'limit' })).toMatchObject({ kind: 'rate-limited', retryAfterMs: 60_000 });
    expect(map(400, { code: 131000, message: 'Something went wrong' })).toMatchObject({ kind: 'transient' });
    expect(map(500, { code: 1, message: 'API Unknown' })).toMatchObject({ kind: 'transient' });
    expect(map(400, { code: 190, error_subcode: 463, message: 'Session has expired' })).toMatchObject({ kind: 'auth' });
    expect(map(401, { code: 190, message: 'Invalid OAuth access token' })).toMatchObject({ kind: 'auth' });
    expect(map(429, { code: 4, message: 'Application request limit reached' })).toMatchObject({ kind: 'rate-limited' });
    expect(map(400, { code: 100, message: 'Invalid parameter' })).toMatchObject({ kind: 'permanent' });
  });
});
