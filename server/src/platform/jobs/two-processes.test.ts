import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { PG_SERVER, runAdminQuery, startWorkerProcess } from '@test/worker-processes';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/database.client';
import { migrate } from '../db/migrate.service';
import { createOrganisation } from '../organisations/organisations.service';
import { insertJob } from './jobs.repository';

// Always on the local PostgreSQL server (also in the PGlite CI pass): two processes need a shared server.
const databaseName = `plein_jobs_${randomBytes(4).toString('hex')}`;
const databaseUrl = `${PG_SERVER}/${databaseName}`;
let handle: DatabaseHandle;
const children: ChildProcess[] = [];

function startWorker(id: string): Promise<ChildProcess> {
  return startWorkerProcess('job-worker.ts', { DATABASE_URL: databaseUrl, WORKER_ID: id, LEASE_SECONDS: '2' }, children);
}

beforeAll(async () => {
  await runAdminQuery(`CREATE DATABASE ${databaseName}`);
  handle = await openDatabase({ databaseUrl });
  await migrate(handle);
  await sql`CREATE TABLE test_effects (organisation_id uuid NOT NULL, job_id uuid NOT NULL, worker text NOT NULL)`.execute(handle.db);
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await handle?.close();
  await runAdminQuery(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
});

it('voert elke taak precies één keer uit, ook als een van twee workers midden in een taak wordt gedood', async () => {
  const { organisation } = await createOrganisation(handle.db, {
    slug: `jobs-${randomBytes(3).toString('hex')}`,
    name: 'Takenproef',
    municipalities: [{ name: 'Heiloo', cbsCode: 'GM0399', inhabitants: 24_000 }],
  });
  const now = new Date();
  const jobIds: Array<string | null> = [];
  for (let i = 0; i < 30; i++) {
    jobIds.push(await insertJob(handle.db, { organisationId: organisation.id, name: 'test.effect', runAt: new Date(now.getTime() - 1000 + i) }));
  }
  const slowId = await insertJob(handle.db, { organisationId: organisation.id, name: 'test.effect', runAt: now, payload: { slowMs: 60_000 } });
  jobIds.push(slowId);
  for (let i = 0; i < 30; i++) {
    jobIds.push(await insertJob(handle.db, { organisationId: organisation.id, name: 'test.effect', runAt: new Date(now.getTime() + 1 + i) }));
  }

  const workers = { A: await startWorker('A'), B: await startWorker('B') };
  // Wait until one worker has claimed the slow job and written its (uncommitted) effect, then kill it hard.
  const deadline = Date.now() + 20_000;
  let holder: 'A' | 'B' | null = null;
  while (Date.now() < deadline && !holder) {
    const row = await handle.db.selectFrom('jobs').select(['locked_by', 'status']).where('id', '=', slowId!).executeTakeFirstOrThrow();
    if (row.status === 'running') holder = row.locked_by as 'A' | 'B';
    else await sleep(20);
  }
  expect(holder).not.toBeNull();
  await sleep(200);
  workers[holder!].kill('SIGKILL');
  const survivor = holder === 'A' ? 'B' : 'A';

  // The slow job is retried by B after A's lease runs out; make its retry fast.
  await handle.db
    .updateTable('jobs')
    .set({ payload: JSON.stringify({ slowMs: 0 }) })
    .where('id', '=', slowId!)
    .execute();

  const until = Date.now() + 40_000;
  let done = 0;
  while (Date.now() < until) {
    const row = await handle.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('organisation_id', '=', organisation.id)
      .where('status', '=', 'done')
      .executeTakeFirstOrThrow();
    done = Number(row.count);
    if (done === jobIds.length) break;
    await sleep(100);
  }
  expect(done).toBe(jobIds.length);

  const effects = await sql<{ job_id: string; count: number; workers: string }>`
    SELECT job_id, count(*)::int AS count, string_agg(worker, ',') AS workers FROM test_effects GROUP BY job_id`.execute(handle.db);
  expect(effects.rows).toHaveLength(jobIds.length);
  expect(effects.rows.every((row) => row.count === 1)).toBe(true);
  const slowEffect = effects.rows.find((row) => row.job_id === slowId);
  expect(slowEffect?.workers).toBe(survivor);
  const slowJob = await handle.db.selectFrom('jobs').selectAll().where('id', '=', slowId!).executeTakeFirstOrThrow();
  expect(slowJob.attempts).toBe(2);
  expect(slowJob.locked_by).toBe(survivor);
});
