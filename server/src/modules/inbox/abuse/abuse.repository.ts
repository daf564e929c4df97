import type { Db } from '@platform/db/database.client';
import type { AggressionRegisterTable, AuthorBlocksTable } from '@platform/db/database.schema';
import { isInScope } from '@platform/db/in-scope.rules';
import type { Scope } from '@platform/tenancy/policy.rules';
import type { Insertable } from 'kysely';

// Null when the message is already in the register (one entry per message).
export async function insertRegisterEntryOnce(db: Db, row: Insertable<AggressionRegisterTable>) {
  return db
    .insertInto('aggression_register')
    .values(row)
    .onConflict((conflict) => conflict.columns(['organisation_id', 'message_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findRegisterEntries(db: Db, scope: Scope, filter: { from: Date; until: Date }) {
  return db
    .selectFrom('aggression_register')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where(isInScope('municipality_id', scope))
    .where('posted_at', '>=', filter.from)
    .where('posted_at', '<', filter.until)
    .orderBy('posted_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function findRegisterEntriesOfConversation(db: Db, organisationId: string, conversationId: string) {
  return db
    .selectFrom('aggression_register')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('conversation_id', '=', conversationId)
    .orderBy('posted_at')
    .execute();
}

export async function hasRegisterEntry(db: Db, organisationId: string, conversationId: string) {
  const row = await db
    .selectFrom('aggression_register')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('conversation_id', '=', conversationId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

// A second block of the same author on the same account replaces the first (new reason, new end).
export async function upsertBlock(db: Db, row: Insertable<AuthorBlocksTable>) {
  return db
    .insertInto('author_blocks')
    .values(row)
    .onConflict((conflict) =>
      conflict.columns(['organisation_id', 'account_id', 'author_id']).doUpdateSet((eb) => ({
        reason: eb.ref('excluded.reason'),
        blocked_until: eb.ref('excluded.blocked_until'),
        register_id: eb.ref('excluded.register_id'),
        created_at: eb.ref('excluded.created_at'),
        created_by_user_id: eb.ref('excluded.created_by_user_id'),
        created_by_name: eb.ref('excluded.created_by_name'),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findBlockOf(db: Db, organisationId: string, accountId: string, authorId: string) {
  return db
    .selectFrom('author_blocks')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('account_id', '=', accountId)
    .where('author_id', '=', authorId)
    .executeTakeFirst();
}

export async function findBlock(db: Db, organisationId: string, blockId: string) {
  return db.selectFrom('author_blocks').selectAll().where('organisation_id', '=', organisationId).where('id', '=', blockId).executeTakeFirst();
}

export async function findBlocks(db: Db, organisationId: string, accountIds: string[]) {
  if (accountIds.length === 0) return [];
  return db
    .selectFrom('author_blocks')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('account_id', 'in', accountIds)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function deleteBlock(db: Db, organisationId: string, blockId: string) {
  await db.deleteFrom('author_blocks').where('organisation_id', '=', organisationId).where('id', '=', blockId).execute();
}

// The conversations of this author on this account, newest first: where unblocking is told.
export async function findConversationsOfAuthor(db: Db, organisationId: string, accountId: string, authorId: string) {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('account_id', '=', accountId)
    .where('author_id', '=', authorId)
    .orderBy('last_message_at', 'desc')
    .limit(20)
    .execute();
}
