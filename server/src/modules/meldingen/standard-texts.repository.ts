import type { Db } from '@platform/db/database.client';
import type { MeldingStandardTextsTable } from '@platform/db/database.schema';
import type { Insertable, Updateable } from 'kysely';

export async function findStandardTexts(db: Db, organisationId: string, filter: { status?: string; categoryIds?: string[] } = {}) {
  let query = db.selectFrom('melding_standard_texts').selectAll().where('organisation_id', '=', organisationId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.categoryIds) {
    const categoryIds = filter.categoryIds;
    // Texts for all categories (no category) apply everywhere.
    query = query.where((eb) =>
      categoryIds.length > 0 ? eb.or([eb('category_id', 'is', null), eb('category_id', 'in', categoryIds)]) : eb('category_id', 'is', null),
    );
  }
  return query.orderBy('status').orderBy('title').execute();
}

export async function findStandardText(db: Db, organisationId: string, textId: string) {
  return db.selectFrom('melding_standard_texts').selectAll().where('organisation_id', '=', organisationId).where('id', '=', textId).executeTakeFirst();
}

export async function insertStandardText(db: Db, row: Insertable<MeldingStandardTextsTable>) {
  return db.insertInto('melding_standard_texts').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateStandardText(db: Db, organisationId: string, textId: string, changes: Updateable<MeldingStandardTextsTable>) {
  return db
    .updateTable('melding_standard_texts')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', textId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteStandardText(db: Db, organisationId: string, textId: string) {
  await db.deleteFrom('melding_standard_texts').where('organisation_id', '=', organisationId).where('id', '=', textId).execute();
}
