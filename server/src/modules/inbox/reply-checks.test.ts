import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage, storeMessages } from '../channels/index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

// A resident's public question on a simulated account (500 characters, threads, direct messages).
async function conversation() {
  const org = await buildOrganisation(t.database.db);
  const view = await buildChannelAccount(t.database.db, t.clock, org.id, {
    municipalityId: org.municipalities[0]!.id,
    channel: 'gesimuleerd',
    settings: { scenario: 'alledaags' },
  });
  const account = await t.database.db
    .selectFrom('channel_accounts')
    .selectAll()
    .where('organisation_id', '=', org.id)
    .where('id', '=', view.id)
    .executeTakeFirstOrThrow();
  const [messageId] = await storeMessages(t.database.db, t.clock, account, [
    buildPlainMessage({
      platformId: `vraag-${crypto.randomUUID()}`,
      author: { id: 'sanne', handle: '@sanne', displayName: 'Sanne', followers: 3 },
      text: 'Wanneer wordt mijn container geleegd?',
      visibility: 'openbaar',
      postedAt: t.clock.now(),
      raw: {},
    }),
  ]);
  await t.worker.drain();
  const { conversation_id } = await t.database.db.selectFrom('messages').select('conversation_id').where('id', '=', messageId!).executeTakeFirstOrThrow();
  const user = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'], name: 'Wim Webcare', municipalityIds: [org.municipalities[0]!.id] });
  const api = requestAs(t.app, await signIn(t.app, user.email, user.password));
  const queued = () => t.database.db.selectFrom('outbox').select('text').where('organisation_id', '=', org.id).orderBy('created_at').orderBy('text').execute();
  return { org, id: conversation_id!, api, queued };
}

describe('controles vóór versturen via de API', () => {
  it('toont blokkerende problemen, waarschuwingen, de toonvragen, lengte en draad', async () => {
    const { id, api } = await conversation();
    const check = await api('POST', `/api/v1/conversations/${id}/reply-check`, { text: 'Beste {naam}, dat is morgen geregeld. Bel mij op 06-12345678. ^WW' });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({
      blocking: [{ code: 'plaatshouder-niet-ingevuld' }],
      warnings: [{ code: 'belofte' }, { code: 'persoonsgegevens-telefoonnummer' }],
      toneQuestions: ['Zou ik dit zo tegen de wethouder zeggen?', 'Zou ik dit zo tegen de pers zeggen?', 'Zou ik dit nu zo zeggen?'],
      length: { max: 500, fits: true },
      public: true,
    });
    const privately = (await api('POST', `/api/v1/conversations/${id}/reply-check`, { text: 'Bel mij op 06-12345678.', private: true })).json();
    expect(privately).toMatchObject({ warnings: [], public: false });
    const stranger = await conversation();
    expect((await stranger.api('POST', `/api/v1/conversations/${id}/reply-check`, { text: 'Hallo' })).statusCode).toBe(404);
  });

  it('weigert een niet-ingevulde plaatshouder met 400 en verstuurt niets', async () => {
    const { id, api, queued } = await conversation();
    const response = await api('POST', `/api/v1/conversations/${id}/reply`, { text: 'Beste {naam}, uw container wordt donderdag geleegd.' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'plaatshouder-niet-ingevuld',
      detail: expect.stringContaining('{naam}'),
      invalidParams: [{ name: 'text', code: 'plaatshouder-niet-ingevuld' }],
    });
    expect(await queued()).toEqual([]);
  });

  it('vraagt bij waarschuwingen om bevestiging (422) en verstuurt na confirmedWarnings één keer', async () => {
    const { id, api, queued } = await conversation();
    const text = 'Uw container wordt morgen geregeld, dat beloof ik. ^WW';
    const first = await api('POST', `/api/v1/conversations/${id}/reply`, { text, idempotencyKey: 'concept-0001' });
    expect(first.statusCode).toBe(422);
    expect(first.json()).toMatchObject({
      code: 'waarschuwingen-bevestigen',
      invalidParams: [{ code: 'belofte', reason: expect.stringContaining('"morgen geregeld", "beloof"') }],
    });
    expect(await queued()).toEqual([]);
    const confirmed = await api('POST', `/api/v1/conversations/${id}/reply`, { text, idempotencyKey: 'concept-0001', confirmedWarnings: true });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json().thread).toHaveLength(1);
    const again = await api('POST', `/api/v1/conversations/${id}/reply`, { text, idempotencyKey: 'concept-0001', confirmedWarnings: true });
    expect(again.json().item.id).toBe(confirmed.json().item.id);
    expect(await queued()).toEqual([{ text }]);
  });

  it('verstuurt een lang antwoord als genummerde draad, elk deel één keer', async () => {
    const { id, api, queued } = await conversation();
    const text = `${Array.from({ length: 110 }, (_, i) => `woord${i}`).join(' ')} ^WW`;
    const response = await api('POST', `/api/v1/conversations/${id}/reply`, { text, idempotencyKey: 'lange-draad-1' });
    expect(response.statusCode, response.body).toBe(201);
    const parts = response.json().thread.map((item: { text: string }) => item.text);
    expect(parts.length).toBe(2);
    expect(parts[0]).toMatch(/ \(1\/2\)$/);
    expect(parts[1]).toMatch(/\^WW \(2\/2\)$/);
    await api('POST', `/api/v1/conversations/${id}/reply`, { text, idempotencyKey: 'lange-draad-1' });
    expect(await queued()).toHaveLength(2);
    const events = await t.database.db
      .selectFrom('conversation_events')
      .select(['kind', 'text'])
      .where('conversation_id', '=', id)
      .where('kind', '=', 'antwoord')
      .execute();
    expect(events).toEqual([{ kind: 'antwoord', text }]);
  });
});
