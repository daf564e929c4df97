import { loadConfig } from '@platform/config.service';
import { SYSTEM_ORGANISATION_ID } from '@platform/jobs/platform.jobs';
import { findSchedules } from '@platform/jobs/schedules.repository';
import { openScratchDatabase } from '@test/harness';
import { afterEach, expect, it } from 'vitest';
import { type StartedPlein, startPlein } from './start';

let started: StartedPlein | null = null;
afterEach(async () => {
  await started?.runtime.close();
  started = null;
});

const config = (demo: '0' | '1') => loadConfig({ PLEIN_LOG_LEVEL: 'silent', PLEIN_DEMO: demo, PORT: '0', HOST: '127.0.0.1', PLEIN_WORKERS: '0' });

it('start met de demo-organisatie op een lege database, en serveert de inlogpagina', async () => {
  started = await startPlein(config('1'), { database: await openScratchDatabase() });
  expect(started.demoCredentials).toHaveLength(8);
  const organisations = await started.runtime.database.db.selectFrom('organisations').select('slug').where('is_system', '=', false).execute();
  expect(organisations.map((o) => o.slug)).toEqual(['kustgemeenten']);
  const schedules = await findSchedules(started.runtime.database.db, SYSTEM_ORGANISATION_ID);
  expect(schedules.map((s) => s.name).sort()).toEqual([
    'analyses-plannen',
    'inbox-te-laat',
    'kanalen',
    'klachten-herinneringen',
    'netwerk-indelen',
    'opruimen',
    'partities',
    'zenden',
  ]);
  const response = await fetch(`${started.address}/readyz`);
  expect(response.status).toBe(200);
});

it('start leeg met PLEIN_DEMO=0', async () => {
  started = await startPlein(config('0'), { database: await openScratchDatabase() });
  expect(started.demoCredentials).toBeNull();
  const organisations = await started.runtime.database.db.selectFrom('organisations').select('slug').where('is_system', '=', false).execute();
  expect(organisations).toEqual([]);
});

it('draait met PLEIN_WORKERS=2 twee taaklussen, die ook allebei weer stoppen', async () => {
  started = await startPlein(loadConfig({ PLEIN_LOG_LEVEL: 'silent', PLEIN_DEMO: '0', PORT: '0', HOST: '127.0.0.1', PLEIN_WORKERS: '2' }), {
    database: await openScratchDatabase(),
  });
  expect(started.runtime.workers).toHaveLength(2);
  expect(new Set(started.runtime.workers.map((worker) => worker.workerId)).size).toBe(2);
});
