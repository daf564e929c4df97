import { ManualClock } from '@platform/clock.service';
import { loadConfig } from '@platform/config.service';
import { ROLES } from '@platform/tenancy/roles.rules';
import { openScratchDatabase, requestAs, signIn } from '@test/harness';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../runtime';
import { defineSchedules } from '../index';
import { seedDemoIfEmpty } from './demo.service';

let t: Runtime & { clock: ManualClock };
beforeAll(async () => {
  const clock = new ManualClock(new Date('2026-11-23T09:00:00+01:00'));
  const runtime = await createRuntime(loadConfig({ PLEIN_LOG_LEVEL: 'silent' }), { clock, database: await openScratchDatabase() });
  t = { ...runtime, clock };
});
afterAll(async () => t.close());

it('maakt op een lege database de demo-organisatie met vier gemeenten en één gebruiker per rol', async () => {
  const credentials = await seedDemoIfEmpty(t.database.db, t.clock);
  expect(credentials?.map((c) => c.role)).toEqual([...ROLES]);
  expect(await seedDemoIfEmpty(t.database.db, t.clock)).toBeNull();
  const admin = credentials!.find((c) => c.role === 'beheerder')!;
  const api = requestAs(t.app, await signIn(t.app, admin.email, admin.password));
  const organisation = (await api('GET', '/api/v1/organisation')).json();
  expect(organisation.name).toBe('Werkorganisatie Kustgemeenten');
  expect(organisation.municipalities).toHaveLength(4);
  expect((await api('GET', '/api/v1/users')).json()).toHaveLength(ROLES.length);
  const bestuurder = credentials!.find((c) => c.role === 'bestuurder')!;
  const me = await requestAs(t.app, await signIn(t.app, bestuurder.email, bestuurder.password))('GET', '/api/v1/me');
  expect(me.json().permissions).not.toContain('users.manage');
  expect(me.json().municipalities).toHaveLength(4);
});

it('geeft elke demogemeente gesimuleerd verkeer, een contactformulier en een telefoonlijn; het verkeer komt binnen', async () => {
  const credentials = (await seedDemoIfEmpty(t.database.db, t.clock)) ?? null;
  expect(credentials).toBeNull();
  const accounts = await t.database.db.selectFrom('channel_accounts').select(['channel', 'settings', 'municipality_id']).execute();
  expect(accounts.filter((a) => a.channel === 'gesimuleerd')).toHaveLength(4);
  expect(accounts.filter((a) => a.channel === 'webformulier')).toHaveLength(4);
  expect(accounts.filter((a) => a.channel === 'telefoon')).toHaveLength(4);
  expect(accounts.find((a) => a.channel === 'gesimuleerd')!.settings).toMatchObject({ scenario: 'alledaags', perHour: 6 });
  // A few an hour: after a simulated day, every municipality has had messages, all marked as simulated.
  await t.worker.drain();
  for (let hour = 0; hour < 24; hour++) {
    t.clock.advance(3_600_000);
    await defineSchedules(t.database.db, t.clock);
    await t.worker.drain();
  }
  const messages = await t.database.db.selectFrom('messages').select(['municipality_id', 'simulated']).execute();
  expect(messages.length).toBeGreaterThan(40);
  expect(messages.every((m) => m.simulated)).toBe(true);
  expect(new Set(messages.map((m) => m.municipality_id)).size).toBe(4);
  // Luisteren has analysed them, and the demo's monitors found their topics.
  const items = await t.database.db.selectFrom('listening_items').select(['tenor']).execute();
  expect(items).toHaveLength(messages.length);
  const monitors = await t.database.db.selectFrom('monitors').select(['id', 'name']).execute();
  expect(monitors.map((monitor) => monitor.name)).toContain('Afval en grofvuil');
  expect(await t.database.db.selectFrom('monitor_matches').select('message_id').execute()).not.toHaveLength(0);
});

it('geeft de demogemeenten grenzen en een paar meldingen in verschillende stadia', async () => {
  const municipalities = await t.database.db.selectFrom('municipalities').select(['cbs_code', 'boundary']).execute();
  expect(municipalities.filter((m) => m.cbs_code.startsWith('GM99')).every((m) => m.boundary !== null)).toBe(true);
  const meldingen = await t.database.db.selectFrom('meldingen').select(['status', 'municipality_id']).execute();
  expect(meldingen.length).toBeGreaterThanOrEqual(8);
  expect(new Set(meldingen.map((m) => m.status))).toEqual(new Set(['gemeld', 'in-behandeling', 'afgehandeld', 'ingepland']));
  expect(new Set(meldingen.map((m) => m.municipality_id)).size).toBe(4);
  const events = await t.database.db.selectFrom('melding_events').select('actor_name').where('kind', '=', 'status').execute();
  expect(events.every((e) => e.actor_name === 'Karim Klantcontact')).toBe(true);
});

it('heeft een paar klachten in verschillende stadia, behandeld door iemand anders dan de beklaagde', async () => {
  const klachten = await t.database.db
    .selectFrom('klachten')
    .select(['status', 'handler_user_id', 'complained_user_id', 'extension_weeks', 'outcome'])
    .execute();
  expect(new Set(klachten.map((k) => k.status))).toEqual(new Set(['ontvangen', 'hoorzitting-gepland', 'in-behandeling', 'afgehandeld', 'informeel-opgelost']));
  expect(klachten.some((k) => k.extension_weeks === 4)).toBe(true);
  expect(klachten.some((k) => k.outcome === 'gegrond')).toBe(true);
  expect(klachten.every((k) => k.handler_user_id === null || k.handler_user_id !== k.complained_user_id)).toBe(true);
});

it('heeft een lokaal netwerk dat al weken schrijft, voor een deel ingedeeld door de analist', async () => {
  const groups = await t.database.db
    .selectFrom('author_network_groups')
    .select(['author_handle', 'network_group', 'source', 'set_by'])
    .where('source', '=', 'analist')
    .orderBy('author_handle')
    .execute();
  expect(groups.map((row) => [row.author_handle, row.network_group])).toEqual([
    ['dorpsbelang_duinhoven', 'verenigingsleven'],
    ['kustkoerier', 'media'],
    ['strandpaviljoen_zon', 'bedrijfsleven'],
  ]);
  expect(groups.every((row) => row.set_by !== null)).toBe(true);
});
