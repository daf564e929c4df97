import type { Db } from '@platform/db/database.client';
import type { ListeningItemsTable } from '@platform/db/database.schema';
import { type ColumnType, toUuidArray, unnestRows } from '@platform/db/unnest-rows.rules';
import { findMunicipalities } from '@platform/organisations/organisations.repository';
import { type Insertable, sql } from 'kysely';

// Inbound messages among `ids` that the pipeline has not seen yet: a rerun after a crash skips what was done.
// The item is looked up per message (LATERAL … LIMIT 1, which the planner cannot turn into a join): for a new
// organisation (or one whose statistics lag a burst) the planner once chose an anti-join that compared every new
// message with every item, 0.5 s a batch.
export async function findUnprocessedMessages(db: Db, organisationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const messages = await db
    .selectFrom('published_messages as m')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('listening_items as li')
          .select(sql<number>`1`.as('seen'))
          .whereRef('li.organisation_id', '=', 'm.organisation_id')
          .whereRef('li.message_id', '=', 'm.id')
          .limit(1)
          .as('done'),
      (join) => join.onTrue(),
    )
    .select([
      'm.id',
      'm.municipality_id',
      'm.channel',
      'm.author_handle',
      'm.author_followers',
      'm.text',
      'm.subject',
      'm.hashtags',
      'm.mentions',
      'm.language',
      'm.geo_lat',
      'm.geo_lon',
      'm.posted_at',
    ])
    .where('m.organisation_id', '=', organisationId)
    .where('m.id', '=', sql<string>`ANY(${toUuidArray(ids)})`)
    .where('m.direction', '=', 'in')
    .where('m.visibility', '=', 'openbaar')
    .where('done.seen', 'is', null)
    .orderBy('m.posted_at')
    .execute();
  if (messages.length === 0) return [];
  const municipalities = await findMunicipalities(db, organisationId);
  const cbsCodes = new Map(municipalities.map((row) => [row.id, row.cbs_code]));
  return messages.map((message) => ({ ...message, cbs_code: cbsCodes.get(message.municipality_id)! }));
}

export type UnprocessedMessage = Awaited<ReturnType<typeof findUnprocessedMessages>>[number];

// First-of-their-kind items that new ones may be a copy of: the same exact key, or a shared simhash band.
export async function findDuplicateCandidates(db: Db, organisationId: string, since: Date, exactKeys: string[], bands: string[]) {
  if (exactKeys.length === 0) return [];
  return db
    .selectFrom('listening_items')
    .select(['message_id', 'exact_key', 'simhash', 'posted_at'])
    .where('organisation_id', '=', organisationId)
    .where('duplicate_of', 'is', null)
    .where('posted_at', '>=', since)
    .where((where) => where.or([where('exact_key', 'in', exactKeys), sql<boolean>`simhash_bands && ${sql.val(bands)}::text[]`]))
    .execute();
}

// The columns a new item is given (the rest start at their defaults), sent as column arrays (unnestRows).
const ITEM_COLUMNS = {
  organisation_id: 'uuid',
  message_id: 'uuid',
  municipality_id: 'uuid',
  channel: 'text',
  author_handle: 'text',
  posted_at: 'timestamptz',
  language: 'text',
  tenor_auto: 'text',
  tenor_auto_source: 'text',
  tenor_confidence: 'real',
  tenor: 'text',
  exact_key: 'text',
  simhash: 'text',
  simhash_bands: 'text[]',
  duplicate_of: 'uuid',
  reach: 'integer',
} as const satisfies Partial<Record<keyof ListeningItemsTable, ColumnType>>;

export type NewItemRow = Required<Pick<Insertable<ListeningItemsTable>, keyof typeof ITEM_COLUMNS>>;

