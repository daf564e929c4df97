import { type Change, EventHub } from '@platform/events/event-hub.service';
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

// A conversation in Castricum, its author (a webcare agent) and two colleagues who may review.
async function setup() {
  const base = await setUpInbox(t);
  const { conversationId } = await receive(t, base.account, { author: 'sanne', text: 'Wanneer wordt het grofvuil opgehaald?' });
  const person = async (name: string, roles: ('webcare' | 'kcc' | 'bestuurder')[] = ['webcare']) => {
    const user = await buildUser(t.database.db, t.clock, base.org.id, { roles, municipalityIds: [base.castricum.id], name });
    return { user, api: requestAs(t.app, await signIn(t.app, user.email, user.password)) };
  };
  const author = await person('Anna Auteur');
  const reviewer = await person('Ruud Reviewer');
  const other = await person('Otto Ander', ['kcc']);
  const outbox = () =>
    t.database.db
      .selectFrom('outbox')
      .select(['id', 'text', 'idempotency_key', 'status'])
      .where('organisation_id', '=', base.org.id)
      .orderBy('created_at')
      .execute();
  return { ...base, conversationId, author, reviewer, other, outbox };
}

describe('antwoord laten controleren', () => {
  it('wacht op het gesprek tot de gevraagde collega het goedkeurt; dan gaat het één keer via de wachtrij', async () => {
    const { conversationId, author, reviewer, other, outbox, org } = await setup();
    const hub = new EventHub(t.database);
    await hub.start();
    const heard: Change[] = [];
    hub.subscribe(org.id, (change) => heard.push(change));

    expect(
      (await author.api('GET', `/api/v1/conversations/${conversationId}/reviewers`))
        .json()
        .map((r: { name: string }) => r.name)
        .sort(),
    ).toEqual(['Bea Beheer', 'Otto Ander', 'Ruud Reviewer']);
    const asked = await author.api('POST', `/api/v1/conversations/${conversationId}/reply-drafts`, {
      text: 'Het grofvuil komt op afspraak. ^AA',
      reviewerUserId: reviewer.user.id,
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const draft = asked.json();
    expect(draft).toMatchObject({
      status: 'ter-controle',
      revision: 1,
      author: { name: 'Anna Auteur' },
      reviewer: { name: 'Ruud Reviewer' },
      mayReview: false,
      mayEdit: true,
    });
    expect(await outbox()).toEqual([]);
    for (let i = 0; i < 40 && !heard.some((change) => change.id === conversationId); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard.some((change) => change.kind === 'gesprek' && change.id === conversationId)).toBe(true);
    await hub.close();

    // The reviewer finds it under "Ter controle" and on the conversation; the author's own list stays empty.
    expect((await reviewer.api('GET', '/api/v1/conversations?view=ter-controle')).json().items.map((c: { id: string }) => c.id)).toEqual([conversationId]);
    expect((await author.api('GET', '/api/v1/conversations?view=ter-controle')).json().items).toEqual([]);
    expect((await other.api('GET', '/api/v1/conversations?view=ter-controle')).json().items).toEqual([]);
    const seen = (await reviewer.api('GET', `/api/v1/conversations/${conversationId}`)).json();
    expect(seen.drafts).toMatchObject([{ id: draft.id, mayReview: true, mayEdit: false }]);
    expect(seen.events.at(-1)).toMatchObject({ kind: 'controle', text: 'Antwoord ter controle bij Ruud Reviewer', mentions: [reviewer.user.id] });

    const own = await author.api('POST', `/api/v1/reply-drafts/${draft.id}/approval`);
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ code: 'eigen-antwoord', detail: expect.stringContaining('eigen antwoord') });
    expect((await other.api('POST', `/api/v1/reply-drafts/${draft.id}/approval`)).json()).toMatchObject({ status: 403, code: 'andere-controleur' });

    const approved = await reviewer.api('POST', `/api/v1/reply-drafts/${draft.id}/approval`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      draft: { status: 'goedgekeurd', reviewedBy: { name: 'Ruud Reviewer' } },
      thread: [{ status: 'wachtend', text: 'Het grofvuil komt op afspraak. ^AA' }],
    });
    const again = await reviewer.api('POST', `/api/v1/reply-drafts/${draft.id}/approval`);
    expect(again.json().thread[0].id).toBe(approved.json().thread[0].id);
    expect(await outbox()).toEqual([
      { id: approved.json().thread[0].id, text: 'Het grofvuil komt op afspraak. ^AA', idempotency_key: `controle:${draft.id}`, status: 'wachtend' },
    ]);

    t.clock.advance(60_000);
    await t.worker.drain();
    const detail = (await author.api('GET', `/api/v1/conversations/${conversationId}`)).json();
    expect(detail.messages.map((m: { direction: string; text: string }) => `${m.direction}:${m.text}`)).toEqual([
      'in:Wanneer wordt het grofvuil opgehaald?',
      'uit:Het grofvuil komt op afspraak. ^AA',
    ]);
    expect(detail).toMatchObject({ state: 'wachtend', drafts: [] });
    // The answer is the author's (figures per agent), the approval the reviewer's.
    const events = detail.events.map((e: { kind: string; actorName: string; text: string }) => `${e.kind}:${e.actorName}`);
    expect(events).toEqual(['controle:Anna Auteur', 'antwoord:Anna Auteur', 'controle:Ruud Reviewer']);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('organisation_id', '=', org.id)
      .where('action', 'like', 'antwoord.%')
      .execute();
    expect(audit.map((row) => row.action).sort()).toEqual(['antwoord.goedgekeurd', 'antwoord.ter-controle']);
  });

  it('stuurt terug met een opmerking; de schrijver past aan en vraagt opnieuw, iedere collega keurt goed', async () => {
    const { conversationId, author, reviewer, other, outbox } = await setup();
    const draft = (
      await author.api('POST', `/api/v1/conversations/${conversationId}/reply-drafts`, { text: 'Grofvuil: bel ons.', reviewerUserId: null })
    ).json();
    expect(draft.reviewer).toBeNull();
    expect((await other.api('GET', '/api/v1/conversations?view=ter-controle')).json().items).toHaveLength(1);

    expect((await reviewer.api('POST', `/api/v1/reply-drafts/${draft.id}/send-back`, { comment: '' })).statusCode).toBe(400);
    const back = await reviewer.api('POST', `/api/v1/reply-drafts/${draft.id}/send-back`, { comment: 'Noem het telefoonnummer 14 0251.' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'teruggestuurd', reviewComment: 'Noem het telefoonnummer 14 0251.' });
    expect((await reviewer.api('POST', `/api/v1/reply-drafts/${draft.id}/approval`)).json()).toMatchObject({ status: 409, code: 'niet-ter-controle' });
    const mine = (await author.api('GET', `/api/v1/conversations/${conversationId}`)).json();
    expect(mine.drafts).toMatchObject([{ status: 'teruggestuurd', reviewComment: 'Noem het telefoonnummer 14 0251.', mayEdit: true }]);
    expect((await author.api('GET', '/api/v1/conversations?view=ter-controle')).json().items.map((c: { id: string }) => c.id)).toEqual([conversationId]);
    expect((await reviewer.api('PUT', `/api/v1/reply-drafts/${draft.id}`, { text: 'Van mij', reviewerUserId: null })).json()).toMatchObject({
      status: 403,
      code: 'niet-de-schrijver',
    });

    const edited = await author.api('PUT', `/api/v1/reply-drafts/${draft.id}`, { text: 'Grofvuil: bel 14 0251 voor een afspraak.', reviewerUserId: null });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'ter-controle', revision: 2, reviewComment: null });
    const approved = await other.api('POST', `/api/v1/reply-drafts/${draft.id}/approval`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await outbox()).map((item) => item.text)).toEqual(['Grofvuil: bel 14 0251 voor een afspraak.']);
    expect((await author.api('PUT', `/api/v1/reply-drafts/${draft.id}`, { text: 'Nog iets', reviewerUserId: null })).json()).toMatchObject({
      status: 409,
      code: 'al-besloten',
    });
  });

  it('houdt de controles van versturen aan, en een ingetrokken antwoord gaat niet weg', async () => {
    const { conversationId, author, reviewer, outbox } = await setup();
    const url = `/api/v1/conversations/${conversationId}/reply-drafts`;
    const placeholder = await author.api('POST', url, { text: 'Beste {naam}, het komt goed.', reviewerUserId: null });
    expect(placeholder.statusCode).toBe(400);
    expect(placeholder.json()).toMatchObject({ code: 'plaatshouder-niet-ingevuld', title: 'Ongeldige invoer' });
    expect((await author.api('POST', url, { text: 'Wij beloven het morgen geregeld te hebben.', reviewerUserId: null })).json()).toMatchObject({
      status: 422,
      code: 'waarschuwingen-bevestigen',
    });
    expect((await author.api('POST', url, { text: 'Kijk zelf.', reviewerUserId: author.user.id })).json()).toMatchObject({
      status: 400,
      code: 'eigen-controle',
    });
    expect((await author.api('POST', url, { text: 'Kijk zelf.', reviewerUserId: crypto.randomUUID() })).json()).toMatchObject({
      status: 400,
      code: 'geen-controleur',
    });
    const missing = await author.api('POST', url, { text: '   ', reviewerUserId: null });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().invalidParams[0].reason).toBe('Schrijf een antwoord');
    expect((await author.api('POST', url, { text: 'Zonder keuze' })).statusCode).toBe(400);

    const draft = (await author.api('POST', url, { text: 'Wij beloven niets.', confirmedWarnings: true, reviewerUserId: reviewer.user.id })).json();
    const withdrawn = await author.api('POST', `/api/v1/reply-drafts/${draft.id}/withdrawal`);
    expect(withdrawn.json()).toMatchObject({ status: 'ingetrokken' });
    expect((await reviewer.api('POST', `/api/v1/reply-drafts/${draft.id}/approval`)).statusCode).toBe(409);
    expect(await outbox()).toEqual([]);
  });

  it('weigert zonder inloggen, voor een andere organisatie en voor wie niet antwoordt', async () => {
    const { conversationId, author, org, castricum } = await setup();
    const draft = (await author.api('POST', `/api/v1/conversations/${conversationId}/reply-drafts`, { text: 'Antwoord', reviewerUserId: null })).json();
    const anonymous = requestAs(t.app, null);
    expect((await anonymous('POST', `/api/v1/conversations/${conversationId}/reply-drafts`, { text: 'x', reviewerUserId: null })).statusCode).toBe(401);
    expect((await anonymous('POST', `/api/v1/reply-drafts/${draft.id}/approval`)).statusCode).toBe(401);
    const stranger = await setUpInbox(t);
    expect((await stranger.admin('POST', `/api/v1/reply-drafts/${draft.id}/approval`)).statusCode).toBe(404);
    expect((await stranger.admin('POST', `/api/v1/reply-drafts/${draft.id}/send-back`, { comment: 'Nee' })).statusCode).toBe(404);
    expect((await stranger.admin('POST', `/api/v1/conversations/${conversationId}/reply-drafts`, { text: 'x', reviewerUserId: null })).statusCode).toBe(404);
    expect((await stranger.admin('GET', `/api/v1/conversations/${conversationId}/reviewers`)).statusCode).toBe(404);
    const bestuurder = await buildUser(t.database.db, t.clock, org.id, { roles: ['bestuurder'], municipalityIds: [castricum.id] });
    const reader = requestAs(t.app, await signIn(t.app, bestuurder.email, bestuurder.password));
    expect((await reader('POST', `/api/v1/reply-drafts/${draft.id}/approval`)).json()).toMatchObject({ status: 403, code: 'geen-toestemming' });
    expect((await author.api('POST', '/api/v1/reply-drafts/geen-uuid/approval')).json()).toMatchObject({ status: 400, title: 'Ongeldige invoer' });
  });
});
