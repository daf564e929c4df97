import type { ReplyDraft } from '@contracts/reply-review';
import { type Actor, can } from '@platform/tenancy/policy.rules';
import type { NamedDraftRow } from './review.repository';

// Who may decide: a colleague who handles the inbox, not the author, and the one asked when someone was.
export function mayReview(actor: Actor, draft: Pick<NamedDraftRow, 'status' | 'author_user_id' | 'reviewer_user_id'>) {
  return (
    draft.status === 'ter-controle' &&
    can(actor, 'inbox.handle') &&
    draft.author_user_id !== actor.userId &&
    (draft.reviewer_user_id === null || draft.reviewer_user_id === actor.userId)
  );
}

export function mayEdit(actor: Actor, draft: Pick<NamedDraftRow, 'status' | 'author_user_id'>) {
  return draft.author_user_id === actor.userId && (draft.status === 'ter-controle' || draft.status === 'teruggestuurd');
}

export function toDraftView(row: NamedDraftRow, actor: Actor): ReplyDraft {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    author: { id: row.author_user_id, name: row.author_name },
    reviewer: row.reviewer_user_id ? { id: row.reviewer_user_id, name: row.reviewer_name ?? '' } : null,
    text: row.text,
    private: row.private,
    confirmedWarnings: row.confirmed_warnings,
    media: row.media,
    status: row.status,
    revision: row.revision,
    reviewComment: row.review_comment,
    reviewedBy: row.reviewed_by ? { id: row.reviewed_by, name: row.reviewed_by_name ?? '' } : null,
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    outboxId: row.outbox_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    mayReview: mayReview(actor, row),
    mayEdit: mayEdit(actor, row),
  };
}
