import type { Db } from '@platform/db/database.client';

export async function findSavedViews(db: Db, organisationId: string, userId: string) {
  return db.selectFrom('saved_views').selectAll().where('organisation_id', '=', organisationId).where('user_id', '=', userId).orderBy('name').execute();
}

export async function insertSavedView(db: Db, row: { organisationId: string; userId: string; name: string; filters: Record<string, string>; at: Date }) {
  return db
    .insertInto('saved_views')
    .values({ organisation_id: row.organisationId, user_id: row.userId, name: row.name, filters: JSON.stringify(row.filters), created_at: row.at })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'user_id', 'name']).doUpdateSet({ filters: JSON.stringify(row.filters) }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

// Only one's own: another agent's view is not found.
export async function deleteSavedView(db: Db, organisationId: string, userId: string, viewId: string) {
  const result = await db
    .deleteFrom('saved_views')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('id', '=', viewId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
