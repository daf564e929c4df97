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

type Api = ReturnType<typeof requestAs>;

async function answerAndClose(as: Api, closer: Api, conversationId: string, text = 'Bedankt voor uw bericht, we hebben het doorgegeven. ^WW') {
  const reply = await as('POST', `/api/v1/conversations/${conversationId}/reply`, { text });
  expect(reply.statusCode, reply.body).toBe(201);
  const closed = await closer('PATCH', `/api/v1/conversations/${conversationId}`, { state: 'gesloten' });
  expect(closed.statusCode, closed.body).toBe(200);
  return closed.json();
}

async function surveysOf(organisationId: string) {
  return t.database.db
    .selectFrom('outbox')
    .select(['id', 'text', 'idempotency_key'])
    .where('organisation_id', '=', organisationId)
    .where('idempotency_key', 'like', 'tevredenheid:%')
    .orderBy('created_at')
    .execute();
}

// Every resident from an address of their own, so the public rate limit is not what a test measures.
const resident = () => `10.77.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

const linkIn = (text: string) => {
  const match = /http:\/\/plein\.test\/tevreden\/([a-z0-9-]+)\/([A-Za-z0-9_-]+)/.exec(text)!;
  return { slug: match[1]!, token: match[2]!, api: `/api/v1/organisations/${match[1]}/conversation-satisfaction/${match[2]}` };
};

// The personal link goes only where the resident alone reads it: these conversations are direct messages.
const prive = 'prive' as const;

describe('tevredenheidsvraag na het sluiten', () => {
  it('vraagt één keer per keer sluiten, op hetzelfde kanaal, met een link die alleen als hash bewaard wordt', async () => {
    const { org, account, admin } = await setUpInbox(t);
    const question = await receive(t, account, { author: 'sanne', text: 'Mijn container is niet geleegd', visibility: prive });
    const closed = await answerAndClose(admin, admin, question.conversationId);
    expect(closed.events.map((e: { kind: string }) => e.kind)).toEqual(['antwoord', 'toestand', 'tevredenheid']);
    let surveys = await surveysOf(org.id);
    expect(surveys).toHaveLength(1);
    expect(surveys[0]!.text).toMatch(
      /^Hoe tevreden bent u over ons contact\? Antwoord op dit bericht met een cijfer van 1 tot 5, of .* persoonlijke link: http:\/\/plein\.test\/tevreden\//,
    );
    const outbox = await t.database.db
      .selectFrom('outbox')
      .select(['kind', 'reply_to_message_id', 'account_id'])
      .where('id', '=', surveys[0]!.id)
      .executeTakeFirstOrThrow();
    expect(outbox).toEqual({ kind: 'reply', reply_to_message_id: question.messageId, account_id: account.id });
    const { token } = linkIn(surveys[0]!.text);
    const stored = await t.database.db.selectFrom('conversation_surveys').selectAll().where('organisation_id', '=', org.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);

    // Saving the closed conversation again (a label) asks nothing new.
    await admin('PATCH', `/api/v1/conversations/${question.conversationId}`, { state: 'gesloten', labels: ['afval'] });
    expect(await surveysOf(org.id)).toHaveLength(1);

    // The resident comes back; after the next answer and close they are asked again, once.
    t.clock.advance(60_000);
    await receive(t, account, { author: 'sanne', text: 'Nog steeds niet!', visibility: prive });
    t.clock.advance(60_000);
    await answerAndClose(admin, admin, question.conversationId, 'Excuses, we hebben het opnieuw doorgegeven. ^BB');
    surveys = await surveysOf(org.id);
    expect(surveys).toHaveLength(2);
    expect(new Set(surveys.map((s) => s.idempotency_key)).size).toBe(2);

    // A thanks after closing reopens the conversation; closed again without a new answer, nobody asks again.
    t.clock.advance(60_000);
    await receive(t, account, { author: 'sanne', text: 'Dank jullie wel!', visibility: prive });
    t.clock.advance(60_000);
    expect((await admin('PATCH', `/api/v1/conversations/${question.conversationId}`, { state: 'gesloten' })).statusCode).toBe(200);
    expect(await surveysOf(org.id)).toHaveLength(2);

    // Sent through the outbox like every reply.
    await t.worker.drain();
    await t.worker.drain();
    const sent = await t.database.db.selectFrom('outbox').select('status').where('id', '=', surveys[0]!.id).executeTakeFirstOrThrow();
    expect(sent.status).toBe('verzonden');
  });

  it('vraagt niets zonder antwoord van een medewerker, na misbruik, of als het account het uit heeft staan', async () => {
    const { org, account, accountIn, castricum, admin } = await setUpInbox(t);
    const unanswered = await receive(t, account, { author: 'a' });
    await admin('PATCH', `/api/v1/conversations/${unanswered.conversationId}`, { state: 'gesloten' });

    const abusive = await receive(t, account, { author: 'b', text: 'Scheldwoorden' });
    await admin('POST', `/api/v1/conversations/${abusive.conversationId}/reply`, { text: 'Wij reageren hier niet op. ^BB', private: true });
    await admin('POST', `/api/v1/conversations/${abusive.conversationId}/abuse`, { messageId: abusive.messageId, actions: ['waarschuwing'] });
    await admin('PATCH', `/api/v1/conversations/${abusive.conversationId}`, { state: 'gesloten' });

    const quiet = await accountIn(castricum.id);
    const off = await admin('PUT', `/api/v1/channel-accounts/${quiet.id}/satisfaction-survey`, { enabled: false });
    expect(off.json()).toEqual({ enabled: false });
    expect((await admin('GET', `/api/v1/channel-accounts/${quiet.id}/satisfaction-survey`)).json()).toEqual({ enabled: false });
    expect((await admin('GET', `/api/v1/channel-accounts/${account.id}/satisfaction-survey`)).json()).toEqual({ enabled: true });
    const stranger = await setUpInbox(t);
    expect((await stranger.admin('GET', `/api/v1/channel-accounts/${quiet.id}/satisfaction-survey`)).statusCode).toBe(404);
    expect((await requestAs(t.app, null)('GET', `/api/v1/channel-accounts/${quiet.id}/satisfaction-survey`)).statusCode).toBe(401);
    const elsewhere = await receive(t, quiet, { author: 'c' });
    await answerAndClose(admin, admin, elsewhere.conversationId);
    expect(await surveysOf(org.id)).toEqual([]);
    expect((await admin('PUT', `/api/v1/channel-accounts/${quiet.id}/satisfaction-survey`, { enabled: 'nee' })).statusCode).toBe(400);
  });
});

describe('de openbare tevredenheidspagina', () => {
  it('neemt één antwoord aan (1–5 met toelichting), weigert ongeldige invoer en daarna een tweede antwoord', async () => {
    const { org, account, admin } = await setUpInbox(t);
    const question = await receive(t, account, { author: 'piet', visibility: prive });
    await answerAndClose(admin, admin, question.conversationId);
    const link = linkIn((await surveysOf(org.id))[0]!.text);

    const view = await t.app.inject({ method: 'GET', remoteAddress: resident(), url: link.api });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ municipality: 'Castricum', channel: 'Gesimuleerd', answered: false });

    for (const payload of [
      { score: 6 },
      { score: 0 },
      { score: 3.5 },
      { score: '4' },
      {},
      { score: 4, comment: '<script>x</script>' },
      { score: 4, extra: true },
    ]) {
      const response = await t.app.inject({ method: 'POST', remoteAddress: resident(), url: link.api, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject({ title: 'Ongeldige invoer' });
    }
    expect(
      (await t.database.db.selectFrom('conversation_surveys').select('answered_at').where('organisation_id', '=', org.id).executeTakeFirstOrThrow())
        .answered_at,
    ).toBeNull();

    const answered = await t.app.inject({
      method: 'POST',
      remoteAddress: resident(),
      url: link.api,
      payload: { score: 4, comment: '  Snel geholpen, dank!  ' },
    });
    expect(answered.statusCode, answered.body).toBe(201);
    const twice = await t.app.inject({ method: 'POST', remoteAddress: resident(), url: link.api, payload: { score: 1 } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/al beantwoord/);
    expect((await t.app.inject({ method: 'GET', remoteAddress: resident(), url: link.api })).json().answered).toBe(true);

    const onConversation = (await admin('GET', `/api/v1/conversations/${question.conversationId}/satisfaction`)).json();
    expect(onConversation.surveys).toMatchObject([{ score: 4, comment: 'Snel geholpen, dank!', answeredAt: expect.any(String) }]);
    const detail = (await admin('GET', `/api/v1/conversations/${question.conversationId}`)).json();
    expect(detail.events.at(-1)).toMatchObject({ kind: 'tevredenheid', text: 'Tevredenheid: 4 van 5. Snel geholpen, dank!', actorName: 'Inwoner' });
    expect(detail.state).toBe('gesloten');

    expect(
      (
        await t.app.inject({
          method: 'GET',
          remoteAddress: resident(),
          url: `/api/v1/organisations/${link.slug}/conversation-satisfaction/bestaatnietbestaatnietbestaatniet`,
        })
      ).statusCode,
    ).toBe(404);
    const stranger = await setUpInbox(t);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          remoteAddress: resident(),
          url: `/api/v1/organisations/${stranger.org.slug}/conversation-satisfaction/${link.token}`,
        })
      ).statusCode,
    ).toBe(404);
    expect((await stranger.admin('GET', `/api/v1/conversations/${question.conversationId}/satisfaction`)).statusCode).toBe(404);
  });

  it('verloopt na 14 dagen (410) en bewaart dan niets', async () => {
    const { org, account, admin } = await setUpInbox(t);
    const question = await receive(t, account, { author: 'laat', visibility: prive });
    await answerAndClose(admin, admin, question.conversationId);
    const link = linkIn((await surveysOf(org.id))[0]!.text);
    t.clock.advance(13 * 86_400_000);
    expect((await t.app.inject({ method: 'GET', remoteAddress: resident(), url: link.api })).statusCode).toBe(200);
    t.clock.advance(2 * 86_400_000);
    const view = await t.app.inject({ method: 'GET', remoteAddress: resident(), url: link.api });
    expect(view.statusCode).toBe(410);
    expect(view.json()).toMatchObject({ code: 'tevredenheid-verlopen', detail: expect.stringContaining('14 dagen') });
    expect((await t.app.inject({ method: 'POST', remoteAddress: resident(), url: link.api, payload: { score: 5 } })).statusCode).toBe(410);
    expect(
      (await t.database.db.selectFrom('conversation_surveys').select('score').where('organisation_id', '=', org.id).executeTakeFirstOrThrow()).score,
    ).toBeNull();
  });
});

describe('cijfers klanttevredenheid webcare', () => {
  it('geeft per medewerker, team en account verstuurd, antwoorden, gemiddelde en deel 4–5', async () => {
    const { org, account, accountIn, bergen, castricum, admin } = await setUpInbox(t);
    const team = (await admin('POST', '/api/v1/teams', { name: `KCC ${crypto.randomUUID().slice(0, 6)}` })).json();
    const wendy = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'], municipalityIds: [castricum.id, bergen.id], name: 'Wendy Webcare' });
    const kees = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'], municipalityIds: [castricum.id, bergen.id], name: 'Kees Klant' });
    const asWendy = requestAs(t.app, await signIn(t.app, wendy.email, wendy.password));
    const asKees = requestAs(t.app, await signIn(t.app, kees.email, kees.password));
    const bergenAccount = await accountIn(bergen.id);
    const plan: Array<{ by: Api; acc: typeof account; score: number | null; team?: boolean }> = [
      { by: asWendy, acc: account, score: 5, team: true },
      { by: asWendy, acc: account, score: 3, team: true },
      { by: asWendy, acc: bergenAccount, score: null },
      { by: asKees, acc: account, score: 4 },
    ];
    for (const [index, step] of plan.entries()) {
      const question = await receive(t, step.acc, { author: `inwoner${index}`, visibility: prive });
      if (step.team) await admin('PATCH', `/api/v1/conversations/${question.conversationId}`, { assignedTeamId: team.id });
      // Kees's conversations are closed by the beheerder: the score still goes to who answered.
      await answerAndClose(step.by, admin, question.conversationId);
      if (step.score !== null) {
        const surveys = await surveysOf(org.id);
        const response = await t.app.inject({
          method: 'POST',
          remoteAddress: resident(),
          url: linkIn(surveys.at(-1)!.text).api,
          payload: { score: step.score, ...(step.score === 3 && { comment: 'Het duurde lang.' }) },
        });
        expect(response.statusCode).toBe(201);
      }
    }

    const figures = await admin('GET', '/api/v1/insights/conversation-satisfaction?from=2026-01-01&to=2026-12-31');
    expect(figures.statusCode, figures.body).toBe(200);
    const body = figures.json();
    expect(body.total).toEqual({ sent: 4, responses: 3, average: 4, satisfiedPct: 66.7, distribution: [0, 0, 1, 1, 1] });
    const byName = Object.fromEntries(body.agents.map((a: { name: string }) => [a.name, a]));
    expect(byName['Wendy Webcare']).toMatchObject({ userId: wendy.id, sent: 3, responses: 2, average: 4, satisfiedPct: 50 });
    expect(byName['Kees Klant']).toMatchObject({ sent: 1, responses: 1, average: 4, satisfiedPct: 100 });
    expect(body.teams.find((x: { teamId: string | null }) => x.teamId === team.id)).toMatchObject({
      sent: 2,
      responses: 2,
      average: 4,
      distribution: [0, 0, 1, 0, 1],
    });
    expect(body.comments).toEqual([
      { answeredAt: expect.any(String), score: 3, comment: 'Het duurde lang.', agent: 'Wendy Webcare', team: team.name, account: account.handle },
    ]);
    expect(body.teams.find((x: { teamId: string | null }) => x.teamId === null)).toMatchObject({ name: 'Zonder team', sent: 2, responses: 1 });
    expect(body.accounts.find((x: { accountId: string }) => x.accountId === account.id)).toMatchObject({ municipality: 'GM0383', sent: 3, responses: 3 });
    expect(body.accounts.find((x: { accountId: string }) => x.accountId === bergenAccount.id)).toMatchObject({
      municipality: 'GM0373',
      sent: 1,
      responses: 0,
      average: null,
      satisfiedPct: null,
    });

    const bergenOnly = (await admin('GET', '/api/v1/insights/conversation-satisfaction?municipality=GM0373')).json();
    expect(bergenOnly.total).toMatchObject({ sent: 1, responses: 0 });
    expect((await admin('GET', '/api/v1/insights/conversation-satisfaction?from=2026-13-01')).statusCode).toBe(400);
    const stranger = await setUpInbox(t);
    expect((await stranger.admin('GET', '/api/v1/insights/conversation-satisfaction')).json().total).toMatchObject({ sent: 0 });
    const bestuurder = await buildUser(t.database.db, t.clock, org.id, { roles: ['bestuurder'] });
    expect(
      (await requestAs(t.app, await signIn(t.app, bestuurder.email, bestuurder.password))('GET', '/api/v1/insights/conversation-satisfaction')).statusCode,
    ).toBe(403);
  });
});
