import type { replyDraftCreateSchema } from '@contracts/reply-review';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { ConversationRow } from '@platform/db/database.schema';
import { AppError, notFound } from '@platform/http/http.errors';
import { assertCan } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { assertPublicReplyAllowed } from '../abuse/abuse.service';
import { findVisibleConversation } from '../conversation-access.service';
import { insertConversationEvent } from '../conversations.repository';
import { replyMediaFor } from '../images/reply-images.service';
import { announceConversation } from '../live/announce.service';
import { assertReplyPasses } from '../reply-checks.service';
import { findNamedDraft, findOpenDrafts, insertDraft, lockDraft, updateDraft } from './review.repository';
import { toDraftView } from './review.views';
import { assertReviewer, listEligibleReviewers } from './reviewers.service';

type DraftInput = z.infer<typeof replyDraftCreateSchema>;

// One timeline event per step of a review, naming the people it concerns (they see it as a mention).
export function buildReviewEvent(tx: ServiceContext, conversation: ConversationRow, text: string, details: Record<string, unknown>, mentions: string[] = []) {
  return insertConversationEvent(tx.db, {
    organisation_id: tx.actor.organisationId,
    conversation_id: conversation.id,
    at: tx.clock.now(),
    kind: 'controle',
    text,
    details: JSON.stringify(details),
    mentions,
    actor_user_id: tx.actor.userId || null,
    actor_name: tx.actor.name,
  });
}

// The checks a reply must pass to be sent, run when it is put up for review too: the author hears about an
// unfilled placeholder now, not after a colleague approved it.
async function checkDraft(ctx: ServiceContext, conversation: ConversationRow, input: DraftInput) {
  await assertPublicReplyAllowed(ctx, conversation, input.private);
  assertReplyPasses(conversation, input);
  await replyMediaFor(ctx, conversation.id, input.media);
  return assertReviewer(ctx, conversation, input.reviewerUserId);
}

export async function viewDraft(ctx: ServiceContext, draftId: string) {
  const row = await findNamedDraft(ctx.db, ctx.actor.organisationId, draftId);
  if (!row) throw notFound('Het antwoord ter controle');
  return toDraftView(row, ctx.actor);
}

export async function listConversationDrafts(ctx: ServiceContext, conversationId: string) {
  return (await findOpenDrafts(ctx.db, ctx.actor.organisationId, conversationId)).map((row) => toDraftView(row, ctx.actor));
}

export async function listReviewers(ctx: ServiceContext, conversationId: string) {
  assertCan(ctx.actor, 'inbox.handle');
  return listEligibleReviewers(ctx, await findVisibleConversation(ctx, conversationId));
}

// "Laten controleren": the reply waits on the conversation, not in the outbox, until a colleague decides.
export async function requestReview(ctx: ServiceContext, conversationId: string, input: DraftInput) {
  assertCan(ctx.actor, 'inbox.handle');
  const conversation = await findVisibleConversation(ctx, conversationId);
  const reviewer = await checkDraft(ctx, conversation, input);
  return runInTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const { id } = await insertDraft(tx.db, {
      organisation_id: tx.actor.organisationId,
      conversation_id: conversation.id,
      author_user_id: tx.actor.userId,
      reviewer_user_id: reviewer?.id ?? null,
      text: input.text,
      private: input.private ?? false,
      confirmed_warnings: input.confirmedWarnings ?? false,
      media: JSON.stringify(input.media ?? []),
      created_at: now,
      updated_at: now,
    });
    await buildReviewEvent(
      tx,
      conversation,
      `Antwoord ter controle bij ${reviewer?.name ?? 'een collega'}`,
      { draftId: id, action: 'gevraagd', reviewerUserId: reviewer?.id ?? null },
      reviewer ? [reviewer.id] : [],
    );
    await recordAudit(tx, {
      action: 'antwoord.ter-controle',
      recordType: 'gesprek',
      recordId: conversation.id,
      details: { draftId: id, reviewerUserId: reviewer?.id ?? null },
    });
    await announceConversation(tx.db, conversation);
    return viewDraft(tx, id);
  });
}

// Only the author changes or withdraws their draft, and only while it is not decided.
async function ownOpenDraft(tx: ServiceContext, draftId: string) {
  const draft = await lockDraft(tx.db, tx.actor.organisationId, draftId);
  if (!draft) throw notFound('Het antwoord ter controle');
  const conversation = await findVisibleConversation(tx, draft.conversation_id);
  if (draft.author_user_id !== tx.actor.userId)
    throw new AppError(403, 'niet-de-schrijver', 'Geen toestemming', 'Alleen wie het antwoord schreef kan het aanpassen of intrekken.');
  if (draft.status !== 'ter-controle' && draft.status !== 'teruggestuurd') {
    throw new AppError(
      409,
      'al-besloten',
      'Conflict',
      draft.status === 'goedgekeurd' ? 'Dit antwoord is al goedgekeurd en verstuurd.' : 'Dit antwoord is ingetrokken.',
    );
  }
  return { draft, conversation };
}

// Sent back (or changed while waiting): the author edits it and asks again; the revision counts up.
export async function resubmitDraft(ctx: ServiceContext, draftId: string, input: DraftInput) {
  assertCan(ctx.actor, 'inbox.handle');
  return runInTransaction(ctx, async (tx) => {
    const { draft, conversation } = await ownOpenDraft(tx, draftId);
    const reviewer = await checkDraft(tx, conversation, input);
    await updateDraft(tx.db, tx.actor.organisationId, draft.id, {
      text: input.text,
      private: input.private ?? false,
      confirmed_warnings: input.confirmedWarnings ?? false,
      media: JSON.stringify(input.media ?? []),
      reviewer_user_id: reviewer?.id ?? null,
      status: 'ter-controle',
      revision: draft.revision + 1,
      review_comment: null,
      reviewed_by: null,
      reviewed_at: null,
      updated_at: tx.clock.now(),
    });
    await buildReviewEvent(
      tx,
      conversation,
      `Aangepast antwoord (versie ${draft.revision + 1}) ter controle bij ${reviewer?.name ?? 'een collega'}`,
      { draftId: draft.id, action: 'aangepast', revision: draft.revision + 1 },
      reviewer ? [reviewer.id] : [],
    );
    await recordAudit(tx, {
      action: 'antwoord.opnieuw-ter-controle',
      recordType: 'gesprek',
      recordId: conversation.id,
      details: { draftId: draft.id, revision: draft.revision + 1 },
    });
    await announceConversation(tx.db, conversation);
    return viewDraft(tx, draft.id);
  });
}

export async function withdrawDraft(ctx: ServiceContext, draftId: string) {
  assertCan(ctx.actor, 'inbox.handle');
  return runInTransaction(ctx, async (tx) => {
    const { draft, conversation } = await ownOpenDraft(tx, draftId);
    await updateDraft(tx.db, tx.actor.organisationId, draft.id, { status: 'ingetrokken', updated_at: tx.clock.now() });
    await buildReviewEvent(tx, conversation, 'Antwoord ter controle ingetrokken', { draftId: draft.id, action: 'ingetrokken' });
    await recordAudit(tx, { action: 'antwoord.ingetrokken', recordType: 'gesprek', recordId: conversation.id, details: { draftId: draft.id } });
    await announceConversation(tx.db, conversation);
    return viewDraft(tx, draft.id);
  });
}
