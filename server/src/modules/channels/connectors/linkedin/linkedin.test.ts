import { claimDueJob } from '@platform/jobs/jobs.repository';
import { defineSystemSchedules } from '@platform/jobs/platform.jobs';
import { buildOrganisation, buildUser, TEST_SECRET_KEY } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { type LinkedInServer, startLinkedInServer } from '@test/platforms/linkedin-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccountSecrets } from '../../account-secrets.rules';
import { buildConnectorAccount } from '../../channels.jobs';
import { channelsModule } from '../../index';
import { loadOutboundRequest } from '../../outbox.service';
import { linkedinConnector } from './linkedin.connector';
import { fromLittleText, toLittleText } from './linkedin.mapping';

const KEYS = { current: TEST_SECRET_KEY, previous: [] };
const DAY = 86_400_000;
const MEMBER = 'urn:li:person:aB3xY9kLm';

let t: TestApp;
let li: LinkedInServer;
let organisations = 1000;

beforeAll(async () => {
  t = await createTestApp();
  // The planner that polls every account, as in production.
  await defineSystemSchedules(t.database.db, t.clock, channelsModule.schedules ?? []);
  // LinkedIn's clock is the test's clock, so "created after the outbox item" and "last 14 days" agree.
  li = await startLinkedInServer({ now: () => t.clock.now().getTime() });
});

afterAll(async () => {
  await li?.close();
  await t?.close();
});

// A municipality on Plein with its LinkedIn page connected by a beheerder, and a communicatieadviseur.
async function municipality(name: string, options: { refreshable?: boolean } = {}) {
  organisations += 1;
  const organizationUrn = `urn:li:organization:${organisations}`;
  const accessToken = `AQ-${name}-toegang`;
  const refreshToken = `AQ-${name}-vernieuw`;
  li.validTokens.add(accessToken);
  if (options.refreshable) li.refreshTokens.add(refreshToken);
  const org = await buildOrganisation(t.database.db);
  const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  const adviseur = await buildUser(t.database.db, t.clock, org.id, { roles: ['communicatieadviseur'], municipalityIds: [org.municipalities[0]!.id] });
  const admin = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
  const created = await admin('POST', '/api/v1/channel-accounts', {
    municipalityId: org.municipalities[0]!.id,
    channel: 'linkedin',
    handle: `Gemeente ${name}`,
    serviceUrl: li.url,
    settings: { organizationUrn, ...(options.refreshable && { clientId: li.client.id }) },
    secrets: { accessToken, ...(options.refreshable && { refreshToken, clientSecret: li.client.secret }) },
  });
  expect(created.statusCode, created.body).toBe(201);
  const api = requestAs(t.app, await signIn(t.app, adviseur.email, adviseur.password));
  return { org, beheerder, api, organizationUrn, accessToken, refreshToken, accountId: created.json().id as string };
}

const accountRow = (id: string) => t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const messagesOf = (accountId: string) => t.database.db.selectFrom('messages').selectAll().where('account_id', '=', accountId).orderBy('posted_at').execute();
const callsWith = (token: string) => li.requests.filter((request) => request.headers.authorization === `Bearer ${token}`);
const daysAgo = (days: number) => t.clock.now().getTime() - days * DAY;

// LinkedIn accounts are polled every 5 minutes.
async function nextPoll() {
  t.clock.advance(301_000);
  await t.worker.drain();
}

