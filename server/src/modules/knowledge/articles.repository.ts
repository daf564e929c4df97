import type { Db } from '@platform/db/database.client';
import type { KnowledgeArticlesTable, KnowledgeArticleVersionsTable } from '@platform/db/database.schema';
import { type Insertable, sql, type Updateable } from 'kysely';
import { parseDutchSearch } from './search-query.rules';

const COLUMNS = [
  'organisation_id',
  'id',
  'municipality_id',
  'version',
  'question',
  'answer',
  'contact',
  'link',
  'labels',
  'archived_at',
  'created_at',
  'updated_at',
] as const;

export interface ArticleFilter {
  q?: string;
  // Articles of this municipality and the shared ones; undefined: all of the organisation.
  municipalityId?: string;
  includeArchived: boolean;
  limit: number;
}

export async function searchArticles(db: Db, organisationId: string, filter: ArticleFilter) {
  let query = db.selectFrom('knowledge_articles').select(COLUMNS).where('organisation_id', '=', organisationId);
  if (!filter.includeArchived) query = query.where('archived_at', 'is', null);
  if (filter.municipalityId) {
    const municipalityId = filter.municipalityId;
    query = query.where((eb) => eb.or([eb('municipality_id', 'is', null), eb('municipality_id', '=', municipalityId)]));
  }
  const search = parseDutchSearch(filter.q);
  if (search) {
    const column = sql.ref('search');
    query = query.where(search.matches(column)).orderBy(search.matchesHeading(column), 'desc').orderBy(search.rank(column), 'desc');
  }
  return query.orderBy('updated_at', 'desc').orderBy('id').limit(filter.limit).execute();
}

export async function findArticle(db: Db, organisationId: string, articleId: string, lock = false) {
  let query = db.selectFrom('knowledge_articles').select(COLUMNS).where('organisation_id', '=', organisationId).where('id', '=', articleId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertArticle(db: Db, row: Insertable<KnowledgeArticlesTable>) {
  return db.insertInto('knowledge_articles').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
}

export async function updateArticle(db: Db, organisationId: string, articleId: string, changes: Updateable<KnowledgeArticlesTable>) {
  return db
    .updateTable('knowledge_articles')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', articleId)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function insertArticleVersion(db: Db, row: Insertable<KnowledgeArticleVersionsTable>) {
  await db.insertInto('knowledge_article_versions').values(row).execute();
}

export async function findArticleVersions(db: Db, organisationId: string, articleId: string) {
  return db
    .selectFrom('knowledge_article_versions')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('article_id', '=', articleId)
    .orderBy('version', 'desc')
    .execute();
}
