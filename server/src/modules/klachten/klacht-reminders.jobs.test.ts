import { enqueueJob } from '@platform/jobs/jobs.service';
import { SYSTEM_ORGANISATION_ID } from '@platform/jobs/platform.jobs';
import { createTestApp, type TestApp } from '@test/harness';
import { NOW, setUpKlachten } from '@test/kits/klachten-kit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findDueReminder, REMINDER_JOB, sendDueReminders } from './klacht-reminders.jobs';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(NOW);
});
afterAll(async () => t.close());

const at = (local: string) => new Date(`${local}+01:00`);

it('kiest de dringendste herinnering die nu geldt', () => {
  const deadline = at('2027-01-04T23:59:59.999');
  expect(findDueReminder(deadline, at('2026-12-27T23:00:00'))).toBeNull();
  expect(findDueReminder(deadline, at('2026-12-28T09:00:00'))).toBe('7-dagen');
  expect(findDueReminder(deadline, at('2027-01-03T09:00:00'))).toBe('2-dagen');
  expect(findDueReminder(deadline, at('2027-01-05T00:00:00'))).toBe('te-laat');
});

it('herinnert de behandelaar 7 en 2 dagen vóór de beslistermijn en bij overschrijding, elke herinnering één keer', async () => {
  const { org, api, person, register, mails } = await setUpKlachten(t);
  const handler = await person(['kcc'], 'Henk Behandelaar');
  const beheerder = await person(['beheerder'], 'Bea Beheer');
  // Received Monday 23 November 2026: decide by Monday 4 January 2027.
  const assigned = await register();
  await api('PUT', `/api/v1/klachten/${assigned.id}/handler`, { handlerUserId: handler.id });
  const unassigned = await register({ theme: 'termijnen' });
  const decided = await register({ theme: 'beleid' });
  await api('POST', `/api/v1/klachten/${decided.id}/status`, { status: 'ingetrokken' });
  const reminders = async () => (await mails()).filter((mail) => !mail.to.startsWith('sanne'));

  t.clock.set(at('2026-12-27T12:00:00'));
  await sendDueReminders(t.database.db, t.clock, t.config.publicUrl);
  expect(await reminders()).toEqual([]);

  // Through the scheduled job, twice, as a rerun or a second worker would: one mail per klacht.
  t.clock.set(at('2026-12-28T09:05:00'));
  await enqueueJob(t.database.db, { organisationId: SYSTEM_ORGANISATION_ID, name: REMINDER_JOB, runAt: t.clock.now() });
  await enqueueJob(t.database.db, { organisationId: SYSTEM_ORGANISATION_ID, name: REMINDER_JOB, runAt: t.clock.now() });
  await t.worker.drain();
  const week = await reminders();
  expect(week.map((mail) => [mail.to, mail.subject]).sort()).toEqual(
    [
      [handler.email, `Klacht ${assigned.number}: nog een week tot de beslistermijn`],
      [beheerder.email, `Klacht ${unassigned.number}: nog een week tot de beslistermijn`],
    ].sort(),
  );
  expect(week.find((mail) => mail.to === handler.email)!.text).toContain(`http://plein.test/klachten/${assigned.id}`);
  expect(week.find((mail) => mail.to === handler.email)!.text).toContain('4 januari 2027');
  expect(await sendDueReminders(t.database.db, t.clock, t.config.publicUrl)).toBe(0);

  t.clock.set(at('2027-01-03T09:05:00'));
  await sendDueReminders(t.database.db, t.clock, t.config.publicUrl);
  await sendDueReminders(t.database.db, t.clock, t.config.publicUrl);
  t.clock.set(at('2027-01-05T09:05:00'));
  await sendDueReminders(t.database.db, t.clock, t.config.publicUrl);
  await sendDueReminders(t.database.db, t.clock, t.config.publicUrl);
  const toHandler = (await reminders()).filter((mail) => mail.to === handler.email).map((mail) => mail.subject);
  expect(toHandler).toEqual([
    `Klacht ${assigned.number}: nog een week tot de beslistermijn`,
    `Klacht ${assigned.number}: nog twee dagen tot de beslistermijn`,
    `Klacht ${assigned.number}: de beslistermijn is verstreken`,
  ]);
  expect(await reminders()).toHaveLength(6);

  const timeline = (await api('GET', `/api/v1/klachten/${assigned.id}`)).json().events.filter((e: { kind: string }) => e.kind === 'herinnering');
  expect(timeline).toHaveLength(3);
  expect(timeline[0].text).toContain('Henk Behandelaar');
  const recorded = await t.database.db.selectFrom('klacht_reminders').select(['kind']).where('organisation_id', '=', org.id).execute();
  expect(recorded).toHaveLength(6);
});

it('na een verdaging komen er herinneringen vóór de nieuwe termijn', async () => {
  t.clock.set(NOW);
  const { api, person, register, mails } = await setUpKlachten(t);
  await person(['beheerder'], 'Bea Beheer');
  const klacht = await register();
  t.clock.set(at('2026-12-28T09:05:00'));
  await sendDueReminders(t.database.db, t.clock, t.config.publicUrl);
  await api('POST', `/api/v1/klachten/${klacht.id}/extension`, { weeks: 2, reason: 'Wachten op informatie van een ketenpartner.' });
  // New deadline Monday 18 January 2027; a week before it a new reminder goes out.
  t.clock.set(at('2027-01-11T09:05:00'));
  await sendDueReminders(t.database.db, t.clock, t.config.publicUrl);
  const subjects = (await mails()).filter((mail) => mail.subject.startsWith('Klacht ')).map((mail) => mail.subject);
  expect(subjects).toEqual([`Klacht ${klacht.number}: nog een week tot de beslistermijn`, `Klacht ${klacht.number}: nog een week tot de beslistermijn`]);
  expect((await mails()).at(-1)!.text).toContain('18 januari 2027');
});
