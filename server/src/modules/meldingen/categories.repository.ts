import type { Db } from '@platform/db/database.client';
import type { MeldingCategoriesTable } from '@platform/db/database.schema';
import type { Insertable, Updateable } from 'kysely';

export async function findCategories(db: Db, organisationId: string) {
  return db.selectFrom('melding_categories').selectAll().where('organisation_id', '=', organisationId).orderBy('position').orderBy('public_name').execute();
}

export async function findCategory(db: Db, organisationId: string, categoryId: string) {
  return db.selectFrom('melding_categories').selectAll().where('organisation_id', '=', organisationId).where('id', '=', categoryId).executeTakeFirst();
}

// Seeding twice (two processes at once) keeps one of each code.
export async function insertCategoryOnce(db: Db, row: Insertable<MeldingCategoriesTable>) {
  await db
    .insertInto('melding_categories')
    .values(row)
    .onConflict((conflict) => conflict.columns(['organisation_id', 'code']).doNothing())
    .execute();
  return db
    .selectFrom('melding_categories')
    .select('id')
    .where('organisation_id', '=', row.organisation_id)
    .where('code', '=', row.code)
    .executeTakeFirstOrThrow();
}

export async function insertCategory(db: Db, row: Insertable<MeldingCategoriesTable>) {
  return db.insertInto('melding_categories').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateCategory(db: Db, organisationId: string, categoryId: string, changes: Updateable<MeldingCategoriesTable>) {
  return db
    .updateTable('melding_categories')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', categoryId)
    .returningAll()
    .executeTakeFirst();
}
