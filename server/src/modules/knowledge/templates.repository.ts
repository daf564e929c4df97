import type { Db } from '@platform/db/database.client';
import type { ReplyTemplatesTable } from '@platform/db/database.schema';
import { type Insertable, sql, type Updateable } from 'kysely';
import { parseDutchSearch } from './search-query.rules';

const COLUMNS = ['organisation_id', 'id', 'municipality_id', 'title', 'body', 'labels', 'created_at', 'updated_at'] as const;

export async function searchTemplates(db: Db, organisationId: string, filter: { q?: string; municipalityId?: string; limit: number }) {
  let query = db.selectFrom('reply_templates').select(COLUMNS).where('organisation_id', '=', organisationId);
  if (filter.municipalityId) {
    const municipalityId = filter.municipalityId;
    query = query.where((eb) => eb.or([eb('municipality_id', 'is', null), eb('municipality_id', '=', municipalityId)]));
  }
  const search = parseDutchSearch(filter.q);
  if (search) {
    const column = sql.ref('search');
    query = query.where(search.matches(column)).orderBy(search.matchesHeading(column), 'desc').orderBy(search.rank(column), 'desc');
  }
  return query.orderBy('title').orderBy('id').limit(filter.limit).execute();
}

export async function findTemplate(db: Db, organisationId: string, templateId: string) {
  return db.selectFrom('reply_templates').select(COLUMNS).where('organisation_id', '=', organisationId).where('id', '=', templateId).executeTakeFirst();
}

export async function insertTemplate(db: Db, row: Insertable<ReplyTemplatesTable>) {
  return db.insertInto('reply_templates').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
}

export async function updateTemplate(db: Db, organisationId: string, templateId: string, changes: Updateable<ReplyTemplatesTable>) {
  return db
    .updateTable('reply_templates')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', templateId)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function deleteTemplate(db: Db, organisationId: string, templateId: string) {
  await db.deleteFrom('reply_templates').where('organisation_id', '=', organisationId).where('id', '=', templateId).execute();
}
