import { AtpAgent, RichText } from '@atproto/api';
import { TestNetwork } from '@atproto/dev-env';
import { claimDueJob } from '@platform/jobs/jobs.repository';
import { defineSystemSchedules } from '@platform/jobs/platform.jobs';
import { buildOrganisation, buildUser, TEST_SECRET_KEY } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { type Fault, startFaultProxy } from '@test/platforms/fault-proxy';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccountSecrets, sealAccountSecrets } from '../../account-secrets.rules';
import { buildConnectorAccount } from '../../channels.jobs';
import { channelsModule } from '../../index';
import { enqueuePollsFor } from '../../ingest.service';
import { insertAttachment } from '../../messages.repository';
import { loadOutboundRequest } from '../../outbox.service';
import { blueskyConnector } from './bluesky.connector';
import { type FeedCursor, pollNotifications } from './bluesky-inbound.client';
import type { BlueskySession } from './bluesky-session.client';
import { deriveDeterministicTid } from './tid.rules';

// A real PDS and AppView from @atproto/dev-env (Postgres on 127.0.0.1, Redis on localhost), one per file.
const POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const KEYS = { current: TEST_SECRET_KEY, previous: [] };
// 1×1 red PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let network: TestNetwork;
let t: TestApp;
// dev-env keeps its Postgres schemas; a fresh one per run keeps runs apart.
const schema = `plein_bsky_${Array.from({ length: 8 }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)]).join('')}`;
// Every call Plein's connector makes (not the test's own agents): who logged in, and how often.
const pleinCalls: { nsid: string; identifier?: string }[] = [];

beforeAll(async () => {
  // dev-env 0.3.x reads Redis only from the environment.
  process.env.REDIS_HOST ??= 'localhost:6379';
  network = await TestNetwork.create({ dbPostgresUrl: POSTGRES, dbPostgresSchema: schema });
  // Plein's own fetch (guarded, as in production), observed.
  // A short platform timeout, so a PDS that does not answer (the fault cases below) costs seconds, not fifteen.
  t = await createTestApp(
    { PLEIN_PLATFORM_TIMEOUT_SECONDS: '3' },
    {
      wrapOutboundFetch: (guarded) =>
        (async (input: string | URL | Request, init?: RequestInit) => {
          const url = new URL(input instanceof Request ? input.url : input);
          const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { identifier?: string }) : {};
          pleinCalls.push({ nsid: url.pathname.replace('/xrpc/', ''), identifier: body.identifier });
          return guarded(input, init);
        }) as typeof fetch,
    },
  );
  // The planner that polls every account each minute, as in production.
  await defineSystemSchedules(t.database.db, t.clock, channelsModule.schedules ?? []);
}, 120_000);

