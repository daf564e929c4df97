import type { Db } from '@platform/db/database.client';

export async function insertChallenge(db: Db, challenge: { organisationId: string; municipalityId: string; difficulty: number; issuedAt: Date }) {
  return db
    .insertInto('form_challenges')
    .values({
      organisation_id: challenge.organisationId,
      municipality_id: challenge.municipalityId,
      difficulty: challenge.difficulty,
      issued_at: challenge.issuedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

// Marks a challenge used and returns it, once: a second submission with it finds nothing.
export async function claimChallenge(db: Db, organisationId: string, challengeId: string, municipalityId: string, now: Date) {
  return db
    .updateTable('form_challenges')
    .set({ used_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', challengeId)
    .where('municipality_id', '=', municipalityId)
    .where('used_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}
