import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage, storeMessages, storeOutboxItem } from '../../channels/index';
import { computePercentile, summariseDurations } from './statistics.rules';

describe('statistiek van doorlooptijden', () => {
  it('geeft gemiddelde, mediaan en p90 (nearest rank), en niets bij geen gegevens', () => {
    expect(summariseDurations([])).toEqual({ count: 0, averageMinutes: null, medianMinutes: null, p90Minutes: null });
    expect(summariseDurations([30, 180, 10, 20, 40, 50, 60, 70, 80, 90])).toEqual({ count: 10, averageMinutes: 63, medianMinutes: 50, p90Minutes: 90 });
    expect(computePercentile([5], 90)).toBe(5);
  });
});

describe('webcare-cijfers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('meet eerste reactie en afhandeling per account, binnen de norm, en het interactiepercentage', async () => {
    const org = await buildOrganisation(t.database.db);
    const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
    const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'] });
    const admin = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
    const view = await buildChannelAccount(t.database.db, t.clock, org.id, {
      municipalityId: castricum.id,
      channel: 'gesimuleerd',
      settings: { scenario: 'alledaags' },
    });
    const account = await t.database.db.selectFrom('channel_accounts').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    // Rotterdam's norm: an answer within 2 hours, evenings and weekends too; handled within a day.
    const norms = await admin('PUT', `/api/v1/channel-accounts/${account.id}/office-hours`, {
      alwaysOpen: true,
      week: {},
      firstResponse: { minutes: 120, counting: 'altijd' },
      resolution: { minutes: 24 * 60, counting: 'altijd' },
      acknowledgement: { enabled: false, text: 'We antwoorden {antwoordmoment}.' },
    });
    expect(norms.statusCode, norms.body).toBe(200);

    const ask = async (author: string) => {
      const [id] = await storeMessages(t.database.db, t.clock, account, [
        buildPlainMessage({
          platformId: `f-${crypto.randomUUID()}`,
          author: { id: author, handle: `@${author}`, displayName: author, followers: null },
          text: 'Vraag',
          visibility: 'openbaar',
          postedAt: t.clock.now(),
          raw: {},
        }),
      ]);
      await t.worker.drain();
      return (await t.database.db.selectFrom('messages').select('conversation_id').where('id', '=', id!).executeTakeFirstOrThrow()).conversation_id!;
    };
    const answer = async (conversationId: string) => {
      await admin('POST', `/api/v1/conversations/${conversationId}/reply`, { text: 'Dank voor uw vraag, het antwoord volgt.', confirmedWarnings: true });
      await t.worker.drain();
      await t.worker.drain();
    };
    const minutes = (n: number) => t.clock.advance(n * 60_000);

    const quick = await ask('snel');
    const slow = await ask('traag');
    await ask('nooit');
    minutes(30);
    await answer(quick);
    await admin('PATCH', `/api/v1/conversations/${quick}`, { state: 'gesloten' });
    minutes(150);
    await answer(slow);
    await admin('POST', '/api/v1/outbox', { accountId: account.id, kind: 'post', text: 'Het gemeentehuis is morgen gesloten.' });
    await t.worker.drain();
    // An automatic acknowledgement is not one of the account's answers: it counts nowhere.
    const question = await t.database.db
      .selectFrom('messages')
      .select('id')
      .where('conversation_id', '=', slow)
      .where('direction', '=', 'in')
      .executeTakeFirstOrThrow();
    await t.database.db.transaction().execute((trx) =>
      storeOutboxItem(trx, t.clock, org.id, {
        accountId: account.id,
        kind: 'reply',
        text: 'We zijn gesloten.',
        replyToMessageId: question.id,
        idempotencyKey: `ontvangstbevestiging:${slow}:2026-11-23`,
        createdBy: null,
      }),
    );
    await t.worker.drain();

    const report = (await admin('GET', `/api/v1/insights/conversations?municipality=GM0383&accountId=${account.id}&from=2026-11-01&to=2026-11-30`)).json();
    const figures = report.accounts[0];
    expect(figures).toMatchObject({
      accountId: account.id,
      channel: 'gesimuleerd',
      municipality: 'GM0383',
      conversations: 3,
      messagesSent: 3,
      repliesSent: 2,
      interactionPct: 66.7,
    });
    expect(figures.firstResponse).toEqual({ count: 2, averageMinutes: 105, medianMinutes: 30, p90Minutes: 180, withinNormPct: 33.3 });
    expect(figures.resolution).toMatchObject({ count: 1, averageMinutes: 30, withinNormPct: 100 });
    // A training account is listed, but not counted in the organisation's total.
    expect(report.total).toMatchObject({ conversations: 0, messagesSent: 0, interactionPct: null });

    expect((await admin('GET', '/api/v1/insights/conversations?municipality=GM9999')).statusCode).toBe(400);
    expect((await admin('GET', '/api/v1/insights/conversations?from=2026-12-01&to=2026-11-01')).statusCode).toBe(400);
  });
});
