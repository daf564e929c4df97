import type { ChannelAccountRow } from '@platform/db/database.schema';
import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage, storeMessages } from '../channels/index';
import { findMentionedUserIds } from './handling.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function setup() {
  const org = await buildOrganisation(t.database.db);
  const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
  const other = org.municipalities.find((m) => m.cbs_code !== 'GM0383')!;
  const accountIn = async (municipalityId: string) => {
    const view = await buildChannelAccount(t.database.db, t.clock, org.id, { municipalityId, channel: 'gesimuleerd', settings: { scenario: 'alledaags' } });
    return t.database.db.selectFrom('channel_accounts').selectAll().where('organisation_id', '=', org.id).where('id', '=', view.id).executeTakeFirstOrThrow();
  };
  const account = await accountIn(castricum.id);
  const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'], name: 'Bea Beheer' });
  const admin = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
  return { org, castricum, other, account, accountIn, admin, beheerder };
}

let sequence = 0;
async function receive(
  account: ChannelAccountRow,
  fields: { author?: string; text?: string; root?: string | null; replyTo?: string | null; visibility?: 'openbaar' | 'prive'; stream?: string },
) {
  sequence += 1;
  t.clock.advance(1_000);
  const author = fields.author ?? 'inwoner';
  const [id] = await storeMessages(
    t.database.db,
    t.clock,
    account,
    [
      buildPlainMessage({
        platformId: `in-${sequence}-${crypto.randomUUID()}`,
        author: { id: author, handle: `@${author}`, displayName: author, followers: 10 },
        text: fields.text ?? `Vraag ${sequence}`,
        threadRootPlatformId: fields.root ?? null,
        replyToPlatformId: fields.replyTo ?? null,
        visibility: fields.visibility ?? 'openbaar',
        postedAt: t.clock.now(),
        raw: {},
      }),
    ],
    { stream: fields.stream },
  );
  await t.worker.drain();
  return id!;
}

