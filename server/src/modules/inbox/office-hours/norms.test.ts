import type { ChannelAccountRow } from '@platform/db/database.schema';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { SYSTEM_ORGANISATION_ID } from '@platform/jobs/platform.jobs';
import { buildChannelAccount, buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlainMessage, storeMessages } from '../../channels/index';
import { formatAnswerMoment } from './norms.service';
import { OVERDUE_JOB } from './overdue-alerts.jobs';

// SLA clocks with an injected clock: the tests walk forward through November and December 2026
// (one clock per file, so each test starts later than the one before).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const at = (local: string) => new Date(local);
const weekdays = Object.fromEntries(['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'].map((day) => [day, [{ from: '09:00', to: '17:00' }]]));
const kantoor = {
  week: weekdays,
  exceptions: [{ date: '2026-12-24', hours: [{ from: '09:00', to: '12:00' }] }],
  firstResponse: { minutes: 120, counting: 'openingstijden' },
  resolution: { minutes: 480, counting: 'openingstijden' },
  acknowledgement: { enabled: true, text: 'Bedankt voor uw bericht. We zijn nu gesloten; u krijgt uiterlijk {antwoordmoment} antwoord.' },
};

async function setup(settings: Record<string, unknown> = kantoor, channel: 'gesimuleerd' | 'telefoon' = 'gesimuleerd') {
  const org = await buildOrganisation(t.database.db);
  const castricum = org.municipalities.find((m) => m.cbs_code === 'GM0383')!;
  const bergen = org.municipalities.find((m) => m.cbs_code !== 'GM0383')!;
  const view = await buildChannelAccount(t.database.db, t.clock, org.id, {
    municipalityId: castricum.id,
    channel,
    ...(channel === 'gesimuleerd' && { settings: { scenario: 'alledaags' } }),
  });
  const account = await t.database.db
    .selectFrom('channel_accounts')
    .selectAll()
    .where('organisation_id', '=', org.id)
    .where('id', '=', view.id)
    .executeTakeFirstOrThrow();
  const beheerder = await buildUser(t.database.db, t.clock, org.id, { roles: ['beheerder'], name: 'Bea Beheer' });
  // A token, not a session: the clock jumps days ahead and sessions would expire.
  const session = requestAs(t.app, await signIn(t.app, beheerder.email, beheerder.password));
  const admin = requestAs(t.app, { bearer: (await session('POST', '/api/v1/me/api-tokens', { name: 'normen' })).json().token });
  const saved = await admin('PUT', `/api/v1/channel-accounts/${account.id}/office-hours`, settings);
  expect(saved.statusCode, saved.body).toBe(200);
  return { org, castricum, bergen, account, admin, beheerder };
}

let sequence = 0;
async function receive(account: ChannelAccountRow, when: string, author: string, raw: Record<string, unknown> = {}) {
  sequence += 1;
  t.clock.set(at(when));
  const [id] = await storeMessages(t.database.db, t.clock, account, [
    buildPlainMessage({
      platformId: `norm-${sequence}-${crypto.randomUUID()}`,
      author: { id: author, handle: `@${author}`, displayName: author, followers: 1 },
      text: `Vraag ${sequence}`,
      visibility: 'prive',
      postedAt: t.clock.now(),
      raw,
    }),
  ]);
  await t.worker.drain();
  const message = await t.database.db.selectFrom('messages').select('conversation_id').where('id', '=', id!).executeTakeFirstOrThrow();
  return message.conversation_id!;
}

const conversation = async (admin: Awaited<ReturnType<typeof setup>>['admin'], id: string) => (await admin('GET', `/api/v1/conversations/${id}`)).json();
const outbox = async (orgId: string) =>
  t.database.db.selectFrom('outbox').select(['text', 'status', 'idempotency_key']).where('organisation_id', '=', orgId).orderBy('created_at').execute();

