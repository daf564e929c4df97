import type { Clock } from '@platform/clock.service';
import { type Db, runInDbTransaction } from '@platform/db/database.client';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { computeNextCronRun } from '@platform/jobs/scheduler.service';
import { findAlertRecipients } from '@platform/users/users.repository';
import { findMonitor } from '../monitors/monitors.repository';
import { advanceSchedule, findDueSchedules } from './analyses.repository';
import { draftAnalysis } from './analyses.service';

const TIME_ZONE = 'Europe/Amsterdam';
const HOUR = 3_600_000;

// A job handler already runs in a transaction; from elsewhere the planner opens its own.

// The planner (a system job every few minutes): each due schedule drafts its analysis over the days before the
// due moment, once. The compare-and-set on next_due_at and the unique (schedule, due moment) both hold when two
// workers run it at the same time; a missed moment (the server was down) is drafted once, late, not replayed.
export async function draftDueAnalyses(db: Db, clock: Clock, publicUrl: string) {
  const now = clock.now();
  let drafted = 0;
  for (const schedule of await findDueSchedules(db, now, 20)) {
    await runInDbTransaction(db, async (trx) => {
      const dueAt = schedule.next_due_at;
      if (!(await advanceSchedule(trx, schedule.organisation_id, schedule.id, dueAt, computeNextCronRun(schedule.cron, TIME_ZONE, now)))) return;
      const monitor = schedule.monitor_id ? await findMonitor(trx, schedule.organisation_id, schedule.monitor_id) : undefined;
      const from = new Date(dueAt.getTime() - schedule.period_days * 24 * HOUR);
      const title =
        `${schedule.title} – ${new Intl.DateTimeFormat('nl-NL', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }).format(dueAt)}`.slice(
          0,
          160,
        );
      const created = await draftAnalysis(trx, clock, {
        organisationId: schedule.organisation_id,
        kind: schedule.kind,
        title,
        monitor: monitor ? { id: monitor.id, name: monitor.name } : null,
        query: schedule.query,
        municipalityId: schedule.municipality_id,
        filter: {
          monitorId: monitor?.id,
          q: schedule.query ?? undefined,
          municipalityIds: schedule.municipality_id ? [schedule.municipality_id] : undefined,
          from,
          until: dueAt,
        },
        recipients: schedule.recipients,
        createdBy: schedule.created_by,
        schedule: { id: schedule.id, dueAt },
      });
      if (!created) return;
      drafted++;
      // The concept is the analyst's to finish before the meeting: whoever made the schedule (or, when that
      // person is gone, the beheerders) hears it is ready. The recipients get it only when the analyst sends it.
      for (const person of await findAlertRecipients(trx, schedule.organisation_id, schedule.created_by)) {
        await enqueueJob(trx, {
          organisationId: schedule.organisation_id,
          name: 'mail.versturen',
          runAt: now,
          payload: {
            to: person.email,
            subject: `Concept klaar: ${title}`,
            text: [
              `Beste ${person.name},`,
              '',
              `Plein heeft het concept "${title}" gemaakt. Vul het advies aan en verstuur het vóór het beslismoment:`,
              '',
              `${publicUrl}/luisteren/analyses/${created.id}`,
            ].join('\n'),
          },
        });
      }
    });
  }
  return drafted;
}
