import type { Db } from '@platform/db/database.client';

export async function insertOpen311Client(db: Db, client: { organisationId: string; name: string; keyHash: string; now: Date }) {
  return db
    .insertInto('open311_clients')
    .values({ organisation_id: client.organisationId, name: client.name, key_hash: client.keyHash, created_at: client.now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findLiveOpen311Client(db: Db, organisationId: string, keyHash: string) {
  return db
    .selectFrom('open311_clients')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}
