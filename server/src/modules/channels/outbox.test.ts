import { claimDueJob } from '@platform/jobs/jobs.repository';
import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function webcare() {
  const org = await buildOrganisation(t.database.db);
  const user = await buildUser(t.database.db, t.clock, org.id, { roles: ['webcare'], municipalityIds: [org.municipalities[0]!.id] });
  const api = requestAs(t.app, await signIn(t.app, user.email, user.password));
  const account = await buildChannelAccount(t.database.db, t.clock, org.id, {
    municipalityId: org.municipalities[0]!.id,
    channel: 'gesimuleerd',
    handle: 'gemeentebergen',
    settings: { scenario: 'alledaags' },
  });
  return { org, api, account };
}

describe('de outbox', () => {
  it('verstuurt precies één keer, ook als dezelfde aanvraag twee keer binnenkomt, en bewaart het platform-id', async () => {
    const { api, account } = await webcare();
    const body = { accountId: account.id, kind: 'post', text: 'Morgen is het gemeentehuis gesloten.', idempotencyKey: 'aankondiging-2026-11-24' };
    const first = await api('POST', '/api/v1/outbox', body);
    const second = await api('POST', '/api/v1/outbox', body);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);
    await t.worker.drain();
    const sent = (await api('GET', `/api/v1/outbox/${first.json().id}`)).json();
    expect(sent).toMatchObject({ status: 'verzonden', platformId: `sim-uit-${first.json().id}` });
    const jobs = await t.database.db
      .selectFrom('jobs')
      .select('id')
      .where('name', '=', 'kanaal.versturen')
      .where(sql<boolean>`payload @> ${JSON.stringify({ outboxId: first.json().id })}::jsonb`)
      .execute();
    expect(jobs).toHaveLength(1);
    const messages = (await api('GET', `/api/v1/messages?accountId=${account.id}`)).json().messages;
    expect(messages).toEqual([expect.objectContaining({ direction: 'uit', text: body.text, platformId: sent.platformId })]);
    const reused = await api('POST', '/api/v1/outbox', { ...body, text: 'Iets anders' });
    expect(reused.statusCode).toBe(409);
  });

  it('weigert een tekst die het platform te lang vindt, geteld zoals het platform telt', async () => {
    const { api, account } = await webcare();
    const tooLong = await api('POST', '/api/v1/outbox', { accountId: account.id, kind: 'post', text: '🏳️‍🌈'.repeat(501) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ code: 'tekst-te-lang', invalidParams: [{ name: 'text' }] });
    // 500 flags are 500 graphemes, though thousands of UTF-16 units: that fits.
    expect((await api('POST', '/api/v1/outbox', { accountId: account.id, kind: 'post', text: '🏳️‍🌈'.repeat(500) })).statusCode).toBe(201);
    const orphanReply = await api('POST', '/api/v1/outbox', { accountId: account.id, kind: 'reply', text: 'Dank!' });
    expect(orphanReply.json().invalidParams[0].name).toBe('replyToMessageId');
  });

  it('een tweede poging na een onderbroken verzending vraagt eerst het platform wat er al staat', async () => {
    const { api, account } = await webcare();
    await t.worker.drain();
    const queued = (await api('POST', '/api/v1/outbox', { accountId: account.id, kind: 'post', text: 'Onderbroken?' })).json();
    // A worker claims the job and vanishes (its process was killed during the platform call).
    const now = t.clock.now();
    const claimed = await claimDueJob(t.database.db, {
      names: ['kanaal.versturen'],
      workerId: 'gestorven',
      now,
      leaseUntil: new Date(now.getTime() + 300_000),
    });
    expect(claimed?.payload).toMatchObject({ outboxId: queued.id });
    expect(await t.worker.drain()).toBe(0);
    t.clock.advance(301_000);
    await t.worker.drain();
    const row = await t.database.db.selectFrom('jobs').select(['attempts', 'status']).where('id', '=', claimed!.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ attempts: 2, status: 'done' });
    expect((await api('GET', `/api/v1/outbox/${queued.id}`)).json()).toMatchObject({ status: 'verzonden', platformId: `sim-uit-${queued.id}` });
    const copies = await t.database.db.selectFrom('messages').select('id').where('platform_id', '=', `sim-uit-${queued.id}`).execute();
    expect(copies).toHaveLength(1);
  });

  it('trekt een verstuurd bericht één keer in; berichten van anderen niet', async () => {
    const { org, api, account } = await webcare();
    const queued = (await api('POST', '/api/v1/outbox', { accountId: account.id, kind: 'post', text: 'Verkeerde datum genoemd' })).json();
    await t.worker.drain();
    const sent = await t.database.db.selectFrom('outbox').select('sent_message_id').where('id', '=', queued.id).executeTakeFirstOrThrow();
    const first = await api('POST', `/api/v1/messages/${sent.sent_message_id}/withdrawal`);
    const second = await api('POST', `/api/v1/messages/${sent.sent_message_id}/withdrawal`);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);
    await t.worker.drain();
    expect((await api('GET', `/api/v1/outbox/${first.json().id}`)).json()).toMatchObject({
      kind: 'delete',
      status: 'verzonden',
      platformId: `sim-uit-${queued.id}`,
    });
    const line = await buildChannelAccount(t.database.db, t.clock, org.id, { municipalityId: org.municipalities[0]!.id, channel: 'telefoon' });
    // A resident's message (here a logged call) is not Plein's to withdraw.
    const call = await api('POST', '/api/v1/phone-calls', { accountId: line.id, summary: 'Vraag' });
    expect(call.statusCode).toBe(201);
    const refused = await api('POST', `/api/v1/messages/${call.json().id}/withdrawal`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('niet-van-ons');
  });

  it('legt een telefoongesprek vast als binnenkomend bericht op het kanaal telefoon', async () => {
    const { org, api } = await webcare();
    const line = await buildChannelAccount(t.database.db, t.clock, org.id, {
      municipalityId: org.municipalities[0]!.id,
      channel: 'telefoon',
      handle: '14 072',
    });
    const logged = await api('POST', '/api/v1/phone-calls', {
      accountId: line.id,
      callerName: 'Mevrouw Jansen',
      callerPhone: '0612345678',
      summary: 'Vraagt wanneer de kerstbomen worden opgehaald.',
    });
    expect(line.status).toBe('verbonden');
    expect(logged.statusCode, logged.body).toBe(201);
    expect(logged.json()).toMatchObject({
      channel: 'telefoon',
      direction: 'in',
      visibility: 'prive',
      author: { handle: '0612345678', displayName: 'Mevrouw Jansen' },
    });
    const future = await api('POST', '/api/v1/phone-calls', { accountId: line.id, summary: 'x', calledAt: '2099-01-01T00:00:00Z' });
    expect(future.statusCode).toBe(400);
    const wrongChannel = await api('POST', '/api/v1/phone-calls', {
      accountId: (
        await buildChannelAccount(t.database.db, t.clock, org.id, {
          municipalityId: org.municipalities[0]!.id,
          channel: 'gesimuleerd',
          settings: { scenario: 'alledaags' },
        })
      ).id,
      summary: 'x',
    });
    expect(wrongChannel.json().code).toBe('geen-telefoonlijn');
  });
});
