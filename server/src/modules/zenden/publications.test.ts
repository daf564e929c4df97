import { defineSystemSchedules } from '@platform/jobs/platform.jobs';
import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { type MastodonServer, startMastodonServer } from '@test/platforms/mastodon-server';
import { startXServer, type XServer } from '@test/platforms/x-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zendenModule } from './index';
import { readPlannedMoment } from './planned-moment.rules';

// Zenden through the real app, worker and planner on a ManualClock, against the local Mastodon and X servers.
let t: TestApp;
let mastodon: MastodonServer;
let x: XServer;

beforeAll(async () => {
  t = await createTestApp();
  await defineSystemSchedules(t.database.db, t.clock, zendenModule.schedules ?? []);
  [mastodon, x] = await Promise.all([startMastodonServer({ now: () => t.clock.now() }), startXServer(() => t.clock.now())]);
});

afterAll(async () => {
  await Promise.all([mastodon?.close(), x?.close()]);
  await t?.close();
});

let n = 0;
// A municipality with a Mastodon and an X account, and a communicatieadviseur who plans.
async function municipality() {
  n += 1;
  const org = await buildOrganisation(t.database.db);
  const municipalityId = org.municipalities[0]!.id;
  const adviseur = await buildUser(t.database.db, t.clock, org.id, { roles: ['communicatieadviseur'], municipalityIds: org.municipalities.map((m) => m.id) });
  const session = await signIn(t.app, adviseur.email, adviseur.password);
  const api = requestAs(t.app, session);
  const onMastodon = mastodon.addAccount(`bergen${n}`);
  const mastodonAccount = await buildChannelAccount(t.database.db, t.clock, org.id, {
    municipalityId,
    channel: 'mastodon',
    handle: onMastodon.username,
    serviceUrl: mastodon.url,
    secrets: { accessToken: onMastodon.token },
  });
  const onX = x.addUser(`gemeente${n}`, { name: `Gemeente ${n}` });
  const xAccount = await buildChannelAccount(t.database.db, t.clock, org.id, {
    municipalityId,
    channel: 'x',
    handle: onX.username,
    serviceUrl: x.url,
    settings: { userId: onX.id, clientId: 'plein-client' },
    secrets: x.authorize(onX.id),
  });
  await t.worker.drain();
  const published = () => ({ mastodon: mastodon.statusesBy(onMastodon).length, x: x.tweetsBy(onX.id).length });
  return { org, municipalityId, session, api, mastodonAccount, xAccount, published };
}

// The planner's next minute: due publications go to the channels, and the channels send them.
async function nextMinute() {
  t.clock.advance(60_000);
  await t.worker.drain();
}

