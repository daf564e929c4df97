import { claimDueJob } from '@platform/jobs/jobs.repository';
import { defineSystemSchedules } from '@platform/jobs/platform.jobs';
import { buildOrganisation, buildUser, TEST_SECRET_KEY } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { startXServer, type XServer } from '@test/platforms/x-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccountSecrets } from '../../account-secrets.rules';
import { buildConnectorAccount } from '../../channels.jobs';
import { channelsModule } from '../../index';
import { insertAttachment } from '../../messages.repository';
import { loadOutboundRequest } from '../../outbox.service';
import { xConnector } from './x.connector';

// Plein's worker against a local X API v2 (test/platforms/x-server.ts) that keeps the same clock.
const KEYS = { current: TEST_SECRET_KEY, previous: [] };
const MENTIONS = 'GET /2/users/:id/mentions';
// 1×1 red PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let t: TestApp;
let x: XServer;

beforeAll(async () => {
  t = await createTestApp();
  await defineSystemSchedules(t.database.db, t.clock, channelsModule.schedules ?? []);
  x = await startXServer(() => t.clock.now());
});

afterAll(async () => {
  await x?.close();
  await t?.close();
});

// A municipality on Plein with its X account connected by an OAuth 2.0 user token, and a beheerder.
async function municipality(username: string, settings: Record<string, string> = {}) {
  const user = x.addUser(username, { name: `Gemeente ${username}`, followers: 12_000 });
  const tokens = x.authorize(user.id);
  const org = await buildOrganisation(t.database.db);
  const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  const api = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
  const created = await api('POST', '/api/v1/channel-accounts', {
    municipalityId: org.municipalities[0]!.id,
    channel: 'x',
    handle: username,
    serviceUrl: x.url,
    settings: { userId: user.id, clientId: 'plein-client', ...settings },
    secrets: tokens,
  });
  expect(created.statusCode, created.body).toBe(201);
  return { user, tokens, org, beheerder, api, accountId: created.json().id as string };
}

const accountRow = (id: string) => t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const messagesOf = (accountId: string) =>
  t.database.db.selectFrom('messages').selectAll().where('account_id', '=', accountId).orderBy('received_at').orderBy('posted_at').execute();
const secretsOf = async (orgId: string, accountId: string) => openAccountSecrets(KEYS, orgId, accountId, (await accountRow(accountId)).secrets_sealed);
const mailsOf = (orgId: string) =>
  t.database.db.selectFrom('jobs').selectAll().where('organisation_id', '=', orgId).where('name', '=', 'mail.versturen').execute();

async function nextMinute() {
  t.clock.advance(61_000);
  await t.worker.drain();
}

