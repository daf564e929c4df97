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

// @Gemeente (the account the resident wrote to) and @Afval with its own team, routed by a rule on the account.
async function twoAccounts() {
  const setup = await setUpInbox(t);
  const afval = await setup.accountIn(setup.castricum.id);
  const team = (await setup.admin('POST', '/api/v1/teams', { name: `Afval ${crypto.randomUUID().slice(0, 6)}` })).json();
  const rule = await setup.admin('POST', '/api/v1/routing-rules', {
    name: 'Afvalaccount',
    conditions: { accountIds: [afval.id] },
    actions: { assignTeamId: team.id },
  });
  expect(rule.statusCode, rule.body).toBe(201);
  return { ...setup, afval, team };
}

describe('overdracht aan een ander account', () => {
  it('zet het gesprek in de wachtrij en het team van het andere account, met bericht aan de inwoner, tijdlijn en audit', async () => {
    const { org, account, afval, team, admin } = await twoAccounts();
    const { conversationId } = await receive(t, account, { author: 'klaas', text: 'Mijn container is niet geleegd.' });
    await admin('PATCH', `/api/v1/conversations/${conversationId}`, { state: 'wachtend' });

    const handed = await admin('POST', `/api/v1/conversations/${conversationId}/handoffs`, {
      to: 'account',
      accountId: afval.id,
      note: 'Container Dorpsstraat',
      reply: { text: 'Onze collega’s van het afvalteam helpen je verder. ^BB' },
    });
    expect(handed.statusCode, handed.body).toBe(201);
    expect(handed.json().handoffs).toMatchObject([
      {
        kind: 'account',
        status: 'overgedragen',
        fromAccountId: account.id,
        toAccountId: afval.id,
        toTeamId: team.id,
        createdBy: 'Bea Beheer',
        context: 'Container Dorpsstraat',
      },
    ]);

    const detail = (await admin('GET', `/api/v1/conversations/${conversationId}`)).json();
    // Handled by @Afval's team, but the thread stays where the resident wrote.
    expect(detail).toMatchObject({ accountId: account.id, handlingAccountId: afval.id, assignedTeamId: team.id, assignedUserId: null, state: 'open' });
    expect(detail.events.at(-1)).toMatchObject({
      kind: 'overdracht',
      text: expect.stringContaining(`Overgedragen aan ${afval.handle} (team `),
      actorName: 'Bea Beheer',
    });
    expect(detail.events.map((e: { kind: string }) => e.kind)).toContain('antwoord');
    const outbox = await t.database.db.selectFrom('outbox').select(['account_id', 'text']).where('organisation_id', '=', org.id).execute();
    expect(outbox).toEqual([{ account_id: account.id, text: 'Onze collega’s van het afvalteam helpen je verder. ^BB' }]);

    // The account filter is the account's queue.
    const ids = async (query: string) => (await admin('GET', `/api/v1/conversations?${query}`)).json().items.map((c: { id: string }) => c.id);
    expect(await ids(`accountId=${afval.id}`)).toEqual([conversationId]);
    expect(await ids(`accountId=${account.id}`)).toEqual([]);

    const audit = (await admin('GET', '/api/v1/audit-log?action=gesprek.overgedragen')).json();
    expect(JSON.stringify(audit)).toContain(conversationId);

    // Handed back: it belongs to the account it came in on again.
    const back = await admin('POST', `/api/v1/conversations/${conversationId}/handoffs`, { to: 'account', accountId: account.id });
    expect(back.statusCode, back.body).toBe(201);
    expect((await admin('GET', `/api/v1/conversations/${conversationId}`)).json()).toMatchObject({ handlingAccountId: null, assignedTeamId: null });
    expect(await ids(`accountId=${account.id}`)).toEqual([conversationId]);

    const same = await admin('POST', `/api/v1/conversations/${conversationId}/handoffs`, { to: 'account', accountId: account.id });
    expect(same.statusCode).toBe(409);
    expect(same.json()).toMatchObject({ code: 'zelfde-account' });
  });

  it('laat een team kiezen, en weigert een gesloten gesprek', async () => {
    const { account, afval, admin } = await twoAccounts();
    const other = (await admin('POST', '/api/v1/teams', { name: `KCC ${crypto.randomUUID().slice(0, 6)}` })).json();
    const { conversationId } = await receive(t, account, { author: 'piet' });
    const handed = await admin('POST', `/api/v1/conversations/${conversationId}/handoffs`, { to: 'account', accountId: afval.id, teamId: other.id });
    expect(handed.json().handoffs[0].toTeamId).toBe(other.id);

    const closed = await receive(t, account, { author: 'gesloten' });
    await admin('PATCH', `/api/v1/conversations/${closed.conversationId}`, { state: 'gesloten' });
    const refused = await admin('POST', `/api/v1/conversations/${closed.conversationId}/handoffs`, { to: 'account', accountId: afval.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'gesprek-gesloten', detail: expect.stringContaining('Heropen') });
  });

  it('weigert ongeldige invoer in het Nederlands en verandert dan niets', async () => {
    const { org, account, admin } = await twoAccounts();
    const { conversationId } = await receive(t, account, { author: 'fout' });
    const cases = [
      {},
      { to: 'ergens' },
      { to: 'account' },
      { to: 'account', accountId: 'geen-id' },
      { to: 'account', accountId: crypto.randomUUID() },
      { to: 'account', accountId: account.id, teamId: crypto.randomUUID() },
      { to: 'account', accountId: account.id, note: '<b>vet</b>' },
      { to: 'account', accountId: account.id, reply: { text: '' } },
    ];
    for (const body of cases) {
      const response = await admin('POST', `/api/v1/conversations/${conversationId}/handoffs`, body);
      expect([400, 409], JSON.stringify(body)).toContain(response.statusCode);
      if (response.statusCode === 400) {
        expect(response.json().title, JSON.stringify(body)).toBe('Ongeldige invoer');
        expect(response.json().detail).toMatch(/[a-z]/);
      }
    }
    expect(await t.database.db.selectFrom('conversation_handoffs').select('id').where('organisation_id', '=', org.id).execute()).toEqual([]);
  });

  it('is niet te zien of te doen voor een andere organisatie, zonder inloggen of met een rol die niet antwoordt', async () => {
    const { org, account, afval, admin } = await twoAccounts();
    const { conversationId } = await receive(t, account, { author: 'geheim' });
    await admin('POST', `/api/v1/conversations/${conversationId}/handoffs`, { to: 'account', accountId: afval.id });
    const stranger = await setUpInbox(t);
    expect((await stranger.admin('GET', `/api/v1/conversations/${conversationId}/handoffs`)).statusCode).toBe(404);
    expect(
      (await stranger.admin('POST', `/api/v1/conversations/${conversationId}/handoffs`, { to: 'account', accountId: stranger.account.id })).statusCode,
    ).toBe(404);
    const anonymous = requestAs(t.app, null);
    expect((await anonymous('GET', `/api/v1/conversations/${conversationId}/handoffs`)).statusCode).toBe(401);
    expect((await anonymous('POST', `/api/v1/conversations/${conversationId}/handoffs`, { to: 'account', accountId: afval.id })).statusCode).toBe(401);
    const bestuurder = await buildUser(t.database.db, t.clock, org.id, { roles: ['bestuurder'] });
    const asBestuurder = requestAs(t.app, await signIn(t.app, bestuurder.email, bestuurder.password));
    expect((await asBestuurder('POST', `/api/v1/conversations/${conversationId}/handoffs`, { to: 'account', accountId: account.id })).statusCode).toBe(403);
  });
});
