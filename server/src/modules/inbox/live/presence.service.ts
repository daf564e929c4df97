import { runInTransaction, type ServiceContext } from '@platform/context.service';
import { announce } from '@platform/events/event-hub.service';
import { assertCan } from '@platform/tenancy/policy.rules';
import { findVisibleConversation } from '../conversation-access.service';
import { deleteStalePresence, findPresentColleagues, removePresence, upsertPresence } from './presence.repository';

// A browser with the conversation open says so every 20 seconds; after a minute of silence it counts as gone.
export const PRESENCE_SECONDS = 60;

export async function listPresence(ctx: ServiceContext, conversationId: string) {
  assertCan(ctx.actor, 'inbox.read');
  const row = await findVisibleConversation(ctx, conversationId);
  const since = new Date(ctx.clock.now().getTime() - PRESENCE_SECONDS * 1000);
  const colleagues = await findPresentColleagues(ctx.db, ctx.actor.organisationId, row.id, ctx.actor.userId, since);
  return colleagues.map((colleague) => ({
    userId: colleague.user_id,
    name: colleague.name,
    composing: colleague.composing,
    seenAt: colleague.seen_at.toISOString(),
  }));
}

// Heartbeat of an agent on a conversation; `composing` while they type an answer. Colleagues on the same
// conversation hear of it at once, so two people do not answer the same resident.
export async function reportPresence(ctx: ServiceContext, conversationId: string, input: { composing: boolean; leaving?: boolean }) {
  assertCan(ctx.actor, 'inbox.read');
  await runInTransaction(ctx, async (tx) => {
    const row = await findVisibleConversation(tx, conversationId);
    // Whoever reports clears what closed tabs left behind on this conversation.
    await deleteStalePresence(tx.db, tx.actor.organisationId, row.id, new Date(tx.clock.now().getTime() - PRESENCE_SECONDS * 1000));
    if (input.leaving) await removePresence(tx.db, tx.actor.organisationId, row.id, tx.actor.userId);
    else
      await upsertPresence(tx.db, {
        organisationId: tx.actor.organisationId,
        conversationId: row.id,
        userId: tx.actor.userId,
        composing: input.composing,
        at: tx.clock.now(),
      });
    await announce(tx.db, { organisationId: tx.actor.organisationId, kind: 'aanwezigheid', id: row.id, municipalityId: row.municipality_id });
  });
  return listPresence(ctx, conversationId);
}
