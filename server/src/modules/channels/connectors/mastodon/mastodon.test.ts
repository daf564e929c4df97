import { createGuardedFetch, createOutboundPolicy } from '@platform/http/outbound.client';
import { claimDueJob } from '@platform/jobs/jobs.repository';
import { defineSystemSchedules } from '@platform/jobs/platform.jobs';
import { buildOrganisation, buildUser, TEST_SECRET_KEY } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { type MastodonServer, startMastodonServer } from '@test/platforms/mastodon-server';
import { findFreePort } from '@test/plein-processes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConnectorAccount } from '../../channels.jobs';
import type { ChannelError, NormalisedMessage, OutboundRequest } from '../../connector.types';
import { channelsModule } from '../../index';
import { insertAttachment } from '../../messages.repository';
import { loadOutboundRequest } from '../../outbox.service';
import { retryAfterMs } from '../../platform-http.client';
import { StreamSupervisor } from '../../stream-supervisor.service';
import { mastodonConnector } from './mastodon.connector';
import { convertHtmlToText } from './mastodon.mapping';
import { composeStatusText } from './mastodon-outbound.client';
import { EventStreamParser } from './mastodon-streaming.client';

// Plein's real worker and database against a Mastodon server on loopback (test/platforms/mastodon-server.ts)
// that follows docs.joinmastodon.org and runs on Plein's ManualClock.
const KEYS = { current: TEST_SECRET_KEY, previous: [] };
// 1×1 red PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let t: TestApp;
let server: MastodonServer;

beforeAll(async () => {
  t = await createTestApp();
  await defineSystemSchedules(t.database.db, t.clock, channelsModule.schedules ?? []);
  server = await startMastodonServer({ now: () => t.clock.now(), heartbeatMs: 20, mediaProcessingPolls: 2 });
});

afterAll(async () => {
  await server?.close();
  await t?.close();
});

// A municipality on Plein with its Mastodon account connected by an access token, a beheerder who
// connected it and a webcare colleague who answers.
async function municipality(name: string, settings?: Record<string, string>) {
  const mastodon = server.addAccount(name, { displayName: `Gemeente ${name}`, followers: 1200 });
  const org = await buildOrganisation(t.database.db);
  const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  const webcare = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'], municipalityIds: [org.municipalities[0]!.id] });
  const admin = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
  const created = await admin('POST', '/api/v1/channel-accounts', {
    municipalityId: org.municipalities[0]!.id,
    channel: 'mastodon',
    handle: name,
    serviceUrl: server.url,
    secrets: { accessToken: mastodon.token },
    settings,
  });
  expect(created.statusCode, created.body).toBe(201);
  const api = requestAs(t.app, await signIn(t.app, webcare.email, webcare.password));
  return { mastodon, org, beheerder, api, accountId: created.json().id as string };
}

const accountRow = (id: string) => t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const messagesOf = (accountId: string) => t.database.db.selectFrom('messages').selectAll().where('account_id', '=', accountId).orderBy('posted_at').execute();
const callsWith = (token: string, method?: string, path?: string) =>
  server.requests.filter(
    (request) => request.headers.authorization === `Bearer ${token}` && (!method || request.method === method) && (!path || request.path === path),
  );

async function nextMinute() {
  t.clock.advance(61_000);
  await t.worker.drain();
}

