import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import { runInSavepoint } from '@platform/db/database.client';
import type { ChannelAccountRow } from '@platform/db/database.schema';
import { isUnstorableValue } from '@platform/db/db-errors.rules';
import { enqueueJob } from '@platform/jobs/jobs.service';
import { cleanText, hasUncleanText } from '@platform/text/clean-text.rules';
import { v7 as timeOrderedUuid } from 'uuid';
import type { NormalisedMessage } from './connector.types';
import { findConnector } from './connectors/connectors.registry';
import { groupMessagesBySubscription } from './message-subscriptions.service';
import { insertAttachment, insertMessagesOnce, type NewMessageRow, setMessageMedia } from './messages.repository';
import { findMalformedField } from './normalised-message.rules';
import { upsertQuarantineEntry } from './quarantine.repository';
import { serialiseQuarantinedMessage, serialiseUnreadableDelivery } from './quarantine.rules';

export const POLL_JOB = 'kanaal.ophalen';
const DEFAULT_POLL_SECONDS = 60;

type AccountRef = Pick<ChannelAccountRow, 'organisation_id' | 'id' | 'municipality_id' | 'channel'>;

export function pollIntervalSeconds(account: Pick<ChannelAccountRow, 'channel' | 'settings'>): number {
  const configured = Number(account.settings.pollSeconds);
  // Between 10 seconds and a day: finished polls are cleaned up after a day (see the planner).
  if (Number.isFinite(configured) && configured >= 10) return Math.min(configured, 86_400);
  return findConnector(account.channel)?.pollIntervalSeconds ?? DEFAULT_POLL_SECONDS;
}

// One poll per account, stream and time slot: the unique key makes the planner, a restart and a
// second process agree on it without talking to each other.
export function pollJobKey(accountId: string, stream: string, slot: number) {
  return `ophalen:${accountId}:${stream}:${slot}`;
}

export async function enqueuePollsFor(db: Db, clock: Clock, account: Pick<ChannelAccountRow, 'organisation_id' | 'id' | 'channel' | 'settings'>) {
  const connector = findConnector(account.channel);
  if (!connector?.poll) return;
  const now = clock.now();
  const slot = Math.floor(now.getTime() / (pollIntervalSeconds(account) * 1000));
  const streams = connector.streams({ settings: account.settings });
  for (const stream of streams) {
    await enqueueJob(db, {
      organisationId: account.organisation_id,
      name: POLL_JOB,
      payload: { accountId: account.id, stream },
      runAt: now,
      uniqueKey: pollJobKey(account.id, stream, slot),
      maxAttempts: 3,
    });
  }
}

// A new or resumed account is polled at once, not at the next tick of the planner.
export async function startPolling(db: Db, clock: Clock, account: ChannelAccountRow) {
  if (account.paused || account.status === 'aandacht-nodig') return;
  await enqueuePollsFor(db, clock, account);
}

function toRow(account: AccountRef, message: NormalisedMessage, receivedAt: Date, stream: string | null): NewMessageRow {
  return {
    organisation_id: account.organisation_id,
    // Time-ordered (UUIDv7): a burst's new keys land side by side at the end of the primary key and of the listening
    // tables keyed by message, instead of on a random page each; the pipeline's lookups of a batch read a few pages.
    id: timeOrderedUuid(),
    account_id: account.id,
    municipality_id: account.municipality_id,
    channel: account.channel,
    direction: message.direction ?? 'in',
    platform_id: message.platformId,
    author_id: message.author.id,
    author_handle: message.author.handle,
    author_name: message.author.displayName,
    author_followers: message.author.followers,
    text: message.text,
    subject: message.subject ?? null,
    media: message.media.map(({ file: _file, ...media }) => ({ ...media, attachmentId: null })),
    links: message.links,
    mentions: message.mentions,
    hashtags: message.hashtags,
    reply_to_platform_id: message.replyToPlatformId,
    thread_root_platform_id: message.threadRootPlatformId,
    geo_lat: message.geo?.lat ?? null,
    geo_lon: message.geo?.lon ?? null,
    language: message.language,
    public_url: message.publicUrl,
    visibility: message.visibility,
    posted_at: message.postedAt,
    received_at: receivedAt,
    raw: message.raw ?? {},
    simulated: account.channel === 'gesimuleerd',
    stream,
  };
}

// Cleans the text a platform sent (files are left as they are); a message without anything to clean is kept as is.
function storable(message: NormalisedMessage): NormalisedMessage {
  const { media, postedAt, ...texts } = message;
  if (!hasUncleanText(texts)) return message;
  return { ...cleanText(texts), media, postedAt };
}

// The one way a message enters Plein, whatever brought it (poll, webhook, form, phone, simulator).
// Stores what is new, keeps attached files, and returns the ids of the new messages only.
export async function storeMessages(db: Db, clock: Clock, account: AccountRef, messages: NormalisedMessage[], options: { stream?: string } = {}) {
  return (await storeBatch(db, clock, account, messages, options.stream ?? null)).ids;
}

