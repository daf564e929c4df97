import { isConversational } from '@contracts/message-purpose';
import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { MessageRow } from '@platform/db/database.schema';
import type { JobRegistry } from '@platform/jobs/job-registry.service';
import { sql } from 'kysely';
import { defineStoredMessagesJob, placeMessageInConversation } from '../channels/index';
import { isAuthorBlocked, keepBlockedAuthorQuiet } from './abuse/blocked-inbound.service';
import {
  findConversation,
  findConversationOfMessage,
  findConversationOfOutboxReply,
  findMessageByPlatformId,
  findUnthreadedMessages,
  findUnthreadedThreadable,
  openConversation,
  updateConversation,
} from './conversations.repository';
import { announceConversationsOf } from './live/announce.service';
import { applyNorms, isAcknowledgement } from './office-hours/norms.service';
import { applyRoutingRules } from './routing/apply-rules.service';
import { takeReplyToQuestion, takeSatisfactionReply } from './satisfaction/thread-answer.service';
import { deriveThreadKey, makePreview, pickLater } from './threading.rules';

// A resident's message: into the conversation of its person and thread, which opens again if it was
// waiting, snoozed or closed, and now waits for an answer; unless it is their score for the satisfaction
// question asked at closing, which is recorded and leaves the conversation closed.
async function threadInbound(db: Db, clock: Clock, message: MessageRow) {
  if (await takeReplyToQuestion(db, clock, message)) return;
  const { conversation, created } = await openConversation(db, {
    organisation_id: message.organisation_id,
    account_id: message.account_id,
    municipality_id: message.municipality_id,
    channel: message.channel,
    thread_key: await threadKeyOf(db, message),
    author_id: message.author_id,
    author_handle: message.author_handle,
    author_name: message.author_name,
    subject: message.subject,
    visibility: message.visibility as 'openbaar' | 'prive',
    started_at: message.received_at,
    last_message_at: message.received_at,
    last_inbound_at: message.received_at,
    waiting_since: message.received_at,
    message_count: 1,
    preview: makePreview(message.text),
    simulated: message.simulated,
  });
  await placeMessageInConversation(db, message.organisation_id, message.id, conversation.id);
  // A blocked author's message is stored, but nobody is asked to answer it.
  if (await isAuthorBlocked(db, message)) return keepBlockedAuthorQuiet(db, clock, conversation, message, created);
  if (created) {
    const routed = await applyRoutingRules(db, clock, conversation, message);
    return applyNorms(db, clock, { before: null, after: routed, message });
  }
  if (await takeSatisfactionReply(db, clock, conversation, message)) return;
  const updated = await updateConversation(db, message.organisation_id, conversation.id, {
    message_count: sql`message_count + 1`,
    last_message_at: pickLater(message.received_at, conversation.last_message_at),
    last_inbound_at: message.received_at,
    waiting_since: conversation.waiting_since ?? message.received_at,
    preview: makePreview(message.text),
    ...(conversation.state !== 'open' && { state: 'open', closed_at: null, snoozed_until: null }),
  });
  await applyNorms(db, clock, { before: conversation, after: updated, message });
}

// Where a connector cannot name a thread's real root it names the parent (Mastodon: the root would take a context
// call per status). A resident's reply to our answer then carries our answer as its root; the answer's
// conversation, if it is this resident's on this account, is where the reply belongs.
async function threadKeyOf(db: Db, message: MessageRow) {
  if (message.reply_to_platform_id && message.reply_to_platform_id === message.thread_root_platform_id) {
    const parent = await findMessageByPlatformId(db, message.organisation_id, message.account_id, message.reply_to_platform_id);
    const conversation = parent?.conversation_id ? await findConversation(db, message.organisation_id, parent.conversation_id) : undefined;
    if (conversation && conversation.author_id === message.author_id && conversation.account_id === message.account_id) return conversation.thread_key;
  }
  return deriveThreadKey(message);
}

// Our answer (sent through the outbox): into the conversation of the message it answers. The resident
// no longer waits; the first answer is the first response.
async function threadOutbound(db: Db, message: MessageRow) {
  if (!message.reply_to_platform_id) return;
  const original = await findMessageByPlatformId(db, message.organisation_id, message.account_id, message.reply_to_platform_id);
  // Part n + 1 of a thread answers part n, whose sorting job may not have committed yet (another worker):
  // then the resident's message that the outbox item answers says where it belongs.
  const conversationId =
    original?.conversation_id ?? (await findConversationOfOutboxReply(db, message.organisation_id, (message.raw as { outboxId?: unknown } | null)?.outboxId));
  if (!conversationId) return;
  await placeMessageInConversation(db, message.organisation_id, message.id, conversationId);
  // One update: counted, no longer waiting, the first answer is the first response, an open conversation waits
  // for the resident now. An acknowledgement outside hours is only counted: it answers nothing.
  if (await isAcknowledgement(db, message)) {
    await updateConversation(db, message.organisation_id, conversationId, { message_count: sql`message_count + 1` });
    return;
  }
  await updateConversation(db, message.organisation_id, conversationId, {
    message_count: sql`message_count + 1`,
    last_message_at: message.received_at,
    waiting_since: null,
    first_response_at: sql`coalesce(first_response_at, ${message.received_at})`,
    state: sql`CASE WHEN state = 'open' THEN 'wachtend' ELSE state END`,
  });
}

export async function threadMessages(db: Db, clock: Clock, organisationId: string, messageIds: string[]) {
  const sorted = await findUnthreadedThreadable(db, organisationId, messageIds);
  for (const message of sorted) {
    if (message.direction === 'uit') await threadOutbound(db, message);
    else if (isConversational(message)) await threadInbound(db, clock, message);
  }
  // Open inboxes (in any server process) hear it when this job's transaction commits. A burst that is only
  // listened to (search results) lands in no conversation and is not looked up again.
  if (sorted.length > 0)
    await announceConversationsOf(
      db,
      organisationId,
      sorted.map((message) => message.id),
    );
}

// A message that did not come in as a question (a search result found by listening) is brought into the
// inbox on request: the same path as a resident's message, so routing rules and norms apply.
export async function bringIntoInbox(db: Db, clock: Clock, organisationId: string, messageId: string): Promise<string> {
  const [message] = await findUnthreadedMessages(db, organisationId, [messageId]);
  if (message && message.direction === 'in') {
    await threadInbound(db, clock, message);
    await announceConversationsOf(db, organisationId, [messageId]);
  }
  const threaded = await findConversationOfMessage(db, organisationId, messageId);
  if (!threaded) throw new Error(`Bericht ${messageId} kon niet in de inbox worden gezet`);
  return threaded;
}

// Sorts what channels stored into conversations (the inbox subscribes to conversational messages in its index.ts).
export const THREAD_JOB = 'inbox.indelen';

export function registerInboxJobs(registry: JobRegistry): void {
  registry.register(defineStoredMessagesJob(THREAD_JOB, threadMessages));
}
