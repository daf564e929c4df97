import type { Db } from '@platform/db/database.client';

export async function findToneCode(db: Db, organisationId: string) {
  return db.selectFrom('tone_codes').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
}

export async function saveToneCode(db: Db, row: { organisation_id: string; questions: string[]; updated_at: Date; updated_by_name: string }) {
  const values = { ...row, questions: JSON.stringify(row.questions) };
  return db
    .insertInto('tone_codes')
    .values(values)
    .onConflict((conflict) =>
      conflict.column('organisation_id').doUpdateSet({ questions: values.questions, updated_at: values.updated_at, updated_by_name: values.updated_by_name }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
