import type { JobRegistry } from '@platform/jobs/job-registry.service';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { SYSTEM_ORGANISATION_ID } from '@platform/jobs/platform.jobs';
import { storeOutboxItem } from '../channels/index';
import { claimDuePublications, findPublicationChannels, movePublication, setChannelOutbox } from './publications.repository';

export const PUBLISH_JOB = 'zenden.publiceren';
// Due publications handed over per run; a fuller minute continues at once in a next run.
const BATCH = 200;

// Every minute, in every process: hand the publications that are due to the channels. Exactly once, by three locks
// that do not depend on each other: the due rows are claimed FOR UPDATE SKIP LOCKED (two workers never take the same
// one), the move from 'gepland' to 'bezig' is a compare-and-set, and each variant enters the outbox with the
// idempotency key publicatie:<id>:<account>, all in one transaction. From there the outbox sends each variant
// once: it asks the platform before a retry (findSent), or leaves an attempt without outcome to a person ('onzeker').
export function registerPublishingJobs(registry: JobRegistry): void {
  registry.register({
    name: PUBLISH_JOB,
    handler: async ({ db, clock, job }) => {
      const now = clock.now();
      const due = await claimDuePublications(db, now, BATCH);
      for (const publication of due) {
        const moved = await movePublication(db, publication.organisation_id, publication.id, { status: 'gepland' }, { status: 'bezig', handed_over_at: now });
        if (!moved) continue;
        for (const channel of await findPublicationChannels(db, publication.organisation_id, [publication.id])) {
          const { row } = await storeOutboxItem(db, clock, publication.organisation_id, {
            accountId: channel.account_id,
            kind: 'post',
            text: channel.text,
            idempotencyKey: `publicatie:${publication.id}:${channel.account_id}`,
            createdBy: moved.created_by,
          });
          await setChannelOutbox(db, publication.organisation_id, publication.id, channel.account_id, row.id);
        }
      }
      if (due.length === BATCH) {
        await enqueueJob(db, {
          organisationId: SYSTEM_ORGANISATION_ID,
          name: PUBLISH_JOB,
          payload: {},
          runAt: now,
          uniqueKey: `zenden.publiceren:vervolg:${job.id}`,
        });
      }
    },
  });
}
