import { buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { receive, setUpInbox } from '@test/kits/conversation-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const year = '2026';

describe('misbruik melden en het agressieregister', () => {
  it('registreert een kopie van het bericht, weigert daarna een openbaar antwoord en laat een privéantwoord toe', async () => {
    const { org, account, admin } = await setUpInbox(t);
    const { messageId, conversationId } = await receive(t, account, { author: 'boos', text: 'Ik weet waar jullie wonen, pas maar op.' });

    const marked = await admin('POST', `/api/v1/conversations/${conversationId}/abuse`, {
      messageId,
      actions: ['waarschuwing', 'aangifte'],
      note: 'Bedreiging van een medewerker',
    });
    expect(marked.statusCode, marked.body).toBe(201);
    expect(marked.json()).toMatchObject({
      publicReplyAllowed: false,
      block: null,
      entries: [
        {
          text: 'Ik weet waar jullie wonen, pas maar op.',
          actions: ['waarschuwing', 'aangifte'],
          author: { handle: '@boos' },
          channel: 'gesimuleerd',
          municipality: 'GM0383',
          recordedBy: 'Bea Beheer',
        },
      ],
    });

    const detail = (await admin('GET', `/api/v1/conversations/${conversationId}`)).json();
    expect(detail.labels).toContain('misbruik');
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['misbruik']);

    const refused = await admin('POST', `/api/v1/conversations/${conversationId}/reply`, { text: 'Dat kunt u niet maken.' });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'misbruik-geen-openbaar-antwoord', detail: expect.stringContaining('privébericht') });
    const privately = await admin('POST', `/api/v1/conversations/${conversationId}/reply`, {
      text: 'Wij hebben uw bericht doorgegeven aan de politie.',
      private: true,
    });
    expect(privately.statusCode, privately.body).toBe(201);
    expect(privately.json().item.kind).toBe('direct');

    // The message changes or disappears on the platform; the register keeps what was written.
    await t.database.db.updateTable('messages').set({ text: '[verwijderd]' }).where('organisation_id', '=', org.id).where('id', '=', messageId).execute();
    const register = (await admin('GET', `/api/v1/aggression-register?from=${year}-01-01&to=${year}-12-31`)).json();
    expect(register).toMatchObject({ count: 1, actions: { waarschuwing: 1, blokkeren: 0, aangifte: 1 } });
    expect(register.items[0].text).toBe('Ik weet waar jullie wonen, pas maar op.');

    const again = await admin('POST', `/api/v1/conversations/${conversationId}/abuse`, { messageId, actions: [] });
    expect(again.statusCode).toBe(409);
    expect((await t.database.db.selectFrom('aggression_register').select('id').where('organisation_id', '=', org.id).execute()).length).toBe(1);
  });

  it('weigert ongeldige invoer in het Nederlands en bewaart dan niets', async () => {
    const { org, account, admin } = await setUpInbox(t);
    const { messageId, conversationId } = await receive(t, account, { author: 'a' });
    const other = await receive(t, account, { author: 'b' });
    const cases = [
      { messageId, actions: ['opsluiten'] },
      { messageId: other.messageId, actions: [] },
      { messageId, actions: ['waarschuwing'], blockUntil: new Date(t.clock.now().getTime() + 86_400_000).toISOString() },
      { messageId, actions: ['blokkeren'], blockUntil: new Date(t.clock.now().getTime() - 1_000).toISOString() },
      { messageId, actions: [], note: '<b>vet</b>' },
      { actions: ['waarschuwing'] },
    ];
    for (const body of cases) {
      const response = await admin('POST', `/api/v1/conversations/${conversationId}/abuse`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json()).toMatchObject({ status: 400, title: 'Ongeldige invoer' });
    }
    expect(await t.database.db.selectFrom('aggression_register').select('id').where('organisation_id', '=', org.id).execute()).toEqual([]);
    expect(await t.database.db.selectFrom('author_blocks').select('id').where('organisation_id', '=', org.id).execute()).toEqual([]);
    expect((await admin('GET', `/api/v1/aggression-register?from=${year}-12-31&to=${year}-01-01`)).statusCode).toBe(400);
    expect((await admin('GET', '/api/v1/aggression-register?municipality=GM9999')).statusCode).toBe(400);
  });

  it('geeft een andere organisatie 404 en toont het register alleen aan wie het mag lezen, voor de eigen gemeenten', async () => {
    const { org, account, accountIn, bergen, castricum, admin } = await setUpInbox(t);
    const here = await receive(t, account, { author: 'x', text: 'Scheldwoord in Castricum' });
    const there = await receive(t, await accountIn(bergen.id), { author: 'y', text: 'Scheldwoord in Bergen' });
    await admin('POST', `/api/v1/conversations/${here.conversationId}/abuse`, { messageId: here.messageId, actions: [] });
    await admin('POST', `/api/v1/conversations/${there.conversationId}/abuse`, { messageId: there.messageId, actions: ['blokkeren'] });

    const stranger = await setUpInbox(t);
    expect((await stranger.admin('POST', `/api/v1/conversations/${here.conversationId}/abuse`, { messageId: here.messageId, actions: [] })).statusCode).toBe(
      404,
    );
    expect((await stranger.admin('GET', `/api/v1/conversations/${here.conversationId}/abuse`)).statusCode).toBe(404);
    expect((await stranger.admin('GET', '/api/v1/aggression-register')).json().items).toEqual([]);
    const block = (await admin('GET', '/api/v1/author-blocks')).json()[0];
    expect((await stranger.admin('DELETE', `/api/v1/author-blocks/${block.id}`)).statusCode).toBe(404);

    const kcc = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'], municipalityIds: [castricum.id] });
    const agent = requestAs(t.app, await signIn(t.app, kcc.email, kcc.password));
    expect((await agent('GET', '/api/v1/aggression-register')).json().items.map((i: { text: string }) => i.text)).toEqual(['Scheldwoord in Castricum']);
    expect((await agent('GET', '/api/v1/author-blocks')).json()).toEqual([]);
    expect((await agent('DELETE', `/api/v1/author-blocks/${block.id}`)).statusCode).toBe(404);
    expect((await admin('GET', '/api/v1/aggression-register?municipality=GM0373')).json().items.map((i: { text: string }) => i.text)).toEqual([
      'Scheldwoord in Bergen',
    ]);
    for (const roles of [['vakafdeling'], ['bestuurder']] as const) {
      const user = await buildUser(t.database.db, t.clock, org.id, { roles: [...roles], municipalityIds: [castricum.id] });
      const as = requestAs(t.app, await signIn(t.app, user.email, user.password));
      expect((await as('GET', '/api/v1/aggression-register')).statusCode).toBe(403);
      expect((await as('GET', '/api/v1/aggression-register/csv')).statusCode).toBe(403);
    }
    expect((await requestAs(t.app, null)('GET', '/api/v1/aggression-register')).statusCode).toBe(401);
  });

  it('exporteert het register als CSV die Excel opent, zonder formules', async () => {
    const { account, admin } = await setUpInbox(t);
    const { messageId, conversationId } = await receive(t, account, { author: 'formule', text: '=HYPERLINK("x"); jullie zijn "gek"' });
    await admin('POST', `/api/v1/conversations/${conversationId}/abuse`, { messageId, actions: ['waarschuwing', 'blokkeren'], note: 'Tweede keer' });
    const csv = await admin('GET', `/api/v1/aggression-register/csv?municipality=GM0383&from=${year}-01-01&to=${year}-12-31`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`agressieregister-GM0383-${year}-01-01-${year}-12-31.csv`);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe(
      'Datum;Gemeente;Kanaal;Account;Afzender;Naam afzender;Bericht;Link;Waarschuwing;Blokkeren;Aangifte;Toelichting;Geregistreerd door;Geregistreerd op',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(
      `;Castricum;Gesimuleerd;${account.handle};'@formule;formule;"'=HYPERLINK(""x""); jullie zijn ""gek""";;1;1;0;Tweede keer;Bea Beheer;`,
    );
  });
});

