import type { ConversationRow, Database } from '@platform/db/database.schema';
import type { ExpressionBuilder } from 'kysely';

// Overdue: the ball is in our court (open, or snoozed by us) and a due moment has passed, either the answer
// the waiting resident is owed or the resolution. A conversation waiting for the resident, or closed, is
// never overdue. One definition for the view, the "te-laat" filter and (per norm) the alert job.
// A partner hand-off past its answer day is late too, while the conversation waits for it
// (handoff_due_at is cleared when the partner answers).
const OURS = ['open', 'gesnoozed'] as const;

export function isOverdue(
  row: Pick<ConversationRow, 'state' | 'waiting_since' | 'first_response_due_at' | 'resolution_due_at' | 'handoff_due_at'>,
  now: Date,
): boolean {
  if (row.state !== 'gesloten' && row.handoff_due_at !== null && row.handoff_due_at <= now) return true;
  if (!(OURS as readonly string[]).includes(row.state)) return false;
  const answerLate = row.waiting_since !== null && row.first_response_due_at !== null && row.first_response_due_at <= now;
  return answerLate || (row.resolution_due_at !== null && row.resolution_due_at <= now);
}

export function computeOverdueAt(now: Date) {
  return (eb: ExpressionBuilder<Database, 'conversations'>) =>
    eb.or([
      eb.and([
        eb('conversations.state', 'in', [...OURS]),
        eb.or([
          eb.and([eb('conversations.waiting_since', 'is not', null), eb('conversations.first_response_due_at', '<=', now)]),
          eb('conversations.resolution_due_at', '<=', now),
        ]),
      ]),
      eb.and([eb('conversations.state', '!=', 'gesloten'), eb('conversations.handoff_due_at', '<=', now)]),
    ]);
}
