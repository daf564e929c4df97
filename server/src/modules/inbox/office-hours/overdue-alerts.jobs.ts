import { CHANNEL_CAPABILITIES } from '@contracts/channel-limits';
import type { Channel } from '@contracts/channels';
import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { JobRegistry } from '@platform/jobs/job-registry.service';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { findPeopleOnDuty } from '@platform/users/users.repository';
import { insertConversationEvent } from '../conversations.repository';
import { claimAlert, findUnalertedOverdue } from './office-hours.repository';

export const OVERDUE_JOB = 'inbox.te-laat-melden';

// Enough for one run; what is left waits for the next minute.
const BATCH = 200;

const NORM_TEXT = { 'eerste-reactie': 'de norm voor de eerste reactie', afhandeling: 'de afhandeltermijn' } as const;

const formatDue = (due: Date) =>
  new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(due);

// Mails who handles a conversation that passed a due moment, and notes it on the conversation. Each alert
// is claimed (conversation, norm, due moment) in the job's transaction together with its mails and event:
// a rerun or a second worker finds it claimed and sends nothing twice. A new question gets a new due
// moment, and so its own alert.
export async function alertOverdueConversations(db: Db, clock: Clock, publicUrl: string): Promise<number> {
  const now = clock.now();
  let alerted = 0;
  for (const conversation of await findUnalertedOverdue(db, now, BATCH)) {
    const dueAt = conversation.due_at;
    if (!dueAt) continue;
    const recipients = await findPeopleOnDuty(db, conversation.organisation_id, conversation);
    const claimed = await claimAlert(db, {
      organisation_id: conversation.organisation_id,
      conversation_id: conversation.id,
      norm: conversation.norm,
      due_at: dueAt,
      alerted_at: now,
      recipients: JSON.stringify(recipients.map((recipient) => recipient.email)),
    });
    if (!claimed) continue;
    const what = NORM_TEXT[conversation.norm];
    const channel = CHANNEL_CAPABILITIES[conversation.channel as Channel]?.label ?? conversation.channel;
    const subject = `Te laat: gesprek met ${conversation.author_handle} (${channel})`;
    const line = `Het gesprek met ${conversation.author_handle} via ${channel} is over ${what} heen (uiterlijk ${formatDue(dueAt)}).`;
    for (const recipient of recipients) {
      await enqueueJob(db, {
        organisationId: conversation.organisation_id,
        name: 'mail.versturen',
        runAt: now,
        payload: {
          to: recipient.email,
          subject,
          text: [`Beste ${recipient.name},`, '', line, '', `“${conversation.preview}”`, '', `${publicUrl}/inbox/${conversation.id}`].join('\n'),
        },
      });
    }
    await insertConversationEvent(db, {
      organisation_id: conversation.organisation_id,
      conversation_id: conversation.id,
      at: now,
      kind: 'te-laat',
      text: `Over ${what} heen; gemaild naar ${recipients.map((recipient) => recipient.name).join(', ') || 'niemand (geen behandelaar, team of beheerder)'}`,
      details: JSON.stringify({ norm: conversation.norm, dueAt: dueAt.toISOString(), recipients: recipients.map((recipient) => recipient.id) }),
      actor_user_id: null,
      actor_name: 'Plein (automatisch)',
    });
    alerted += 1;
  }
  return alerted;
}

export function registerOfficeHoursJobs(registry: JobRegistry, options: { publicUrl: string }): void {
  registry.register({ name: OVERDUE_JOB, handler: async ({ db, clock }) => void (await alertOverdueConversations(db, clock, options.publicUrl)) });
}
