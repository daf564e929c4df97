import type { Db } from '@platform/db/database.client';
import type { OutboxTable } from '@platform/db/database.schema';
import type { Insertable, Updateable } from 'kysely';

// Returns the existing row when the idempotency key was used before: asking twice sends once.
export async function insertOutboxOnce(db: Db, row: Insertable<OutboxTable>) {
  const inserted = await db
    .insertInto('outbox')
    .values(row)
    .onConflict((conflict) => conflict.columns(['organisation_id', 'idempotency_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { row: inserted, created: true };
  const existing = await db
    .selectFrom('outbox')
    .selectAll()
    .where('organisation_id', '=', row.organisation_id)
    .where('idempotency_key', '=', row.idempotency_key)
    .executeTakeFirstOrThrow();
  return { row: existing, created: false };
}

export async function findOutboxItem(db: Db, organisationId: string, outboxId: string) {
  return db.selectFrom('outbox').selectAll().where('organisation_id', '=', organisationId).where('id', '=', outboxId).executeTakeFirst();
}

export async function lockOutboxItem(db: Db, organisationId: string, outboxId: string) {
  return db.selectFrom('outbox').selectAll().where('organisation_id', '=', organisationId).where('id', '=', outboxId).forUpdate().executeTakeFirst();
}

export async function updateOutboxItem(db: Db, organisationId: string, outboxId: string, changes: Updateable<OutboxTable>) {
  return db
    .updateTable('outbox')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', outboxId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// Committed on its own, before the platform is called (see the send job): the trace of an attempt that began.
export async function markOutboxSendStarted(db: Db, organisationId: string, outboxId: string, now: Date) {
  await db
    .updateTable('outbox')
    .set({ send_started_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', outboxId)
    .where('send_started_at', 'is', null)
    .execute();
}

export async function findOutboxItems(db: Db, organisationId: string, filter: { accountId?: string; accountIds?: string[]; limit: number }) {
  let query = db.selectFrom('outbox').selectAll().where('organisation_id', '=', organisationId);
  if (filter.accountId) query = query.where('account_id', '=', filter.accountId);
  if (filter.accountIds) {
    if (filter.accountIds.length === 0) return [];
    query = query.where('account_id', 'in', filter.accountIds);
  }
  return query.orderBy('created_at', 'desc').limit(filter.limit).execute();
}

// Replies to these messages, in the order they were queued (a conversation's answers, sent or not).
export async function findOutboxItemsForMessages(db: Db, organisationId: string, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('reply_to_message_id', 'in', messageIds)
    .orderBy('created_at')
    .execute();
}

// The parts of a thread that wait for this one.
export async function findOutboxItemsAfter(db: Db, organisationId: string, outboxId: string) {
  return db.selectFrom('outbox').selectAll().where('organisation_id', '=', organisationId).where('after_outbox_id', '=', outboxId).execute();
}
