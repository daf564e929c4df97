import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { JobRegistry } from '@platform/jobs/job-registry.service';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { sql } from 'kysely';
import { buildMatch, insertMatches } from '../pipeline/items.repository';
import { toMatchable } from '../pipeline/matchable.rules';
import { compileMonitor } from '../pipeline/monitor-set.service';
import { loadAuthorListsOfHandles } from '../pipeline/pipeline.service';
import { prepareItem } from '../query/matcher.rules';
import { countItemsInScope, deleteMatchesOf, findItemsForBackfill, findMonitor, updateMonitor } from './monitors.repository';

export const BACKFILL_JOB = 'luisteren.terugwerken';
const PAGE = 2_000;

// A new or changed monitor is matched against everything stored, one page per job: each page commits
// with its progress, so the screen shows a progress bar and a crash resumes at the page it was on. The
// version in the payload stops an older backfill when the query changed again meanwhile.
export async function startBackfill(db: Db, clock: Clock, organisationId: string, monitorId: string) {
  await deleteMatchesOf(db, organisationId, monitorId);
  const monitor = await findMonitor(db, organisationId, monitorId);
  if (!monitor) return;
  const version = monitor.version + 1;
  const total = await countItemsInScope(db, organisationId, monitor.municipality_id);
  await updateMonitor(db, organisationId, monitorId, { version, backfill_state: total === 0 ? 'klaar' : 'wachtend', backfill_done: 0, backfill_total: total });
  if (total > 0)
    await enqueueJob(db, {
      organisationId,
      name: BACKFILL_JOB,
      payload: { monitorId, version, after: null },
      runAt: clock.now(),
      uniqueKey: `terugwerken:${monitorId}:${version}:start`,
    });
}

interface Payload {
  monitorId: string;
  version: number;
  after: { postedAt: string; messageId: string } | null;
}

async function backfillPage(db: Db, clock: Clock, organisationId: string, payload: Payload) {
  const monitor = await findMonitor(db, organisationId, payload.monitorId);
  if (!monitor || monitor.version !== payload.version) return;
  const after = payload.after ? { postedAt: new Date(payload.after.postedAt), messageId: payload.after.messageId } : null;
  const rows = await findItemsForBackfill(db, organisationId, monitor.municipality_id, after, PAGE);
  const compiled = await compileMonitor(db, organisationId, monitor);
  const lists = await loadAuthorListsOfHandles(
    db,
    organisationId,
    rows.map((row) => row.author_handle),
  );
  const matches = rows
    .filter((row) => compiled.query.matches(prepareItem(toMatchable(row, row.language, lists))))
    .map((row) => buildMatch(organisationId, monitor.id, row));
  await insertMatches(db, matches);
  const last = rows[rows.length - 1];
  const finished = rows.length < PAGE || !last;
  await updateMonitor(db, organisationId, monitor.id, {
    backfill_state: finished ? 'klaar' : 'bezig',
    backfill_done: finished ? sql<number>`backfill_total` : sql<number>`backfill_done + ${rows.length}`,
  });
  if (finished) return;
  const next = { postedAt: last.posted_at.toISOString(), messageId: last.message_id };
  await enqueueJob(db, {
    organisationId,
    name: BACKFILL_JOB,
    payload: { ...payload, after: next },
    runAt: clock.now(),
    uniqueKey: `terugwerken:${monitor.id}:${payload.version}:${next.postedAt}:${next.messageId}`,
  });
}

export function registerMonitorBackfill(registry: JobRegistry) {
  registry.register({
    name: BACKFILL_JOB,
    handler: async ({ db, clock, job, payload }) => backfillPage(db, clock, job.organisation_id, payload as unknown as Payload),
  });
}