describe('X API v2', () => {
  it('een vermelding komt binnen met alle velden, het antwoord uit Plein staat eronder, en het antwoord daarop ook', async () => {
    const bergen = await municipality('bergen');
    const alice = x.addUser('alice', { name: 'Alice de Vries', followers: 42 });
    const mention = x.addTweet(alice.id, 'Hoi @bergen, de lantaarnpaal bij de kerk is kapot & donker: https://meldingen.nl/123 #Bergen', {
      geo: { lat: 52.66, lon: 4.7 },
      images: [{ altText: 'Een lantaarnpaal zonder licht' }],
    });

    await t.worker.drain();
    const [inbound] = await messagesOf(bergen.accountId);
    expect(inbound).toMatchObject({
      platform_id: mention.id,
      direction: 'in',
      author_id: alice.id,
      author_handle: 'alice',
      author_name: 'Alice de Vries',
      author_followers: 42,
      text: 'Hoi @bergen, de lantaarnpaal bij de kerk is kapot & donker: https://meldingen.nl/123 #Bergen',
      links: ['https://meldingen.nl/123'],
      mentions: ['bergen'],
      hashtags: ['Bergen'],
      reply_to_platform_id: null,
      thread_root_platform_id: mention.id,
      geo_lat: 52.66,
      geo_lon: 4.7,
      language: 'nl',
      public_url: `https://x.com/alice/status/${mention.id}`,
      visibility: 'openbaar',
    });
    expect(inbound!.media).toEqual([
      expect.objectContaining({ type: 'image', altText: 'Een lantaarnpaal zonder licht', url: expect.stringContaining('pbs.twimg.com') }),
    ]);
    expect((await accountRow(bergen.accountId)).status).toBe('verbonden');

    const image = await insertAttachment(t.database.db, bergen.org.id, { messageId: null, filename: 'monteur.png', contentType: 'image/png', bytes: PNG });
    const queued = await bergen.api('POST', '/api/v1/outbox', {
      accountId: bergen.accountId,
      kind: 'reply',
      replyToMessageId: inbound!.id,
      text: 'Dank u! Morgen komt er een monteur. Volg het op https://www.bergen.nl/melding/123',
      media: [{ attachmentId: image.id, altText: 'Een monteur bij een lantaarnpaal' }],
    });
    expect(queued.statusCode, queued.body).toBe(201);
    await t.worker.drain();
    const sent = (await bergen.api('GET', `/api/v1/outbox/${queued.json().id}`)).json();
    expect(sent, sent.lastError).toMatchObject({ status: 'verzonden', publicUrl: `https://x.com/bergen/status/${sent.platformId}` });
    const [reply] = x.tweetsBy(bergen.user.id);
    expect(reply).toMatchObject({ id: sent.platformId, referenced_tweets: [{ type: 'replied_to', id: mention.id }], conversation_id: mention.id });
    expect(reply!.text).toMatch(/^@alice Dank u! Morgen komt er een monteur\. Volg het op https:\/\/t\.co\//);
    expect(x.mediaByKey(reply!.attachments!.media_keys[0]!)?.alt_text).toBe('Een monteur bij een lantaarnpaal');

    // Alice answers Plein's reply: it arrives as a reply in the same conversation.
    const answer = x.addTweet(alice.id, 'Top, dank jullie wel!', { replyTo: reply!.id });
    await nextMinute();
    const stored = await messagesOf(bergen.accountId);
    expect(stored.map((message) => message.direction)).toEqual(['in', 'uit', 'in']);
    expect(stored[2]).toMatchObject({
      platform_id: answer.id,
      reply_to_platform_id: sent.platformId,
      thread_root_platform_id: mention.id,
      mentions: ['bergen'],
    });
  });

  it('leest alle pagina’s sinds de vorige keer, bewaart alles één keer en gaat een grote achterstand over meerdere rondes af', async () => {
    const heiloo = await municipality('heiloo');
    const bob = x.addUser('bob');
    await t.worker.drain();
    for (let i = 0; i < 250; i++) x.addTweet(bob.id, `@heiloo melding ${i}`);
    await nextMinute();
    const pages = x.callsTo(MENTIONS, heiloo.user.id);
    expect(pages.slice(1).map((call) => Boolean(call.query.pagination_token))).toEqual([false, true, true]);
    expect(
      pages.slice(1).every((call) => call.query.max_results === '100' && call.query.expansions === 'author_id,referenced_tweets.id,attachments.media_keys'),
    ).toBe(true);
    expect(await messagesOf(heiloo.accountId)).toHaveLength(250);

    // Polling again asks only for what is newer, and stores nothing twice.
    await nextMinute();
    const again = x.callsTo(MENTIONS, heiloo.user.id).at(-1)!;
    expect(again.query.since_id).toBe(x.tweets.filter((tweet) => tweet.author_id === bob.id).at(-1)!.id);
    expect(await messagesOf(heiloo.accountId)).toHaveLength(250);

    // 600 at once: five pages this poll, the rest in a follow-up right away, nothing skipped.
    for (let i = 0; i < 600; i++) x.addTweet(bob.id, `@heiloo drukte ${i}`);
    await nextMinute();
    const rows = await messagesOf(heiloo.accountId);
    expect(new Set(rows.map((row) => row.platform_id)).size).toBe(850);
  });

  it('stopt bij een opgebruikt budget, wacht na een 429 tot x-rate-limit-reset en doet tot dan geen enkel verzoek', async () => {
    const castricum = await municipality('castricum');
    const carol = x.addUser('carol');
    await t.worker.drain();
    for (let i = 0; i < 150; i++) x.addTweet(carol.id, `@castricum vraag ${i}`);
    // One call left in this window: X answers it with x-rate-limit-remaining: 0.
    const { reset } = x.setBudget(MENTIONS, castricum.user.id, 1);
    const before = x.callsTo(MENTIONS, castricum.user.id).length;
    await nextMinute();
    expect(x.callsTo(MENTIONS, castricum.user.id).length).toBe(before + 1);
    expect(await messagesOf(castricum.accountId)).toHaveLength(100);

    // The next minute X refuses: the account waits until the reset X named.
    await nextMinute();
    const limited = await accountRow(castricum.accountId);
    expect(limited.rate_limited_until?.getTime()).toBe(reset * 1000);
    expect(limited.last_error).toContain('429');
    const requests = x.callsBy(castricum.user.id).length;
    t.clock.advance(5 * 60_000);
    await t.worker.drain();
    expect(x.callsBy(castricum.user.id).length).toBe(requests);

    t.clock.advance(reset * 1000 + 1_000 - t.clock.now().getTime());
    await t.worker.drain();
    expect(await messagesOf(castricum.accountId)).toHaveLength(150);
    expect((await accountRow(castricum.accountId)).last_error).toBeNull();
  });

  it('probeert opnieuw na een 503 bij het versturen en plaatst het bericht één keer', async () => {
    const akersloot = await municipality('akersloot');
    await t.worker.drain();
    x.failNext('POST /2/tweets', 503);
    const queued = (
      await akersloot.api('POST', '/api/v1/outbox', { accountId: akersloot.accountId, kind: 'post', text: 'De milieustraat is zaterdag gesloten.' })
    ).json();
    await t.worker.drain();
    const waiting = (await akersloot.api('GET', `/api/v1/outbox/${queued.id}`)).json();
    expect(waiting).toMatchObject({ status: 'wachtend', attempts: 1, lastError: expect.stringContaining('503') });
    t.clock.advance(10 * 60_000);
    await t.worker.drain();
    const sent = (await akersloot.api('GET', `/api/v1/outbox/${queued.id}`)).json();
    expect(sent).toMatchObject({ status: 'verzonden', platformId: expect.stringMatching(/^\d+$/) });
    expect(x.tweetsBy(akersloot.user.id).map((tweet) => tweet.id)).toEqual([sent.platformId]);
    expect(x.callsTo('POST /2/tweets').filter((call) => (call.body as { text: string }).text.startsWith('De milieustraat'))).toHaveLength(2);
  });

  it('vernieuwt een verlopen toegangstoken zelf, bewaart het nieuwe paar versleuteld en gebruikt daarna het nieuwe refresh-token', async () => {
    const limmen = await municipality('limmen');
    const dave = x.addUser('dave');
    await t.worker.drain();
    x.expireAccessTokens(limmen.user.id);
    x.addTweet(dave.id, 'Wanneer wordt het oud papier opgehaald, @limmen?');
    const tokenCalls = () => x.callsTo('POST /2/oauth2/token', limmen.user.id);
    const before = tokenCalls().length;
    await nextMinute();
    expect(await messagesOf(limmen.accountId)).toHaveLength(1);
    expect(tokenCalls().length).toBe(before + 1);
    expect(tokenCalls().at(-1)!.body).toEqual({ grant_type: 'refresh_token', refresh_token: limmen.tokens.refreshToken, client_id: 'plein-client' });
    const row = await accountRow(limmen.accountId);
    expect(row.status).toBe('verbonden');
    const renewed = await secretsOf(limmen.org.id, limmen.accountId);
    expect(renewed.accessToken).not.toBe(limmen.tokens.accessToken);
    expect(renewed.refreshToken).not.toBe(limmen.tokens.refreshToken);
    expect(row.secrets_sealed).not.toContain(renewed.accessToken);
    expect(row.secrets_sealed).not.toContain(renewed.refreshToken);

    // Expired once more: the rotated refresh token is the one used now.
    x.expireAccessTokens(limmen.user.id);
    x.addTweet(dave.id, 'En het glas, @limmen?');
    await nextMinute();
    expect(await messagesOf(limmen.accountId)).toHaveLength(2);
    expect((tokenCalls().at(-1)!.body as Record<string, string>).refresh_token).toBe(renewed.refreshToken);
    expect((await accountRow(limmen.accountId)).status).toBe('verbonden');
  });

  it('zet het account op "aandacht nodig" als X het refresh-token weigert en mailt de beheerder één keer', async () => {
    const schoorl = await municipality('schoorl');
    await t.worker.drain();
    x.expireAccessTokens(schoorl.user.id);
    x.revokeRefreshTokens(schoorl.user.id);
    await nextMinute();
    const row = await accountRow(schoorl.accountId);
    expect(row.status).toBe('aandacht-nodig');
    expect(row.last_error).toContain('Koppel het X-account opnieuw');
    const mails = await mailsOf(schoorl.org.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload).toMatchObject({ to: schoorl.beheerder.email });
    // No more calls for this account until someone connects it again.
    const calls = x.callsBy(schoorl.user.id).length;
    expect(x.callsTo('POST /2/oauth2/token', schoorl.user.id)).toHaveLength(1);
    await nextMinute();
    expect(x.callsBy(schoorl.user.id).length).toBe(calls);
    expect(await mailsOf(schoorl.org.id)).toHaveLength(1);
  });

  it('plaatst precies één keer, ook als de worker sterft nadat het bericht al op X stond', async () => {
    const uitgeest = await municipality('uitgeest');
    const erin = x.addUser('erin');
    const mention = x.addTweet(erin.id, 'Is het zwembad morgen open, @uitgeest?');
    await t.worker.drain();
    const [inbound] = await messagesOf(uitgeest.accountId);
    const queued = (
      await uitgeest.api('POST', '/api/v1/outbox', {
        accountId: uitgeest.accountId,
        kind: 'reply',
        replyToMessageId: inbound!.id,
        text: 'Ja, van 7 tot 21 uur: https://www.uitgeest.nl/zwembad',
      })
    ).json();

    // Attempt 1: claimed, posted on X, and the process dies before recording anything.
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
    const first = await xConnector.send!(target, loaded.request, { fetch, clock: t.clock });
    // A blind retry is refused by X as duplicate content; the connector then finds the first post.
    const again = await xConnector.send!(target, loaded.request, { fetch, clock: t.clock });
    expect(again.platformId).toBe(first.platformId);
    const posts = x.callsTo('POST /2/tweets', uitgeest.user.id).length;

    // Attempt 2, after the lease ran out: the job asks X first and finds the post (t.co link, @erin prefix and all).
    t.clock.advance(301_000);
    await t.worker.drain();
    expect(await t.database.db.selectFrom('jobs').select(['attempts', 'status']).where('id', '=', claimed!.id).executeTakeFirstOrThrow()).toEqual({
      attempts: 2,
      status: 'done',
    });
    expect((await uitgeest.api('GET', `/api/v1/outbox/${queued.id}`)).json()).toMatchObject({ status: 'verzonden', platformId: first.platformId });
    expect(x.tweetsBy(uitgeest.user.id).map((tweet) => tweet.id)).toEqual([first.platformId]);
    expect(x.callsTo('POST /2/tweets', uitgeest.user.id)).toHaveLength(posts);
    expect(x.tweetsBy(uitgeest.user.id)[0]!.referenced_tweets).toEqual([{ type: 'replied_to', id: mention.id }]);
    expect(x.callsTo('GET /2/users/:id/tweets').at(-1)!.query.start_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('haalt privéberichten op en stuurt een privé-antwoord, zonder het eigen bericht dubbel te bewaren', async () => {
    const egmond = await municipality('egmond');
    const fenna = x.addUser('fenna', { name: 'Fenna Bakker', followers: 7 });
    const dm = x.sendDm(fenna.id, egmond.user.id, 'Mijn container is niet geleegd, Dorpsstraat 4', { image: { altText: 'Een volle container' } });
    await t.worker.drain();
    const [inbound] = await messagesOf(egmond.accountId);
    expect(inbound).toMatchObject({
      platform_id: dm.id,
      direction: 'in',
      visibility: 'prive',
      author_id: fenna.id,
      author_handle: 'fenna',
      author_name: 'Fenna Bakker',
      thread_root_platform_id: dm.dm_conversation_id,
      public_url: null,
    });
    expect(inbound!.media).toEqual([expect.objectContaining({ altText: 'Een volle container' })]);

    // A moment later, so the answer sorts after the question (same clock tick otherwise).
    t.clock.advance(1_000);
    const queued = (
      await egmond.api('POST', '/api/v1/outbox', {
        accountId: egmond.accountId,
        kind: 'direct',
        replyToMessageId: inbound!.id,
        text: 'Sorry! We halen hem vandaag nog op.',
      })
    ).json();
    await t.worker.drain();
    const sent = (await egmond.api('GET', `/api/v1/outbox/${queued.id}`)).json();
    expect(sent, sent.lastError).toMatchObject({ status: 'verzonden', publicUrl: null });
    expect(x.dms.at(-1)).toMatchObject({
      id: sent.platformId,
      sender_id: egmond.user.id,
      dm_conversation_id: dm.dm_conversation_id,
      text: 'Sorry! We halen hem vandaag nog op.',
    });

    x.sendDm(fenna.id, egmond.user.id, 'Dank u wel!');
    await nextMinute();
    expect((await messagesOf(egmond.accountId)).map((message) => [message.direction, message.visibility])).toEqual([
      ['in', 'prive'],
      ['uit', 'prive'],
      ['in', 'prive'],
    ]);
  });

  it('luistert naar een zoekopdracht, ook zonder vermelding', async () => {
    const wijk = await municipality('wijkaanzee', { searchQuery: 'strandopgang' });
    const gijs = x.addUser('gijs');
    const first = x.addTweet(gijs.id, 'De strandopgang bij paal 40 is weer open');
    await t.worker.drain();
    const second = x.addTweet(gijs.id, 'Zand op de Strandopgang, pas op met de fiets');
    await nextMinute();
    expect((await messagesOf(wijk.accountId)).map((message) => message.platform_id).sort()).toEqual([first.id, second.id].sort());
    const cursors = await t.database.db.selectFrom('channel_cursors').select('stream').where('account_id', '=', wijk.accountId).execute();
    expect(cursors.map((cursor) => cursor.stream).sort()).toEqual(['dm', 'mentions', 'search']);
  });

  it('telt zoals X: 280 gewogen tekens passen, 281 niet (CJK en emoji wegen 2)', async () => {
    const bakkum = await municipality('bakkum');
    const fits = `${'界'.repeat(139)}😀`;
    const tooLong = await bakkum.api('POST', '/api/v1/outbox', { accountId: bakkum.accountId, kind: 'post', text: `${fits}!` });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ code: 'tekst-te-lang' });
    const queued = await bakkum.api('POST', '/api/v1/outbox', { accountId: bakkum.accountId, kind: 'post', text: fits });
    expect(queued.statusCode, queued.body).toBe(201);
    await t.worker.drain();
    expect((await bakkum.api('GET', `/api/v1/outbox/${queued.json().id}`)).json()).toMatchObject({ status: 'verzonden' });
    expect(x.tweetsBy(bakkum.user.id)).toHaveLength(1);
  });
});