describe('gesprekken uit berichten', () => {
  it('maakt één gesprek per persoon en draad, met privéberichten per persoon, en laat zoekresultaten buiten de inbox', async () => {
    const { org, account, admin } = await setup();
    const first = await receive(account, { author: 'sanne', text: 'Wanneer komt de gft-container?' });
    const platformId = (await t.database.db.selectFrom('messages').select('platform_id').where('id', '=', first).executeTakeFirstOrThrow()).platform_id;
    await receive(account, { author: 'sanne', text: 'Nog steeds niets, hoor.', root: platformId });
    await receive(account, { author: 'piet', text: 'Ik ook niet!', root: platformId });
    await receive(account, { author: 'sanne', text: 'Privé: mijn adres is Dorpsstraat 1', visibility: 'prive' });
    await receive(account, { author: 'sanne', text: 'Nog een privébericht', visibility: 'prive' });
    const searchedId = await receive(account, { author: 'kees', text: 'Iets over de gemeente in het algemeen', stream: 'search' });
    // Listening only: the inbox is not even asked to look at it, listening is.
    const jobsFor = async (messageId: string) =>
      (
        await t.database.db
          .selectFrom('jobs')
          .select('name')
          .where('organisation_id', '=', org.id)
          .where(sql<boolean>`payload->'messageIds' ? ${messageId}`)
          .orderBy('name')
          .execute()
      ).map((job) => job.name);
    expect(await jobsFor(first)).toEqual(['inbox.indelen', 'luisteren.verwerken']);
    expect(await jobsFor(searchedId)).toEqual(['luisteren.verwerken']);

    const page = (await admin('GET', '/api/v1/conversations?municipality=GM0383&state=open')).json();
    expect(page.items.map((c: { author: { id: string }; messageCount: number }) => `${c.author.id}:${c.messageCount}`)).toEqual([
      'sanne:2',
      'piet:1',
      'sanne:2',
    ]);
    const thread = page.items.find((c: { visibility: string; author: { id: string } }) => c.visibility === 'openbaar' && c.author.id === 'sanne');
    expect(thread.messages.map((m: { text: string }) => m.text)).toEqual(['Nog steeds niets, hoor.', 'Wanneer komt de gft-container?']);
    expect(thread.messages[0]).toMatchObject({
      direction: 'in',
      channel: 'gesimuleerd',
      accountId: account.id,
      platformId: expect.any(String),
      postedAt: expect.any(String),
    });
    expect(thread).toMatchObject({ municipality: 'GM0383', state: 'open', unread: true, waitingSince: expect.any(String) });
    const searched = await t.database.db
      .selectFrom('messages')
      .select('conversation_id')
      .where('organisation_id', '=', org.id)
      .where('author_id', '=', 'kees')
      .executeTakeFirstOrThrow();
    expect(searched.conversation_id).toBeNull();
  });

  it('houdt een antwoord op ons antwoord in hetzelfde gesprek, ook als het platform ons antwoord als begin van de draad noemt (Mastodon)', async () => {
    const { org, account, admin } = await setup();
    const question = await receive(account, { author: 'anouk', text: 'Wanneer wordt het grofvuil opgehaald?' });
    const conversationId = (await t.database.db.selectFrom('messages').select('conversation_id').where('id', '=', question).executeTakeFirstOrThrow())
      .conversation_id!;
    expect((await admin('POST', `/api/v1/conversations/${conversationId}/reply`, { text: 'Op donderdag. ^BB' })).statusCode).toBe(201);
    await t.worker.drain();
    await t.worker.drain();
    const ours = await t.database.db
      .selectFrom('messages')
      .select('platform_id')
      .where('organisation_id', '=', org.id)
      .where('conversation_id', '=', conversationId)
      .where('direction', '=', 'uit')
      .executeTakeFirstOrThrow();
    // The connector names our answer as root and parent; it is still Anouk's conversation.
    const reply = await receive(account, { author: 'anouk', text: 'Dank, en waar zet ik het neer?', root: ours.platform_id, replyTo: ours.platform_id });
    expect((await t.database.db.selectFrom('messages').select('conversation_id').where('id', '=', reply).executeTakeFirstOrThrow()).conversation_id).toBe(
      conversationId,
    );
    // Someone else answering our answer starts a conversation of their own.
    const other = await receive(account, { author: 'meelezer', text: 'Bij mij ook graag!', root: ours.platform_id, replyTo: ours.platform_id });
    expect((await t.database.db.selectFrom('messages').select('conversation_id').where('id', '=', other).executeTakeFirstOrThrow()).conversation_id).not.toBe(
      conversationId,
    );
  });

  it('pagineert met een cursor en filtert op gemeente, kanaal en tekst', async () => {
    const { account, accountIn, other, admin } = await setup();
    for (let i = 0; i < 5; i++) await receive(account, { author: `bewoner${i}`, text: i === 3 ? 'Lantaarnpaal kapot' : `Vraag ${i}` });
    await receive(await accountIn(other.id), { author: 'elders', text: 'Vraag uit de andere gemeente' });
    const first = (await admin('GET', '/api/v1/conversations?municipality=GM0383&limit=2&messages=0')).json();
    expect(first.items).toHaveLength(2);
    expect(first.items[0].messages).toEqual([]);
    const second = (await admin('GET', `/api/v1/conversations?municipality=GM0383&limit=2&before=${first.nextCursor}`)).json();
    const third = (await admin('GET', `/api/v1/conversations?municipality=GM0383&limit=2&before=${second.nextCursor}`)).json();
    expect([...first.items, ...second.items, ...third.items].map((c: { author: { id: string } }) => c.author.id)).toEqual([
      'bewoner4',
      'bewoner3',
      'bewoner2',
      'bewoner1',
      'bewoner0',
    ]);
    expect(third.nextCursor).toBeNull();
    expect((await admin('GET', '/api/v1/conversations?q=lantaarnpaal')).json().items.map((c: { author: { id: string } }) => c.author.id)).toEqual(['bewoner3']);
    // The search also knows the resident's handle, and words of later messages in the same thread (stemmed).
    const authors = async (q: string) =>
      (await admin('GET', `/api/v1/conversations?q=${encodeURIComponent(q)}`)).json().items.map((c: { author: { id: string } }) => c.author.id);
    expect(await authors('@bewoner1')).toEqual(['bewoner1']);
    const root = `draad-${crypto.randomUUID()}`;
    await receive(account, { author: 'schrijver', text: 'Mijn eerste vraag', root });
    await receive(account, { author: 'schrijver', text: 'En de speeltuinen zijn vies', root });
    expect(await authors('speeltuin')).toEqual(['schrijver']);
    expect(await authors('fietsenstalling')).toEqual([]);
    expect((await admin('GET', '/api/v1/conversations')).json().items).toHaveLength(7);
    expect((await admin('GET', '/api/v1/conversations?before=onzin')).statusCode).toBe(400);
  });

  it('laat een medewerker alleen de gesprekken van zijn eigen gemeenten zien, en een andere organisatie niets', async () => {
    const { org, account, accountIn, other, castricum } = await setup();
    const here = await receive(account, { author: 'a' });
    await receive(await accountIn(other.id), { author: 'b' });
    const agent = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'], municipalityIds: [castricum.id] });
    const webcare = requestAs(t.app, await signIn(t.app, agent.email, agent.password));
    expect((await webcare('GET', '/api/v1/conversations')).json().items.map((c: { author: { id: string } }) => c.author.id)).toEqual(['a']);
    expect((await webcare('GET', `/api/v1/conversations?municipality=${other.cbs_code}`)).json().items).toEqual([]);
    const conversationId = (await t.database.db.selectFrom('messages').select('conversation_id').where('id', '=', here).executeTakeFirstOrThrow())
      .conversation_id!;
    const stranger = await setup();
    expect((await stranger.admin('GET', `/api/v1/conversations/${conversationId}`)).statusCode).toBe(404);
    const bestuurder = await buildUser(t.database.db, t.clock, org.id, { roles: ['bestuurder'] });
    expect((await requestAs(t.app, await signIn(t.app, bestuurder.email, bestuurder.password))('GET', '/api/v1/conversations')).statusCode).toBe(403);
  });
});

