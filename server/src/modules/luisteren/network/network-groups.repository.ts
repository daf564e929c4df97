import type { Db } from '@platform/db/database.client';
import type { NetworkGroupValue } from '@platform/db/database.schema';
import { type RawBuilder, sql } from 'kysely';
import { BIO_PATHS } from './network-suggestion.rules';

// An author's key: the handle in lower case without a leading @, as author lists keep it. The same
// expression as the index listening_items_author_idx, so lookups by author use it.
export const selectAuthorKey = (alias = 'li'): RawBuilder<string> => sql<string>`lower(ltrim(${sql.ref(`${alias}.author_handle`)}, '@'))`;

const bio = sql<string | null>`coalesce(${sql.join(BIO_PATHS.map((path) => sql`m.raw #>> ${sql.lit(`{${path.join(',')}}`)}`))})`;

// Takes authors off the organisation's list of authors to look at again: whole rows (one per statement that marked
// them, migration 0027) while they add up to `limit`, and always the oldest, so at most one row's worth (500) more.
// A caller running at the same time (the job, a page) skips the rows already taken instead of waiting for them.
export async function claimPendingAuthors(db: Db, organisationId: string, limit: number): Promise<string[]> {
  const result = await sql<{ author_handles: string[] }>`
    WITH locked AS MATERIALIZED (
      SELECT id, authors FROM author_network_pending WHERE organisation_id = ${organisationId}
      ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ),
    taken AS (
      SELECT id FROM (SELECT id, sum(authors) OVER (ORDER BY id) AS upto, row_number() OVER (ORDER BY id) AS n FROM locked) counted
      WHERE upto <= ${limit} OR n = 1
    )
    DELETE FROM author_network_pending AS p USING taken
    WHERE p.organisation_id = ${organisationId} AND p.id = taken.id
    RETURNING p.author_handles`.execute(db);
  return [...new Set(result.rows.flatMap((row) => row.author_handles))].sort();
}

export async function countPendingAuthors(db: Db, organisationId: string): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(DISTINCT handle)::int AS n FROM author_network_pending, unnest(author_handles) AS handle WHERE organisation_id = ${organisationId}`.execute(
    db,
  );
  return result.rows[0]?.n ?? 0;
}

export async function findOrganisationsWithPendingAuthors(db: Db, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('author_network_pending').select('organisation_id').distinct().limit(limit).execute();
  return rows.map((row) => row.organisation_id);
}

// What the automatic classifier reads of each author: the newest name and bio they posted with.
export async function findAuthorFacts(db: Db, organisationId: string, handles: string[]) {
  if (handles.length === 0) return [];
  const key = selectAuthorKey();
  return db
    .selectFrom('listening_items as li')
    .innerJoin('published_messages as m', (join) => join.onRef('m.organisation_id', '=', 'li.organisation_id').onRef('m.id', '=', 'li.message_id'))
    .select([
      key.as('handle'),
      sql<string | null>`(array_agg(m.author_name ORDER BY li.posted_at DESC) FILTER (WHERE m.author_name <> ''))[1]`.as('name'),
      sql<string | null>`(array_agg(${bio} ORDER BY li.posted_at DESC) FILTER (WHERE ${bio} <> ''))[1]`.as('bio'),
    ])
    .where('li.organisation_id', '=', organisationId)
    .where(key, 'in', handles)
    .groupBy(key)
    .execute();
}

export async function findAuthorLists(db: Db, organisationId: string, handles: string[]) {
  const lists = new Map<string, Array<{ id: string; name: string }>>();
  if (handles.length === 0) return lists;
  const rows = await db
    .selectFrom('author_list_members as alm')
    .innerJoin('author_lists as al', (join) => join.onRef('al.organisation_id', '=', 'alm.organisation_id').onRef('al.id', '=', 'alm.list_id'))
    .select(['alm.author_handle', 'al.id', 'al.name'])
    .where('alm.organisation_id', '=', organisationId)
    .where('alm.author_handle', 'in', handles)
    .orderBy('al.name')
    .execute();
  for (const row of rows) lists.set(row.author_handle, [...(lists.get(row.author_handle) ?? []), { id: row.id, name: row.name }]);
  return lists;
}

// Automatic rows are written over automatic rows only: an analyst's classification stays as it is.
export async function saveAutomaticGroups(
  db: Db,
  organisationId: string,
  rows: Array<{ handle: string; group: NetworkGroupValue; words: string[]; lists: string[] }>,
  at: Date,
) {
  if (rows.length === 0) return;
  await db
    .insertInto('author_network_groups')
    .values(
      rows.map((row) => ({
        organisation_id: organisationId,
        author_handle: row.handle,
        network_group: row.group,
        source: 'automatisch' as const,
        reason: JSON.stringify({ words: row.words, lists: row.lists }),
        set_at: at,
      })),
    )
    .onConflict((conflict) =>
      conflict
        .columns(['organisation_id', 'author_handle'])
        .doUpdateSet((eb) => ({ network_group: eb.ref('excluded.network_group'), reason: eb.ref('excluded.reason'), set_at: eb.ref('excluded.set_at') }))
        .where('author_network_groups.source', '=', 'automatisch'),
    )
    .execute();
}

export async function removeAutomaticGroups(db: Db, organisationId: string, handles: string[]) {
  if (handles.length === 0) return;
  await db
    .deleteFrom('author_network_groups')
    .where('organisation_id', '=', organisationId)
    .where('author_handle', 'in', handles)
    .where('source', '=', 'automatisch')
    .execute();
}

export async function findGroupRow(db: Db, organisationId: string, handle: string) {
  return db
    .selectFrom('author_network_groups as g')
    .leftJoin('published_users as u', (join) => join.onRef('u.organisation_id', '=', 'g.organisation_id').onRef('u.id', '=', 'g.set_by'))
    .select(['g.network_group', 'g.source', 'g.reason', 'g.note', 'g.set_at', 'u.name as set_by_name'])
    .where('g.organisation_id', '=', organisationId)
    .where('g.author_handle', '=', handle)
    .executeTakeFirst();
}

export async function saveAnalystGroup(
  db: Db,
  organisationId: string,
  row: { handle: string; group: NetworkGroupValue; note: string | null; userId: string | null; at: Date },
) {
  const values = { network_group: row.group, source: 'analist' as const, reason: JSON.stringify({}), set_by: row.userId, set_at: row.at, note: row.note };
  await db
    .insertInto('author_network_groups')
    .values({ organisation_id: organisationId, author_handle: row.handle, ...values })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'author_handle']).doUpdateSet(values))
    .execute();
}

export async function deleteGroup(db: Db, organisationId: string, handle: string) {
  await db.deleteFrom('author_network_groups').where('organisation_id', '=', organisationId).where('author_handle', '=', handle).execute();
}