const countPublications = async (orgId: string) =>
  Number(
    (
      await t.database.db
        .selectFrom('publications')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('organisation_id', '=', orgId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('Zenden: een bericht plannen en precies één keer publiceren', () => {
  it('publiceert op de geplande minuut (wandklok in Amsterdam) op elk kanaal één keer, met een link per kanaal', async () => {
    const bergen = await municipality();
    // 2026-11-23 09:00 in Amsterdam; planned for 09:03 on the wall clock.
    const planned = await bergen.api('POST', '/api/v1/publications', {
      municipalityId: bergen.municipalityId,
      title: 'Gladheidsbestrijding',
      plannedAt: '2026-11-23T09:03',
      variants: [
        { accountId: bergen.mastodonAccount.id, text: 'Vannacht strooien we alle hoofdroutes. Blijf voorzichtig op de fiets.' },
        { accountId: bergen.xAccount.id, text: 'Vannacht strooien we de hoofdroutes. #gladheid' },
      ],
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const publication = planned.json();
    expect(publication).toMatchObject({ status: 'gepland', plannedAt: '2026-11-23T08:03:00.000Z', version: 1 });
    expect(publication.channels.map((channel: { channel: string; result: string }) => [channel.channel, channel.result])).toEqual([
      ['mastodon', 'gepland'],
      ['x', 'gepland'],
    ]);

    await nextMinute();
    await nextMinute();
    expect(bergen.published()).toEqual({ mastodon: 0, x: 0 });
    expect((await bergen.api('GET', `/api/v1/publications/${publication.id}`)).json()).toMatchObject({ status: 'gepland' });

    await nextMinute();
    expect(bergen.published()).toEqual({ mastodon: 1, x: 1 });
    const done = (await bergen.api('GET', `/api/v1/publications/${publication.id}`)).json();
    expect(done).toMatchObject({ status: 'afgerond', handedOverAt: '2026-11-23T08:03:00.000Z' });
    for (const channel of done.channels)
      expect(channel).toMatchObject({ result: 'gepubliceerd', publicUrl: expect.stringMatching(/^https?:\/\//), error: null });

    // Later minutes, and the publisher run again by hand, publish nothing more.
    await nextMinute();
    await t.database.db
      .insertInto('jobs')
      .values({ organisation_id: '00000000-0000-0000-0000-000000000000', name: 'zenden.publiceren', payload: '{}', run_at: t.clock.now(), max_attempts: 1 })
      .execute();
    await t.worker.drain();
    expect(bergen.published()).toEqual({ mastodon: 1, x: 1 });
  });

  it('plant een herhaald verzoek met dezelfde Idempotency-Key één keer en geeft het eerste antwoord terug', async () => {
    const bergen = await municipality();
    const body = {
      municipalityId: bergen.municipalityId,
      title: 'Dubbelklik',
      plannedAt: '2026-11-24T10:00',
      variants: [{ accountId: bergen.mastodonAccount.id, text: 'Eén keer gepland.' }],
    };
    const plan = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/publications',
        headers: { cookie: bergen.session.cookie, 'x-csrf-token': bergen.session.csrfToken, 'idempotency-key': 'zenden-dubbelklik-0001' },
        payload,
      });
    const first = await plan(body);
    const again = await plan(body);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json().id).toBe(first.json().id);
    expect(await countPublications(bergen.org.id)).toBe(1);
    // The same key for other content is refused, and plans nothing.
    const other = await plan({ ...body, title: 'Iets anders' });
    expect(other.statusCode).toBe(422);
    expect(await countPublications(bergen.org.id)).toBe(1);
  });

  it('weigert wat niet kan met een Nederlandse fout per veld, en plant dan niets', async () => {
    const bergen = await municipality();
    const other = await municipality();
    // A handle kept without its token (the credentials were never entered, or removed).
    const noCredentials = await buildChannelAccount(t.database.db, t.clock, bergen.org.id, {
      municipalityId: bergen.municipalityId,
      channel: 'mastodon',
      handle: 'zonder-token',
      serviceUrl: mastodon.url,
      secrets: { accessToken: 'tijdelijk' },
    });
    await t.database.db.updateTable('channel_accounts').set({ secrets_sealed: null }).where('id', '=', noCredentials.id).execute();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ plannedAt: '2026-11-22T09:00' }, 'plannedAt', 'voorbij'],
      [{ plannedAt: 'morgen om negen' }, 'plannedAt', 'ongeldig'],
      [{ variants: [{ accountId: bergen.xAccount.id, text: 'a'.repeat(281) }] }, 'variants.0.text', 'te-lang'],
      [{ variants: [{ accountId: other.xAccount.id, text: 'Van een andere organisatie' }] }, 'variants.0.accountId', 'onbekend'],
      [
        {
          variants: [
            { accountId: bergen.xAccount.id, text: 'Een' },
            { accountId: bergen.xAccount.id, text: 'Twee' },
          ],
        },
        'variants.1.accountId',
        'dubbel',
      ],
      [{ variants: [{ accountId: noCredentials.id, text: 'Zonder token' }] }, 'variants.0.accountId', 'geen-inloggegevens'],
      [{ variants: [] }, 'variants', 'ongeldig'],
      [{ municipalityId: other.municipalityId }, 'municipalityId', 'onbekend'],
    ];
    for (const [change, field, code] of cases) {
      const refused = await bergen.api('POST', '/api/v1/publications', {
        municipalityId: bergen.municipalityId,
        title: 'Fout',
        plannedAt: '2026-11-24T10:00',
        variants: [{ accountId: bergen.mastodonAccount.id, text: 'Goed' }],
        ...change,
      });
      expect(refused.statusCode, `${field}: ${refused.body}`).toBe(400);
      const problem = refused.json();
      expect(problem.invalidParams, JSON.stringify(change)).toEqual(expect.arrayContaining([expect.objectContaining({ name: field, code })]));
      for (const param of problem.invalidParams) expect(param.reason).toMatch(/[a-z]/);
    }
    expect(await countPublications(bergen.org.id)).toBe(0);
  });

  it('verplaatst en annuleert alleen een gepland bericht, en weigert een verouderde versie met 409', async () => {
    const bergen = await municipality();
    const planned = (
      await bergen.api('POST', '/api/v1/publications', {
        municipalityId: bergen.municipalityId,
        title: 'Raadsvergadering',
        plannedAt: '2026-11-23T12:00:00+01:00',
        variants: [{ accountId: bergen.mastodonAccount.id, text: 'Vanavond vergadert de raad.' }],
      })
    ).json();
    const moved = await bergen.api('POST', `/api/v1/publications/${planned.id}/reschedule`, { plannedAt: '2026-11-23T09:05', version: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ plannedAt: '2026-11-23T08:05:00.000Z', version: 2 });
    // Someone who still had version 1 open.
    const stale = await bergen.api('POST', `/api/v1/publications/${planned.id}/reschedule`, { plannedAt: '2026-11-23T15:00', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('intussen-gewijzigd');

    for (let minute = 0; minute < 5; minute++) await nextMinute();
    expect(bergen.published().mastodon).toBe(1);
    const late = await bergen.api('POST', `/api/v1/publications/${planned.id}/cancel`);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('niet-meer-gepland');

    const second = (
      await bergen.api('POST', '/api/v1/publications', {
        municipalityId: bergen.municipalityId,
        title: 'Toch niet',
        plannedAt: '2026-11-23T09:30',
        variants: [{ accountId: bergen.mastodonAccount.id, text: 'Dit gaat niet uit.' }],
      })
    ).json();
    const cancelled = await bergen.api('POST', `/api/v1/publications/${second.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'geannuleerd', channels: [{ result: 'geannuleerd' }] });
    for (let minute = 0; minute < 30; minute++) await nextMinute();
    expect(bergen.published().mastodon).toBe(1);
  });

  it('laat een andere organisatie niets zien of veranderen', async () => {
    const bergen = await municipality();
    const castricum = await municipality();
    const planned = (
      await bergen.api('POST', '/api/v1/publications', {
        municipalityId: bergen.municipalityId,
        title: 'Intern',
        plannedAt: '2026-12-01T09:00',
        variants: [{ accountId: bergen.mastodonAccount.id, text: 'Alleen voor Bergen.' }],
      })
    ).json();
    for (const [method, path] of [
      ['GET', `/api/v1/publications/${planned.id}`],
      ['POST', `/api/v1/publications/${planned.id}/cancel`],
    ] as const) {
      expect((await castricum.api(method, path)).statusCode).toBe(404);
    }
    expect((await castricum.api('POST', `/api/v1/publications/${planned.id}/reschedule`, { plannedAt: '2026-12-02T09:00', version: 1 })).statusCode).toBe(404);
    const listed = (await castricum.api('GET', '/api/v1/publications?from=2026-11-01T00:00:00Z&to=2027-01-01T00:00:00Z')).json();
    expect(listed.map((publication: { id: string }) => publication.id)).not.toContain(planned.id);
    expect((await bergen.api('GET', `/api/v1/publications/${planned.id}`)).json()).toMatchObject({ status: 'gepland', version: 1 });
  });
});

describe('Zenden over de zomertijd heen', () => {
  it('leest 02:30 in de nacht dat de klok vooruit gaat als 03:30, en in de nacht dat hij terug gaat als de eerste 02:30', () => {
    expect(readPlannedMoment('2027-03-28T02:30', 'Europe/Amsterdam')?.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(readPlannedMoment('2027-10-31T02:30', 'Europe/Amsterdam')?.toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(readPlannedMoment('2027-07-01T09:30', 'Europe/Amsterdam')?.toISOString()).toBe('2027-07-01T07:30:00.000Z');
    expect(readPlannedMoment('2027-10-31T02:30+01:00', 'Europe/Amsterdam')?.toISOString()).toBe('2027-10-31T01:30:00.000Z');
    expect(readPlannedMoment('31-10-2027', 'Europe/Amsterdam')).toBeNull();
  });

  it('publiceert een bericht voor 02:30 in beide nachten precies één keer, op het goede moment', async () => {
    // Signed in after each jump of the clock: a session does not live for months.
    t.clock.set(new Date('2027-03-27T23:00:00Z'));
    let bergen = await municipality();
    const spring = (
      await bergen.api('POST', '/api/v1/publications', {
        municipalityId: bergen.municipalityId,
        title: 'Zomertijd',
        plannedAt: '2027-03-28T02:30',
        variants: [{ accountId: bergen.mastodonAccount.id, text: 'De klok is een uur vooruit gezet.' }],
      })
    ).json();
    expect(spring.plannedAt).toBe('2027-03-28T01:30:00.000Z');
    while (t.clock.now() < new Date('2027-03-28T01:29:00Z')) await nextMinute();
    expect(bergen.published().mastodon).toBe(0);
    await nextMinute();
    expect(bergen.published().mastodon).toBe(1);
    for (let minute = 0; minute < 90; minute++) await nextMinute();
    expect(bergen.published().mastodon).toBe(1);

    t.clock.set(new Date('2027-10-30T23:00:00Z'));
    bergen = await municipality();
    const autumn = (
      await bergen.api('POST', '/api/v1/publications', {
        municipalityId: bergen.municipalityId,
        title: 'Wintertijd',
        plannedAt: '2027-10-31T02:30',
        variants: [{ accountId: bergen.mastodonAccount.id, text: 'De klok is een uur teruggezet.' }],
      })
    ).json();
    expect(autumn.plannedAt).toBe('2027-10-31T00:30:00.000Z');
    // Through both 02:30s of that night: once, at the first.
    while (t.clock.now() < new Date('2027-10-31T00:29:00Z')) await nextMinute();
    expect(bergen.published().mastodon).toBe(0);
    await nextMinute();
    expect(bergen.published().mastodon).toBe(1);
    for (let minute = 0; minute < 90; minute++) await nextMinute();
    expect(bergen.published().mastodon).toBe(1);
  });
});
