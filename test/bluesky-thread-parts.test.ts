import type { AtpAgent } from '@atproto/api';
import { TestNetworkNoAppView } from '@atproto/dev-env';
import { claimDueJob } from '@platform/jobs/jobs.repository';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConnectorAccount } from '../server/src/modules/channels/channels.jobs';
import { blueskyConnector } from '../server/src/modules/channels/connectors/bluesky/bluesky.connector';
import { buildPlainMessage, loadOutboundRequest, storeMessages } from '../server/src/modules/channels/index';
import { createAppPassword, createBlueskyUser, splitAtUri } from './bluesky-pds';
import { buildOrganisation, buildUser, TEST_SECRET_KEY } from './factories';
import { createTestApp, requestAs, signIn, type TestApp } from './harness';

// Channels and the inbox together: a long reply on Bluesky goes out as a numbered thread whose part n + 1 answers part n, against a real PDS
// (@atproto/dev-env without AppView: posting and reading records is all this needs).
let network: TestNetworkNoAppView;
let t: TestApp;
const KEYS = { current: TEST_SECRET_KEY, previous: [] };

beforeAll(async () => {
  network = await TestNetworkNoAppView.create({});
  t = await createTestApp();
}, 120_000);

afterAll(async () => {
  await t?.close();
  await network?.close();
}, 60_000);

const blueskyUser = (name: string) => createBlueskyUser(network, name);

// A municipality's Bluesky account on Plein and a resident's question in its inbox, stored as the connector
// stores a notification (post view with uri, cid and record).
async function conversationOnBluesky(name: string) {
  const gemeente = await blueskyUser(name);
  const appPassword = await createAppPassword(gemeente);
  const org = await buildOrganisation(t.database.db);
  const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'], name: 'Bea Beheer' });
  const api = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
  const created = await api('POST', '/api/v1/channel-accounts', {
    municipalityId: org.municipalities[0]!.id,
    channel: 'bluesky',
    handle: gemeente.handle,
    serviceUrl: network.pds.url,
    secrets: { appPassword },
  });
  expect(created.statusCode, created.body).toBe(201);
  const accountId = created.json().id as string;
  const account = await t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
  const resident = await blueskyUser(`inwoner${name}`);
  const record = {
    $type: 'app.bsky.feed.post' as const,
    text: `@${gemeente.handle} hoe zit het met de nieuwe afvalregels?`,
    createdAt: new Date().toISOString(),
  };
  const question = await resident.agent.post(record);
  t.clock.advance(1_000);
  const [messageId] = await storeMessages(t.database.db, t.clock, account, [
    buildPlainMessage({
      platformId: question.uri,
      author: { id: resident.did, handle: resident.handle, displayName: null, followers: null },
      text: record.text,
      threadRootPlatformId: question.uri,
      visibility: 'openbaar',
      postedAt: t.clock.now(),
      raw: { uri: question.uri, cid: question.cid, record },
    }),
  ]);
  await t.worker.drain();
  const conversationId = (await t.database.db.selectFrom('messages').select('conversation_id').where('id', '=', messageId!).executeTakeFirstOrThrow())
    .conversation_id!;
  return { gemeente, org, api, accountId, question, conversationId };
}

const LONG = `${Array.from({ length: 9 }, (_, i) => `Punt ${i + 1}: vanaf januari haalt de gemeente het restafval eens per twee weken op en het gft elke week.`).join(' ')} ^BB`;

async function postRecord(agent: AtpAgent, uri: string) {
  return (await agent.com.atproto.repo.getRecord(splitAtUri(uri))).data.value as { text: string; reply: { root: { uri: string }; parent: { uri: string } } };
}