describe('afzenders blokkeren per account', () => {
  it('bewaart nieuwe berichten van een geblokkeerde afzender, maar sluit het gesprek zonder ontvangstbevestiging of verdeling', async () => {
    const { org, account, accountIn, castricum, admin } = await setUpInbox(t);
    // Always closed, with an acknowledgement: everyone else gets one. A rule labels every message about afval.
    await admin('PUT', `/api/v1/channel-accounts/${account.id}/office-hours`, {
      alwaysOpen: false,
      holidaysClosed: false,
      week: {},
      firstResponse: { minutes: 120, counting: 'altijd' },
      resolution: null,
      acknowledgement: { enabled: true, text: 'Bedankt! U krijgt uiterlijk {antwoordmoment} antwoord.' },
    });
    await admin('POST', '/api/v1/routing-rules', { name: 'Afval', conditions: { words: ['afval'] }, actions: { labels: ['afval'] } });
    const first = await receive(t, account, { author: 'trol', text: 'Jullie zijn allemaal idioten' });
    const until = new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString();
    const marked = await admin('POST', `/api/v1/conversations/${first.conversationId}/abuse`, {
      messageId: first.messageId,
      actions: ['blokkeren'],
      note: 'Herhaald schelden',
      blockUntil: until,
    });
    expect(marked.json().block).toMatchObject({ authorId: 'trol', reason: 'Herhaald schelden', until, active: true });
    const outboxBefore = (await t.database.db.selectFrom('outbox').select('id').where('organisation_id', '=', org.id).execute()).length;

    const later = await receive(t, account, { author: 'trol', text: 'En nog iets over afval, idioten' });
    await receive(t, account, { author: 'trol', text: 'Hallo??', root: later.platformId });
    const quiet = (await admin('GET', `/api/v1/conversations/${later.conversationId}`)).json();
    expect(quiet).toMatchObject({ state: 'gesloten', labels: ['geblokkeerd'], waitingSince: null, firstResponseDueAt: null, messageCount: 2 });
    expect(quiet.messages.map((m: { text: string }) => m.text)).toEqual(['En nog iets over afval, idioten', 'Hallo??']);
    expect(quiet.events.map((e: { kind: string }) => e.kind)).toEqual(['geblokkeerd']);
    expect((await t.database.db.selectFrom('outbox').select('id').where('organisation_id', '=', org.id).execute()).length).toBe(outboxBefore);
    expect((await admin('GET', '/api/v1/conversations?state=open')).json().items.map((c: { id: string }) => c.id)).not.toContain(later.conversationId);

    // Not blocked elsewhere: the same person on another account, and someone else on this one, are answered as usual.
    const elsewhere = await receive(t, await accountIn(castricum.id), { author: 'trol', text: 'Vraag over afval' });
    expect((await admin('GET', `/api/v1/conversations/${elsewhere.conversationId}`)).json()).toMatchObject({ state: 'open', labels: ['afval'] });
    const neighbour = await receive(t, account, { author: 'buur', text: 'Vraag over afval' });
    const neighbourDetail = (await admin('GET', `/api/v1/conversations/${neighbour.conversationId}`)).json();
    expect(neighbourDetail).toMatchObject({ state: 'open', labels: ['afval'] });
    expect(neighbourDetail.events.map((e: { kind: string }) => e.kind)).toEqual(['toegewezen', 'ontvangstbevestiging']);

    // Lifted: the next message is handled like anyone's, and the conversation says so.
    const block = (await admin('GET', `/api/v1/author-blocks?accountId=${account.id}`)).json();
    expect(block).toHaveLength(1);
    expect((await admin('DELETE', `/api/v1/author-blocks/${block[0].id}`)).statusCode).toBe(204);
    expect((await admin('GET', `/api/v1/conversations/${later.conversationId}`)).json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'geblokkeerd',
      'gedeblokkeerd',
    ]);
    const afterwards = await receive(t, account, { author: 'trol', text: 'Sorry, een echte vraag over afval' });
    expect((await admin('GET', `/api/v1/conversations/${afterwards.conversationId}`)).json()).toMatchObject({ state: 'open', labels: ['afval'] });
    expect((await admin('DELETE', `/api/v1/author-blocks/${block[0].id}`)).statusCode).toBe(404);
  });

  it('laat een blokkade met een einddatum vanzelf aflopen', async () => {
    const { account, admin: before, beheerder } = await setUpInbox(t);
    const first = await receive(t, account, { author: 'tijdelijk' });
    await before('POST', `/api/v1/conversations/${first.conversationId}/abuse`, {
      messageId: first.messageId,
      actions: ['blokkeren'],
      blockUntil: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
    });
    t.clock.advance(2 * 86_400_000);
    const later = await receive(t, account, { author: 'tijdelijk', text: 'Nieuwe vraag' });
    const admin = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
    expect((await admin('GET', `/api/v1/conversations/${later.conversationId}`)).json()).toMatchObject({ state: 'open' });
    expect((await admin('GET', `/api/v1/conversations/${first.conversationId}/abuse`)).json().block).toMatchObject({ active: false });
  });
});
