import { randomUUID } from 'node:crypto';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { POLL_JOB } from '../../server/src/modules/channels/ingest.service';
import type { TestApp } from '../harness';

// One poll of an account's stream now, without moving the clock (that would also fire the planner for every account).
export async function pollNow(t: TestApp, organisationId: string, accountId: string, stream: string) {
  await enqueueJob(t.database.db, {
    organisationId,
    name: POLL_JOB,
    payload: { accountId, stream },
    runAt: t.clock.now(),
    uniqueKey: `test:${randomUUID()}`,
    maxAttempts: 3,
  });
  await t.worker.drain();
}