describe('LinkedIn tegen een nagebouwde Community Management API', () => {
  it('een reactie op de eigen post komt binnen, en het antwoord uit Plein staat eronder', async () => {
    const bergen = await municipality('bergen');
    const post = li.addPost(bergen.organizationUrn, 'Vanaf maandag is de Dorpsstraat afgesloten \\(werkzaamheden\\).', { at: daysAgo(2) });
    const comment = li.addComment(post.id, MEMBER, 'Hoe lang duurt dat? Zie https://bergen.example/werk #Bergen', { at: daysAgo(1) });

    await t.worker.drain();
    const stored = await messagesOf(bergen.accountId);
    expect(stored.map((message) => [message.platform_id, message.direction])).toEqual([
      [post.id, 'uit'],
      [comment.urn, 'in'],
    ]);
    expect(stored[0]!.text).toBe('Vanaf maandag is de Dorpsstraat afgesloten (werkzaamheden).');
    expect(stored[1]).toMatchObject({
      author_id: MEMBER,
      author_handle: MEMBER,
      author_name: null,
      text: 'Hoe lang duurt dat? Zie https://bergen.example/werk #Bergen',
      links: ['https://bergen.example/werk'],
      hashtags: ['Bergen'],
      reply_to_platform_id: post.id,
      thread_root_platform_id: post.id,
      public_url: `https://www.linkedin.com/feed/update/${post.id}`,
      posted_at: new Date(comment.time),
    });
    expect((await accountRow(bergen.accountId)).status).toBe('verbonden');

    const text = 'Ongeveer drie weken (tot en met 11 december). Omleiding via de Kerkweg.';
    const queued = await bergen.api('POST', '/api/v1/outbox', { accountId: bergen.accountId, kind: 'reply', replyToMessageId: stored[1]!.id, text });
    expect(queued.statusCode, queued.body).toBe(201);
    await t.worker.drain();
    const sent = (await bergen.api('GET', `/api/v1/outbox/${queued.json().id}`)).json();
    const [reply] = li.commentsBy(bergen.organizationUrn);
    expect(reply).toMatchObject({ object: post.id, parentComment: comment.urn, text });
    expect(sent).toMatchObject({ status: 'verzonden', platformId: reply!.urn, publicUrl: `https://www.linkedin.com/feed/update/${post.id}` });

    // The next poll sees Plein's own reply under the comment: the same message, stored once.
    await nextPoll();
    const after = await messagesOf(bergen.accountId);
    expect(after.map((message) => message.direction)).toEqual(['uit', 'in', 'uit']);
    expect(after[2]).toMatchObject({ platform_id: reply!.urn, reply_to_platform_id: comment.urn, thread_root_platform_id: post.id });
  });

  it("leest 250 reacties over drie pagina's zonder verlies en bewaart ze bij een tweede poll niet opnieuw", async () => {
    const castricum = await municipality('castricum');
    const post = li.addPost(castricum.organizationUrn, 'Wat vindt u van het nieuwe parkeerbeleid?', { at: daysAgo(3) });
    const old = li.addPost(castricum.organizationUrn, 'Een post van een maand geleden', { at: daysAgo(30) });
    li.addComment(old.id, MEMBER, 'Te oud om nog te volgen', { at: daysAgo(29) });
    for (let i = 0; i < 250; i++) li.addComment(post.id, `urn:li:person:inwoner${i}`, `Mening ${i}`, { at: daysAgo(2) + i * 1000 });

    await t.worker.drain();
    const pages = callsWith(castricum.accessToken)
      .filter((request) => request.path.includes('/socialActions/'))
      .map((request) => new URL(request.path, li.url).searchParams.get('start'));
    expect(pages).toEqual(['0', '100', '200']);
    expect(await messagesOf(castricum.accountId)).toHaveLength(251);

    await nextPoll();
    expect(await messagesOf(castricum.accountId)).toHaveLength(251);
    li.addComment(post.id, MEMBER, 'Nog één reactie');
    await nextPoll();
    const stored = await messagesOf(castricum.accountId);
    expect(stored).toHaveLength(252);
    expect(stored.some((message) => message.platform_id === old.id)).toBe(false);
    const cursor = await t.database.db.selectFrom('channel_cursors').select('cursor').where('account_id', '=', castricum.accountId).executeTakeFirstOrThrow();
    expect(Object.keys((cursor.cursor as { posts: object }).posts)).toEqual([post.id]);
  });

  it("stuurt altijd LinkedIn-Version en het Rest.li 2.0-protocol mee, met URN's gecodeerd in het pad", async () => {
    const heiloo = await municipality('heiloo');
    const post = li.addPost(heiloo.organizationUrn, 'Open dag gemeentehuis', { at: daysAgo(1) });
    li.addComment(post.id, MEMBER, 'Leuk!');
    await t.worker.drain();
    expect(await messagesOf(heiloo.accountId)).toHaveLength(2);
    const calls = callsWith(heiloo.accessToken);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    for (const call of calls) {
      expect(call.headers['linkedin-version']).toMatch(/^\d{6}$/);
      expect(call.headers['x-restli-protocol-version']).toBe('2.0.0');
      expect(call.status).toBe(200);
    }
    expect(calls.some((call) => call.path.startsWith(`/rest/socialActions/${encodeURIComponent(post.id)}/comments`))).toBe(true);
    // Without the header the (nagebouwde) API refuses, as LinkedIn's versioned APIs do.
    const bare = await fetch(`${li.url}/rest/posts?q=author&author=${encodeURIComponent(heiloo.organizationUrn)}`, {
      headers: { authorization: `Bearer ${heiloo.accessToken}`, 'x-restli-protocol-version': '2.0.0' },
    });
    expect(bare.status).toBe(400);
    expect(await bare.json()).toMatchObject({ code: 'VERSION_MISSING' });
  });

  it('wacht na een 429 zonder resettijd een kwartier en haalt daarna weer op', async () => {
    const limmen = await municipality('limmen');
    li.addComment(li.addPost(limmen.organizationUrn, 'Snoeiwerk in het park', { at: daysAgo(1) }).id, MEMBER, 'Eindelijk');
    li.failNext(429, { token: limmen.accessToken });
    await t.worker.drain();
    const limited = await accountRow(limmen.accountId);
    expect(limited.last_error).toContain('429');
    expect(limited.rate_limited_until!.getTime() - t.clock.now().getTime()).toBe(15 * 60_000);

    const before = callsWith(limmen.accessToken).length;
    await nextPoll();
    await nextPoll();
    expect(callsWith(limmen.accessToken).length).toBe(before);
    t.clock.advance(10 * 60_000);
    await t.worker.drain();
    expect(await messagesOf(limmen.accountId)).toHaveLength(2);
    expect((await accountRow(limmen.accountId)).last_error).toBeNull();
  });

  it('vernieuwt een verlopen toegangstoken met het refresh-token en bewaart het nieuwe versleuteld', async () => {
    const egmond = await municipality('egmond', { refreshable: true });
    li.addComment(li.addPost(egmond.organizationUrn, 'Strandopgang 40 weer open', { at: daysAgo(1) }).id, MEMBER, 'Fijn!');
    li.expiredTokens.add(egmond.accessToken);
    const grants = li.tokenGrants;

    await t.worker.drain();
    expect(await messagesOf(egmond.accountId)).toHaveLength(2);
    expect(li.tokenGrants).toBe(grants + 1);
    const row = await accountRow(egmond.accountId);
    expect(row.status).toBe('verbonden');
    expect(row.secrets_sealed).not.toContain('AQ-');
    const secrets = openAccountSecrets(KEYS, egmond.org.id, egmond.accountId, row.secrets_sealed);
    expect(secrets.accessToken).toMatch(/^AQ-vernieuwd-/);
    expect(secrets).toMatchObject({ refreshToken: egmond.refreshToken, clientSecret: li.client.secret });

    // The stored token is used from now on: no second refresh.
    await nextPoll();
    expect(li.tokenGrants).toBe(grants + 1);
    expect(callsWith(secrets.accessToken!).length).toBeGreaterThan(0);
  });

  it('zet het account zonder refresh-token bij een verlopen token op "aandacht nodig" en mailt één keer', async () => {
    const uitgeest = await municipality('uitgeest');
    li.expiredTokens.add(uitgeest.accessToken);
    await t.worker.drain();
    const row = await accountRow(uitgeest.accountId);
    expect(row.status).toBe('aandacht-nodig');
    expect(row.last_error).toContain('verlopen of ingetrokken');
    const mails = await t.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('organisation_id', '=', uitgeest.org.id)
      .where('name', '=', 'mail.versturen')
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload).toMatchObject({ to: uitgeest.beheerder.email });
    const before = callsWith(uitgeest.accessToken).length;
    await nextPoll();
    expect(callsWith(uitgeest.accessToken).length).toBe(before);
  });

  it('probeert na een 500 bij versturen opnieuw en plaatst de reactie één keer', async () => {
    const schoorl = await municipality('schoorl');
    const post = li.addPost(schoorl.organizationUrn, 'Nieuwe bankjes op het dorpsplein', { at: daysAgo(1) });
    const comment = li.addComment(post.id, MEMBER, 'Komen er ook prullenbakken?');
    await t.worker.drain();
    const inbound = (await messagesOf(schoorl.accountId)).find((message) => message.platform_id === comment.urn)!;

    li.failNext(500, { match: /^POST \/rest\/socialActions\//, token: schoorl.accessToken });
    const queued = (
      await schoorl.api('POST', '/api/v1/outbox', { accountId: schoorl.accountId, kind: 'reply', replyToMessageId: inbound.id, text: 'Ja, twee.' })
    ).json();
    await t.worker.drain();
    const failed = (await schoorl.api('GET', `/api/v1/outbox/${queued.id}`)).json();
    expect(failed).toMatchObject({ status: 'wachtend', attempts: 1 });
    expect(failed.lastError).toContain('500');

    t.clock.advance(60_000);
    await t.worker.drain();
    const sent = (await schoorl.api('GET', `/api/v1/outbox/${queued.id}`)).json();
    expect(sent.status, sent.lastError).toBe('verzonden');
    expect(li.commentsBy(schoorl.organizationUrn).map((reply) => reply.urn)).toEqual([sent.platformId]);
  });

  it('vraagt na een 500 eerst of LinkedIn de reactie toch al had, en plaatst haar dan niet nog eens', async () => {
    const egmond = await municipality('wijkaanzee');
    const post = li.addPost(egmond.organizationUrn, 'Strandopgang tijdelijk dicht', { at: daysAgo(1) });
    const comment = li.addComment(post.id, MEMBER, 'Tot wanneer?');
    await t.worker.drain();
    const inbound = (await messagesOf(egmond.accountId)).find((message) => message.platform_id === comment.urn)!;
    const queued = (
      await egmond.api('POST', '/api/v1/outbox', { accountId: egmond.accountId, kind: 'reply', replyToMessageId: inbound.id, text: 'Tot vrijdag.' })
    ).json();
    // LinkedIn stores the comment and then answers 500 (a proxy timing out in front of it): the state
    // after this attempt is a comment on LinkedIn and an error in Plein.
    li.failNext(500, { match: /^POST \/rest\/socialActions\//, token: egmond.accessToken });
    const created = li.addComment(post.id, egmond.organizationUrn, 'Tot vrijdag.', { parentComment: comment.urn });
    await t.worker.drain();
    expect((await egmond.api('GET', `/api/v1/outbox/${queued.id}`)).json()).toMatchObject({ status: 'wachtend', attempts: 1 });
    t.clock.advance(60_000);
    await t.worker.drain();
    const sent = (await egmond.api('GET', `/api/v1/outbox/${queued.id}`)).json();
    expect(sent).toMatchObject({ status: 'verzonden', platformId: created.urn });
    expect(li.commentsBy(egmond.organizationUrn)).toHaveLength(1);
  });

  it('plaatst precies één reactie als de worker sterft nadat LinkedIn haar al had', async () => {
    const bakkum = await municipality('bakkum');
    const post = li.addPost(bakkum.organizationUrn, 'Zwembad morgen later open', { at: daysAgo(1) });
    li.addComment(post.id, MEMBER, 'Hoe laat dan?');
    await t.worker.drain();
    const inbound = (await messagesOf(bakkum.accountId)).find((message) => message.direction === 'in')!;
    const queued = (
      await bakkum.api('POST', '/api/v1/outbox', { accountId: bakkum.accountId, kind: 'reply', replyToMessageId: inbound.id, text: 'Om 10 uur.' })
    ).json();

    // Attempt 1: a worker claims the job, the comment reaches LinkedIn, and the process dies.
    const now = t.clock.now();
    const claimed = await claimDueJob(t.database.db, {
      names: ['kanaal.versturen'],
      workerId: 'gestorven',
      now,
      leaseUntil: new Date(now.getTime() + 300_000),
    });
    expect(claimed?.payload).toMatchObject({ outboxId: queued.id });
    const loaded = (await loadOutboundRequest(t.database.db, bakkum.org.id, queued.id))!;
    const first = await linkedinConnector.send!(buildConnectorAccount(KEYS, loaded.account), loaded.request, { fetch, clock: t.clock });

    // Attempt 2, after the lease ran out: the job asks LinkedIn first and finds the comment.
    t.clock.advance(301_000);
    await t.worker.drain();
    expect(await t.database.db.selectFrom('jobs').select(['attempts', 'status']).where('id', '=', claimed!.id).executeTakeFirstOrThrow()).toEqual({
      attempts: 2,
      status: 'done',
    });
    expect((await bakkum.api('GET', `/api/v1/outbox/${queued.id}`)).json()).toMatchObject({ status: 'verzonden', platformId: first.platformId });
    expect(li.commentsBy(bakkum.organizationUrn, post.id)).toHaveLength(1);
  });

  it('plaatst een post in little text, verwijdert hem weer en weigert 3.001 tekens', async () => {
    const wijk = await municipality('wijk');
    await t.worker.drain();
    const text = 'Werk aan de weg (N203) tot 1 december — zie https://wijk.example/werk_aan_de_weg #Verkeer';
    const queued = await wijk.api('POST', '/api/v1/outbox', { accountId: wijk.accountId, kind: 'post', text });
    expect(queued.statusCode, queued.body).toBe(201);
    await t.worker.drain();
    const sent = (await wijk.api('GET', `/api/v1/outbox/${queued.json().id}`)).json();
    expect(sent.status, sent.lastError).toBe('verzonden');
    const post = li.posts.get(sent.platformId)!;
    expect(post).toMatchObject({
      author: wijk.organizationUrn,
      visibility: 'PUBLIC',
      lifecycleState: 'PUBLISHED',
      distribution: { feedDistribution: 'MAIN_FEED' },
    });
    expect(post.commentary).toBe('Werk aan de weg \\(N203\\) tot 1 december — zie https://wijk.example/werk_aan_de_weg #Verkeer');
    expect(fromLittleText(toLittleText('a_b (c) #d [e]'))).toBe('a_b (c) #d [e]');

    // Polled back, Plein's post is the same message, with its text as written.
    await nextPoll();
    const stored = await messagesOf(wijk.accountId);
    expect(stored.map((message) => [message.platform_id, message.text])).toEqual([[sent.platformId, text]]);

    const loaded = (await loadOutboundRequest(t.database.db, wijk.org.id, queued.json().id))!;
    const target = buildConnectorAccount(KEYS, loaded.account);
    const deletion = { ...loaded.request, kind: 'delete' as const, targetPlatformId: sent.platformId };
    await linkedinConnector.send!(target, deletion, { fetch, clock: t.clock });
    expect(li.posts.get(sent.platformId)!.deleted).toBe(true);
    // Deleting again (a retry) is not an error.
    await linkedinConnector.send!(target, deletion, { fetch, clock: t.clock });

    const tooLong = await wijk.api('POST', '/api/v1/outbox', { accountId: wijk.accountId, kind: 'post', text: 'a'.repeat(3001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ code: 'tekst-te-lang' });
    expect((await wijk.api('POST', '/api/v1/outbox', { accountId: wijk.accountId, kind: 'post', text: 'a'.repeat(3000) })).statusCode).toBe(201);
  });
});
