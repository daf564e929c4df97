import { type Handoff, OPEN_HANDOFF_STATUSES } from '@contracts/handoff';
import type { ConversationHandoffRow } from '@platform/db/database.schema';

// A partner hand-off is late when its answer is due and it is still waiting.
export function isHandoffOverdue(row: Pick<ConversationHandoffRow, 'status' | 'due_at'>, now: Date) {
  return row.due_at !== null && row.due_at <= now && OPEN_HANDOFF_STATUSES.includes(row.status);
}

export function toHandoffView(row: ConversationHandoffRow, now: Date): Handoff {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    fromAccountId: row.from_account_id,
    toAccountId: row.to_account_id,
    toTeamId: row.to_team_id,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    question: row.question,
    context: row.context,
    answer: row.answer,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    openedAt: row.opened_at?.toISOString() ?? null,
    statusChangedAt: row.status_changed_at.toISOString(),
    dueAt: row.due_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
    overdue: isHandoffOverdue(row, now),
  };
}
