import type { ServiceContext } from '@platform/context.service';
import { conflict } from '@platform/http/http.errors';
import { assertCan } from '@platform/tenancy/policy.rules';
import { findVisibleListeningItem } from '../luisteren/index';
import { bringIntoInbox } from './threading.service';

// "Naar inbox": a post found by listening becomes a webcare conversation, routed like any other. The inbox asks
// listening for the item (visible to this person), so listening needs nothing of the inbox.
export async function sendItemToInbox(ctx: ServiceContext, messageId: string) {
  assertCan(ctx.actor, 'inbox.handle');
  const row = await findVisibleListeningItem(ctx, messageId);
  if (row.channel === 'rss')
    throw conflict('niet-te-beantwoorden', 'Een nieuwsbericht uit een feed kunt u niet beantwoorden; deel het met een collega of maak er een melding van.');
  const conversationId = row.conversation_id ?? (await bringIntoInbox(ctx.db, ctx.clock, ctx.actor.organisationId, messageId));
  return { conversationId };
}