// One statement for the whole batch: its trigger marks the authors for the network classification in the order of
// their handles (migration 0026), which keeps two workers from deadlocking only if each marks its authors at once.
export async function insertItems(db: Db, rows: NewItemRow[]) {
  if (rows.length === 0) return;
  const { columns, expression } = unnestRows(rows, ITEM_COLUMNS);
  await db
    .insertInto('listening_items')
    .columns(columns)
    .expression(expression)
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

// One statement for all originals that got copies in this batch. Two workers often count into the same originals
// (a burst folds into a few): the rows are locked in the order of their ids first, so they wait for each other
// instead of deadlocking. NO KEY: a backfill's matches lock the items they refer to (migration 0028), which only a
// change of key would have to wait for.
export async function countDuplicates(db: Db, organisationId: string, counts: Map<string, { copies: number; reach: number }>) {
  if (counts.size === 0) return;
  const values = [...counts].map(([id, count]) => sql`(${id}::uuid, ${count.copies}::int, ${count.reach}::int)`);
  await sql`
    WITH v(id, copies, reach) AS (VALUES ${sql.join(values)}),
    locked AS MATERIALIZED (
      SELECT li.message_id FROM listening_items li JOIN v ON li.message_id = v.id
      WHERE li.organisation_id = ${organisationId}
      ORDER BY li.message_id
      FOR NO KEY UPDATE OF li
    )
    UPDATE listening_items AS li SET duplicate_count = li.duplicate_count + v.copies, reach = li.reach + v.reach
    FROM v JOIN locked ON locked.message_id = v.id
    WHERE li.organisation_id = ${organisationId} AND li.message_id = v.id`.execute(db);
}

// A match, with what its minute counts need to know of the item: a critical tenor, a news original (a feed's
// first-of-its-kind item). The caller has the item at hand; joining the items table here made the planner read
// it whole for every batch (a hash join over all items of the organisation, growing with every burst).
export type NewMatch = {
  organisation_id: string;
  monitor_id: string;
  message_id: string;
  posted_at: Date;
  critical: boolean;
  news: boolean;
};

// The one rule for what a match adds to its minute's counts, on ingest and in a backfill.
export function buildMatch(
  organisationId: string,
  monitorId: string,
  item: { message_id: string; posted_at: Date; tenor: string; channel: string; duplicate_of: string | null },
): NewMatch {
  return {
    organisation_id: organisationId,
    monitor_id: monitorId,
    message_id: item.message_id,
    posted_at: item.posted_at,
    critical: item.tenor === 'kritiek',
    news: item.channel === 'rss' && item.duplicate_of === null,
  };
}

const MATCH_COLUMNS = {
  organisation_id: 'uuid',
  monitor_id: 'uuid',
  message_id: 'uuid',
  posted_at: 'timestamptz',
  critical: 'boolean',
  news: 'boolean',
} as const satisfies Record<keyof NewMatch, ColumnType>;

// Matches, and in the same statement their counts per monitor and minute (monitor_minutes): only what
// was really new is counted, so a rerun or an overlapping backfill adds nothing twice. Buckets are updated
// in one order, so two workers counting into the same minutes wait for each other instead of deadlocking.
export async function insertMatches(db: Db, rows: NewMatch[]) {
  // In that order across statements too: a large batch is inserted in parts.
  const ordered = [...rows].sort((a, b) => compareUuids(a.monitor_id, b.monitor_id) || minuteOf(a.posted_at) - minuteOf(b.posted_at));
  for (let start = 0; start < ordered.length; start += 5000) {
    const { columns, expression } = unnestRows(ordered.slice(start, start + 5000), MATCH_COLUMNS);
    await sql`
      WITH given (${sql.raw(columns.join(', '))}) AS MATERIALIZED (${expression}),
      inserted AS (
        INSERT INTO monitor_matches (organisation_id, monitor_id, message_id, posted_at)
        SELECT organisation_id, monitor_id, message_id, posted_at FROM given
        ON CONFLICT DO NOTHING
        RETURNING monitor_id, message_id
      )
      INSERT INTO monitor_minutes (organisation_id, monitor_id, minute, items, critical, news)
      SELECT g.organisation_id, g.monitor_id, date_trunc('minute', g.posted_at), count(*)::int,
        (count(*) FILTER (WHERE g.critical))::int, (count(*) FILTER (WHERE g.news))::int
      FROM inserted i
      JOIN given g ON g.monitor_id = i.monitor_id AND g.message_id = i.message_id
      GROUP BY 1, 2, 3
      ORDER BY 1, 2, 3
      ON CONFLICT (organisation_id, monitor_id, minute) DO UPDATE SET
        items = monitor_minutes.items + excluded.items,
        critical = monitor_minutes.critical + excluded.critical,
        news = monitor_minutes.news + excluded.news`.execute(db);
  }
}

// The order PostgreSQL keeps uuids in (byte by byte, as their lowercase text): locks taken in this order across
// statements and workers never wait on each other in a circle.
export const compareUuids = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const minuteOf = (at: Date) => Math.floor(at.getTime() / 60_000);

export async function findListsOfAuthors(db: Db, organisationId: string, handles: string[]) {
  if (handles.length === 0) return [];
  return db
    .selectFrom('author_list_members as m')
    .innerJoin('author_lists as l', (join) => join.onRef('l.organisation_id', '=', 'm.organisation_id').onRef('l.id', '=', 'm.list_id'))
    .select(['m.author_handle', 'l.name'])
    .where('m.organisation_id', '=', organisationId)
    .where('m.author_handle', 'in', handles)
    .execute();
}

export async function findItemFacts(db: Db, organisationId: string, messageId: string) {
  const item = await db
    .selectFrom('listening_items')
    .select(['tenor', 'language', 'posted_at'])
    .where('organisation_id', '=', organisationId)
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  if (!item) return { tenor: null, language: null, monitorIds: [] };
  // By way of the organisation's monitors (few) and the item's moment, so each lookup is one of the matches' key.
  const monitors = await db
    .selectFrom('monitor_matches')
    .select('monitor_id')
    .where('organisation_id', '=', organisationId)
    .where('monitor_id', 'in', (eb) => eb.selectFrom('monitors').select('id').where('organisation_id', '=', organisationId))
    .where('posted_at', '=', item.posted_at)
    .where('message_id', '=', messageId)
    .execute();
  return { tenor: item.tenor, language: item.language, monitorIds: monitors.map((row) => row.monitor_id) };
}
