import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { ConversationRow, MessageRow } from '@platform/db/database.schema';
import { sql } from 'kysely';
import { insertConversationEvent, updateConversation } from '../conversations.repository';
import { makePreview, pickLater } from '../threading.rules';
import { findBlockOf } from './abuse.repository';
import { isBlockActive } from './abuse.views';

export const BLOCKED_LABEL = 'geblokkeerd';

export async function isAuthorBlocked(db: Db, message: MessageRow): Promise<boolean> {
  const block = await findBlockOf(db, message.organisation_id, message.account_id, message.author_id);
  return block !== undefined && isBlockActive(block, message.received_at);
}

// A message from a blocked author is kept (nothing is lost: the register and a later review may need it)
// but its conversation closes at once, labelled "geblokkeerd": no routing, no norms, no acknowledgement,
// nobody waits. The event is written when the conversation goes quiet, not for every further message.
export async function keepBlockedAuthorQuiet(db: Db, clock: Clock, conversation: ConversationRow, message: MessageRow, created: boolean) {
  const alreadyQuiet = !created && conversation.state === 'gesloten' && conversation.labels.includes(BLOCKED_LABEL);
  await updateConversation(db, message.organisation_id, conversation.id, {
    ...(!created && { message_count: sql`message_count + 1` }),
    state: 'gesloten',
    closed_at: conversation.state === 'gesloten' && conversation.closed_at ? conversation.closed_at : message.received_at,
    snoozed_until: null,
    waiting_since: null,
    labels: conversation.labels.includes(BLOCKED_LABEL) ? conversation.labels : [...conversation.labels, BLOCKED_LABEL],
    last_message_at: pickLater(message.received_at, conversation.last_message_at),
    last_inbound_at: message.received_at,
    preview: makePreview(message.text),
  });
  if (alreadyQuiet) return;
  await insertConversationEvent(db, {
    organisation_id: message.organisation_id,
    conversation_id: conversation.id,
    at: clock.now(),
    kind: 'geblokkeerd',
    text: 'Bericht van een geblokkeerde afzender: bewaard, en het gesprek is meteen gesloten (geen verdeling, geen ontvangstbevestiging).',
    details: JSON.stringify({ messageId: message.id }),
    actor_user_id: null,
    actor_name: 'Plein (automatisch)',
  });
}
