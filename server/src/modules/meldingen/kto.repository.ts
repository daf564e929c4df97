import type { Db } from '@platform/db/database.client';
import type { MeldingKtoTable } from '@platform/db/database.schema';
import { isInScope } from '@platform/db/in-scope.rules';
import type { Scope } from '@platform/tenancy/policy.rules';
import type { Insertable, Updateable } from 'kysely';

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

// Answers given about the meldingen filed in a period: one query, however many meldingen that is.
export async function findSatisfaction(db: Db, scope: Scope, filter: { from: Date; until: Date }) {
  const rows = await db
    .selectFrom('melding_kto')
    .innerJoin('meldingen', (join) =>
      join.onRef('meldingen.organisation_id', '=', 'melding_kto.organisation_id').onRef('meldingen.id', '=', 'melding_kto.melding_id'),
    )
    .select('melding_kto.satisfied')
    .where('melding_kto.organisation_id', '=', scope.organisationId)
    .where('melding_kto.answered_at', 'is not', null)
    .where(isInScope('meldingen.municipality_id', scope))
    .where('meldingen.created_at', '>=', filter.from)
    .where('meldingen.created_at', '<', filter.until)
    .execute();
  return { responses: rows.length, satisfied: rows.filter((row) => row.satisfied).length };
}
