import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { MeldingKtoTable } from '../../platform/db/schema';

export async function insertKto(db: Db, row: Insertable<MeldingKtoTable>) {
  await db.insertInto('melding_kto').values(row).execute();
}

export async function findKto(db: Db, organisationId: string, tokenHash: string) {
  return db.selectFrom('melding_kto').selectAll().where('organisation_id', '=', organisationId).where('token_hash', '=', tokenHash).executeTakeFirst();
}

// Answered once: a second submission of the same link finds nothing to update.
export async function answerKto(db: Db, organisationId: string, tokenHash: string, changes: Updateable<MeldingKtoTable>) {
  return db
    .updateTable('melding_kto')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('token_hash', '=', tokenHash)
    .where('answered_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function findSatisfaction(db: Db, organisationId: string, meldingIds: string[]) {
  if (meldingIds.length === 0) return { responses: 0, satisfied: 0 };
  const rows = await db
    .selectFrom('melding_kto')
    .select(['satisfied'])
    .where('organisation_id', '=', organisationId)
    .where('melding_id', 'in', meldingIds)
    .where('answered_at', 'is not', null)
    .execute();
  return { responses: rows.length, satisfied: rows.filter((row) => row.satisfied).length };
}
