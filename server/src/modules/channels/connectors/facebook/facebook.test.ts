import { defineSystemSchedules } from '@platform/jobs/platform.jobs';
import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { type MetaGraphServer, startMetaGraphServer } from '@test/platforms/meta-graph-server';
import { buildMessagingWebhook, buildPageCommentWebhook, deliverWebhook } from '@test/platforms/meta-webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelsModule } from '../../index';

// Facebook Pages through the real worker against a loopback Graph API shaped like Meta's docs.
let t: TestApp;
let graph: MetaGraphServer;
let pages = 0;

beforeAll(async () => {
  t = await createTestApp();
  await defineSystemSchedules(t.database.db, t.clock, channelsModule.schedules ?? []);
  graph = await startMetaGraphServer(() => t.clock.now());
});
afterAll(async () => {
  await graph?.close();
  await t?.close();
});

const RESIDENT = { id: '901', name: 'Anna de Vries' };

// A municipality with its page connected by a page token, and a beheerder to answer from.
async function gemeentePage() {
  pages += 1;
  const pageId = `10${pages}000`;
  const token = `EAAG-page-${pages}`;
  const appSecret = `app-secret-${pages}`;
  graph.addPage({ id: pageId, name: `Gemeente ${pages}`, token });
  const org = await buildOrganisation(t.database.db);
  const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  const api = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
  const created = await api('POST', '/api/v1/channel-accounts', {
    municipalityId: org.municipalities[0]!.id,
    channel: 'facebook',
    handle: `Gemeente ${pages}`,
    serviceUrl: graph.url,
    settings: { pageId },
    secrets: { accessToken: token, appSecret, verifyToken: `verify-${pages}` },
  });
  expect(created.statusCode, created.body).toBe(201);
  const accountId = created.json().id as string;
  return {
    pageId,
    token,
    appSecret,
    org,
    beheerder,
    api,
    accountId,
    hook: `/webhooks/${org.id}/${accountId}`,
    page: { id: pageId, name: `Gemeente ${pages}` },
  };
}

const messagesOf = (accountId: string) => t.database.db.selectFrom('messages').selectAll().where('account_id', '=', accountId).orderBy('posted_at').execute();
const accountRow = (id: string) => t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
async function nextPoll() {
  t.clock.advance(121_000);
  await t.worker.drain();
}