describe('Mastodon via de echte worker', () => {
  it('een vermelding komt binnen met alle velden en het antwoord uit Plein staat in de draad, met Idempotency-Key', async () => {
    const castricum = await municipality('castricum');
    const anna = server.addAccount('anna', { domain: 'mastodon.example', displayName: 'Anna de Vries', followers: 42 });
    const mention = server.post(
      anna,
      '@castricum de lantaarnpaal bij de kerk is kapot.\nZie https://meldingen.example/lantaarnpaal/123456789/foto-van-vanochtend #Castricum',
      {
        media: [{ description: 'Een lantaarnpaal die schuin staat' }],
      },
    );

    await t.worker.drain();
    const [inbound] = await messagesOf(castricum.accountId);
    expect(inbound).toMatchObject({
      platform_id: mention.id,
      direction: 'in',
      author_id: anna.id,
      author_handle: 'anna@mastodon.example',
      author_name: 'Anna de Vries',
      author_followers: 42,
      text: '@castricum de lantaarnpaal bij de kerk is kapot.\nZie https://meldingen.example/lantaarnpaal/123456789/foto-van-vanochtend #Castricum',
      links: ['https://meldingen.example/lantaarnpaal/123456789/foto-van-vanochtend'],
      mentions: ['castricum'],
      hashtags: ['castricum'],
      media: [{ url: mention.media_attachments[0].url, type: 'image', altText: 'Een lantaarnpaal die schuin staat', attachmentId: null }],
      reply_to_platform_id: null,
      thread_root_platform_id: mention.id,
      language: 'nl',
      public_url: mention.url,
      visibility: 'openbaar',
    });
    expect(inbound!.posted_at.toISOString()).toBe(mention.created_at);
    expect((await accountRow(castricum.accountId)).status).toBe('verbonden');

    t.clock.advance(1_000);
    const queued = await castricum.api('POST', '/api/v1/outbox', {
      accountId: castricum.accountId,
      kind: 'reply',
      replyToMessageId: inbound!.id,
      text: 'Dank u! We sturen vandaag iemand langs.',
    });
    expect(queued.statusCode, queued.body).toBe(201);
    await t.worker.drain();
    const sent = (await castricum.api('GET', `/api/v1/outbox/${queued.json().id}`)).json();
    const reply = server.statusesBy(castricum.mastodon)[0]!;
    expect(sent).toMatchObject({ status: 'verzonden', platformId: reply.id, publicUrl: reply.url });
    expect(reply).toMatchObject({ in_reply_to_id: mention.id, in_reply_to_account_id: anna.id, visibility: 'public', language: 'nl' });
    // The resident's @acct leads the reply, as in Mastodon's own apps, so Anna is notified.
    expect(convertHtmlToText(reply.content)).toBe('@anna Dank u! We sturen vandaag iemand langs.');
    expect(reply.mentions.map((m: { acct: string }) => m.acct)).toEqual(['anna@mastodon.example']);
    const outboxRow = await t.database.db.selectFrom('outbox').select('idempotency_key').where('id', '=', sent.id).executeTakeFirstOrThrow();
    expect(callsWith(castricum.mastodon.token, 'POST', '/api/v1/statuses').map((call) => call.headers['idempotency-key'])).toEqual([outboxRow.idempotency_key]);

    // Anna answers Plein's reply: it arrives as a reply to it.
    const answer = server.post(anna, '@castricum top, dank jullie wel!', { inReplyToId: reply.id });
    await nextMinute();
    const stored = await messagesOf(castricum.accountId);
    expect(stored.map((message) => message.direction)).toEqual(['in', 'uit', 'in']);
    expect(stored.find((message) => message.platform_id === answer.id)).toMatchObject({ reply_to_platform_id: reply.id, thread_root_platform_id: reply.id });
  });

  it('leest een grote achterstand over meerdere pagina’s zonder verlies, en twee keer ophalen bewaart één keer', async () => {
    const heiloo = await municipality('heiloo');
    const bob = server.addAccount('bob');
    await t.worker.drain();
    const mentions = Array.from({ length: 450 }, (_, i) => server.post(bob, `@heiloo melding ${i}`));
    await nextMinute();
    const stored = await messagesOf(heiloo.accountId);
    expect(stored).toHaveLength(450);
    expect(new Set(stored.map((message) => message.platform_id))).toEqual(new Set(mentions.map((status) => status.id)));
    // 80 per page, five pages per poll, then the follow-up poll the job enqueues at once.
    const reads = callsWith(heiloo.mastodon.token, 'GET', '/api/v1/notifications');
    expect(reads.every((call) => call.query.getAll('types[]').join() === 'mention')).toBe(true);
    expect(reads.slice(1).map((call) => call.query.get('limit'))).toEqual(['80', '80', '80', '80', '80', '80']);

    await nextMinute();
    expect(await messagesOf(heiloo.accountId)).toHaveLength(450);
    const cursor = await t.database.db.selectFrom('channel_cursors').select('cursor').where('account_id', '=', heiloo.accountId).executeTakeFirstOrThrow();
    expect(cursor.cursor).toEqual({ lastId: callsWith(heiloo.mastodon.token, 'GET', '/api/v1/notifications').at(-1)!.query.get('min_id') });
  });

  it('luistert naar een hashtag en herkent de eigen posts als uitgaand', async () => {
    const egmond = await municipality('egmond', { hashtag: '#Strandopgang' });
    const carol = server.addAccount('carol', { domain: 'social.example' });
    await t.worker.drain();
    const hers = server.post(carol, 'Zand op de #strandopgang bij paal 40, pas op met de fiets');
    const own = server.post(egmond.mastodon, 'De #Strandopgang bij paal 40 is weer vrij.');
    server.post(carol, 'Niets met de hashtag', { visibility: 'public' });
    await nextMinute();
    const stored = (await messagesOf(egmond.accountId)).sort((a, b) => (BigInt(a.platform_id) < BigInt(b.platform_id) ? -1 : 1));
    expect(stored.map((message) => [message.platform_id, message.direction])).toEqual([
      [hers.id, 'in'],
      [own.id, 'uit'],
    ]);
    const cursors = await t.database.db.selectFrom('channel_cursors').select('stream').where('account_id', '=', egmond.accountId).execute();
    expect(cursors.map((cursor) => cursor.stream).sort()).toEqual(['hashtag', 'notifications']);
  });

  it('wacht bij 429 tot X-RateLimit-Reset en vraagt tot dan niets', async () => {
    const bergen = await municipality('bergen');
    await t.worker.drain();
    // The start of a fresh five-minute window, so the reset lies minutes ahead.
    t.clock.set(new Date(Math.ceil(t.clock.now().getTime() / 300_000) * 300_000 + 1_000));
    server.setRateLimit(0);
    try {
      await nextMinute();
      const row = await accountRow(bergen.accountId);
      const callsSoFar = callsWith(bergen.mastodon.token).length;
      expect(row.last_error).toContain('429');
      expect(row.rate_limited_until?.toISOString()).toBe(new Date(Math.ceil(t.clock.now().getTime() / 300_000) * 300_000).toISOString());
      for (let minute = 0; minute < 3; minute++) await nextMinute();
      expect(callsWith(bergen.mastodon.token)).toHaveLength(callsSoFar);
    } finally {
      server.setRateLimit(300);
    }
    t.clock.advance(120_000);
    await t.worker.drain();
    await nextMinute();
    expect(callsWith(bergen.mastodon.token).length).toBeGreaterThan(1);
    expect((await accountRow(bergen.accountId)).last_error).toBeNull();
  });

  it('probeert na een 503 later opnieuw en verstuurt dan één keer', async () => {
    const uitgeest = await municipality('uitgeest');
    const dave = server.addAccount('dave');
    server.post(dave, '@uitgeest is het zwembad morgen open?');
    await t.worker.drain();
    const [inbound] = await messagesOf(uitgeest.accountId);
    server.failNext(503, (method, path) => method === 'POST' && path === '/api/v1/statuses', 2);
    const queued = (
      await uitgeest.api('POST', '/api/v1/outbox', {
        accountId: uitgeest.accountId,
        kind: 'reply',
        replyToMessageId: inbound!.id,
        text: 'Ja, van 7 tot 21 uur.',
      })
    ).json();
    await t.worker.drain();
    const afterFirst = (await uitgeest.api('GET', `/api/v1/outbox/${queued.id}`)).json();
    expect(afterFirst).toMatchObject({ status: 'wachtend', attempts: 1 });
    expect(afterFirst.lastError).toContain('503');
    // The job's own backoff (seconds), not the X-RateLimit-Reset that Mastodon also puts on a 503.
    const retry = await t.database.db
      .selectFrom('jobs')
      .select('run_at')
      .where('organisation_id', '=', uitgeest.org.id)
      .where('name', '=', 'kanaal.versturen')
      .where('status', '=', 'queued')
      .executeTakeFirstOrThrow();
    expect(retry.run_at.getTime() - t.clock.now().getTime()).toBeLessThan(10_000);
    for (let i = 0; i < 5; i++) {
      t.clock.advance(60_000);
      await t.worker.drain();
    }
    expect((await uitgeest.api('GET', `/api/v1/outbox/${queued.id}`)).json()).toMatchObject({ status: 'verzonden', attempts: 2 });
    expect(server.statusesBy(uitgeest.mastodon)).toHaveLength(1);
    expect(callsWith(uitgeest.mastodon.token, 'POST', '/api/v1/statuses')).toHaveLength(3);
  });

  it('antwoordt op een privébericht privé, met de @acct erin', async () => {
    const bergen = await municipality('bergenaanzee');
    const gert = server.addAccount('gert', { domain: 'mastodon.example' });
    const direct = server.post(gert, '@bergenaanzee mijn adres is Dorpsstraat 1, de container is niet geleegd', { visibility: 'direct' });
    await t.worker.drain();
    const [inbound] = await messagesOf(bergen.accountId);
    expect(inbound).toMatchObject({ platform_id: direct.id, visibility: 'prive' });
    t.clock.advance(1_000);
    const queued = await bergen.api('POST', '/api/v1/outbox', {
      accountId: bergen.accountId,
      kind: 'reply',
      replyToMessageId: inbound!.id,
      text: 'Dank u, we legen hem morgen.',
    });
    expect(queued.statusCode, queued.body).toBe(201);
    await t.worker.drain();
    expect(server.statusesBy(bergen.mastodon)).toMatchObject([
      { visibility: 'direct', in_reply_to_id: direct.id, mentions: [{ acct: 'gert@mastodon.example' }] },
    ]);
  });

  it('zet het account op "aandacht nodig" bij een ingetrokken token en mailt de beheerder één keer', async () => {
    const limmen = await municipality('limmen');
    server.revoke(limmen.mastodon.token);
    await t.worker.drain();
    const row = await accountRow(limmen.accountId);
    expect(row.status).toBe('aandacht-nodig');
    expect(row.last_error).toContain('The access token was revoked');
    expect(row.last_error).toContain('nieuw token');
    const mails = await t.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('organisation_id', '=', limmen.org.id)
      .where('name', '=', 'mail.versturen')
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload).toMatchObject({ to: limmen.beheerder.email });
    const calls = callsWith(limmen.mastodon.token).length;
    await nextMinute();
    expect(callsWith(limmen.mastodon.token)).toHaveLength(calls);
  });

  it('verstuurt precies één keer als de worker sterft nadat de status al op de server stond', async () => {
    const akersloot = await municipality('akersloot');
    const erin = server.addAccount('erin');
    server.post(erin, '@akersloot wanneer wordt het oud papier opgehaald?');
    await t.worker.drain();
    const [inbound] = await messagesOf(akersloot.accountId);
    const queued = (
      await akersloot.api('POST', '/api/v1/outbox', {
        accountId: akersloot.accountId,
        kind: 'reply',
        replyToMessageId: inbound!.id,
        text: 'Elke tweede dinsdag van de maand.',
      })
    ).json();

    // Attempt 1: the worker claims the job, the status reaches Mastodon, and the process dies.
    const now = t.clock.now();
    const claimed = await claimDueJob(t.database.db, {
      names: ['kanaal.versturen'],
      workerId: 'gestorven',
      now,
      leaseUntil: new Date(now.getTime() + 300_000),
    });
    expect(claimed?.payload).toMatchObject({ outboxId: queued.id });
    const loaded = (await loadOutboundRequest(t.database.db, akersloot.org.id, queued.id))!;
    const first = await mastodonConnector.send!(buildConnectorAccount(KEYS, loaded.account), loaded.request, { fetch, clock: t.clock });

    // Attempt 2, two hours later: past the lease and past Mastodon's one hour of Idempotency-Key, so
    // only findSent keeps it from posting again.
    t.clock.advance(2 * 60 * 60_000);
    await t.worker.drain();
    expect(await t.database.db.selectFrom('jobs').select(['attempts', 'status']).where('id', '=', claimed!.id).executeTakeFirstOrThrow()).toEqual({
      attempts: 2,
      status: 'done',
    });
    expect((await akersloot.api('GET', `/api/v1/outbox/${queued.id}`)).json()).toMatchObject({ status: 'verzonden', platformId: first.platformId });
    expect(server.statusesBy(akersloot.mastodon).map((status) => status.id)).toEqual([first.platformId]);
    expect(callsWith(akersloot.mastodon.token, 'POST', '/api/v1/statuses')).toHaveLength(1);
    expect(callsWith(akersloot.mastodon.token, 'GET', '/api/v1/accounts/verify_credentials')).toHaveLength(1);
  });

  it('plaatst een afbeelding met alt-tekst en wacht tot Mastodon haar verwerkt heeft (202, 206, 200)', async () => {
    const schoorl = await municipality('schoorl');
    await t.worker.drain();
    const image = await insertAttachment(t.database.db, schoorl.org.id, {
      messageId: null,
      filename: 'lantaarnpaal.png',
      contentType: 'image/png',
      bytes: PNG,
    });
    const queued = await schoorl.api('POST', '/api/v1/outbox', {
      accountId: schoorl.accountId,
      kind: 'post',
      text: 'De lantaarnpaal bij de kerk is gerepareerd.',
      media: [{ attachmentId: image.id, altText: 'Een brandende lantaarnpaal naast de kerk' }],
    });
    expect(queued.statusCode, queued.body).toBe(201);
    await t.worker.drain();
    const sent = (await schoorl.api('GET', `/api/v1/outbox/${queued.json().id}`)).json();
    expect(sent.status, sent.lastError).toBe('verzonden');
    const status = server.statusesBy(schoorl.mastodon)[0]!;
    expect(status.media_attachments).toMatchObject([
      { type: 'image', description: 'Een brandende lantaarnpaal naast de kerk', url: expect.stringContaining('/system/media_attachments/') },
    ]);
    const mediaId = status.media_attachments[0].id;
    expect(callsWith(schoorl.mastodon.token, 'GET', `/api/v1/media/${mediaId}`)).toHaveLength(3);
    expect(server.media.get(mediaId)).toMatchObject({ contentType: 'image/png', size: PNG.length });
  });
});

