import type { ChannelAccountRow } from '@platform/db/database.schema';
import { buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { buildListeningWorkspace } from '@test/listening-workspace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage, storeMessages } from '../../channels/index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const setUp = (roles: ('beheerder' | 'omgevingsanalist' | 'bestuurder')[] = ['omgevingsanalist']) => buildListeningWorkspace(t, roles);

let sequence = 0;
async function receive(account: ChannelAccountRow, posts: Array<{ text: string; author?: string; followers?: number; hoursAgo?: number }>) {
  const ids = await storeMessages(
    t.database.db,
    t.clock,
    account,
    posts.map((post) =>
      buildPlainMessage({
        platformId: `g-${++sequence}-${crypto.randomUUID()}`,
        author: { id: post.author ?? 'bewoner', handle: post.author ?? 'bewoner', displayName: post.author ?? 'Bewoner', followers: post.followers ?? 100 },
        text: post.text,
        visibility: 'openbaar',
        postedAt: new Date(t.clock.now().getTime() - (post.hoursAgo ?? 0) * 3_600_000),
        raw: {},
      }),
    ),
    { stream: 'search' },
  );
  await t.worker.drain();
  return ids;
}

const RUMOUR = 'Het zwembad in Castricum gaat volgende maand definitief dicht, de gemeente heeft het stilletjes besloten';
const CORRECTION = 'Het zwembad blijft gewoon open. Er is niets besloten over sluiting, lees de feiten op https://www.castricum.nl/zwembad';

describe('geruchten', () => {
  it('maakt een gerucht van een bericht en telt de kopieën vanzelf mee, ook die later komen', async () => {
    const { as, account } = await setUp();
    const [original] = await receive(account, [{ text: RUMOUR, author: 'anoniem123', followers: 40, hoursAgo: 5 }]);
    await receive(account, [{ text: `RT @anoniem123: ${RUMOUR}`, author: 'buurvrouw', followers: 300, hoursAgo: 4 }]);

    const created = await as('POST', '/api/v1/geruchten', { messageId: original });
    expect(created.statusCode, created.body).toBe(201);
    const rumour = created.json();
    expect(rumour).toMatchObject({ status: 'onderzoeken', messages: 2, origin: { messageId: original }, correction: { message: null, url: null } });
    expect(rumour.title).toMatch(/^Het zwembad in Castricum/);
    expect(rumour.checklist.author).toEqual({ checked: false, note: '' });

    // A copy arriving after the marking belongs to the rumour without anyone adding it.
    await receive(account, [{ text: `RT @buurvrouw: ${RUMOUR}`, author: 'oom', followers: 60, hoursAgo: 1 }]);
    const detail = (await as('GET', `/api/v1/geruchten/${rumour.id}`)).json();
    expect(detail).toMatchObject({ messages: 3, bucket: 'uur', totals: { rumour: 3, copies: 2, correction: 0, reach: 400 }, correctionAheadAt: null });
    expect(detail.linked).toEqual([expect.objectContaining({ messageId: original, origin: true, copies: 2 })]);
    expect(detail.newest).toHaveLength(3);
    expect(detail.newest[0]).toMatchObject({ author: 'oom', copyOf: original });
    expect(detail.spread.reduce((sum: number, point: { rumour: number }) => sum + point.rumour, 0)).toBe(3);
    // Hours without messages are there as zeros: five hours from the first message to the last.
    expect(detail.spread).toHaveLength(5);

    const list = (await as('GET', '/api/v1/geruchten')).json();
    expect(list).toEqual([expect.objectContaining({ id: rumour.id, messages: 3 })]);
    // The item page asks which rumours an item belongs to, also for a copy.
    const copy = detail.newest[0].messageId;
    expect((await as('GET', `/api/v1/geruchten?bericht=${copy}`)).json()).toEqual([expect.objectContaining({ id: rumour.id })]);
    expect((await as('GET', `/api/v1/geruchten?bericht=${crypto.randomUUID()}`)).json()).toEqual([]);
    expect((await as('GET', '/api/v1/geruchten?bericht=geen-id')).statusCode).toBe(400);

    // Explore filtered on the rumour: the original with its copies folded in, and nothing else.
    await receive(account, [{ text: 'Wanneer gaat de bibliotheek weer open?', author: 'lezer', hoursAgo: 2 }]);
    const explored = (await as('GET', `/api/v1/luisteren/items?gerucht=${rumour.id}`)).json();
    expect(explored.items).toEqual([expect.objectContaining({ messageId: original, duplicates: 2 })]);
    // The figures count every message of the rumour, copies included (three), not the library question.
    expect((await as('GET', `/api/v1/luisteren/overzicht?gerucht=${rumour.id}`)).json().total).toBe(3);
    expect((await as('GET', `/api/v1/luisteren/items?gerucht=${crypto.randomUUID()}`)).json().items).toEqual([]);
    expect((await as('GET', '/api/v1/luisteren/items?gerucht=geen-id')).statusCode).toBe(400);
  });

  it('voegt berichten toe en haalt ze weg; het eerste bericht blijft', async () => {
    const { as, account } = await setUp();
    const [origin, other, unrelated] = await receive(account, [
      { text: RUMOUR, author: 'anoniem123' },
      { text: 'Klopt het dat het zwembad dichtgaat? Mijn kinderen zitten op zwemles', author: 'moeder' },
      { text: 'Mooi weer vandaag aan zee', author: 'wandelaar' },
    ]);
    const rumour = (await as('POST', '/api/v1/geruchten', { messageId: origin, title: 'Zwembad gaat dicht' })).json();
    expect(rumour.title).toBe('Zwembad gaat dicht');

    const added = await as('POST', `/api/v1/geruchten/${rumour.id}/berichten`, { messageIds: [other, other] });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().messages).toBe(2);
    // Adding again changes nothing.
    expect((await as('POST', `/api/v1/geruchten/${rumour.id}/berichten`, { messageIds: [other] })).json().messages).toBe(2);

    expect((await as('DELETE', `/api/v1/geruchten/${rumour.id}/berichten/${unrelated}`)).statusCode).toBe(404);
    const originRemoval = await as('DELETE', `/api/v1/geruchten/${rumour.id}/berichten/${origin}`);
    expect(originRemoval.statusCode).toBe(409);
    expect(originRemoval.json().detail).toMatch(/begon/);
    expect((await as('DELETE', `/api/v1/geruchten/${rumour.id}/berichten/${other}`)).statusCode).toBe(204);
    expect((await as('GET', `/api/v1/geruchten/${rumour.id}`)).json()).toMatchObject({ messages: 1, linked: [expect.objectContaining({ messageId: origin })] });

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('organisation_id', '=', account.organisation_id)
      .where('record_type', '=', 'gerucht')
      .execute();
    expect(audit.map((row) => row.action).sort()).toEqual([
      'gerucht.aangemaakt',
      'gerucht.bericht-verwijderd',
      'gerucht.berichten-toegevoegd',
      'gerucht.berichten-toegevoegd',
    ]);
  });

  it('legt de controlelijst en de status vast', async () => {
    const { as, account } = await setUp();
    const [origin] = await receive(account, [{ text: RUMOUR, author: 'anoniem123' }]);
    const rumour = (await as('POST', '/api/v1/geruchten', { messageId: origin })).json();
    const changed = await as('PATCH', `/api/v1/geruchten/${rumour.id}`, {
      status: 'ontkracht',
      checklist: { author: { checked: true, note: 'Account van drie dagen oud, geen foto' }, satire: { checked: true, note: 'Geen satire-account' } },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      status: 'ontkracht',
      checklist: {
        author: { checked: true, note: 'Account van drie dagen oud, geen foto' },
        time: { checked: false, note: '' },
        context: { checked: false },
        satire: { checked: true },
      },
    });
    // Only the note: the tick stays.
    const again = await as('PATCH', `/api/v1/geruchten/${rumour.id}`, { checklist: { author: { note: 'Aangemaakt op 19-11-2026' } } });
    expect(again.json().checklist.author).toEqual({ checked: true, note: 'Aangemaakt op 19-11-2026' });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('organisation_id', '=', account.organisation_id)
      .where('action', '=', 'gerucht.gewijzigd')
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('drie dagen');
  });

  it('volgt de rechtzetting naast het gerucht: haar reposts en berichten met haar link, op dezelfde tijdas', async () => {
    const { as, account } = await setUp();
    // A link to the same page from before the rumour began is not part of the correction's spread.
    await receive(account, [{ text: 'Openingstijden van het zwembad: https://www.castricum.nl/zwembad', author: 'zwembad', hoursAgo: 30 }]);
    const [origin] = await receive(account, [{ text: RUMOUR, author: 'anoniem123', hoursAgo: 6 }]);
    await receive(account, [
      { text: `RT @anoniem123: ${RUMOUR}`, author: 'a1', hoursAgo: 5 },
      { text: `RT @anoniem123: ${RUMOUR}`, author: 'a2', hoursAgo: 5 },
    ]);
    const [correction] = await receive(account, [{ text: CORRECTION, author: 'gemeentecastricum', followers: 8000, hoursAgo: 3 }]);
    await receive(account, [
      { text: `RT @gemeentecastricum: ${CORRECTION}`, author: 'b1', hoursAgo: 2 },
      { text: `RT @gemeentecastricum: ${CORRECTION}`, author: 'b2', hoursAgo: 2 },
      { text: 'Gelukkig, zie https://www.castricum.nl/zwembad', author: 'b3', hoursAgo: 2 },
    ]);
    const rumour = (await as('POST', '/api/v1/geruchten', { messageId: origin })).json();
    const linked = await as('PATCH', `/api/v1/geruchten/${rumour.id}`, { correctionMessageId: correction, correctionUrl: 'https://www.castricum.nl/zwembad' });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().correction).toMatchObject({
      message: { messageId: correction, direction: 'in', author: 'gemeentecastricum' },
      url: 'https://www.castricum.nl/zwembad',
    });

    const detail = (await as('GET', `/api/v1/geruchten/${rumour.id}`)).json();
    expect(detail.totals).toMatchObject({ rumour: 3, copies: 2, correction: 4 });
    expect(detail.spread.map((point: { rumour: number; correction: number }) => [point.rumour, point.correction])).toEqual([
      [1, 0],
      [2, 0],
      [0, 0],
      [0, 1],
      [0, 3],
    ]);
    expect(detail.correctionAheadAt).toBe(detail.spread[3].at);

    // Unlinking the correction takes its line away.
    const cleared = (await as('PATCH', `/api/v1/geruchten/${rumour.id}`, { correctionMessageId: null, correctionUrl: null })).json();
    expect(cleared.correction).toEqual({ message: null, url: null });
    expect((await as('GET', `/api/v1/geruchten/${rumour.id}`)).json().totals.correction).toBe(0);
  });

  it('telt reposts van ons eigen bericht als verspreiding van de rechtzetting', async () => {
    const { as, account } = await setUp(['beheerder']);
    const [origin] = await receive(account, [{ text: RUMOUR, author: 'anoniem123', hoursAgo: 3 }]);
    const queued = await as('POST', '/api/v1/outbox', { accountId: account.id, kind: 'post', text: CORRECTION });
    expect(queued.statusCode, queued.body).toBeLessThan(300);
    await t.worker.drain();
    const { sent_message_id: ownPost } = await t.database.db
      .selectFrom('outbox')
      .select('sent_message_id')
      .where('id', '=', queued.json().id)
      .executeTakeFirstOrThrow();
    await receive(account, [
      { text: `RT @gemeentecastricum: ${CORRECTION}`, author: 'c1' },
      { text: `RT @gemeentecastricum: ${CORRECTION}`, author: 'c2' },
    ]);
    const rumour = (await as('POST', '/api/v1/geruchten', { messageId: origin })).json();
    // The analyst finds the correction by its words: our own post first, then the reposts; not the rumour.
    const found = await as('GET', `/api/v1/geruchten/${rumour.id}/rechtzetting-zoeken?q=${encodeURIComponent('zwembad open')}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().map((candidate: { messageId: string }) => candidate.messageId)[0]).toBe(ownPost);
    expect(found.json()).toHaveLength(3);
    expect(found.json()[0]).toMatchObject({ direction: 'uit', text: CORRECTION });
    expect(found.json().some((candidate: { messageId: string }) => candidate.messageId === origin)).toBe(false);
    expect((await as('GET', `/api/v1/geruchten/${rumour.id}/rechtzetting-zoeken?q=${encodeURIComponent('windmolens')}`)).json()).toEqual([]);
    const linked = await as('PATCH', `/api/v1/geruchten/${rumour.id}`, { correctionMessageId: ownPost });
    expect(linked.json().correction.message).toMatchObject({ messageId: ownPost, direction: 'uit' });
    const detail = (await as('GET', `/api/v1/geruchten/${rumour.id}`)).json();
    expect(detail.totals).toMatchObject({ rumour: 1, correction: 3 });
    expect(detail.correctionAheadAt).not.toBeNull();
  });

  it('vraagt om een sessie, toont niets van een andere organisatie en weigert foute invoer in het Nederlands', async () => {
    const a = await setUp();
    const b = await setUp();
    const [messageA] = await receive(a.account, [{ text: RUMOUR, author: 'anoniem123' }]);
    const [messageB] = await receive(b.account, [{ text: CORRECTION, author: 'gemeente' }]);
    const rumour = (await a.as('POST', '/api/v1/geruchten', { messageId: messageA })).json();

    const anonymous = requestAs(t.app, null);
    expect((await anonymous('GET', '/api/v1/geruchten')).statusCode).toBe(401);
    expect((await anonymous('GET', `/api/v1/geruchten/${rumour.id}`)).statusCode).toBe(401);
    expect((await anonymous('POST', '/api/v1/geruchten', { messageId: messageA })).statusCode).toBe(401);

    expect((await b.as('GET', `/api/v1/geruchten/${rumour.id}`)).statusCode).toBe(404);
    expect((await b.as('PATCH', `/api/v1/geruchten/${rumour.id}`, { status: 'bevestigd' })).statusCode).toBe(404);
    expect((await b.as('POST', `/api/v1/geruchten/${rumour.id}/berichten`, { messageIds: [messageB] })).statusCode).toBe(404);
    expect((await b.as('DELETE', `/api/v1/geruchten/${rumour.id}/berichten/${messageA}`)).statusCode).toBe(404);
    expect((await b.as('POST', '/api/v1/geruchten', { messageId: messageA })).statusCode).toBe(404);
    expect((await b.as('GET', '/api/v1/geruchten')).json()).toEqual([]);
    expect((await b.as('GET', `/api/v1/geruchten/${rumour.id}/rechtzetting-zoeken?q=zwembad`)).statusCode).toBe(404);
    // B's own correction is not offered to A, whatever A searches.
    expect((await a.as('GET', `/api/v1/geruchten/${rumour.id}/rechtzetting-zoeken?q=zwembad`)).json()).toEqual([]);
    // Within A, a colleague who works only for another municipality does not see it either.
    const bergen = a.org.municipalities.find((m) => m.cbs_code !== 'GM0383')!;
    const colleague = await buildUser(t.database.db, t.clock, a.org.id, { roles: ['omgevingsanalist'], municipalityIds: [bergen.id] });
    const elsewhere = requestAs(t.app, await signIn(t.app, colleague.email, colleague.password));
    expect((await elsewhere('GET', `/api/v1/geruchten/${rumour.id}`)).statusCode).toBe(404);
    expect((await elsewhere('PATCH', `/api/v1/geruchten/${rumour.id}`, { status: 'bevestigd' })).statusCode).toBe(404);
    expect((await elsewhere('GET', '/api/v1/geruchten')).json()).toEqual([]);
    // A's rumour cannot point at B's messages either.
    const foreign = await a.as('PATCH', `/api/v1/geruchten/${rumour.id}`, { correctionMessageId: messageB });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().detail).toMatch(/bericht/i);
    expect((await a.as('POST', `/api/v1/geruchten/${rumour.id}/berichten`, { messageIds: [messageB] })).statusCode).toBe(404);

    const cases: Array<[string, string, unknown, RegExp]> = [
      ['POST', '/api/v1/geruchten', { messageId: 'geen-id' }, /bericht/i],
      ['POST', '/api/v1/geruchten', { messageId: messageA, title: '   ' }, /titel/i],
      ['PATCH', `/api/v1/geruchten/${rumour.id}`, {}, /wijziging/i],
      ['PATCH', `/api/v1/geruchten/${rumour.id}`, { status: 'waar' }, /./],
      ['PATCH', `/api/v1/geruchten/${rumour.id}`, { correctionUrl: 'javascript:alert(1)' }, /http/],
      ['PATCH', `/api/v1/geruchten/${rumour.id}`, { checklist: { author: { note: 'x'.repeat(2001) } } }, /2000 tekens/],
      ['POST', `/api/v1/geruchten/${rumour.id}/berichten`, { messageIds: [] }, /minstens één/],
      ['GET', `/api/v1/geruchten/${rumour.id}/rechtzetting-zoeken?q=z`, undefined, /minstens twee tekens/],
    ];
    for (const [method, url, body, detail] of cases) {
      const response = await a.as(method as 'POST', url, body);
      expect(response.statusCode, `${method} ${url} ${JSON.stringify(body)}: ${response.body}`).toBe(400);
      expect(response.json()).toMatchObject({ title: 'Ongeldige invoer' });
      expect(JSON.stringify(response.json())).toMatch(detail);
    }

    // A bestuurder reads, but does not mark.
    const bestuurder = await buildUser(t.database.db, t.clock, a.org.id, { roles: ['bestuurder'] });
    const reader = requestAs(t.app, await signIn(t.app, bestuurder.email, bestuurder.password));
    expect((await reader('POST', '/api/v1/geruchten', { messageId: messageA })).statusCode).toBe(403);
    expect((await reader('GET', `/api/v1/geruchten/${rumour.id}/rechtzetting-zoeken?q=zwembad`)).statusCode).toBe(403);
  });
});
