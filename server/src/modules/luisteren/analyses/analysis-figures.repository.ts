import { FIELDS, type Field } from '@contracts/analyses';
import type { Db } from '@platform/db/database.client';
import type { TenorValue } from '@platform/db/database.schema';
import { sql } from 'kysely';
import { applyItemFilter, type ResolvedFilter } from '../explore/item-filter.repository';

const base = (db: Db) =>
  db
    .selectFrom('listening_items as li')
    .innerJoin('published_messages as m', (join) => join.onRef('m.organisation_id', '=', 'li.organisation_id').onRef('m.id', '=', 'li.message_id'));

// The four fields of "Luisteren, duiden, doen", by what Plein knows of an author: media are the rss channel and
// accounts on a list named like pers/media; opinion makers are accounts on any other list (raadsleden,
// belangenorganisaties) or with a large following; groups are organised accounts with a following; the
// population is everyone else. A number (1–4) so that an author's most prominent field is a min().
const OPINION_REACH = 5000;
const GROUP_REACH = 1000;
const fieldRank = sql<number>`(CASE
  WHEN li.channel = 'rss' OR EXISTS (SELECT 1 FROM author_list_members alm JOIN author_lists al ON al.organisation_id = alm.organisation_id AND al.id = alm.list_id
    WHERE alm.organisation_id = li.organisation_id AND alm.author_handle = lower(li.author_handle) AND lower(al.name) ~ '(pers|media|journalist|krant|nieuws)') THEN 1
  WHEN coalesce(m.author_followers, 0) >= ${sql.lit(OPINION_REACH)} OR EXISTS (SELECT 1 FROM author_list_members alm
    WHERE alm.organisation_id = li.organisation_id AND alm.author_handle = lower(li.author_handle)) THEN 2
  WHEN coalesce(m.author_followers, 0) >= ${sql.lit(GROUP_REACH)} THEN 3
  ELSE 4 END)`;

export const pickFieldOfRank = (rank: number): Field => FIELDS[Math.min(Math.max(rank, 1), 4) - 1]!;

// Volume per field and tenor; copies count, as in the volume chart (a wave is volume).
export async function countByField(db: Db, organisationId: string, filter: ResolvedFilter) {
  return applyItemFilter(base(db).select([fieldRank.as('rank'), 'li.tenor', sql<number>`count(*)::int`.as('n')]), organisationId, filter)
    .groupBy([fieldRank, 'li.tenor'])
    .execute() as Promise<Array<{ rank: number; tenor: TenorValue; n: number }>>;
}

export async function findAuthorFields(db: Db, organisationId: string, filter: ResolvedFilter, handles: string[]) {
  if (handles.length === 0) return new Map<string, Field>();
  const rows = await applyItemFilter(base(db).select(['li.author_handle', sql<number>`min(${fieldRank})`.as('rank')]), organisationId, filter)
    .where('li.author_handle', 'in', handles)
    .groupBy('li.author_handle')
    .execute();
  return new Map(rows.map((row) => [row.author_handle, pickFieldOfRank(row.rank)]));
}

// Representative quotes of an argument: the originals with the widest reach that contain the term (a stemmed
// lexeme from the terms cloud) or the hashtag; a few more than needed, so the service can take distinct authors.
export async function findQuotes(db: Db, organisationId: string, filter: ResolvedFilter, argument: { kind: 'term' | 'hashtag'; term: string }, limit: number) {
  const match =
    argument.kind === 'term'
      ? sql<boolean>`m.search @@ plainto_tsquery('simple', ${argument.term})`
      : sql<boolean>`EXISTS (SELECT 1 FROM jsonb_array_elements_text(m.hashtags) AS tag WHERE lower(tag) = ${argument.term})`;
  return applyItemFilter(
    base(db).select(['li.message_id', 'li.author_handle', 'li.tenor', 'li.reach', 'li.posted_at', 'm.text', 'm.public_url', fieldRank.as('rank')]),
    organisationId,
    filter,
  )
    .where('li.duplicate_of', 'is', null)
    .where(match)
    .orderBy('li.reach', 'desc')
    .orderBy(sql`coalesce(m.author_followers, 0)`, 'desc')
    .orderBy('li.posted_at', 'desc')
    .limit(limit)
    .execute();
}
