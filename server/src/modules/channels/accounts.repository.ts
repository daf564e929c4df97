import type { Db } from '@platform/db/database.client';
import type { ChannelAccountsTable } from '@platform/db/database.schema';
import { isInScope } from '@platform/db/in-scope.rules';
import type { Scope } from '@platform/tenancy/policy.rules';
import type { Insertable, Updateable } from 'kysely';

export async function insertAccount(db: Db, organisationId: string, account: Omit<Insertable<ChannelAccountsTable>, 'organisation_id'>) {
  return db
    .insertInto('channel_accounts')
    .values({ ...account, organisation_id: organisationId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findAccounts(db: Db, scope: Scope) {
  return db
    .selectFrom('channel_accounts')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where(isInScope('municipality_id', scope))
    .orderBy('channel')
    .orderBy('handle')
    .execute();
}

export async function findAccount(db: Db, organisationId: string, accountId: string) {
  return db.selectFrom('channel_accounts').selectAll().where('organisation_id', '=', organisationId).where('id', '=', accountId).executeTakeFirst();
}

// Locks the row so a status change and the work it reflects commit together.
export async function lockAccount(db: Db, organisationId: string, accountId: string) {
  return db.selectFrom('channel_accounts').selectAll().where('organisation_id', '=', organisationId).where('id', '=', accountId).forUpdate().executeTakeFirst();
}

export async function findAccountByChannel(db: Db, organisationId: string, municipalityId: string, channel: string) {
  return db
    .selectFrom('channel_accounts')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('municipality_id', '=', municipalityId)
    .where('channel', '=', channel)
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function updateAccount(db: Db, organisationId: string, accountId: string, changes: Updateable<ChannelAccountsTable>) {
  return db
    .updateTable('channel_accounts')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', accountId)
    .returningAll()
    .executeTakeFirst();
}

// Every account that should be polled, over all organisations: the watchdog restarts missing poll chains.
export async function findPollableAccounts(db: Db, channels: string[]) {
  if (channels.length === 0) return [];
  return db
    .selectFrom('channel_accounts')
    .select(['organisation_id', 'id', 'channel', 'handle', 'service_url', 'settings'])
    .where('paused', '=', false)
    .where('status', '!=', 'aandacht-nodig')
    .where('channel', 'in', channels)
    .execute();
}

export async function findAllSealedSecrets(db: Db) {
  return db.selectFrom('channel_accounts').select(['organisation_id', 'id', 'secrets_sealed']).where('secrets_sealed', 'is not', null).execute();
}

// Accounts that should have a live stream, over all organisations (each process's supervisor competes for leases).
export async function findStreamingAccounts(db: Db, channels: string[]) {
  if (channels.length === 0) return [];
  return db
    .selectFrom('channel_accounts')
    .selectAll()
    .where('paused', '=', false)
    .where('status', '!=', 'aandacht-nodig')
    .where('channel', 'in', channels)
    .execute();
}