afterAll(async () => {
  await t?.close();
  await network?.close();
  const admin = new pg.Client({ connectionString: POSTGRES });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS appview_${schema} CASCADE; DROP SCHEMA IF EXISTS ozone_${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}, 60_000);

async function blueskyUser(name: string) {
  const handle = `${name}.test`;
  const password = `${name}-wachtwoord`;
  await network.getSeedClient().createAccount(name, { handle, email: `${name}@test.com`, password });
  const agent = new AtpAgent({ service: network.pds.url });
  await agent.login({ identifier: handle, password });
  return { handle, did: agent.session!.did, agent };
}

async function post(agent: AtpAgent, text: string, reply?: { root: { uri: string; cid: string }; parent: { uri: string; cid: string } }) {
  const rich = new RichText({ text });
  await rich.detectFacets(agent);
  const created = await agent.post({ text: rich.text, facets: rich.facets, reply, createdAt: new Date().toISOString() });
  await network.processAll();
  return created;
}

// A municipality on Plein with its Bluesky account connected by an app password, and a beheerder.
async function municipality(name: string, options: { appPassword?: string; settings?: Record<string, string> } = {}) {
  const user = await blueskyUser(name);
  const appPassword = options.appPassword ?? (await user.agent.com.atproto.server.createAppPassword({ name: 'plein' })).data.password;
  const org = await buildOrganisation(t.database.db);
  const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  const api = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
  const created = await api('POST', '/api/v1/channel-accounts', {
    municipalityId: org.municipalities[0]!.id,
    channel: 'bluesky',
    handle: user.handle,
    serviceUrl: network.pds.url,
    secrets: { appPassword },
    settings: options.settings,
  });
  expect(created.statusCode, created.body).toBe(201);
  return { ...user, org, beheerder, api, accountId: created.json().id as string, appPassword };
}

const accountRow = (id: string) => t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const messagesOf = (accountId: string) =>
  t.database.db.selectFrom('messages').selectAll().where('account_id', '=', accountId).orderBy('received_at').orderBy('posted_at').execute();
const logins = (identifier: string) => pleinCalls.filter((call) => call.nsid === 'com.atproto.server.createSession' && call.identifier === identifier).length;

// The next minute: the planner polls every account again.
async function nextMinute() {
  t.clock.advance(61_000);
  await t.worker.drain();
}

describe('Bluesky tegen een echte PDS', () => {
  it('een vermelding komt binnen, het antwoord uit Plein staat in de draad, en het antwoord daarop ook', async () => {
    const gemeente = await municipality('gemeente');
    const alice = await blueskyUser('alice');
    const mention = await post(alice.agent, 'Hoi @gemeente.test, de lantaarnpaal bij de kerk is kapot: https://meldingen.example/123 #Bergen');

    await t.worker.drain();
    const [inbound] = await messagesOf(gemeente.accountId);
    expect(inbound).toMatchObject({
      platform_id: mention.uri,
      direction: 'in',
      author_id: alice.did,
      author_handle: 'alice.test',
      links: ['https://meldingen.example/123'],
      hashtags: ['Bergen'],
      reply_to_platform_id: null,
      thread_root_platform_id: mention.uri,
      public_url: `https://bsky.app/profile/alice.test/post/${mention.uri.split('/').pop()}`,
    });
    expect(inbound!.mentions).toEqual(expect.arrayContaining([gemeente.did, 'gemeente.test']));
    expect((await accountRow(gemeente.accountId)).status).toBe('verbonden');

    const queued = await gemeente.api('POST', '/api/v1/outbox', {
      accountId: gemeente.accountId,
      kind: 'reply',
      replyToMessageId: inbound!.id,
      text: 'Dank u, @alice.test! We sturen iemand langs. Zie https://bergen.example/melding #Bergen',
    });
    expect(queued.statusCode, queued.body).toBe(201);
    await t.worker.drain();
    const sent = (await gemeente.api('GET', `/api/v1/outbox/${queued.json().id}`)).json();
    expect(sent).toMatchObject({ status: 'verzonden', platformId: expect.stringMatching(new RegExp(`^at://${gemeente.did}/app.bsky.feed.post/`)) });

    await network.processAll();
    const thread = (await alice.agent.getPostThread({ uri: mention.uri, depth: 5 })).data.thread as any;
    expect(thread.replies).toHaveLength(1);
    const reply = thread.replies[0].post;
    expect(reply).toMatchObject({ uri: sent.platformId, author: { handle: 'gemeente.test' }, record: { langs: ['nl'] } });
    const features = reply.record.facets.flatMap((facet: any) => facet.features);
    expect(features).toEqual(
      expect.arrayContaining([
        { $type: 'app.bsky.richtext.facet#mention', did: alice.did },
        { $type: 'app.bsky.richtext.facet#link', uri: 'https://bergen.example/melding' },
        { $type: 'app.bsky.richtext.facet#tag', tag: 'Bergen' },
      ]),
    );

    // Alice answers Plein's reply: it arrives as a reply in the same thread.
    const answer = await post(alice.agent, 'Top, dank jullie wel!', {
      root: { uri: mention.uri, cid: mention.cid },
      parent: { uri: reply.uri, cid: reply.cid },
    });
    await nextMinute();
    const stored = await messagesOf(gemeente.accountId);
    // By platform id, not by time: the mention's moment is the PDS's real clock, Plein's reply the test's manual one.
    const direction = new Map(stored.map((message) => [message.platform_id, message.direction]));
    expect(stored).toHaveLength(3);
    expect([direction.get(mention.uri), direction.get(sent.platformId), direction.get(answer.uri)]).toEqual(['in', 'uit', 'in']);
    expect(stored.find((message) => message.platform_id === answer.uri)).toMatchObject({
      reply_to_platform_id: sent.platformId,
      thread_root_platform_id: mention.uri,
    });
  });

  it('haalt twee keer op maar bewaart één keer, met versleutelde tokens en zonder elke keer in te loggen', async () => {
    const castricum = await municipality('castricum');
    const bob = await blueskyUser('bob');
    await post(bob.agent, 'Wanneer wordt het oud papier opgehaald, @castricum.test?');
    await t.worker.drain();
    await nextMinute();
    expect(await messagesOf(castricum.accountId)).toHaveLength(1);
    expect(logins('castricum.test')).toBe(1);

    const row = await accountRow(castricum.accountId);
    expect(row.secrets_sealed).not.toContain('eyJ');
    expect(row.secrets_sealed).not.toContain(castricum.appPassword);
    const secrets = openAccountSecrets(KEYS, castricum.org.id, castricum.accountId, row.secrets_sealed);
    expect(secrets).toMatchObject({
      appPassword: castricum.appPassword,
      did: castricum.did,
      accessJwt: expect.stringMatching(/^eyJ/),
      refreshJwt: expect.stringMatching(/^eyJ/),
    });

    // A rejected access token is refreshed with the refresh token, not by logging in again.
    const refreshesBefore = pleinCalls.filter((call) => call.nsid === 'com.atproto.server.refreshSession').length;
    const stale = { ...secrets, accessJwt: `${secrets.accessJwt!.slice(0, -4)}xxxx` };
    await t.database.db
      .updateTable('channel_accounts')
      .set({ secrets_sealed: sealAccountSecrets(KEYS, castricum.org.id, castricum.accountId, stale) })
      .where('id', '=', castricum.accountId)
      .execute();
    await post(bob.agent, 'En het glas, @castricum.test?');
    await nextMinute();
    expect(await messagesOf(castricum.accountId)).toHaveLength(2);
    expect(pleinCalls.filter((call) => call.nsid === 'com.atproto.server.refreshSession').length).toBe(refreshesBefore + 1);
    expect(logins('castricum.test')).toBe(1);
    const renewed = openAccountSecrets(KEYS, castricum.org.id, castricum.accountId, (await accountRow(castricum.accountId)).secrets_sealed);
    expect(renewed.accessJwt).not.toBe(stale.accessJwt);
    expect((await accountRow(castricum.accountId)).status).toBe('verbonden');
  });

  it('verliest niets als de worker sterft terwijl hij ophaalt', async () => {
    const heiloo = await municipality('heiloo');
    const carol = await blueskyUser('carol');
    await t.worker.drain();
    const mention = await post(carol.agent, 'Er ligt een boom over het fietspad, @heiloo.test');

    // A worker claims the poll, reaches the PDS and dies before storing anything.
    t.clock.advance(61_000);
    await enqueuePollsFor(t.database.db, t.clock, await accountRow(heiloo.accountId));
    const now = t.clock.now();
    const claimed = await claimDueJob(t.database.db, { names: ['kanaal.ophalen'], workerId: 'gestorven', now, leaseUntil: new Date(now.getTime() + 300_000) });
    expect(claimed?.payload).toMatchObject({ accountId: heiloo.accountId });
    const target = buildConnectorAccount(KEYS, await accountRow(heiloo.accountId));
    const lost = await blueskyConnector.poll!(
      target,
      'notifications',
      (await t.database.db.selectFrom('channel_cursors').select('cursor').where('account_id', '=', heiloo.accountId).executeTakeFirst())?.cursor ?? null,
      { fetch, clock: t.clock },
    );
    expect(lost.messages.map((message) => message.platformId)).toEqual([mention.uri]);

    t.clock.advance(301_000);
    await t.worker.drain();
    expect(await t.database.db.selectFrom('jobs').select(['attempts', 'status']).where('id', '=', claimed!.id).executeTakeFirstOrThrow()).toEqual({
      attempts: 2,
      status: 'done',
    });
    expect((await messagesOf(heiloo.accountId)).map((message) => message.platform_id)).toEqual([mention.uri]);
  });

  it('verstuurt precies één keer, ook als de worker sterft nadat de post al op de PDS stond', async () => {
    const uitgeest = await municipality('uitgeest');
    const dave = await blueskyUser('dave');
    const mention = await post(dave.agent, 'Is het zwembad morgen open, @uitgeest.test?');
    await t.worker.drain();
    const [inbound] = await messagesOf(uitgeest.accountId);
    const queued = (
      await uitgeest.api('POST', '/api/v1/outbox', {
        accountId: uitgeest.accountId,
        kind: 'reply',
        replyToMessageId: inbound!.id,
        text: 'Ja, van 7 tot 21 uur.',
      })
    ).json();

    // Attempt 1: the worker claims the job, the post reaches the PDS (twice even: a retry without
    // findSent repeats the same record key), and then the process dies before recording anything.
    const now = t.clock.now();
    const claimed = await claimDueJob(t.database.db, {
      names: ['kanaal.versturen'],
      workerId: 'gestorven',
      now,
      leaseUntil: new Date(now.getTime() + 300_000),
    });
    expect(claimed?.payload).toMatchObject({ outboxId: queued.id });
    const loaded = (await loadOutboundRequest(t.database.db, uitgeest.org.id, queued.id))!;
    const target = buildConnectorAccount(KEYS, loaded.account);
    const deps = { fetch, clock: t.clock };
    const first = await blueskyConnector.send!(target, loaded.request, deps);
    const again = await blueskyConnector.send!({ ...target, secrets: { ...target.secrets, ...first.secrets } }, loaded.request, deps);
    expect(again.platformId).toBe(first.platformId);

    // Attempt 2, after the lease ran out: the job asks the PDS first and finds the post.
    t.clock.advance(301_000);
    await t.worker.drain();
    expect(await t.database.db.selectFrom('jobs').select(['attempts', 'status']).where('id', '=', claimed!.id).executeTakeFirstOrThrow()).toEqual({
      attempts: 2,
      status: 'done',
    });
    expect((await uitgeest.api('GET', `/api/v1/outbox/${queued.id}`)).json()).toMatchObject({ status: 'verzonden', platformId: first.platformId });
    await network.processAll();
    const thread = (await dave.agent.getPostThread({ uri: mention.uri, depth: 5 })).data.thread as any;
    expect(thread.replies.map((reply: any) => reply.post.uri)).toEqual([first.platformId]);
    const own = await dave.agent.app.bsky.feed.getAuthorFeed({ actor: uitgeest.did });
    expect(own.data.feed).toHaveLength(1);
  });

  it('zet het account op "aandacht nodig" bij een fout app-wachtwoord en mailt de beheerder', async () => {
    const bergen = await municipality('bergen', { appPassword: 'aaaa-bbbb-cccc-dddd' });
    await t.worker.drain();
    const row = await accountRow(bergen.accountId);
    expect(row.status).toBe('aandacht-nodig');
    expect(row.last_error).toContain('app-wachtwoord');
    const mails = await t.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('organisation_id', '=', bergen.org.id)
      .where('name', '=', 'mail.versturen')
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload).toMatchObject({ to: bergen.beheerder.email });
    // No more login attempts until someone enters a new app password.
    await nextMinute();
    expect(logins('bergen.test')).toBe(1);
  });

  it('plaatst een afbeelding met alt-tekst en weigert een tekst van 301 grafemen', async () => {
    const limmen = await municipality('limmen');
    await t.worker.drain();
    const image = await insertAttachment(t.database.db, limmen.org.id, { messageId: null, filename: 'lantaarnpaal.png', contentType: 'image/png', bytes: PNG });
    const queued = await limmen.api('POST', '/api/v1/outbox', {
      accountId: limmen.accountId,
      kind: 'post',
      text: 'De lantaarnpaal bij de kerk is gerepareerd, gemeld door @niemand.test.',
      media: [{ attachmentId: image.id, altText: 'Een brandende lantaarnpaal naast de kerk' }],
    });
    expect(queued.statusCode, queued.body).toBe(201);
    await t.worker.drain();
    const sent = (await limmen.api('GET', `/api/v1/outbox/${queued.json().id}`)).json();
    expect(sent.status, sent.lastError).toBe('verzonden');
    await network.processAll();
    const [view] = (await limmen.agent.getPosts({ uris: [sent.platformId] })).data.posts as any[];
    expect(view.embed.$type).toBe('app.bsky.embed.images#view');
    expect(view.embed.images.map((img: any) => img.alt)).toEqual(['Een brandende lantaarnpaal naast de kerk']);
    // A handle that does not resolve stays plain text instead of making the post invalid.
    expect(view.record.facets).toBeUndefined();

    const tooLong = await limmen.api('POST', '/api/v1/outbox', { accountId: limmen.accountId, kind: 'post', text: 'é'.repeat(301) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ code: 'tekst-te-lang' });
    expect((await limmen.api('POST', '/api/v1/outbox', { accountId: limmen.accountId, kind: 'post', text: 'é'.repeat(300) })).statusCode).toBe(201);
  });

  it('luistert naar een zoekopdracht via de PDS, ook zonder vermelding', async () => {
    const egmond = await municipality('egmond', { settings: { searchQuery: 'strandopgang' } });
    const erin = await blueskyUser('erin');
    const before = await post(erin.agent, 'De strandopgang bij paal 40 is weer open');
    await t.worker.drain();
    const after = await post(erin.agent, 'Zand op de strandopgang, pas op met de fiets');
    await nextMinute();
    const stored = await messagesOf(egmond.accountId);
    expect(stored.map((message) => message.platform_id).sort()).toEqual([before.uri, after.uri].sort());
    expect(stored[0]).toMatchObject({ direction: 'in', author_handle: 'erin.test', language: null });
    const cursors = await t.database.db.selectFrom('channel_cursors').select('stream').where('account_id', '=', egmond.accountId).execute();
    expect(cursors.map((cursor) => cursor.stream).sort()).toEqual(['notifications', 'search']);
  });
});

