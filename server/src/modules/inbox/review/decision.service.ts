import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { OutboxRow, ReplyDraftsTable } from '@platform/db/database.schema';
import { AppError, conflict, notFound } from '@platform/http/http.errors';
import { assertCan } from '@platform/tenancy/policy.rules';
import { findUser } from '@platform/users/users.repository';
import type { Selectable } from 'kysely';
import { findOutboxEntriesAfter, findOutboxEntry, toOutboxView } from '../../channels/index';
import { findVisibleConversation } from '../conversation-access.service';
import { queueConversationReply } from '../handling.service';
import { announceConversation } from '../live/announce.service';
import { lockDraft, updateDraft } from './review.repository';
import { buildReviewEvent, viewDraft } from './review.service';

type DraftRow = Selectable<ReplyDraftsTable>;

// The author may not approve (or send back) their own reply; a named reviewer decides alone.
function assertMayDecide(ctx: ServiceContext, draft: DraftRow) {
  if (draft.author_user_id === ctx.actor.userId) {
    throw new AppError(403, 'eigen-antwoord', 'Geen toestemming', 'U kunt uw eigen antwoord niet goedkeuren of terugsturen; een collega controleert het.');
  }
  if (draft.reviewer_user_id !== null && draft.reviewer_user_id !== ctx.actor.userId) {
    throw new AppError(403, 'andere-controleur', 'Geen toestemming', 'Dit antwoord wacht op de controle van een andere collega.');
  }
}

async function lockedDraft(tx: ServiceContext, draftId: string) {
  const draft = await lockDraft(tx.db, tx.actor.organisationId, draftId);
  if (!draft) throw notFound('Het antwoord ter controle');
  return { draft, conversation: await findVisibleConversation(tx, draft.conversation_id) };
}

// The parts queued for an approved draft, in order (each part waits for the one before it).
async function queuedThread(tx: ServiceContext, firstId: string | null) {
  const thread: OutboxRow[] = [];
  let next = firstId ? await findOutboxEntry(tx.db, tx.actor.organisationId, firstId) : undefined;
  while (next && thread.length < 100) {
    thread.push(next);
    [next] = await findOutboxEntriesAfter(tx.db, tx.actor.organisationId, next.id);
  }
  return thread.map(toOutboxView);
}

// Approved: queued through the outbox exactly like a reply sent directly, with the same checks, under a key
// derived from the draft ("controle:<id>"), so approving twice (or two colleagues at once) sends once.
export async function approveDraft(ctx: ServiceContext, draftId: string) {
  assertCan(ctx.actor, 'inbox.handle');
  return runInTransaction(ctx, async (tx) => {
    const { draft, conversation } = await lockedDraft(tx, draftId);
    if (draft.status === 'goedgekeurd') return { draft: await viewDraft(tx, draft.id), thread: await queuedThread(tx, draft.outbox_id) };
    if (draft.status !== 'ter-controle')
      throw conflict(
        'niet-ter-controle',
        draft.status === 'teruggestuurd' ? 'Dit antwoord is teruggestuurd; de schrijver past het eerst aan.' : 'Dit antwoord is ingetrokken.',
      );
    assertMayDecide(tx, draft);
    const author = await findUser(tx.db, tx.actor.organisationId, draft.author_user_id);
    const queued = await queueConversationReply(
      tx,
      conversation,
      { text: draft.text, private: draft.private, confirmedWarnings: draft.confirmed_warnings, media: draft.media },
      `controle:${draft.id}`,
      { userId: draft.author_user_id, name: author?.name ?? 'Onbekend' },
    );
    await updateDraft(tx.db, tx.actor.organisationId, draft.id, {
      status: 'goedgekeurd',
      reviewed_by: tx.actor.userId,
      reviewed_at: tx.clock.now(),
      outbox_id: queued.item.id,
      updated_at: tx.clock.now(),
    });
    await buildReviewEvent(
      tx,
      conversation,
      `Antwoord goedgekeurd door ${tx.actor.name} en verstuurd`,
      { draftId: draft.id, action: 'goedgekeurd', outboxId: queued.item.id },
      [draft.author_user_id],
    );
    await recordAudit(tx, {
      action: 'antwoord.goedgekeurd',
      recordType: 'gesprek',
      recordId: conversation.id,
      details: { draftId: draft.id, authorUserId: draft.author_user_id, outboxId: queued.item.id },
    });
    await announceConversation(tx.db, conversation);
    return { draft: await viewDraft(tx, draft.id), thread: queued.thread };
  });
}

// Sent back with a comment: the author sees it on the conversation, edits and asks again.
export async function sendBackDraft(ctx: ServiceContext, draftId: string, comment: string) {
  assertCan(ctx.actor, 'inbox.handle');
  return runInTransaction(ctx, async (tx) => {
    const { draft, conversation } = await lockedDraft(tx, draftId);
    if (draft.status !== 'ter-controle')
      throw conflict(
        'niet-ter-controle',
        draft.status === 'goedgekeurd' ? 'Dit antwoord is al goedgekeurd en verstuurd.' : 'Dit antwoord wacht niet op controle.',
      );
    assertMayDecide(tx, draft);
    await updateDraft(tx.db, tx.actor.organisationId, draft.id, {
      status: 'teruggestuurd',
      review_comment: comment,
      reviewed_by: tx.actor.userId,
      reviewed_at: tx.clock.now(),
      updated_at: tx.clock.now(),
    });
    await buildReviewEvent(tx, conversation, `Antwoord teruggestuurd door ${tx.actor.name}: ${comment}`, { draftId: draft.id, action: 'teruggestuurd' }, [
      draft.author_user_id,
    ]);
    await recordAudit(tx, { action: 'antwoord.teruggestuurd', recordType: 'gesprek', recordId: conversation.id, details: { draftId: draft.id } });
    await announceConversation(tx.db, conversation);
    return viewDraft(tx, draft.id);
  });
}