describe('Facebook-pagina', () => {
  it('haalt een reactie op, en het antwoord uit Plein staat onder die reactie', async () => {
    const gemeente = await gemeentePage();
    const post = graph.post(gemeente.pageId, gemeente.page, 'Vanaf maandag is de Dorpsstraat afgesloten.');
    const comment = graph.comment(post.id, RESIDENT, 'Hoe kom ik dan bij de huisarts? https://huisarts.example #Dorpsstraat');
    await t.worker.drain();

    const stored = await messagesOf(gemeente.accountId);
    expect(stored.map((message) => [message.platform_id, message.direction])).toEqual([
      [post.id, 'uit'],
      [comment.id, 'in'],
    ]);
    const inbound = stored[1]!;
    expect(inbound).toMatchObject({
      author_id: RESIDENT.id,
      author_handle: RESIDENT.name,
      reply_to_platform_id: post.id,
      thread_root_platform_id: post.id,
      links: ['https://huisarts.example'],
      hashtags: ['Dorpsstraat'],
      visibility: 'openbaar',
      public_url: comment.permalink_url,
    });
    expect((await accountRow(gemeente.accountId)).status).toBe('verbonden');
    // The token travels in the Authorization header, never in the URL.
    expect(graph.requests.every((request) => request.query.access_token === undefined)).toBe(true);

    const queued = await gemeente.api('POST', '/api/v1/outbox', {
      accountId: gemeente.accountId,
      kind: 'reply',
      replyToMessageId: inbound.id,
      text: 'Via de Kerkweg blijft de huisarts bereikbaar.',
    });
    expect(queued.statusCode, queued.body).toBe(201);
    await t.worker.drain();
    const sent = (await gemeente.api('GET', `/api/v1/outbox/${queued.json().id}`)).json();
    const replies = graph.commentsOf(comment.id);
    expect(replies.map((reply) => [reply.id, reply.message, reply.from.id])).toEqual([
      [sent.platformId, 'Via de Kerkweg blijft de huisarts bereikbaar.', gemeente.pageId],
    ]);
    expect(sent).toMatchObject({ status: 'verzonden', platformId: replies[0]!.id });

    // The next poll sees Plein's own reply as the message it already has.
    await nextPoll();
    expect((await messagesOf(gemeente.accountId)).map((message) => message.direction)).toEqual(['uit', 'in', 'uit']);
  });

  it('slaat een webhook met geldige handtekening één keer op, ook als Meta hem twee keer stuurt', async () => {
    const gemeente = await gemeentePage();
    await t.worker.drain();
    const post = graph.post(gemeente.pageId, gemeente.page, 'Het gemeentehuis is dinsdag gesloten.');
    const comment = graph.comment(post.id, RESIDENT, 'Ook het loket burgerzaken?');
    const payload = buildPageCommentWebhook(gemeente.pageId, comment);
    const first = await deliverWebhook(t.app, gemeente.hook, payload, gemeente.appSecret);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ ontvangen: 1 });
    const again = await deliverWebhook(t.app, gemeente.hook, payload, gemeente.appSecret);
    expect(again.json()).toEqual({ ontvangen: 0 });
    const stored = await messagesOf(gemeente.accountId);
    expect(stored.map((message) => message.platform_id)).toEqual([comment.id]);
    expect(stored[0]).toMatchObject({
      text: 'Ook het loket burgerzaken?',
      reply_to_platform_id: post.id,
      thread_root_platform_id: post.id,
      author_id: RESIDENT.id,
    });
    // The poll finds the same comment (and the post) without doubling it.
    await nextPoll();
    expect((await messagesOf(gemeente.accountId)).map((message) => message.platform_id).sort()).toEqual([comment.id, post.id].sort());
  });

  it('weigert een webhook met een foute of ontbrekende handtekening met 401 en bewaart niets', async () => {
    const gemeente = await gemeentePage();
    const post = graph.post(gemeente.pageId, gemeente.page, 'Afvalkalender 2027 staat online.');
    const comment = graph.comment(post.id, RESIDENT, 'Waar vind ik die?');
    const payload = buildPageCommentWebhook(gemeente.pageId, comment);
    const countAll = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('messages')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await countAll();
    const forged = await deliverWebhook(t.app, gemeente.hook, payload, 'een-ander-secret');
    expect(forged.statusCode).toBe(401);
    expect((await deliverWebhook(t.app, gemeente.hook, payload, gemeente.appSecret, { signature: null })).statusCode).toBe(401);
    expect((await deliverWebhook(t.app, gemeente.hook, payload, gemeente.appSecret, { signature: 'sha256=' })).statusCode).toBe(401);
    // The right signature over other bytes (a changed message) is wrong too.
    const tampered = await t.app.inject({
      method: 'POST',
      url: gemeente.hook,
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': (await import('../meta/meta-webhook.rules')).signMetaPayload(gemeente.appSecret, JSON.stringify(payload)),
      },
      payload: JSON.stringify(payload).replace('Waar vind ik die?', 'Gehackt'),
    });
    expect(tampered.statusCode).toBe(401);
    expect(await countAll()).toBe(before);
  });

  it('beantwoordt de webhook-handshake alleen met de juiste verify-token', async () => {
    const gemeente = await gemeentePage();
    const ask = (token: string, mode = 'subscribe') =>
      t.app.inject({ method: 'GET', url: `${gemeente.hook}?hub.mode=${mode}&hub.verify_token=${token}&hub.challenge=1158201444` });
    const right = await ask(`verify-${gemeente.pageId.slice(2, -3)}`);
    expect(right.statusCode).toBe(200);
    expect(right.body).toBe('1158201444');
    expect((await ask('fout')).statusCode).toBe(403);
    expect((await ask(`verify-${gemeente.pageId.slice(2, -3)}`, 'unsubscribe')).statusCode).toBe(403);
  });

  it("leest alle pagina's van de feed en van de reacties zonder iets te verliezen", async () => {
    const gemeente = await gemeentePage();
    const start = t.clock.now().getTime();
    const posts = Array.from({ length: 30 }, (_, i) => graph.post(gemeente.pageId, gemeente.page, `Bericht ${i}`, new Date(start - (30 - i) * 60_000)));
    const busy = posts[29]!;
    const comments = Array.from({ length: 230 }, (_, i) =>
      graph.comment(busy.id, { id: `r${i}`, name: `Inwoner ${i}` }, `Reactie ${i}`, new Date(start - 20_000 + i * 10)),
    );
    await t.worker.drain();
    const stored = new Set((await messagesOf(gemeente.accountId)).map((message) => message.platform_id));
    expect(stored.size).toBe(260);
    expect(comments.every((comment) => stored.has(comment.id)) && posts.every((post) => stored.has(post.id))).toBe(true);
    const commentPages = graph.requests.filter((request) => request.path === `/${busy.id}/comments`);
    expect(commentPages.length).toBe(3);
    expect(commentPages.map((request) => request.query.after === undefined)).toEqual([true, false, false]);

    // New comments later, on the busy post and an older one: only those posts are read again.
    const before = graph.requests.length;
    const late = [graph.comment(busy.id, RESIDENT, 'Nog een vraag'), graph.comment(posts[3]!.id, RESIDENT, 'Oude post, nieuwe reactie')];
    await nextPoll();
    const reads = graph.requests.slice(before).filter((request) => request.path.endsWith('/comments'));
    // (The busy post's comments are minutes old, within the overlap that guards against late arrivals.)
    expect([...new Set(reads.map((request) => request.path))].sort()).toEqual([`/${busy.id}/comments`, `/${posts[3]!.id}/comments`].sort());
    const after = new Set((await messagesOf(gemeente.accountId)).map((message) => message.platform_id));
    expect(after.size).toBe(262);
    expect(late.every((comment) => after.has(comment.id))).toBe(true);
  });

  it('pauzeert bij throttling tot Meta weer toegang geeft', async () => {
    const gemeente = await gemeentePage();
    graph.throttle((_method, path) => path === `/${gemeente.pageId}/feed`, 32, 7);
    await t.worker.drain();
    const row = await accountRow(gemeente.accountId);
    expect(row.rate_limited_until!.getTime() - t.clock.now().getTime()).toBe(7 * 60_000);
    expect(row.last_error).toContain('te veel verzoeken');
    // Within the window nothing is asked of Meta.
    const before = graph.requests.length;
    await nextPoll();
    expect(graph.requests.slice(before).filter((request) => request.path.startsWith(`/${gemeente.pageId}`))).toHaveLength(0);
    t.clock.advance(6 * 60_000);
    await t.worker.drain();
    expect((await accountRow(gemeente.accountId)).last_error).toBeNull();

    // Code 4 (application) carries its estimate in X-App-Usage.
    graph.throttle((_method, path) => path === `/${gemeente.pageId}/feed`, 4, 12);
    await nextPoll();
    const again = await accountRow(gemeente.accountId);
    expect(again.rate_limited_until!.getTime() - t.clock.now().getTime()).toBe(12 * 60_000);
  });

  it('zet het account bij een verlopen token (190) op "aandacht nodig" en mailt één keer', async () => {
    const gemeente = await gemeentePage();
    graph.expireToken(gemeente.token);
    await t.worker.drain();
    const row = await accountRow(gemeente.accountId);
    expect(row.status).toBe('aandacht-nodig');
    expect(row.last_error).toContain('verlopen');
    await nextPoll();
    await nextPoll();
    const mails = await t.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('organisation_id', '=', gemeente.org.id)
      .where('name', '=', 'mail.versturen')
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload).toMatchObject({ to: gemeente.beheerder.email });
  });

  it('verstuurt na een 500 opnieuw, en plaatst het antwoord toch maar één keer', async () => {
    const gemeente = await gemeentePage();
    const post = graph.post(gemeente.pageId, gemeente.page, 'De kermis begint vrijdag.');
    const comment = graph.comment(post.id, RESIDENT, 'Tot hoe laat?');
    const plain = graph.comment(post.id, { id: '902', name: 'Bram' }, 'Is er parkeerplek?');
    await t.worker.drain();
    const stored = await messagesOf(gemeente.accountId);
    const inbound = stored.find((message) => message.platform_id === comment.id)!;
    const second = stored.find((message) => message.platform_id === plain.id)!;

    // Meta stores the comment, then answers 500: the answer is lost.
    graph.failures.push({ match: (method, path) => method === 'POST' && path === `/${comment.id}/comments`, status: 500, afterEffect: true });
    // And a plain 500 without effect on the other one.
    graph.failures.push({ match: (method, path) => method === 'POST' && path === `/${plain.id}/comments`, status: 500 });
    const first = (
      await gemeente.api('POST', '/api/v1/outbox', { accountId: gemeente.accountId, kind: 'reply', replyToMessageId: inbound.id, text: 'Tot middernacht.' })
    ).json();
    const other = (
      await gemeente.api('POST', '/api/v1/outbox', { accountId: gemeente.accountId, kind: 'reply', replyToMessageId: second.id, text: 'Ja, bij het station.' })
    ).json();
    await t.worker.drain();
    expect((await gemeente.api('GET', `/api/v1/outbox/${first.id}`)).json()).toMatchObject({ status: 'wachtend', attempts: 1 });
    t.clock.advance(60_000);
    await t.worker.drain();
    const done = (await gemeente.api('GET', `/api/v1/outbox/${first.id}`)).json();
    expect(done).toMatchObject({ status: 'verzonden' });
    expect(graph.commentsOf(comment.id).map((reply) => reply.id)).toEqual([done.platformId]);
    const otherDone = (await gemeente.api('GET', `/api/v1/outbox/${other.id}`)).json();
    expect(otherDone).toMatchObject({ status: 'verzonden' });
    expect(graph.commentsOf(plain.id).map((reply) => reply.id)).toEqual([otherDone.platformId]);
  });

  it('ontvangt een Messenger-bericht via de webhook en antwoordt privé via de Send API', async () => {
    const gemeente = await gemeentePage();
    const at = t.clock.now();
    const payload = buildMessagingWebhook('page', gemeente.pageId, {
      senderId: '6104321',
      mid: 'm_AbCdEf123',
      text: 'Mijn container is niet geleegd.',
      at,
      attachments: [{ type: 'image', payload: { url: 'https://scontent.example/container.jpg' } }],
    });
    expect((await deliverWebhook(t.app, gemeente.hook, payload, gemeente.appSecret)).json()).toEqual({ ontvangen: 1 });
    const [dm] = await messagesOf(gemeente.accountId);
    expect(dm).toMatchObject({ platform_id: 'm_AbCdEf123', visibility: 'prive', author_id: '6104321', direction: 'in' });
    expect(dm!.media).toEqual([{ url: 'https://scontent.example/container.jpg', type: 'image', altText: null, attachmentId: null }]);

    const queued = await gemeente.api('POST', '/api/v1/outbox', {
      accountId: gemeente.accountId,
      kind: 'direct',
      replyToMessageId: dm!.id,
      text: 'Sorry! Hij wordt morgen alsnog geleegd.',
    });
    expect(queued.statusCode, queued.body).toBe(201);
    await t.worker.drain();
    const sent = (await gemeente.api('GET', `/api/v1/outbox/${queued.json().id}`)).json();
    expect(sent.status, sent.lastError).toBe('verzonden');
    expect(graph.sentMessages.filter((message) => message.sender === gemeente.pageId)).toEqual([
      {
        sender: gemeente.pageId,
        recipient: { id: '6104321' },
        text: 'Sorry! Hij wordt morgen alsnog geleegd.',
        messageId: sent.platformId,
        messagingType: 'RESPONSE',
      },
    ]);
  });
});