// Issue 15, point 9, for Bluesky: the PDS (and the AppView behind it) behind a proxy that breaks the next requests.
// A poll that broke stores nothing and shows why; the next minute reads everything; a post whose answer was lost is
// found on the PDS instead of posted again.
const BLUESKY_FAULTS: [string, Fault][] = [
  ['een 500', { kind: 'status', status: 500 }],
  ['een 503 met Retry-After', { kind: 'status', status: 503, retryAfterSeconds: 90 }],
  ['geen antwoord', { kind: 'hang' }],
  ['een antwoord dat halverwege afbreekt', { kind: 'truncate' }],
  ['een verbroken verbinding', { kind: 'reset' }],
];

describe('Bluesky achter een haperend netwerk', () => {
  let n = 0;
  // A fresh municipality whose account talks to the PDS through the proxy.
  async function behindProxy() {
    n += 1;
    const proxy = await startFaultProxy(network.pds.url);
    const gemeente = await municipality(`storing${n}`);
    await t.database.db.updateTable('channel_accounts').set({ service_url: proxy.url }).where('id', '=', gemeente.accountId).execute();
    await t.worker.drain();
    return { proxy, gemeente };
  }

  it.each(BLUESKY_FAULTS)('haalt na %s niets half op, toont de fout en haalt later alles één keer op', async (_title, fault) => {
    const { proxy, gemeente } = await behindProxy();
    const erik = await blueskyUser(`erik${n}`);
    try {
      await post(erik.agent, `Ligt de brug bij de haven open, @${gemeente.handle}?`);
      proxy.inject(fault, { match: /^GET \/xrpc\/app\.bsky\.notification\.listNotifications/ });
      await nextMinute();
      expect(proxy.pendingFaults()).toBe(0);
      expect(await messagesOf(gemeente.accountId)).toHaveLength(0);
      const failed = (await gemeente.api('GET', `/api/v1/channel-accounts/${gemeente.accountId}`)).json();
      expect(failed).toMatchObject({ status: 'verbonden', lastError: expect.stringContaining(proxy.host) });
      expect(failed.failingStreams.map((part: { stream: string }) => part.stream)).toEqual(['notifications']);
      if (fault.kind === 'status' && fault.retryAfterSeconds) expect(failed.rateLimitedUntil).not.toBeNull();

      for (let minute = 0; minute < 3 && (await messagesOf(gemeente.accountId)).length === 0; minute++) await nextMinute();
      expect((await messagesOf(gemeente.accountId)).map((message) => message.text)).toEqual([`Ligt de brug bij de haven open, @${gemeente.handle}?`]);
      expect((await gemeente.api('GET', `/api/v1/channel-accounts/${gemeente.accountId}`)).json()).toMatchObject({ lastError: null, failingStreams: [] });
    } finally {
      await t.database.db.updateTable('channel_accounts').set({ paused: true, status: 'gepauzeerd' }).where('id', '=', gemeente.accountId).execute();
      await proxy.close();
    }
  });

  it.each(BLUESKY_FAULTS)('plaatst een post na %s precies één keer', async (_title, fault) => {
    const { proxy, gemeente } = await behindProxy();
    try {
      proxy.inject(fault, { match: /^POST \/xrpc\/com\.atproto\.repo\.putRecord/ });
      const queued = await gemeente.api('POST', '/api/v1/outbox', {
        accountId: gemeente.accountId,
        kind: 'post',
        text: `De brug bij de haven is tot ${n} uur open.`,
      });
      expect(queued.statusCode, queued.body).toBe(201);
      await t.worker.drain();
      expect(proxy.pendingFaults()).toBe(0);
      expect((await gemeente.api('GET', `/api/v1/outbox/${queued.json().id}`)).json()).toMatchObject({ status: 'wachtend', attempts: 1 });
      let item = queued.json();
      for (let minute = 0; minute < 5 && item.status === 'wachtend'; minute++) {
        await nextMinute();
        item = (await gemeente.api('GET', `/api/v1/outbox/${item.id}`)).json();
      }
      expect(item, item.lastError).toMatchObject({ status: 'verzonden', platformId: expect.stringContaining(gemeente.did) });
      await network.processAll();
      const own = await gemeente.agent.app.bsky.feed.getAuthorFeed({ actor: gemeente.did });
      expect(own.data.feed.map((entry) => entry.post.uri)).toEqual([item.platformId]);
    } finally {
      await t.database.db.updateTable('channel_accounts').set({ paused: true, status: 'gepauzeerd' }).where('id', '=', gemeente.accountId).execute();
      await proxy.close();
    }
  });
});

