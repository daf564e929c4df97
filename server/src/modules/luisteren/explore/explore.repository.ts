import type { Db } from '@platform/db/database.client';
import type { Scope } from '@platform/tenancy/policy.rules';
import { sql } from 'kysely';
import { applyItemFilter, type ResolvedFilter } from './item-filter.repository';

const base = (db: Db) =>
  db
    .selectFrom('listening_items as li')
    .innerJoin('published_messages as m', (join) => join.onRef('m.organisation_id', '=', 'li.organisation_id').onRef('m.id', '=', 'li.message_id'));

// Originals only: a repost wave is one item with its count, not a page of copies.
export async function findItems(db: Db, organisationId: string, filter: ResolvedFilter, before: { postedAt: Date; messageId: string } | null, limit: number) {
  let query = applyItemFilter(
    base(db)
      .selectAll('li')
      .select(['m.text', 'm.subject', 'm.author_name', 'm.author_followers', 'm.public_url', 'm.geo_lat', 'm.geo_lon', 'm.simulated', 'm.conversation_id']),
    organisationId,
    filter,
  ).where('li.duplicate_of', 'is', null);
  if (before) query = query.where(sql<boolean>`(li.posted_at, li.message_id) < (${before.postedAt}, ${before.messageId}::uuid)`);
  return query.orderBy('li.posted_at', 'desc').orderBy('li.message_id', 'desc').limit(limit).execute();
}

export type ItemRow = Awaited<ReturnType<typeof findItems>>[number];

export async function findItem(db: Db, organisationId: string, messageId: string) {
  return base(db)
    .selectAll('li')
    .select([
      'm.text',
      'm.subject',
      'm.author_name',
      'm.author_followers',
      'm.public_url',
      'm.geo_lat',
      'm.geo_lon',
      'm.simulated',
      'm.conversation_id',
      'm.thread_root_platform_id',
      'm.platform_id',
      'm.account_id',
      'm.author_id',
    ])
    .where('li.organisation_id', '=', organisationId)
    .where('li.message_id', '=', messageId)
    .executeTakeFirst();
}

// Volume per hour or day, split by tenor; copies count (a wave is volume).
export async function countVolume(db: Db, organisationId: string, filter: ResolvedFilter, bucket: 'hour' | 'day') {
  // A literal, not a parameter: the same expression must appear in SELECT and GROUP BY.
  const at = sql<Date>`date_trunc(${sql.lit(bucket)}, li.posted_at, 'Europe/Amsterdam')`;
  return applyItemFilter(base(db).select([at.as('at'), 'li.tenor', sql<number>`count(*)::int`.as('n')]), organisationId, filter)
    .groupBy([at, 'li.tenor'])
    .orderBy(at)
    .execute();
}

export async function countTopAuthors(db: Db, organisationId: string, filter: ResolvedFilter, limit: number) {
  return applyItemFilter(
    base(db).select([
      'li.author_handle',
      sql<string | null>`max(m.author_name)`.as('name'),
      sql<number>`count(*)::int`.as('items'),
      sql<number>`coalesce(max(m.author_followers), 0)::int`.as('reach'),
      sql<number>`count(*) FILTER (WHERE li.tenor = 'kritiek')::int`.as('critical'),
      sql<number>`count(*) FILTER (WHERE li.tenor = 'steun')::int`.as('supportive'),
    ]),
    organisationId,
    filter,
  )
    .groupBy('li.author_handle')
    .orderBy(sql`coalesce(max(m.author_followers), 0) * count(*)`, 'desc')
    .limit(limit)
    .execute();
}

export async function countHashtags(db: Db, organisationId: string, filter: ResolvedFilter, limit: number) {
  const items = applyItemFilter(base(db).select('m.hashtags'), organisationId, filter);
  const result = await sql<{ tag: string; items: number }>`
    SELECT lower(tag) AS tag, count(*)::int AS items FROM (${items}) AS s, jsonb_array_elements_text(s.hashtags) AS tag
    GROUP BY lower(tag) ORDER BY items DESC, tag LIMIT ${limit}`.execute(db);
  return result.rows;
}

// Frequent words after Dutch stemming and stop words (the same dictionary as the search), over at most the
// newest 5,000 originals, so the cloud stays quick on a large burst.
export async function countTerms(db: Db, organisationId: string, filter: ResolvedFilter, limit: number) {
  const sample = applyItemFilter(base(db).select(sql<string>`m.search`.as('search')), organisationId, filter)
    .where('li.duplicate_of', 'is', null)
    .orderBy('li.posted_at', 'desc')
    .limit(5000);
  const result = await sql<{ term: string; items: number }>`
    SELECT u.lexeme AS term, count(*)::int AS items FROM (${sample}) AS s, unnest(s.search) AS u
    WHERE length(u.lexeme) > 2 GROUP BY u.lexeme ORDER BY items DESC, term LIMIT ${limit}`.execute(db);
  return result.rows;
}

export async function countPerMonitor(db: Db, organisationId: string, filter: ResolvedFilter, monitorIds: string[]) {
  if (monitorIds.length === 0) return [];
  const items = applyItemFilter(base(db).select(['li.message_id', 'li.posted_at']), organisationId, { ...filter, monitorId: undefined });
  return db
    .selectFrom('monitor_matches as mm')
    .innerJoin(items.as('i'), (join) => join.onRef('i.posted_at', '=', 'mm.posted_at').onRef('i.message_id', '=', 'mm.message_id'))
    .select(['mm.monitor_id', sql<number>`count(*)::int`.as('items')])
    .where('mm.organisation_id', '=', organisationId)
    .where('mm.monitor_id', 'in', monitorIds)
    .groupBy('mm.monitor_id')
    .execute();
}

export async function findPlaces(db: Db, organisationId: string, filter: ResolvedFilter, limit: number) {
  return applyItemFilter(base(db).select(['li.message_id', 'm.geo_lat', 'm.geo_lon', 'li.tenor', 'm.text']), organisationId, { ...filter, withPlace: true })
    .where('li.duplicate_of', 'is', null)
    .orderBy('li.posted_at', 'desc')
    .limit(limit)
    .execute();
}

// The thread an item belongs to, as far as Plein has seen it (root and replies on the same account).
export async function findThread(db: Db, organisationId: string, accountId: string, rootPlatformId: string) {
  return db
    .selectFrom('published_messages as messages')
    .select(['id', 'direction', 'author_handle', 'author_name', 'text', 'posted_at', 'public_url'])
    .where('organisation_id', '=', organisationId)
    .where('account_id', '=', accountId)
    .where('visibility', '=', 'openbaar')
    .where((where) => where.or([where('platform_id', '=', rootPlatformId), where('thread_root_platform_id', '=', rootPlatformId)]))
    .orderBy('posted_at')
    .limit(100)
    .execute();
}

export async function findAuthorHistory(db: Db, scope: Scope, authorHandle: string, limit: number) {
  return applyItemFilter(
    base(db)
      .selectAll('li')
      .select(['m.text', 'm.subject', 'm.author_name', 'm.author_followers', 'm.public_url', 'm.geo_lat', 'm.geo_lon', 'm.simulated', 'm.conversation_id']),
    scope.organisationId,
    { author: authorHandle, municipalityIds: scope.municipalityIds },
  )
    .orderBy('li.posted_at', 'desc')
    .limit(limit)
    .execute();
}
