import type { Db } from '@platform/db/database.client';
import type { Database, MonitorsTable } from '@platform/db/database.schema';
import { type Insertable, sql, type UpdateObject } from 'kysely';

const withMatchCount = (db: Db) =>
  db
    .selectFrom('monitors as m')
    .selectAll('m')
    .select((eb) =>
      eb
        .selectFrom('monitor_matches as mm')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('mm.organisation_id', '=', 'm.organisation_id')
        .whereRef('mm.monitor_id', '=', 'm.id')
        .as('match_count'),
    );

export async function findMonitors(db: Db, organisationId: string) {
  return withMatchCount(db).where('m.organisation_id', '=', organisationId).orderBy('m.name').execute();
}

export async function findMonitor(db: Db, organisationId: string, monitorId: string) {
  return withMatchCount(db).where('m.organisation_id', '=', organisationId).where('m.id', '=', monitorId).executeTakeFirst();
}

export type MonitorWithCount = NonNullable<Awaited<ReturnType<typeof findMonitor>>>;

export async function insertMonitor(db: Db, row: Insertable<MonitorsTable>) {
  return db.insertInto('monitors').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateMonitor(db: Db, organisationId: string, monitorId: string, changes: UpdateObject<Database, 'monitors'>) {
  await db.updateTable('monitors').set(changes).where('organisation_id', '=', organisationId).where('id', '=', monitorId).execute();
}

export async function deleteMonitor(db: Db, organisationId: string, monitorId: string) {
  await db.deleteFrom('monitors').where('organisation_id', '=', organisationId).where('id', '=', monitorId).execute();
}

// A changed query starts over: its matches and their counts per minute go, the backfill counts anew.
export async function deleteMatchesOf(db: Db, organisationId: string, monitorId: string) {
  await db.deleteFrom('monitor_matches').where('organisation_id', '=', organisationId).where('monitor_id', '=', monitorId).execute();
  await db.deleteFrom('monitor_minutes').where('organisation_id', '=', organisationId).where('monitor_id', '=', monitorId).execute();
}

export async function isMonitorNameTaken(db: Db, organisationId: string, name: string, exceptId?: string) {
  let query = db.selectFrom('monitors').select('id').where('organisation_id', '=', organisationId).where(sql`lower(name)`, '=', name.toLowerCase());
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

// How many items a backfill walks: everything stored for the monitor's municipality (or all).
export async function countItemsInScope(db: Db, organisationId: string, municipalityId: string | null) {
  let query = db.selectFrom('listening_items').select(sql<number>`count(*)::int`.as('n')).where('organisation_id', '=', organisationId);
  if (municipalityId) query = query.where('municipality_id', '=', municipalityId);
  return (await query.executeTakeFirstOrThrow()).n;
}

// One page of stored items for a backfill, newest first, after the keyset cursor.
export async function findItemsForBackfill(
  db: Db,
  organisationId: string,
  municipalityId: string | null,
  after: { postedAt: Date; messageId: string } | null,
  limit: number,
) {
  let query = db
    .selectFrom('listening_items as li')
    .innerJoin('published_messages as m', (join) => join.onRef('m.organisation_id', '=', 'li.organisation_id').onRef('m.id', '=', 'li.message_id'))
    .innerJoin('published_municipalities as g', (join) => join.onRef('g.organisation_id', '=', 'm.organisation_id').onRef('g.id', '=', 'm.municipality_id'))
    .select([
      'li.message_id',
      'li.posted_at',
      'li.language',
      'li.tenor',
      'li.duplicate_of',
      'm.text',
      'm.subject',
      'm.hashtags',
      'm.mentions',
      'm.author_handle',
      'm.channel',
      'm.municipality_id',
      'g.cbs_code',
      'm.geo_lat',
      'm.geo_lon',
    ])
    .where('li.organisation_id', '=', organisationId);
  if (municipalityId) query = query.where('li.municipality_id', '=', municipalityId);
  if (after) query = query.where(sql<boolean>`(li.posted_at, li.message_id) < (${after.postedAt}, ${after.messageId}::uuid)`);
  return query.orderBy('li.posted_at', 'desc').orderBy('li.message_id', 'desc').limit(limit).execute();
}

// Changes whenever a monitor is added, changed or removed: the pipeline's cache of compiled monitors compares it per batch.
export async function findMonitorsSignature(db: Db, organisationId: string) {
  const { signature } = await db
    .selectFrom('monitors')
    .select(sql<string>`count(*)::text || '|' || coalesce(max(updated_at)::text, '')`.as('signature'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return signature;
}

export async function findMonitorQueries(db: Db, organisationId: string) {
  return db.selectFrom('monitors').select(['id', 'municipality_id', 'query_ast']).where('organisation_id', '=', organisationId).execute();
}