describe('Bluesky zonder netwerk', () => {
  it('leest een grote achterstand over meerdere polls zonder iets over te slaan', async () => {
    // 1,200 mentions newer than the cursor, then 10 older ones; the fake pages like listNotifications.
    const base = Date.parse('2026-11-22T12:00:00Z');
    const all = Array.from({ length: 1_210 }, (_, i) => ({
      uri: `at://did:plc:alice/app.bsky.feed.post/${i}`,
      cid: `cid${i}`,
      author: { did: 'did:plc:alice', handle: 'alice.test' },
      record: { text: `melding ${i}`, createdAt: new Date(base - i * 1000).toISOString() },
      reason: 'mention',
      indexedAt: new Date(base - i * 1000).toISOString(),
    }));
    const session = {
      did: async () => 'did:plc:gemeente',
      freshSecrets: () => undefined,
      query: async (_nsid: string, params: { limit: number; cursor?: string }) => {
        const start = Number(params.cursor ?? 0);
        const end = start + params.limit;
        return { notifications: all.slice(start, end), cursor: end < all.length ? String(end) : undefined };
      },
    } as unknown as BlueskySession;
    let cursor: FeedCursor | null = { lastIndexedAt: all[1_199]!.indexedAt };
    const seen = new Set<string>();
    let polls = 0;
    for (let more = true; more; polls++) {
      const result = await pollNotifications(session, cursor);
      for (const message of result.messages) seen.add(message.platformId);
      cursor = result.cursor as FeedCursor;
      more = result.more;
    }
    expect(polls).toBe(3);
    expect(seen.size).toBe(1_200);
    expect(cursor).toEqual({ lastIndexedAt: all[0]!.indexedAt });
  });

  it('maakt voor hetzelfde outbox-item steeds dezelfde geldige TID', () => {
    const at = new Date('2026-11-23T08:00:00Z');
    const tid = deriveDeterministicTid(at, 'outbox-1');
    expect(tid).toMatch(/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/);
    expect(deriveDeterministicTid(at, 'outbox-1')).toBe(tid);
    expect(deriveDeterministicTid(at, 'outbox-2')).not.toBe(tid);
    // TIDs sort by time.
    expect(deriveDeterministicTid(new Date(at.getTime() + 1), 'outbox-1') > tid).toBe(true);
  });
});