// storeMessages, also saying which messages were set aside (a retry from Beheer → Kanalen needs to know).
export async function storeBatch(db: Db, clock: Clock, account: AccountRef, messages: NormalisedMessage[], stream: string | null) {
  if (messages.length === 0) return { ids: [], setAside: [] };
  const malformed: string[] = [];
  const wellFormed: NormalisedMessage[] = [];
  for (const message of messages) {
    const problem = findMalformedField(message);
    if (!problem) wellFormed.push(message);
    else {
      await setMessageAside(db, clock, account, message, stream, `Ongeldig bericht van het platform: ${problem}`);
      malformed.push(String(message?.platformId ?? ''));
    }
  }
  // The same platform id twice in one batch (a repost seen in two streams) is one message. A platform's text is stored
  // without what PostgreSQL cannot hold (a NUL in one item failed the whole batch, and so the whole channel).
  // Keyed by the cleaned id, which is the one stored (a NUL in an id is removed like one in a text).
  const unique = [...new Map(wellFormed.map(storable).map((message) => [message.platformId, message])).values()];
  const receivedAt = clock.now();
  const rows = unique.map((message) => toRow(account, message, receivedAt, stream));
  // Found again by the id Plein gave the row, not by the platform's id, which can come back changed (PGlite's UTF-8
  // decoder drops a leading byte-order mark).
  const byRowId = new Map(rows.map((row, index) => [row.id, unique[index]!]));
  const outcome = await insertOrSetAside(db, clock, account, rows, byRowId, stream);
  const { inserted } = outcome;
  const setAside = [...malformed, ...outcome.setAside];
  for (const row of inserted) {
    const message = byRowId.get(row.id)!;
    if (!message.media.some((media) => media.file)) continue;
    const media = [];
    for (const item of message.media) {
      const { file, ...rest } = item;
      const stored = file ? await insertAttachment(db, account.organisation_id, { messageId: row.id, ...file }) : null;
      media.push({ ...rest, attachmentId: stored?.id ?? null });
    }
    await setMessageMedia(db, account.organisation_id, row.id, media);
  }
  const ids = inserted.map((row) => row.id);
  if (ids.length === 0) return { ids, setAside };
  // Handed on by the subscribers' jobs, queued in the same transaction: a crash between storing and handing on
  // loses nothing, and channels depend on none of the modules that listen.
  const stored = inserted.map((row) => {
    const message = byRowId.get(row.id)!;
    return { id: row.id, direction: message.direction ?? 'in', channel: account.channel, visibility: message.visibility };
  });
  for (const { subscription, messages: served } of groupMessagesBySubscription(stored, stream)) {
    if (served.length === 0) continue;
    await enqueueJob(db, {
      organisationId: account.organisation_id,
      name: subscription.job,
      payload: { messageIds: served.map((message) => message.id) },
      runAt: receivedAt,
    });
  }
  return { ids, setAside };
}

// The batch in one statement; when PostgreSQL refuses it for what a message holds, each message on its own, so that
// only the one it cannot hold is set aside (quarantined, with the error) and the rest of the batch is stored. An error
// of the database itself (down, timed out) fails the batch as before: the poll or delivery is tried again.
async function insertOrSetAside(
  db: Db,
  clock: Clock,
  account: AccountRef,
  rows: NewMessageRow[],
  byRowId: Map<string, NormalisedMessage>,
  stream: string | null,
) {
  try {
    return { inserted: await runInSavepoint(db, (trx) => insertMessagesOnce(trx, rows)), setAside: [] };
  } catch (error) {
    if (!isUnstorableValue(error)) throw error;
  }
  const inserted: Awaited<ReturnType<typeof insertMessagesOnce>> = [];
  const setAside: string[] = [];
  for (const row of rows) {
    try {
      inserted.push(...(await runInSavepoint(db, (trx) => insertMessagesOnce(trx, [row]))));
    } catch (error) {
      if (!isUnstorableValue(error)) throw error;
      await setMessageAside(db, clock, account, byRowId.get(row.id)!, stream, error);
      setAside.push(row.platform_id);
    }
  }
  return { inserted, setAside };
}

async function setMessageAside(db: Db, clock: Clock, account: AccountRef, message: NormalisedMessage, stream: string | null, error: unknown) {
  await setAside(db, clock, account, { stream, platformId: String(message?.platformId || 'onbekend'), payload: serialiseQuarantinedMessage(message), error });
}

// A part of a webhook delivery the connector could not read at all: kept as the platform sent it, so a retry after an
// update of Plein reads it again. Its key is the part's content, so a redelivery is the same entry.
export async function setDeliveryAside(db: Db, clock: Clock, account: AccountRef, part: unknown, error: unknown) {
  const payload = serialiseUnreadableDelivery(part);
  const platformId = `onleesbaar:${createHash('sha256').update(payload).digest('hex').slice(0, 32)}`;
  const reason = `Plein kon dit deel van de levering niet lezen: ${error instanceof Error ? error.message : String(error)}`;
  await setAside(db, clock, account, { stream: null, platformId, payload, error: reason });
}

async function setAside(db: Db, clock: Clock, account: AccountRef, entry: { stream: string | null; platformId: string; payload: string; error: unknown }) {
  const reason = cleanText({ text: entry.error instanceof Error ? entry.error.message : String(entry.error) }).text.slice(0, 1000);
  await upsertQuarantineEntry(
    db,
    account.organisation_id,
    // The id as it can be stored: a malformed message's id may hold the very characters PostgreSQL refuses.
    { id: randomUUID(), accountId: account.id, stream: entry.stream, platformId: cleanText(entry.platformId), payload: entry.payload, error: reason },
    clock.now(),
  );
}
