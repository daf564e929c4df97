import type { Db } from '../db/database.client';

export interface IdempotentRequestKey {
  organisationId: string;
  endpoint: string;
  keyHash: string;
}

// Claims the key for this request, or finds it taken. On PostgreSQL a second request with the same key waits here
// until the first one's transaction ends: then it sees the first one's row (committed) or claims it itself (rolled back).
export async function claimIdempotentRequest(db: Db, key: IdempotentRequestKey, requestHash: string, now: Date): Promise<boolean> {
  const claimed = await db
    .insertInto('idempotent_requests')
    .values({ organisation_id: key.organisationId, endpoint: key.endpoint, key_hash: key.keyHash, request_hash: requestHash, created_at: now })
    .onConflict((oc) => oc.columns(['organisation_id', 'endpoint', 'key_hash']).doNothing())
    .returning('key_hash')
    .executeTakeFirst();
  return claimed !== undefined;
}

export async function findIdempotentRequest(db: Db, key: IdempotentRequestKey) {
  return db
    .selectFrom('idempotent_requests')
    .select(['request_hash', 'answer_sealed', 'created_at'])
    .where('organisation_id', '=', key.organisationId)
    .where('endpoint', '=', key.endpoint)
    .where('key_hash', '=', key.keyHash)
    .executeTakeFirst();
}

export async function storeIdempotentAnswer(db: Db, key: IdempotentRequestKey, answerSealed: string) {
  await db
    .updateTable('idempotent_requests')
    .set({ answer_sealed: answerSealed })
    .where('organisation_id', '=', key.organisationId)
    .where('endpoint', '=', key.endpoint)
    .where('key_hash', '=', key.keyHash)
    .execute();
}