describe('behandelen en antwoorden', () => {
  it('antwoordt via de wachtrij, één keer, en het gesprek wacht daarna op de inwoner', async () => {
    const { org, account, admin } = await setup();
    const messageId = await receive(account, { author: 'sanne', text: 'Hoe hoog is de hondenbelasting?' });
    const conversationId = (await t.database.db.selectFrom('messages').select('conversation_id').where('id', '=', messageId).executeTakeFirstOrThrow())
      .conversation_id!;

    const reply = await admin('POST', `/api/v1/conversations/${conversationId}/reply`, {
      text: 'Dat is € 120 per hond per jaar. ^BB',
      idempotencyKey: 'antwoord-sanne-1',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json()).toMatchObject({ item: { status: 'wachtend', replyToMessageId: messageId, text: 'Dat is € 120 per hond per jaar. ^BB' } });
    const again = await admin('POST', `/api/v1/conversations/${conversationId}/reply`, {
      text: 'Dat is € 120 per hond per jaar. ^BB',
      idempotencyKey: 'antwoord-sanne-1',
    });
    expect(again.json().item.id).toBe(reply.json().item.id);

    t.clock.advance(60_000);
    await t.worker.drain();
    await t.worker.drain();
    const detail = (await admin('GET', `/api/v1/conversations/${conversationId}`)).json();
    expect(detail.messages.map((m: { direction: string; text: string }) => `${m.direction}:${m.text}`)).toEqual([
      'in:Hoe hoog is de hondenbelasting?',
      'uit:Dat is € 120 per hond per jaar. ^BB',
    ]);
    expect(detail).toMatchObject({ state: 'wachtend', waitingSince: null, firstResponseAt: expect.any(String), outbox: [], unread: false });
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['antwoord']);
    const sent = await t.database.db.selectFrom('outbox').select('status').where('organisation_id', '=', org.id).execute();
    expect(sent).toEqual([{ status: 'verzonden' }]);

    // The resident answers: the conversation is open again and waits for us.
    const platformId = (await t.database.db.selectFrom('messages').select('platform_id').where('id', '=', messageId).executeTakeFirstOrThrow()).platform_id;
    await receive(account, { author: 'sanne', text: 'Dank je!', root: platformId });
    const reopened = (await admin('GET', `/api/v1/conversations/${conversationId}`)).json();
    expect(reopened).toMatchObject({ state: 'open', waitingSince: expect.any(String), messageCount: 3 });
  });

  it('wijzigt toestand, prioriteit, labels en toewijzing, met notities die collega’s noemen', async () => {
    const { org, account, admin, beheerder, castricum } = await setup();
    const messageId = await receive(account, { author: 'piet' });
    const conversationId = (await t.database.db.selectFrom('messages').select('conversation_id').where('id', '=', messageId).executeTakeFirstOrThrow())
      .conversation_id!;
    const colleague = await buildUser(t.database.db, t.clock, org.id, {
      roles: ['webcare'],
      municipalityIds: [castricum.id],
      name: 'Sanne de Vries',
      email: `sanne.devries-${crypto.randomUUID().slice(0, 6)}@example.nl`,
    });
    const team = (await admin('POST', '/api/v1/teams', { name: `KCC ${crypto.randomUUID().slice(0, 6)}` })).json();

    const changed = await admin('PATCH', `/api/v1/conversations/${conversationId}`, {
      priority: 'hoog',
      labels: ['afval', 'afval', 'gft'],
      assignedTeamId: team.id,
      assignedUserId: colleague.id,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ priority: 'hoog', labels: ['afval', 'gft'], assignedTeamId: team.id, assignedUserId: colleague.id });
    const noted = await admin('POST', `/api/v1/conversations/${conversationId}/notes`, { text: '@Sanne kun jij dit oppakken? Cc @bea' });
    const note = noted.json().events.at(-1);
    expect(note).toMatchObject({ kind: 'notitie', actorName: 'Bea Beheer' });
    expect(note.mentions.sort()).toEqual([colleague.id, beheerder.id].sort());

    const mine = requestAs(t.app, await signIn(t.app, colleague.email, colleague.password));
    expect((await mine('GET', '/api/v1/conversations?view=mijn')).json().items.map((c: { id: string }) => c.id)).toEqual([conversationId]);
    expect((await admin('GET', '/api/v1/conversations?view=niet-toegewezen')).json().items).toEqual([]);
    expect((await admin('GET', '/api/v1/conversations?label=gft')).json().items).toHaveLength(1);

    expect((await admin('PATCH', `/api/v1/conversations/${conversationId}`, { state: 'gesnoozed' })).statusCode).toBe(400);
    const until = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    expect((await admin('PATCH', `/api/v1/conversations/${conversationId}`, { state: 'gesnoozed', snoozedUntil: until })).json()).toMatchObject({
      state: 'gesnoozed',
      snoozedUntil: until,
    });
    const closed = (await admin('PATCH', `/api/v1/conversations/${conversationId}`, { state: 'gesloten' })).json();
    expect(closed).toMatchObject({ state: 'gesloten', closedAt: expect.any(String), snoozedUntil: null });
    expect(closed.events.map((e: { kind: string }) => e.kind)).toEqual(['prioriteit', 'labels', 'toegewezen', 'notitie', 'toestand', 'toestand']);

    const refused = await admin('PATCH', `/api/v1/conversations/${conversationId}`, { assignedUserId: crypto.randomUUID() });
    expect(refused.statusCode).toBe(400);
    expect((await admin('PATCH', `/api/v1/conversations/${conversationId}`, { labels: ['<script>'] })).statusCode).toBe(400);
  });

  it('houdt gelezen en ongelezen per medewerker bij', async () => {
    const { org, account, admin, castricum } = await setup();
    const messageId = await receive(account, { author: 'lezer' });
    const conversationId = (await t.database.db.selectFrom('messages').select('conversation_id').where('id', '=', messageId).executeTakeFirstOrThrow())
      .conversation_id!;
    const colleague = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'], municipalityIds: [castricum.id] });
    const other = requestAs(t.app, await signIn(t.app, colleague.email, colleague.password));
    await admin('GET', `/api/v1/conversations/${conversationId}`);
    expect((await admin('GET', '/api/v1/conversations')).json().items[0].unread).toBe(false);
    expect((await other('GET', '/api/v1/conversations')).json().items[0].unread).toBe(true);
    await receive(account, {
      author: 'lezer',
      text: 'Hallo?',
      root: (await t.database.db.selectFrom('messages').select('platform_id').where('id', '=', messageId).executeTakeFirstOrThrow()).platform_id,
    });
    expect((await admin('GET', '/api/v1/conversations')).json().items[0].unread).toBe(true);
  });

  it('herkent @-vermeldingen van collega’s aan voornaam, naam zonder spaties of e-mailnaam', () => {
    const users = [
      { id: '1', name: 'Sanne de Vries', email: 's.devries@gemeente.nl' },
      { id: '2', name: 'Piet Jansen', email: 'pjansen@gemeente.nl' },
    ];
    expect(findMentionedUserIds('@sanne en @PietJansen', users)).toEqual(['1', '2']);
    expect(findMentionedUserIds('mail naar s.devries@gemeente.nl', users)).toEqual([]);
    expect(findMentionedUserIds('@s.devries kijk even', users)).toEqual(['1']);
  });
});
