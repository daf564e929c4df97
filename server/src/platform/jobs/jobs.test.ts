import { buildOrganisation, buildUser } from '@test/factories';
import { createTestApp, requestAs, signIn, type TestApp } from '@test/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeBackoffDelayMs, JobRegistry } from './job-registry.service';
import { claimDueJob, findJob, insertJob } from './jobs.repository';
import { computeNextCronRun, defineSchedule } from './scheduler.service';
import { Worker } from './worker.service';

let t: TestApp;
let calls: string[] = [];
let failuresLeft = 0;

beforeAll(async () => {
  t = await createTestApp();
  t.registry.register({
    name: 'test.wisselvallig',
    maxAttempts: 3,
    handler: async ({ payload }) => {
      calls.push(String(payload.label));
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error('tijdelijk niet bereikbaar');
      }
    },
  });
  t.registry.register({
    name: 'test.samen',
    maxAttempts: 3,
    coalesce: { maxJobs: 3, merge: (payloads) => ({ labels: payloads.flatMap((payload) => payload.labels as string[]) }) },
    handler: async ({ payload }) => {
      const labels = payload.labels as string[];
      runs.push(labels);
      if (labels.includes('slecht')) throw new Error('kan dit niet verwerken');
    },
  });
});

let runs: string[][] = [];
afterAll(async () => t.close());

