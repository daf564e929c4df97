import type { Db } from '@platform/db/database.client';
import type { NetworkGroupValue } from '@platform/db/database.schema';
import { isInScope } from '@platform/db/in-scope.rules';
import type { Scope } from '@platform/tenancy/policy.rules';
import { sql } from 'kysely';
import { selectAuthorKey } from './network-groups.repository';

export interface NetworkScope {
  // The policy's scope: undefined is every municipality of the organisation.
  municipalityIds?: Scope['municipalityIds'];
  from?: Date;
  until?: Date;
}

// Items with their message and the author's stored group, scoped to the organisation and the actor's municipalities.
function itemsOf(db: Db, organisationId: string, scope: NetworkScope) {
  let query = db
    .selectFrom('listening_items as li')
    .innerJoin('published_messages as m', (join) => join.onRef('m.organisation_id', '=', 'li.organisation_id').onRef('m.id', '=', 'li.message_id'))
    .leftJoin('author_network_groups as g', (join) =>
      join.onRef('g.organisation_id', '=', 'li.organisation_id').on(sql<boolean>`g.author_handle = ${selectAuthorKey()}`),
    )
    .where('li.organisation_id', '=', organisationId)
    .where(isInScope('li.municipality_id', scope));
  if (scope.from) query = query.where('li.posted_at', '>=', scope.from);
  if (scope.until) query = query.where('li.posted_at', '<', scope.until);
  return query;
}

const latestName = sql<string | null>`(array_agg(m.author_name ORDER BY li.posted_at DESC) FILTER (WHERE m.author_name <> ''))[1]`;
const latestFollowers = sql<number | null>`(array_agg(m.author_followers ORDER BY li.posted_at DESC) FILTER (WHERE m.author_followers IS NOT NULL))[1]`;
const maxFollowers = sql<number | null>`max(m.author_followers)`;
const channels = sql<string[]>`array_agg(DISTINCT li.channel ORDER BY li.channel)`;
const tenorCount = (tenor: string) => sql<number>`count(*) FILTER (WHERE li.tenor = ${tenor})::int`;

// The local network in a period: one row per author with their figures, the page asked for, and the total.
export async function findNetworkAuthors(
  db: Db,
  organisationId: string,
  scope: NetworkScope,
  filter: { group?: NetworkGroupValue | 'inwoner'; search?: string },
  page: { offset: number; limit: number },
) {
  const key = selectAuthorKey();
  let query = itemsOf(db, organisationId, scope)
    .select([
      key.as('handle'),
      latestName.as('name'),
      channels.as('channels'),
      sql<NetworkGroupValue | null>`max(g.network_group)`.as('network_group'),
      sql<'analist' | 'automatisch' | null>`max(g.source)`.as('source'),
      latestFollowers.as('latest_followers'),
      maxFollowers.as('max_followers'),
      sql<number>`count(*)::int`.as('items'),
      tenorCount('kritiek').as('critical'),
      tenorCount('steun').as('supportive'),
      sql<Date>`max(li.posted_at)`.as('last_seen'),
      sql<number>`(count(*) OVER ())::int`.as('total'),
    ])
    .groupBy(key);
  if (filter.group === 'inwoner') query = query.where('g.network_group', 'is', null);
  else if (filter.group) query = query.where('g.network_group', '=', filter.group);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.having(sql<boolean>`${key} LIKE lower(${pattern}) OR bool_or(m.author_name ILIKE ${pattern})`);
  }
  return query
    .orderBy(sql`count(*)`, 'desc')
    .orderBy(sql`max(m.author_followers)`, sql`desc nulls last`)
    .orderBy(key)
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}

// How the network of the period is made up: authors and items per group (inwoner: none of the seven).
export async function countComposition(db: Db, organisationId: string, scope: NetworkScope) {
  const group = sql<NetworkGroupValue | 'inwoner'>`coalesce(g.network_group, 'inwoner')`;
  return itemsOf(db, organisationId, scope)
    .select([group.as('group'), sql<number>`count(DISTINCT ${selectAuthorKey()})::int`.as('authors'), sql<number>`count(*)::int`.as('items')])
    .groupBy(group)
    .execute();
}

// One author over all time (within the actor's municipalities); undefined when they wrote nothing here.
export async function findAuthorSummary(db: Db, scope: Scope, handle: string) {
  return itemsOf(db, scope.organisationId, scope)
    .select([
      latestName.as('name'),
      channels.as('channels'),
      latestFollowers.as('latest_followers'),
      maxFollowers.as('max_followers'),
      sql<number>`count(*)::int`.as('items'),
      sql<Date>`min(li.posted_at)`.as('first_seen'),
      sql<Date>`max(li.posted_at)`.as('last_seen'),
      tenorCount('steun').as('steun'),
      tenorCount('kritiek').as('kritiek'),
      tenorCount('neutraal').as('neutraal'),
      tenorCount('gemengd').as('gemengd'),
    ])
    .where(selectAuthorKey(), '=', handle)
    .having(sql<boolean>`count(*) > 0`)
    .executeTakeFirst();
}

// Items per local week (Monday 00:00 in Amsterdam) and tenor since `from`; copies and reposts count, as in the volume.
export async function countAuthorWeeks(db: Db, scope: Scope, handle: string, from: Date) {
  const week = sql<Date>`date_trunc('week', li.posted_at, 'Europe/Amsterdam')`;
  return itemsOf(db, scope.organisationId, { municipalityIds: scope.municipalityIds, from })
    .select([week.as('week'), 'li.tenor', sql<number>`count(*)::int`.as('n')])
    .where(selectAuthorKey(), '=', handle)
    .groupBy([week, 'li.tenor'])
    .execute();
}
