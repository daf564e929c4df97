import { defineSystemSchedules } from '@platform/jobs/platform.jobs';
import { buildOrganisation, buildUser, TEST_SECRET_KEY } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { type MetaGraphServer, startMetaGraphServer } from '@test/platforms/meta-graph-server';
import { buildIgCommentWebhook, buildMessagingWebhook, deliverWebhook } from '@test/platforms/meta-webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConnectorAccount } from '../../channels.jobs';
import { channelsModule } from '../../index';
import { loadOutboundRequest } from '../../outbox.service';
import { instagramConnector } from './instagram.connector';

// Instagram (API with Facebook Login) through the real worker against the loopback Graph API.
let t: TestApp;
let graph: MetaGraphServer;
let accounts = 0;

beforeAll(async () => {
  t = await createTestApp();
  await defineSystemSchedules(t.database.db, t.clock, channelsModule.schedules ?? []);
  graph = await startMetaGraphServer(() => t.clock.now());
});
afterAll(async () => {
  await graph?.close();
  await t?.close();
});

const RESIDENT = { id: '17841400000000901', username: 'anna.devries' };

async function gemeenteInstagram() {
  accounts += 1;
  const igUserId = `1784140${accounts}000000`;
  const pageId = `20${accounts}000`;
  const token = `EAAG-ig-${accounts}`;
  const appSecret = `ig-secret-${accounts}`;
  graph.addPage({ id: pageId, name: `Gemeente ${accounts}`, token });
  graph.addIgUser({ id: igUserId, username: `gemeente${accounts}`, token, pageId });
  const org = await buildOrganisation(t.database.db);
  const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
  const api = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
  const created = await api('POST', '/api/v1/channel-accounts', {
    municipalityId: org.municipalities[0]!.id,
    channel: 'instagram',
    handle: `gemeente${accounts}`,
    serviceUrl: graph.url,
    settings: { igUserId },
    secrets: { accessToken: token, appSecret, verifyToken: `ig-verify-${accounts}` },
  });
  expect(created.statusCode, created.body).toBe(201);
  const accountId = created.json().id as string;
  return { igUserId, pageId, token, appSecret, org, api, accountId, hook: `/webhooks/${org.id}/${accountId}` };
}

const messagesOf = (accountId: string) => t.database.db.selectFrom('messages').selectAll().where('account_id', '=', accountId).orderBy('posted_at').execute();