describe('Mastodon: intrekken', () => {
  it('een verstuurde post wordt via de outbox op de server verwijderd', async () => {
    const zaanstad = await municipality('zaanstad');
    const queued = (
      await zaanstad.api('POST', '/api/v1/outbox', { accountId: zaanstad.accountId, kind: 'post', text: 'De markt is morgen (verkeerde dag genoemd)' })
    ).json();
    await t.worker.drain();
    expect(server.statusesBy(zaanstad.mastodon)).toHaveLength(1);
    const sent = await t.database.db.selectFrom('outbox').select('sent_message_id').where('id', '=', queued.id).executeTakeFirstOrThrow();
    const withdrawal = await zaanstad.api('POST', `/api/v1/messages/${sent.sent_message_id}/withdrawal`);
    expect(withdrawal.statusCode, withdrawal.body).toBe(201);
    await t.worker.drain();
    expect(server.statusesBy(zaanstad.mastodon)).toHaveLength(0);
    expect((await zaanstad.api('GET', `/api/v1/outbox/${withdrawal.json().id}`)).json().status).toBe('verzonden');
  });
});

describe('Mastodon-streaming', () => {
  const account = (token: string) => ({
    id: 'a',
    organisationId: 'o',
    municipalityId: 'm',
    channel: 'mastodon' as const,
    handle: 'gemeente',
    serviceUrl: server.url,
    settings: {},
    secrets: { accessToken: token },
  });
  const until = async (check: () => boolean) => {
    for (let waited = 0; !check() && waited < 3_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('levert een vermelding zodra de server haar pusht, overleeft hartslagen en stopt bij close()', async () => {
    const gemeente = server.addAccount('alkmaar');
    const frank = server.addAccount('frank', { domain: 'andere.example' });
    const received: NormalisedMessage[] = [];
    const errors: ChannelError[] = [];
    const live = mastodonConnector.stream!(
      account(gemeente.token),
      { fetch, clock: t.clock },
      { onMessages: async (messages) => void received.push(...messages), onError: (error) => void errors.push(error) },
    );
    await until(() => callsWith(gemeente.token, 'GET', '/api/v1/streaming/user/notification').length > 0);
    // Several ":thump" heartbeats pass before anything happens.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const mention = server.post(frank, '@alkmaar de brug staat open en blijft open!', { visibility: 'direct' });
    await until(() => received.length > 0);
    expect(received).toMatchObject([
      { platformId: mention.id, author: { handle: 'frank@andere.example' }, text: '@alkmaar de brug staat open en blijft open!', visibility: 'prive' },
    ]);
    await live.close();
    await live.ended;
    expect(errors).toEqual([]);
  });

  it('de stroombewaking van Plein houdt de stroom van een gekoppeld account open en slaat gepushte vermeldingen op', async () => {
    const purmerend = await municipality('purmerend');
    const inwoner = server.addAccount('jan', { domain: 'andere.example' });
    const supervisor = new StreamSupervisor({ db: t.database.db, clock: t.clock, keys: KEYS, fetch });
    try {
      await supervisor.superviseOnce();
      expect(supervisor.openStreams()).toContain(purmerend.accountId);
      await until(() => callsWith(purmerend.mastodon.token, 'GET', '/api/v1/streaming/user/notification').length > 0);
      const mention = server.post(inwoner, '@purmerend de stoep ligt open bij de school');
      let stored: Awaited<ReturnType<typeof messagesOf>> = [];
      for (let waited = 0; stored.length === 0 && waited < 5_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        stored = await messagesOf(purmerend.accountId);
      }
      expect(stored.map((message) => message.platform_id)).toEqual([mention.id]);
      // The regular poll afterwards finds the same mention and stores nothing twice.
      await nextMinute();
      expect((await messagesOf(purmerend.accountId)).filter((message) => message.direction === 'in')).toHaveLength(1);
    } finally {
      await supervisor.stop();
    }
  });

  it('meldt een ingetrokken token als auth-fout en eindigt vanzelf als de server de verbinding sluit', async () => {
    const gemeente = server.addAccount('hoorn');
    const errors: ChannelError[] = [];
    const sink = { onMessages: async () => {}, onError: (error: ChannelError) => void errors.push(error) };
    const live = mastodonConnector.stream!(account(gemeente.token), { fetch, clock: t.clock }, sink);
    await until(() => callsWith(gemeente.token, 'GET', '/api/v1/streaming/user/notification').length > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    server.endStreams();
    await live.ended;
    expect(errors).toEqual([]);

    server.revoke(gemeente.token);
    const refused = mastodonConnector.stream!(account(gemeente.token), { fetch, clock: t.clock }, sink);
    await refused.ended;
    expect(errors.map((error) => [error.kind, error.platformCode])).toEqual([['auth', 'The access token was revoked']]);
  });
});

describe('Mastodon-streaming naar een adres dat niet mag', () => {
  it('vraagt om een mens bij een adres binnen het eigen netwerk, en probeert het later opnieuw bij een server die niet bereikbaar is', async () => {
    const errors: ChannelError[] = [];
    const sink = { onMessages: async () => {}, onError: (error: ChannelError) => void errors.push(error) };
    const target = {
      id: 'a',
      organisationId: 'o',
      municipalityId: 'm',
      channel: 'mastodon' as const,
      handle: 'gemeente',
      settings: {},
      secrets: { accessToken: 't' },
    };
    // The installation's default: no private or loopback addresses for what a beheerder entered.
    const guarded = createGuardedFetch(createOutboundPolicy([]));
    await mastodonConnector.stream!({ ...target, serviceUrl: server.url }, { fetch: guarded, clock: t.clock }, sink).ended;
    // Allowed, but nothing listens there.
    const closed = `http://127.0.0.1:${await findFreePort()}`;
    await mastodonConnector.stream!({ ...target, serviceUrl: closed }, { fetch, clock: t.clock }, sink).ended;
    expect(errors.map((error) => [error.kind, error.needsAttention ?? false, error.neverConnected ?? false])).toEqual([
      ['permanent', true, true],
      ['transient', false, true],
    ]);
    expect(errors[1]!.message).toBe(`${new URL(closed).host} was niet bereikbaar`);
  });
});

describe('Mastodon zonder netwerk', () => {
  it('leest X-RateLimit-Reset in ISO 8601, ook met microseconden', () => {
    const now = new Date('2026-11-23T08:00:00.000Z');
    expect(retryAfterMs(new Headers({ 'x-ratelimit-reset': '2026-11-23T08:05:00.000Z' }), now)).toBe(300_000);
    expect(retryAfterMs(new Headers({ 'X-RateLimit-Reset': '2026-11-23T08:00:30.019685Z' }), now)).toBe(30_019);
    expect(retryAfterMs(new Headers({ 'x-ratelimit-reset': '2026-11-23T07:59:00.000Z' }), now)).toBe(0);
  });

  it('zet HTML om naar tekst met regelafbrekingen en hele URLs', () => {
    const html =
      '<p><span class="h-card" translate="no"><a href="https://x.example/@gemeente" class="u-url mention">@<span>gemeente</span></a></span> kijk &amp; zie:<br />regel twee</p><p><a href="https://example.com/page/that/is/very/long" rel="nofollow noopener"><span class="invisible">https://</span><span class="ellipsis">example.com/page</span><span class="invisible">/that/is/very/long</span></a> &#39;t is &lt;mooi&gt;</p>';
    expect(convertHtmlToText(html)).toBe("@gemeente kijk & zie:\nregel twee\n\nhttps://example.com/page/that/is/very/long 't is <mooi>");
  });

  it('zet de @acct voor een antwoord, maar niet als de tekst daardoor niet meer past', () => {
    const request = (kind: OutboundRequest['kind'], text: string) =>
      ({ kind, text, replyTo: { authorHandle: 'anna@mastodon.example' } }) as unknown as OutboundRequest;
    expect(composeStatusText(request('reply', 'Dank u!'))).toBe('@anna@mastodon.example Dank u!');
    expect(composeStatusText(request('reply', 'Dank u, @anna@mastodon.example.'))).toBe('Dank u, @anna@mastodon.example.');
    // "@anna@mastodon.example " weighs 6 (as "@anna "): 494 characters still fit, 495 do not.
    expect(composeStatusText(request('reply', 'a'.repeat(494)))).toBe(`@anna@mastodon.example ${'a'.repeat(494)}`);
    expect(composeStatusText(request('reply', 'a'.repeat(495)))).toBe('a'.repeat(495));
    expect(() => composeStatusText(request('direct', 'a'.repeat(495)))).toThrow(/privébericht/);
    expect(composeStatusText(request('post', 'Hallo'))).toBe('Hallo');
  });

  it('parseert text/event-stream ook als een frame over stukken verdeeld binnenkomt', () => {
    const parser = new EventStreamParser();
    expect(parser.push(':)\n:thump\nevent: notif')).toEqual([]);
    expect(parser.push('ication\r\ndata: {"a":\r')).toEqual([]);
    expect(parser.push('\ndata: 1}\r\n\r\n:thump\nevent: delete\ndata: 9\n\n')).toEqual([
      { event: 'notification', data: '{"a":\n1}' },
      { event: 'delete', data: '9' },
    ]);
  });
});
