import { CHANNEL_CAPABILITIES, checkLength } from '@contracts/channel-limits';
import type { Channel } from '@contracts/channels';
import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import { findAccount } from './accounts.repository';
import { findMessage } from './messages.repository';
import { storeOutboxItem } from './outbox.service';

// News about a case (a melding, later a klacht) that was made from a message goes back to the resident
// as a reply on that message's channel, through the outbox like every send. It is the organisation
// answering, not an agent posting, so no send permission is asked; the texts are the case's own.
// `texts` holds the preferred text first and shorter ones after it: the first that fits the channel is sent.
// Returns null when the channel cannot reply (a phone note) or the message is gone.
export async function queueCaseReply(
  db: Db,
  clock: Clock,
  organisationId: string,
  input: { messageId: string; texts: string[]; idempotencyKey: string; createdBy: string | null },
): Promise<{ outboxId: string } | null> {
  const message = await findMessage(db, organisationId, input.messageId);
  const account = message && (await findAccount(db, organisationId, message.account_id));
  if (!message || !account) return null;
  const channel = account.channel as Channel;
  if (!CHANNEL_CAPABILITIES[channel].reply) return null;
  const text = input.texts.find((candidate) => checkLength(channel, candidate).fits);
  if (!text) return null;
  const { row } = await storeOutboxItem(db, clock, organisationId, {
    accountId: account.id,
    kind: 'reply',
    text,
    replyToMessageId: message.id,
    idempotencyKey: input.idempotencyKey,
    createdBy: input.createdBy,
  });
  return { outboxId: row.id };
}