describe('normen op gesprekken', () => {
  it('zet de termijnen in openingstijden over het weekend, en bevestigt buiten openingstijden één keer per dag', async () => {
    const { org, account, admin } = await setup();
    // Friday 27 November 16:30, open: half an hour today, the rest on Monday.
    const open = await receive(account, '2026-11-27T16:30:00+01:00', 'sanne');
    expect(await conversation(admin, open)).toMatchObject({
      firstResponseDueAt: at('2026-11-30T10:30:00+01:00').toISOString(),
      resolutionDueAt: at('2026-11-30T16:30:00+01:00').toISOString(),
      overdue: false,
    });
    expect(await outbox(org.id)).toEqual([]);

    // Friday evening, closed: an acknowledgement that names Monday 11:00, once that day, again on Saturday.
    const closed = await receive(account, '2026-11-27T18:00:00+01:00', 'piet');
    await receive(account, '2026-11-27T20:00:00+01:00', 'piet');
    await receive(account, '2026-11-28T10:00:00+01:00', 'piet');
    const sent = await outbox(org.id);
    expect(sent.map((item) => item.text)).toEqual([
      'Bedankt voor uw bericht. We zijn nu gesloten; u krijgt uiterlijk maandag 30 november om 11:00 antwoord.',
      'Bedankt voor uw bericht. We zijn nu gesloten; u krijgt uiterlijk maandag 30 november om 11:00 antwoord.',
    ]);
    expect(sent.every((item) => item.status === 'verzonden')).toBe(true);
    const detail = await conversation(admin, closed);
    expect(detail.events.filter((e: { kind: string }) => e.kind === 'ontvangstbevestiging')).toHaveLength(2);
    // Sent acknowledgements are in the conversation but are no answer: the resident still waits.
    expect(detail).toMatchObject({ state: 'open', waitingSince: at('2026-11-27T18:00:00+01:00').toISOString(), firstResponseAt: null, messageCount: 5 });
    expect(detail.messages.filter((m: { direction: string }) => m.direction === 'uit')).toHaveLength(2);
  });

  it('meldt te late gesprekken één keer aan behandelaar, team of beheer, en toont ze in de weergave te-laat', async () => {
    const { org, castricum, bergen, account, admin, beheerder } = await setup();
    const person = async (roles: ('webcare' | 'kcc')[], name: string, municipalityIds: string[]) =>
      buildUser(t.database.db, t.clock, org.id, { roles, name, municipalityIds });
    const sanne = await person(['webcare'], 'Sanne Webcare', [castricum.id]);
    const karel = await person(['kcc'], 'Karel Kcc', [castricum.id]);
    await person(['webcare'], 'Wendy Bergen', [bergen.id]);
    const team = (await admin('POST', '/api/v1/teams', { name: `KCC ${crypto.randomUUID().slice(0, 6)}`, memberIds: [karel.id] })).json();

    // Monday 30 November 09:00: all three due at 11:00.
    const assigned = await receive(account, '2026-11-30T09:00:00+01:00', 'a');
    const teamed = await receive(account, '2026-11-30T09:00:00+01:00', 'b');
    const nobody = await receive(account, '2026-11-30T09:00:00+01:00', 'c');
    await admin('PATCH', `/api/v1/conversations/${assigned}`, { assignedUserId: sanne.id });
    await admin('PATCH', `/api/v1/conversations/${teamed}`, { assignedTeamId: team.id });
    expect((await admin('GET', '/api/v1/conversations?view=te-laat')).json().items).toEqual([]);

    t.clock.set(at('2026-11-30T11:00:30+01:00'));
    const late = (await admin('GET', '/api/v1/conversations?view=te-laat&messages=0')).json().items;
    expect(late.map((c: { id: string }) => c.id).sort()).toEqual([assigned, teamed, nobody].sort());
    expect(late.every((c: { overdue: boolean }) => c.overdue)).toBe(true);

    // Through the scheduled job, twice, as a rerun or a second worker would.
    await enqueueJob(t.database.db, { organisationId: SYSTEM_ORGANISATION_ID, name: OVERDUE_JOB, runAt: t.clock.now() });
    await enqueueJob(t.database.db, { organisationId: SYSTEM_ORGANISATION_ID, name: OVERDUE_JOB, runAt: t.clock.now() });
    await t.worker.drain();
    const mails = await t.database.db.selectFrom('jobs').select('payload').where('organisation_id', '=', org.id).where('name', '=', 'mail.versturen').execute();
    const to = mails.map((mail) => (mail.payload as { to: string }).to);
    expect(to.sort()).toEqual([sanne.email, karel.email, beheerder.email, sanne.email].sort());
    expect((mails[0]!.payload as { text: string }).text).toMatch(/over de norm voor de eerste reactie heen \(uiterlijk maandag 30 november om 11:00\)/);
    for (const id of [assigned, teamed, nobody]) {
      expect((await conversation(admin, id)).events.filter((e: { kind: string }) => e.kind === 'te-laat')).toHaveLength(1);
    }

    // Answered, the conversation is no longer late; a new question starts a new clock with its own alert.
    await admin('POST', `/api/v1/conversations/${assigned}/reply`, { text: 'We kijken ernaar.' });
    await t.worker.drain();
    expect(await conversation(admin, assigned)).toMatchObject({ overdue: false, state: 'wachtend' });
    await receive(account, '2026-11-30T16:00:00+01:00', 'a');
    expect(await conversation(admin, assigned)).toMatchObject({
      firstResponseDueAt: at('2026-12-01T10:00:00+01:00').toISOString(),
      resolutionDueAt: at('2026-11-30T17:00:00+01:00').toISOString(),
    });
  });

  it('een norm "de klok rond" loopt ook in het weekend en bevestigt niets als het account altijd open is', async () => {
    const { org, account, admin } = await setup({
      alwaysOpen: true,
      holidaysClosed: false,
      week: {},
      firstResponse: { minutes: 120, counting: 'altijd' },
      resolution: null,
      acknowledgement: kantoor.acknowledgement,
    });
    const id = await receive(account, '2026-12-05T23:00:00+01:00', 'rotterdammer');
    expect(await conversation(admin, id)).toMatchObject({ firstResponseDueAt: at('2026-12-06T01:00:00+01:00').toISOString(), resolutionDueAt: null });
    expect(await outbox(org.id)).toEqual([]);
  });

  it('telt met Kerst de korte kerstavond en slaat de kerstdagen en het weekend over', async () => {
    const { org, account, admin } = await setup();
    const id = await receive(account, '2026-12-24T13:00:00+01:00', 'kerst');
    expect(await conversation(admin, id)).toMatchObject({ firstResponseDueAt: at('2026-12-28T11:00:00+01:00').toISOString() });
    expect((await outbox(org.id)).map((item) => item.text)).toEqual([
      'Bedankt voor uw bericht. We zijn nu gesloten; u krijgt uiterlijk maandag 28 december om 11:00 antwoord.',
    ]);
  });

  it('bevestigt niet op kanalen zonder antwoord en niet aan de bewoners van het demoscenario', async () => {
    const phone = await setup(kantoor, 'telefoon');
    await receive(phone.account, '2027-01-02T10:00:00+01:00', 'beller');
    expect(await outbox(phone.org.id)).toEqual([]);
    const demo = await setup();
    const id = await receive(demo.account, '2027-01-02T11:00:00+01:00', 'sim-jan', { simulated: true, scenario: 'alledaags' });
    expect(await outbox(demo.org.id)).toEqual([]);
    expect(await conversation(demo.admin, id)).toMatchObject({ firstResponseDueAt: at('2027-01-04T11:00:00+01:00').toISOString() });
  });

  it('opent een gesloten gesprek met een nieuwe afhandeltermijn', async () => {
    const { account, admin } = await setup();
    const id = await receive(account, '2027-01-04T09:00:00+01:00', 'terug');
    await admin('PATCH', `/api/v1/conversations/${id}`, { state: 'gesloten' });
    expect(await conversation(admin, id)).toMatchObject({ overdue: false, resolutionDueAt: at('2027-01-04T17:00:00+01:00').toISOString() });
    await receive(account, '2027-01-05T13:00:00+01:00', 'terug');
    expect(await conversation(admin, id)).toMatchObject({
      state: 'open',
      resolutionDueAt: at('2027-01-06T13:00:00+01:00').toISOString(),
      firstResponseDueAt: at('2027-01-05T15:00:00+01:00').toISOString(),
    });
  });

  it('zegt het antwoordmoment in gewone woorden', () => {
    const now = at('2026-11-23T07:00:00+01:00');
    expect(formatAnswerMoment(at('2026-11-23T11:00:00+01:00'), now, 'Europe/Amsterdam')).toBe('vandaag om 11:00');
    expect(formatAnswerMoment(at('2026-11-24T09:30:00+01:00'), now, 'Europe/Amsterdam')).toBe('morgen om 09:30');
    expect(formatAnswerMoment(at('2026-11-30T11:00:00+01:00'), now, 'Europe/Amsterdam')).toBe('maandag 30 november om 11:00');
  });
});
