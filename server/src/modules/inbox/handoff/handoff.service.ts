import type { handoffCreateSchema } from '@contracts/handoff';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import { conflict } from '@platform/http/http.errors';
import { assertCan } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { findVisibleConversation } from '../conversation-access.service';
import { handOffToAccount } from './account-handoff.service';
import { toHandoffView } from './handoff.views';
import { findHandoffsOfConversation } from './handoffs.repository';
import { type HandoffLinks, handOffToPartner } from './partner-handoff.service';

type HandoffInput = z.infer<typeof handoffCreateSchema>;

export async function listConversationHandoffs(ctx: ServiceContext, conversationId: string) {
  assertCan(ctx.actor, 'inbox.read');
  const conversation = await findVisibleConversation(ctx, conversationId);
  const rows = await findHandoffsOfConversation(ctx.db, ctx.actor.organisationId, conversation.id);
  return { handoffs: rows.map((row) => toHandoffView(row, ctx.clock.now())) };
}

// Hands the conversation to another account of the organisation or to an outside partner; the reply to the
// resident, the hand-off, its timeline event, audit entry, mail and live announcement commit together.
export async function handOffConversation(ctx: ServiceContext, links: HandoffLinks, conversationId: string, input: HandoffInput) {
  assertCan(ctx.actor, 'inbox.handle');
  await runInTransaction(ctx, async (tx) => {
    const conversation = await findVisibleConversation(tx, conversationId, true);
    if (conversation.state === 'gesloten')
      throw conflict('gesprek-gesloten', 'Dit gesprek is gesloten. Heropen het eerst als het nog moet worden overgedragen.');
    if (input.to === 'account') await handOffToAccount(tx, conversation, input);
    else await handOffToPartner(tx, links, conversation, input);
  });
  return listConversationHandoffs(ctx, conversationId);
}