describe('takenwachtrij', () => {
  it('voegt wachtende taken van dezelfde soort en organisatie samen tot één uitvoering', async () => {
    const org = await buildOrganisation(t.database.db);
    const other = await buildOrganisation(t.database.db);
    runs = [];
    const at = (seconds: number) => new Date(t.clock.now().getTime() - 60_000 + seconds * 1000);
    const ids = [];
    for (const [index, label] of ['a1', 'a2', 'a3', 'a4', 'a5'].entries())
      ids.push(await insertJob(t.database.db, { organisationId: org.id, name: 'test.samen', runAt: at(index), payload: { labels: [label] } }));
    const otherId = await insertJob(t.database.db, { organisationId: other.id, name: 'test.samen', runAt: at(2.5), payload: { labels: ['b1'] } });
    // Not yet due: never taken along.
    const later = await insertJob(t.database.db, {
      organisationId: org.id,
      name: 'test.samen',
      runAt: new Date(t.clock.now().getTime() + 60_000),
      payload: { labels: ['later'] },
    });
    await t.worker.drain();
    expect(runs).toEqual([['a1', 'a2', 'a3'], ['b1'], ['a4', 'a5']]);
    for (const id of [...ids, otherId])
      expect(await findJob(t.database.db, id === otherId ? other.id : org.id, id!)).toMatchObject({ status: 'done', attempts: 1 });
    expect(await findJob(t.database.db, org.id, later!)).toMatchObject({ status: 'queued', attempts: 0 });
    t.clock.advance(60_000);
    await t.worker.drain();
    expect(runs.at(-1)).toEqual(['later']);
  });

  it('laat samengevoegde taken na een fout elk apart opnieuw proberen, zodat één slechte de rest niet tegenhoudt', async () => {
    const org = await buildOrganisation(t.database.db);
    runs = [];
    const ids = [];
    for (const [index, label] of ['goed1', 'slecht', 'goed2'].entries())
      ids.push(
        await insertJob(t.database.db, {
          organisationId: org.id,
          name: 'test.samen',
          runAt: new Date(t.clock.now().getTime() - 10_000 + index),
          payload: { labels: [label] },
        }),
      );
    await t.worker.drain();
    expect(runs).toEqual([['goed1', 'slecht', 'goed2']]);
    for (const id of ids)
      expect(await findJob(t.database.db, org.id, id!)).toMatchObject({ status: 'queued', attempts: 1, last_error: 'kan dit niet verwerken' });
    t.clock.advance(60_000);
    await t.worker.drain();
    expect(runs.slice(1).sort()).toEqual([['goed1'], ['goed2'], ['slecht']]);
    expect(await findJob(t.database.db, org.id, ids[0]!)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await findJob(t.database.db, org.id, ids[2]!)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await findJob(t.database.db, org.id, ids[1]!)).toMatchObject({ status: 'queued', attempts: 2 });
  });

  it('probeert opnieuw met oplopende wachttijd en markeert als mislukt na het maximum', async () => {
    const org = await buildOrganisation(t.database.db);
    calls = [];
    failuresLeft = 10;
    const id = await insertJob(t.database.db, { organisationId: org.id, name: 'test.wisselvallig', runAt: t.clock.now(), payload: { label: 'x' } });
    await t.worker.drain();
    let job = await findJob(t.database.db, org.id, id!);
    expect(job).toMatchObject({ status: 'queued', attempts: 1, last_error: 'tijdelijk niet bereikbaar' });
    const firstDelay = job!.run_at.getTime() - t.clock.now().getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(4_000);
    // Not due yet: nothing runs.
    expect(await t.worker.drain()).toBe(0);
    t.clock.advance(firstDelay);
    await t.worker.drain();
    job = await findJob(t.database.db, org.id, id!);
    expect(job!.attempts).toBe(2);
    expect(job!.run_at.getTime() - t.clock.now().getTime()).toBeGreaterThan(firstDelay);
    t.clock.advance(3_600_000);
    await t.worker.drain();
    job = await findJob(t.database.db, org.id, id!);
    expect(job).toMatchObject({ status: 'failed', attempts: 3 });
    expect(calls).toEqual(['x', 'x', 'x']);
  });

  it('toont mislukte taken aan beheerders, die ze opnieuw kunnen laten proberen', async () => {
    const org = await buildOrganisation(t.database.db);
    const other = await buildOrganisation(t.database.db);
    failuresLeft = 3;
    const id = await insertJob(t.database.db, {
      organisationId: org.id,
      name: 'test.wisselvallig',
      runAt: t.clock.now(),
      payload: { label: 'y' },
      maxAttempts: 1,
    });
    await t.worker.drain();
    const admin = await buildUser(t.database.db, t.clock, org.id);
    const api = requestAs(t.app, await signIn(t.app, admin.email, admin.password));
    const list = await api('GET', '/api/v1/jobs?status=failed');
    expect(list.statusCode).toBe(200);
    expect(list.json().jobs).toMatchObject([{ id, status: 'failed', lastError: 'tijdelijk niet bereikbaar' }]);
    expect(list.json().counts.failed).toBe(1);

    const outsider = await buildUser(t.database.db, t.clock, other.id);
    const outsiderApi = requestAs(t.app, await signIn(t.app, outsider.email, outsider.password));
    expect((await outsiderApi('GET', '/api/v1/jobs')).json().jobs).toEqual([]);
    expect((await outsiderApi('POST', `/api/v1/jobs/${id}/retry`)).statusCode).toBe(404);

    const kcc = await buildUser(t.database.db, t.clock, org.id, { roles: ['kcc'] });
    const kccApi = requestAs(t.app, await signIn(t.app, kcc.email, kcc.password));
    expect((await kccApi('GET', '/api/v1/jobs')).statusCode).toBe(403);

    failuresLeft = 0;
    const retried = await api('POST', `/api/v1/jobs/${id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json().status).toBe('queued');
    await t.worker.drain();
    expect((await findJob(t.database.db, org.id, id!))!.status).toBe('done');
    const audit = await api('GET', '/api/v1/audit-log?action=taak.opnieuw');
    expect(audit.json()).toMatchObject({ entries: [{ action: 'taak.opnieuw', recordId: id }], nextCursor: null });
    // Retrying a job that did not fail is refused.
    expect((await api('POST', `/api/v1/jobs/${id}/retry`)).statusCode).toBe(404);
  });

  it('zet een taak met dezelfde unieke sleutel maar één keer in de wachtrij', async () => {
    const org = await buildOrganisation(t.database.db);
    const first = await insertJob(t.database.db, { organisationId: org.id, name: 'test.wisselvallig', runAt: t.clock.now(), uniqueKey: 'bericht-42' });
    const second = await insertJob(t.database.db, { organisationId: org.id, name: 'test.wisselvallig', runAt: t.clock.now(), uniqueKey: 'bericht-42' });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    await t.worker.drain();
  });

  it('laat een planning precies één keer per moment afgaan, ook met twee workers', async () => {
    const org = await buildOrganisation(t.database.db);
    calls = [];
    failuresLeft = 0;
    await defineSchedule(t.database.db, t.clock, {
      organisationId: org.id,
      name: 'elk-uur',
      jobName: 'test.wisselvallig',
      cron: '0 * * * *',
      payload: { label: 'uur' },
    });
    const registry = t.registry;
    const a = new Worker({ db: t.database.db, clock: t.clock, registry, workerId: 'a' });
    const b = new Worker({ db: t.database.db, clock: t.clock, registry, workerId: 'b' });
    t.clock.advance(3_600_000);
    await Promise.all([a.drain(), b.drain()]);
    expect(calls).toEqual(['uur']);
    await Promise.all([a.drain(), b.drain()]);
    expect(calls).toEqual(['uur']);
  });

  it('rekent planningen in Nederlandse tijd, ook over de wintertijd heen', () => {
    // 07:00 in Amsterdam is 06:00 UTC in summer-to-winter week after the change (26 Oct 2025, CET).
    const next = computeNextCronRun('0 7 * * 1', 'Europe/Amsterdam', new Date('2025-10-25T12:00:00Z'));
    expect(next.toISOString()).toBe('2025-10-27T06:00:00.000Z');
    const summer = computeNextCronRun('0 7 * * 1', 'Europe/Amsterdam', new Date('2025-10-18T12:00:00Z'));
    expect(summer.toISOString()).toBe('2025-10-20T05:00:00.000Z');
  });

  it('wacht exponentieel langer met spreiding', () => {
    expect(computeBackoffDelayMs(1, () => 0.5)).toBe(5_000);
    expect(computeBackoffDelayMs(2, () => 0.5)).toBe(10_000);
    expect(computeBackoffDelayMs(4, () => 0.5)).toBe(40_000);
    expect(computeBackoffDelayMs(30, () => 0.5)).toBe(3_600_000);
    expect(computeBackoffDelayMs(1, () => 0)).toBe(4_000);
    expect(computeBackoffDelayMs(1, () => 1)).toBe(6_000);
  });

  it('weigert dubbele registratie van een taaktype', () => {
    const registry = new JobRegistry();
    registry.register({ name: 'x', handler: async () => {} });
    expect(() => registry.register({ name: 'x', handler: async () => {} })).toThrow();
  });
});

describe('claims op taken', () => {
  it('houdt de claim van een werkende worker vast, en neemt de taak van een gestorven worker binnen 30 s over', async () => {
    const org = await buildOrganisation(t.database.db);
    let release: () => void = () => undefined;
    const prepared: string[] = [];
    const handled: string[] = [];
    // A registry of its own: the workers here only see this job, not what other tests left queued.
    const registry = new JobRegistry();
    registry.register({
      name: 'test.traag',
      prepare: async ({ payload }) => {
        prepared.push(String(payload.label));
        if (payload.label === 'traag') await new Promise<void>((resolve) => (release = resolve));
      },
      handler: async ({ payload }) => {
        handled.push(String(payload.label));
      },
    });
    const busy = new Worker({ db: t.database.db, clock: t.clock, registry, renewEveryMs: 10, workerId: 'bezig' });
    const other = new Worker({ db: t.database.db, clock: t.clock, registry, workerId: 'ander' });
    const slowId = await insertJob(t.database.db, { organisationId: org.id, name: 'test.traag', runAt: t.clock.now(), payload: { label: 'traag' } });
    const running = busy.runOne();
    while (prepared.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    // The platform call takes 45 s; the worker renews its claim meanwhile, so nobody else starts the job.
    for (let seconds = 0; seconds < 45; seconds += 15) {
      t.clock.advance(15_000);
      await new Promise((resolve) => setTimeout(resolve, 40));
      expect(await other.runOne()).toBe(false);
    }
    release();
    expect(await running).toBe(true);
    expect(handled).toEqual(['traag']);
    expect(await findJob(t.database.db, org.id, slowId!)).toMatchObject({ status: 'done', attempts: 1 });

    // A worker that died after claiming (kill -9): its claim runs out after 30 s and another worker runs the job.
    const orphanId = await insertJob(t.database.db, { organisationId: org.id, name: 'test.traag', runAt: t.clock.now(), payload: { label: 'wees' } });
    await claimDueJob(t.database.db, {
      names: ['test.traag'],
      workerId: 'gestorven',
      now: t.clock.now(),
      leaseUntil: new Date(t.clock.now().getTime() + 30_000),
    });
    t.clock.advance(29_000);
    expect(await other.runOne()).toBe(false);
    t.clock.advance(2_000);
    expect(await other.runOne()).toBe(true);
    expect(handled).toEqual(['traag', 'wees']);
    expect(await findJob(t.database.db, org.id, orphanId!)).toMatchObject({ status: 'done', attempts: 2 });
  });
});

describe('geheime links in taken', () => {
  it('bewaart de tekst van een verstuurde mail niet in de taak, wel aan wie en waarover', async () => {
    const org = await buildOrganisation(t.database.db);
    const link = 'https://plein.test/wachtwoord-herstellen/geheim-token-123';
    const id = await insertJob(t.database.db, {
      organisationId: org.id,
      name: 'mail.versturen',
      runAt: t.clock.now(),
      payload: { to: 'iemand@example.nl', subject: 'Nieuw wachtwoord', text: `Kies een nieuw wachtwoord: ${link}`, secret: true },
    });
    // A mail without a secret keeps its text (an alert, an overdue notice): what was sent stays visible to beheer.
    const plain = await insertJob(t.database.db, {
      organisationId: org.id,
      name: 'mail.versturen',
      runAt: t.clock.now(),
      payload: { to: 'analist@example.nl', subject: 'Signaal', text: 'Er is een piek.' },
    });
    await t.worker.drain();
    const sent = await findJob(t.database.db, org.id, id!);
    expect(sent?.status).toBe('done');
    expect(JSON.stringify(sent?.payload)).not.toContain('geheim-token-123');
    expect(sent?.payload).toEqual({ to: 'iemand@example.nl', subject: 'Nieuw wachtwoord', secret: true, niet_bewaard: ['text', 'html'] });
    expect((await findJob(t.database.db, org.id, plain!))?.payload).toEqual({ to: 'analist@example.nl', subject: 'Signaal', text: 'Er is een piek.' });
  });
});