describe('Instagram', () => {
  it('een reactie komt via de webhook binnen en het antwoord uit Plein staat eronder', async () => {
    const gemeente = await gemeenteInstagram();
    await t.worker.drain();
    const media = graph.media(gemeente.igUserId, 'Kom naar de intocht van Sinterklaas! #Bergen');
    const comment = graph.igComment(media.id, RESIDENT, 'Welke route loopt hij? @gemeente1');
    const delivered = await deliverWebhook(t.app, gemeente.hook, buildIgCommentWebhook(gemeente.igUserId, comment), gemeente.appSecret);
    expect(delivered.json()).toEqual({ ontvangen: 1 });
    expect((await deliverWebhook(t.app, gemeente.hook, buildIgCommentWebhook(gemeente.igUserId, comment), gemeente.appSecret)).json()).toEqual({
      ontvangen: 0,
    });
    expect((await deliverWebhook(t.app, gemeente.hook, buildIgCommentWebhook(gemeente.igUserId, comment), 'fout-secret')).statusCode).toBe(401);
    const [inbound] = await messagesOf(gemeente.accountId);
    expect(inbound).toMatchObject({
      platform_id: comment.id,
      author_id: RESIDENT.id,
      author_handle: RESIDENT.username,
      reply_to_platform_id: media.id,
      thread_root_platform_id: media.id,
      mentions: ['gemeente1'],
    });

    const queued = await gemeente.api('POST', '/api/v1/outbox', {
      accountId: gemeente.accountId,
      kind: 'reply',
      replyToMessageId: inbound!.id,
      text: 'Via de Dorpsstraat naar het plein.',
    });
    expect(queued.statusCode, queued.body).toBe(201);
    await t.worker.drain();
    const sent = (await gemeente.api('GET', `/api/v1/outbox/${queued.json().id}`)).json();
    expect(sent.status, sent.lastError).toBe('verzonden');
    expect(graph.commentsOf(comment.id).map((reply) => [reply.id, reply.text, reply.from.id])).toEqual([
      [sent.platformId, 'Via de Dorpsstraat naar het plein.', gemeente.igUserId],
    ]);

    // The poll brings the media, the comment and Plein's reply without doubling any of them.
    t.clock.advance(121_000);
    await t.worker.drain();
    const stored = await messagesOf(gemeente.accountId);
    expect(stored.map((message) => message.platform_id).sort()).toEqual([media.id, comment.id, sent.platformId].sort());
    expect(stored.find((message) => message.platform_id === sent.platformId)).toMatchObject({ direction: 'uit', reply_to_platform_id: comment.id });
  });

  it("haalt reacties en antwoorden op over meerdere pagina's, en antwoordt op een antwoord onder de hoofdreactie", async () => {
    const gemeente = await gemeenteInstagram();
    const media = graph.media(gemeente.igUserId, 'Nieuwe speeltuin geopend');
    const comments = Array.from({ length: 120 }, (_, i) => graph.igComment(media.id, { id: `1784149${i}`, username: `inwoner${i}` }, `Mooi ${i}`));
    const reply = graph.igComment(comments[5]!.id, RESIDENT, 'Is hij ook toegankelijk?');
    await t.worker.drain();
    const stored = await messagesOf(gemeente.accountId);
    expect(stored).toHaveLength(122);
    const inbound = stored.find((message) => message.platform_id === reply.id)!;
    expect(inbound).toMatchObject({ reply_to_platform_id: comments[5]!.id, thread_root_platform_id: media.id });

    const queued = (
      await gemeente.api('POST', '/api/v1/outbox', {
        accountId: gemeente.accountId,
        kind: 'reply',
        replyToMessageId: inbound.id,
        text: '@anna.devries Ja, rolstoeltoegankelijk.',
      })
    ).json();
    await t.worker.drain();
    const sent = (await gemeente.api('GET', `/api/v1/outbox/${queued.id}`)).json();
    expect(sent.status, sent.lastError).toBe('verzonden');
    expect(graph.node(sent.platformId)).toMatchObject({ parent_id: comments[5]!.id });
  });

  it('ontvangt een Direct-bericht en antwoordt privé; een reactie krijgt een private reply', async () => {
    const gemeente = await gemeenteInstagram();
    const payload = buildMessagingWebhook('instagram', gemeente.igUserId, {
      senderId: '5551234',
      mid: 'aWdfZAG1faXRlbTox',
      text: 'Wanneer is het zwembad open?',
      at: t.clock.now(),
    });
    expect((await deliverWebhook(t.app, gemeente.hook, payload, gemeente.appSecret)).json()).toEqual({ ontvangen: 1 });
    const [dm] = await messagesOf(gemeente.accountId);
    expect(dm).toMatchObject({ visibility: 'prive', author_id: '5551234' });
    const queued = (
      await gemeente.api('POST', '/api/v1/outbox', {
        accountId: gemeente.accountId,
        kind: 'reply',
        replyToMessageId: dm!.id,
        text: 'Dagelijks van 7 tot 21 uur.',
      })
    ).json();

    const media = graph.media(gemeente.igUserId, 'Zwembad weer open');
    const comment = graph.igComment(media.id, RESIDENT, 'Mag ik je iets vragen?');
    await deliverWebhook(t.app, gemeente.hook, buildIgCommentWebhook(gemeente.igUserId, comment), gemeente.appSecret);
    const onComment = (await messagesOf(gemeente.accountId)).find((message) => message.platform_id === comment.id)!;
    const privately = (
      await gemeente.api('POST', '/api/v1/outbox', {
        accountId: gemeente.accountId,
        kind: 'direct',
        replyToMessageId: onComment.id,
        text: 'Natuurlijk, stuur ons een bericht.',
      })
    ).json();
    await t.worker.drain();
    for (const id of [queued.id, privately.id]) expect((await gemeente.api('GET', `/api/v1/outbox/${id}`)).json().status).toBe('verzonden');
    expect(graph.sentMessages.filter((message) => message.sender === gemeente.pageId).map((message) => [message.recipient, message.text])).toEqual([
      [{ id: '5551234' }, 'Dagelijks van 7 tot 21 uur.'],
      [{ comment_id: comment.id }, 'Natuurlijk, stuur ons een bericht.'],
    ]);
  });

  it('plaatst een bericht alleen met een openbare afbeelding-URL (container, dan media_publish)', async () => {
    const gemeente = await gemeenteInstagram();
    const refused = (await gemeente.api('POST', '/api/v1/outbox', { accountId: gemeente.accountId, kind: 'post', text: 'Alleen tekst' })).json();
    await t.worker.drain();
    const failed = (await gemeente.api('GET', `/api/v1/outbox/${refused.id}`)).json();
    expect(failed.status).toBe('mislukt');
    expect(failed.lastError).toContain('afbeelding');

    const loaded = (await loadOutboundRequest(t.database.db, gemeente.org.id, refused.id))!;
    const account = buildConnectorAccount({ current: TEST_SECRET_KEY, previous: [] }, loaded.account);
    const request = {
      ...loaded.request,
      text: 'De nieuwe bibliotheek',
      media: [{ filename: 'bieb.jpg', contentType: 'image/jpeg', bytes: Buffer.alloc(0), altText: 'Bibliotheek', url: 'https://cdn.example/bieb.jpg' }],
    };
    const sent = await instagramConnector.send!(account, request, { fetch, clock: t.clock });
    expect(graph.node(sent.platformId)).toMatchObject({ caption: 'De nieuwe bibliotheek', _image: 'https://cdn.example/bieb.jpg' });
    const bytesOnly = { ...request, media: [{ ...request.media[0]!, url: undefined }] };
    await expect(instagramConnector.send!(account, bytesOnly, { fetch, clock: t.clock })).rejects.toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining('openbaar adres'),
    });
  });

  it('zet het account bij een verlopen token op "aandacht nodig"', async () => {
    const gemeente = await gemeenteInstagram();
    graph.expireToken(gemeente.token);
    await t.worker.drain();
    const row = await t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', gemeente.accountId).executeTakeFirstOrThrow();
    expect(row.status).toBe('aandacht-nodig');
  });
});
