import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { JobRegistry } from '@platform/jobs/job-registry.service';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { countCalendarDaysBetween, DEFAULT_TIME_ZONE } from '@platform/time/termijnen.rules';
import { findAlertRecipients } from '@platform/users/users.repository';
import { claimReminder, findOpenNearDeadline, insertKlachtEvent } from './klachten.repository';

export const REMINDER_JOB = 'klachten.herinneren';

const DAY = 86_400_000;

type ReminderKind = '7-dagen' | '2-dagen' | 'te-laat';

// The most urgent reminder that applies now, by local dates: 7 days before the deadline day from the start of
// that day. Only that one is sent, so a klacht registered late does not get a "a week left" mail on its last day.
export function findDueReminder(deadline: Date, now: Date, timeZone = DEFAULT_TIME_ZONE): ReminderKind | null {
  if (now.getTime() > deadline.getTime()) return 'te-laat';
  const daysLeft = countCalendarDaysBetween(now, deadline, timeZone);
  if (daysLeft <= 2) return '2-dagen';
  if (daysLeft <= 7) return '7-dagen';
  return null;
}

const formatDate = (instant: Date) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }).format(instant);

function reminderText(kind: ReminderKind, number: string, deadline: Date) {
  if (kind === 'te-laat') {
    return {
      subject: `Klacht ${number}: de beslistermijn is verstreken`,
      line: `De beslistermijn van klacht ${number} is op ${formatDate(deadline)} verstreken. Neem zo snel mogelijk een besluit en laat de klager weten wanneer dat komt.`,
    };
  }
  const days = kind === '7-dagen' ? 'een week' : 'twee dagen';
  return {
    subject: `Klacht ${number}: nog ${days} tot de beslistermijn`,
    line: `Over ${days} (op ${formatDate(deadline)}) moet er een besluit zijn over klacht ${number} (Awb 9:11). Lukt dat niet, verdaag dan vóór die datum (één keer, hoogstens vier weken).`,
  };
}

// Mails the handler, or without one the organisation's beheerders, before the decision deadline. Each
// reminder is recorded in the same transaction as its mail job, keyed by klacht, kind and deadline: a
// rerun or a second worker finds it claimed and sends nothing twice.
export async function sendDueReminders(db: Db, clock: Clock, publicUrl: string): Promise<number> {
  const now = clock.now();
  let sent = 0;
  // Eight days ahead covers "7 days before the deadline day" from that day's first hour.
  for (const klacht of await findOpenNearDeadline(db, new Date(now.getTime() + 8 * DAY))) {
    const kind = findDueReminder(klacht.deadline, now);
    if (!kind) continue;
    const recipients = await findAlertRecipients(db, klacht.organisation_id, klacht.handler_user_id);
    const claimed = await claimReminder(db, {
      organisation_id: klacht.organisation_id,
      klacht_id: klacht.id,
      kind,
      deadline: klacht.deadline,
      sent_at: now,
      recipients: JSON.stringify(recipients.map((r) => r.email)),
    });
    if (!claimed) continue;
    const { subject, line } = reminderText(kind, klacht.number, klacht.deadline);
    for (const recipient of recipients) {
      await enqueueJob(db, {
        organisationId: klacht.organisation_id,
        name: 'mail.versturen',
        runAt: now,
        payload: { to: recipient.email, subject, text: [`Beste ${recipient.name},`, '', line, '', `${publicUrl}/klachten/${klacht.id}`].join('\n') },
      });
    }
    await insertKlachtEvent(db, {
      organisation_id: klacht.organisation_id,
      klacht_id: klacht.id,
      at: now,
      kind: 'herinnering',
      text: `${subject} (gemaild naar ${recipients.map((r) => r.name).join(', ') || 'niemand: geen actieve beheerder'})`,
      from_status: null,
      to_status: null,
      actor_user_id: null,
      actor_name: null,
    });
    sent += 1;
  }
  return sent;
}

export function registerKlachtJobs(registry: JobRegistry, options: { publicUrl: string }): void {
  registry.register({ name: REMINDER_JOB, handler: async ({ db, clock }) => void (await sendDueReminders(db, clock, options.publicUrl)) });
}
