import { createHash } from 'node:crypto';
import type { Db } from '@platform/db/database.client';
import type { MessagesTable } from '@platform/db/database.schema';
import { isInScope } from '@platform/db/in-scope.rules';
import { type ColumnType, unnestRows } from '@platform/db/unnest-rows.rules';
import type { Scope } from '@platform/tenancy/policy.rules';
import { type Insertable, sql } from 'kysely';

// Every column a stored message is given, and the type it travels as (see unnestRows).
const MESSAGE_COLUMNS = {
  organisation_id: 'uuid',
  id: 'uuid',
  account_id: 'uuid',
  municipality_id: 'uuid',
  channel: 'text',
  direction: 'text',
  platform_id: 'text',
  author_id: 'text',
  author_handle: 'text',
  author_name: 'text',
  author_followers: 'integer',
  text: 'text',
  subject: 'text',
  media: 'jsonb',
  links: 'jsonb',
  mentions: 'jsonb',
  hashtags: 'jsonb',
  reply_to_platform_id: 'text',
  thread_root_platform_id: 'text',
  geo_lat: 'double precision',
  geo_lon: 'double precision',
  language: 'text',
  public_url: 'text',
  visibility: 'text',
  posted_at: 'timestamptz',
  received_at: 'timestamptz',
  raw: 'jsonb',
  simulated: 'boolean',
  stream: 'text',
} as const satisfies Partial<Record<keyof MessagesTable, ColumnType>>;

// A new message names every column above (no database defaults: the rows travel as column arrays), its
// jsonb columns as values (unnestRows serialises them; JSON text would be stored as a string).
export type NewMessageRow = Omit<
  Required<Pick<Insertable<MessagesTable>, keyof typeof MESSAGE_COLUMNS>>,
  'media' | 'links' | 'mentions' | 'hashtags' | 'raw'
> & {
  media: unknown[];
  links: string[];
  mentions: string[];
  hashtags: string[];
  raw: unknown;
};

// Inserts what is new and ignores what is already stored (same account and platform id): a repeated
// poll, a webhook retry or a second worker never stores a message twice. Returns the new rows only.
export async function insertMessagesOnce(db: Db, rows: NewMessageRow[]) {
  if (rows.length === 0) return [];
  const { columns, expression } = unnestRows(rows, MESSAGE_COLUMNS);
  return db
    .insertInto('messages')
    .columns(columns)
    .expression(expression)
    .onConflict((conflict) => conflict.columns(['organisation_id', 'account_id', 'platform_id']).doNothing())
    .returning(['id', 'platform_id', 'organisation_id'])
    .execute();
}

export async function setMessageMedia(db: Db, organisationId: string, messageId: string, media: unknown[]) {
  await db
    .updateTable('messages')
    .set({ media: JSON.stringify(media) })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', messageId)
    .execute();
}

export async function setMessageConversation(db: Db, organisationId: string, messageId: string, conversationId: string) {
  await db.updateTable('messages').set({ conversation_id: conversationId }).where('organisation_id', '=', organisationId).where('id', '=', messageId).execute();
}

export async function insertAttachment(
  db: Db,
  organisationId: string,
  file: { messageId: string | null; filename: string; contentType: string; bytes: Buffer; uploadSessionHash?: string },
) {
  return db
    .insertInto('attachments')
    .values({
      organisation_id: organisationId,
      message_id: file.messageId,
      upload_session_hash: file.uploadSessionHash ?? null,
      filename: file.filename,
      content_type: file.contentType,
      size_bytes: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      content: file.bytes,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export async function findAttachment(db: Db, organisationId: string, attachmentId: string) {
  return db.selectFrom('attachments').selectAll().where('organisation_id', '=', organisationId).where('id', '=', attachmentId).executeTakeFirst();
}

export async function findMessages(
  db: Db,
  scope: Scope,
  filter: { accountId?: string; channel?: string; before?: { receivedAt: Date; id: string }; limit: number },
) {
  let query = db.selectFrom('messages').selectAll().where('organisation_id', '=', scope.organisationId).where(isInScope('municipality_id', scope));
  if (filter.accountId) query = query.where('account_id', '=', filter.accountId);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.before) {
    const { receivedAt, id } = filter.before;
    query = query.where(sql<boolean>`(received_at, id) < (${receivedAt}, ${id}::uuid)`);
  }
  return query.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

export async function findMessage(db: Db, organisationId: string, messageId: string) {
  return db.selectFrom('messages').selectAll().where('organisation_id', '=', organisationId).where('id', '=', messageId).executeTakeFirst();
}

export async function countMessages(db: Db, organisationId: string, accountId: string) {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('organisation_id', '=', organisationId)
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findCursor(db: Db, organisationId: string, accountId: string, stream: string) {
  const row = await db
    .selectFrom('channel_cursors')
    .select(['cursor', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .where('account_id', '=', accountId)
    .where('stream', '=', stream)
    .executeTakeFirst();
  return row ?? null;
}

// Moves a cursor only from where the poll started: if another worker moved it meanwhile, nothing changes
// here (its messages are stored once anyway) and the caller learns it lost the race.
export async function advanceCursor(
  db: Db,
  key: { organisationId: string; accountId: string; stream: string },
  from: unknown,
  to: unknown,
  now: Date,
): Promise<boolean> {
  if (from === null || from === undefined) {
    const inserted = await db
      .insertInto('channel_cursors')
      .values({ organisation_id: key.organisationId, account_id: key.accountId, stream: key.stream, cursor: JSON.stringify(to), updated_at: now })
      .onConflict((conflict) => conflict.columns(['organisation_id', 'account_id', 'stream']).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  const updated = await db
    .updateTable('channel_cursors')
    .set({ cursor: JSON.stringify(to), updated_at: now })
    .where('organisation_id', '=', key.organisationId)
    .where('account_id', '=', key.accountId)
    .where('stream', '=', key.stream)
    .where(sql<boolean>`cursor = ${JSON.stringify(from)}::jsonb`)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

// The images that came with a message (e-mail attachments), for a case made from it.
export async function findImageAttachmentIds(db: Db, organisationId: string, messageId: string) {
  const rows = await db
    .selectFrom('attachments')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('message_id', '=', messageId)
    .where('content_type', 'like', 'image/%')
    .orderBy('created_at')
    .execute();
  return rows.map((row) => row.id);
}
