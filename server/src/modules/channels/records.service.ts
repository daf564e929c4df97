import type { Db } from '@platform/db/database.client';
import type { Scope } from '@platform/tenancy/policy.rules';
import * as accounts from './accounts.repository';
import * as messages from './messages.repository';
import * as outbox from './outbox.repository';

// What other modules may read and change of channels' own tables (accounts, messages, attachments, the outbox),
// always for one organisation. The repositories stay private to channels, so the tables can change behind these.

export function findChannelAccount(db: Db, organisationId: string, accountId: string) {
  return accounts.findAccount(db, organisationId, accountId);
}

export function listChannelAccounts(db: Db, scope: Scope) {
  return accounts.findAccounts(db, scope);
}

// The oldest account of a channel in a municipality (the demo's simulated account, for one).
export function findChannelAccountOfMunicipality(db: Db, organisationId: string, municipalityId: string, channel: string) {
  return accounts.findAccountByChannel(db, organisationId, municipalityId, channel);
}

// The inbox's satisfaction question is asked per account; the setting is kept on the account.
export function setAccountSatisfactionSurvey(db: Db, organisationId: string, accountId: string, enabled: boolean) {
  return accounts.updateAccount(db, organisationId, accountId, { satisfaction_survey: enabled });
}

// An archive account for history imported from another tool: paused, without credentials, never polled.
export function createArchiveAccount(db: Db, organisationId: string, input: { municipalityId: string; channel: string; handle: string; displayName: string }) {
  return accounts.insertAccount(db, organisationId, {
    municipality_id: input.municipalityId,
    channel: input.channel,
    handle: input.handle,
    display_name: input.displayName,
    settings: JSON.stringify({ import: true }),
    secrets_sealed: null,
    service_url: null,
    owner_user_id: null,
    paused: true,
    status: 'gepauzeerd',
  });
}

export function findStoredMessage(db: Db, organisationId: string, messageId: string) {
  return messages.findMessage(db, organisationId, messageId);
}

// The conversation a consumer (the inbox) placed a message in; kept on the message so every reader of it sees
// the link (listening's "in de inbox").
export function placeMessageInConversation(db: Db, organisationId: string, messageId: string, conversationId: string) {
  return messages.setMessageConversation(db, organisationId, messageId, conversationId);
}

export function findStoredAttachment(db: Db, organisationId: string, attachmentId: string) {
  return messages.findAttachment(db, organisationId, attachmentId);
}

// A file kept beside a message, or on its own (messageId null) until a melding or reply takes it.
export function storeAttachment(
  db: Db,
  organisationId: string,
  // uploadSessionHash: the public form session that uploaded it, the only one that may claim it
  file: { messageId: string | null; filename: string; contentType: string; bytes: Buffer; uploadSessionHash?: string },
) {
  return messages.insertAttachment(db, organisationId, file);
}

// The images that came with a message (e-mail attachments), for a case made from it.
export function findImageAttachmentIdsOfMessage(db: Db, organisationId: string, messageId: string) {
  return messages.findImageAttachmentIds(db, organisationId, messageId);
}

export function findOutboxEntry(db: Db, organisationId: string, outboxId: string) {
  return outbox.findOutboxItem(db, organisationId, outboxId);
}

// Replies to these messages, in the order they were queued (a conversation's answers, sent or not).
export function findRepliesToMessages(db: Db, organisationId: string, messageIds: string[]) {
  return outbox.findOutboxItemsForMessages(db, organisationId, messageIds);
}

// The parts of a thread that wait for this one.
export function findOutboxEntriesAfter(db: Db, organisationId: string, outboxId: string) {
  return outbox.findOutboxItemsAfter(db, organisationId, outboxId);
}