const outboxRow = (id: string) => t.database.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('een lang antwoord als draad op Bluesky', () => {
  it('stuurt elk deel als antwoord op het vorige deel, pas als dat een platform-id heeft', async () => {
    const { gemeente, api, question, conversationId, org } = await conversationOnBluesky('draad');
    const reply = await api('POST', `/api/v1/conversations/${conversationId}/reply`, { text: LONG, idempotencyKey: 'lange-draad-bluesky' });
    expect(reply.statusCode, reply.body).toBe(201);
    const parts = reply.json().thread as { id: string; text: string; afterOutboxId: string | null }[];
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.map((part) => part.afterOutboxId)).toEqual([null, ...parts.slice(0, -1).map((part) => part.id)]);
    // Only part 1 has a send job; the next one is queued when part 1 is recorded as sent.
    const jobs = await t.database.db
      .selectFrom('jobs')
      .select('payload')
      .where('organisation_id', '=', org.id)
      .where('name', '=', 'kanaal.versturen')
      .execute();
    expect(jobs.map((job) => (job.payload as { outboxId: string }).outboxId)).toEqual([parts[0]!.id]);

    await t.worker.drain();
    const sent = await Promise.all(parts.map((part) => outboxRow(part.id)));
    expect(sent.map((row) => row.status)).toEqual(parts.map(() => 'verzonden'));
    for (const [index, row] of sent.entries()) {
      const record = await postRecord(gemeente.agent, row.platform_id!);
      expect(record.text).toBe(parts[index]!.text);
      expect(record.reply.root.uri).toBe(question.uri);
      expect(record.reply.parent.uri).toBe(index === 0 ? question.uri : sent[index - 1]!.platform_id);
    }
    // Every part is on the conversation, each stored as the answer to the part before it.
    const detail = (await api('GET', `/api/v1/conversations/${conversationId}`)).json();
    expect(detail.messages.filter((m: { direction: string }) => m.direction === 'uit')).toHaveLength(parts.length);
    const stored = await t.database.db
      .selectFrom('messages')
      .select(['platform_id', 'reply_to_platform_id'])
      .where('organisation_id', '=', org.id)
      .where('direction', '=', 'uit')
      .execute();
    expect(stored.find((m) => m.platform_id === sent[1]!.platform_id)?.reply_to_platform_id).toBe(sent[0]!.platform_id);
    expect(detail.outbox).toEqual([]);
  });

  it('stuurt deel 2 één keer als antwoord op deel 1, ook als de worker stierf nadat deel 1 al op de PDS stond', async () => {
    const { gemeente, api, question, conversationId, org } = await conversationOnBluesky('crash');
    const parts = (await api('POST', `/api/v1/conversations/${conversationId}/reply`, { text: LONG.slice(0, 500), idempotencyKey: 'draad-crash' })).json()
      .thread as { id: string }[];
    expect(parts).toHaveLength(2);

    // A worker claims part 1, posts it and dies before recording anything.
    const now = t.clock.now();
    const claimed = await claimDueJob(t.database.db, {
      names: ['kanaal.versturen'],
      workerId: 'gestorven',
      now,
      leaseUntil: new Date(now.getTime() + 300_000),
    });
    expect(claimed?.payload).toMatchObject({ outboxId: parts[0]!.id });
    const loaded = (await loadOutboundRequest(t.database.db, org.id, parts[0]!.id))!;
    const posted = await blueskyConnector.send!(buildConnectorAccount(KEYS, loaded.account), loaded.request, { fetch, clock: t.clock });
    await t.worker.drain();
    expect((await outboxRow(parts[1]!.id)).status).toBe('wachtend');

    // After the lease: the job finds part 1 on the PDS, records it, and only then part 2 goes, in answer to it.
    t.clock.advance(301_000);
    await t.worker.drain();
    const [first, second] = await Promise.all(parts.map((part) => outboxRow(part.id)));
    expect(first).toMatchObject({ status: 'verzonden', platform_id: posted.platformId });
    expect(second!.status).toBe('verzonden');
    expect((await postRecord(gemeente.agent, second!.platform_id!)).reply).toMatchObject({ parent: { uri: posted.platformId }, root: { uri: question.uri } });
    const own = await gemeente.agent.com.atproto.repo.listRecords({ repo: gemeente.did, collection: 'app.bsky.feed.post' });
    expect(own.data.records.map((record) => record.uri).sort()).toEqual([first!.platform_id, second!.platform_id].sort());
  });

  it('houdt latere delen tegen als een deel mislukt, toont dat op het gesprek, en gaat verder na opnieuw proberen', async () => {
    const { gemeente, api, conversationId, accountId } = await conversationOnBluesky('mislukt');
    await api('PATCH', `/api/v1/channel-accounts/${accountId}`, { paused: true });
    const parts = (await api('POST', `/api/v1/conversations/${conversationId}/reply`, { text: LONG.slice(0, 500), idempotencyKey: 'draad-mislukt' })).json()
      .thread as { id: string }[];
    await t.worker.drain();
    const blocked = (await api('GET', `/api/v1/conversations/${conversationId}`)).json();
    expect(blocked.outbox.map((item: { id: string; status: string; afterOutboxId: string | null }) => [item.id, item.status, item.afterOutboxId])).toEqual([
      [parts[0]!.id, 'mislukt', null],
      [parts[1]!.id, 'wachtend', parts[0]!.id],
    ]);
    expect(blocked.outbox[0].lastError).toContain('gepauzeerd');

    await api('PATCH', `/api/v1/channel-accounts/${accountId}`, { paused: false });
    expect((await api('POST', `/api/v1/outbox/${parts[0]!.id}/retry`)).statusCode).toBe(200);
    await t.worker.drain();
    const [first, second] = await Promise.all(parts.map((part) => outboxRow(part.id)));
    expect([first!.status, second!.status]).toEqual(['verzonden', 'verzonden']);
    expect((await postRecord(gemeente.agent, second!.platform_id!)).reply.parent.uri).toBe(first!.platform_id);
    expect((await api('GET', `/api/v1/conversations/${conversationId}`)).json().outbox).toEqual([]);
  });
});

describe('een antwoord met afbeelding op Bluesky', () => {
  it('verkleint de afbeelding tot wat Bluesky toestaat en plaatst haar met alt-tekst bij het eerste deel', async () => {
    const { gemeente, api, conversationId } = await conversationOnBluesky('beeld');
    // Noise does not compress: well over Bluesky's 1,000,000 bytes.
    const noise = Buffer.from(Array.from({ length: 1200 * 1200 * 3 }, () => Math.floor(Math.random() * 256)));
    const photo = await sharp(noise, { raw: { width: 1200, height: 1200, channels: 3 } })
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(photo.length).toBeGreaterThan(1_000_000);
    const uploaded = await api('POST', `/api/v1/conversations/${conversationId}/reply-images`, { data: photo.toString('base64') });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json().sizeBytes).toBeLessThanOrEqual(1_000_000);

    const alt = 'Plattegrond met de nieuwe ophaaldagen per wijk';
    const reply = await api('POST', `/api/v1/conversations/${conversationId}/reply`, {
      text: LONG.slice(0, 500),
      media: [{ imageId: uploaded.json().id, altText: alt }],
    });
    expect(reply.statusCode, reply.body).toBe(201);
    await t.worker.drain();
    const [first, second] = await Promise.all((reply.json().thread as { id: string }[]).map((part) => outboxRow(part.id)));
    const withImage = (await postRecord(gemeente.agent, first!.platform_id!)) as unknown as { embed: { $type: string; images: { alt: string }[] } };
    expect(withImage.embed).toMatchObject({ $type: 'app.bsky.embed.images', images: [{ alt }] });
    expect((await postRecord(gemeente.agent, second!.platform_id!)) as unknown as { embed?: unknown }).not.toHaveProperty('embed');
  });
});
