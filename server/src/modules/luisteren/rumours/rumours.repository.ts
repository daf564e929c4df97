import type { Db } from '@platform/db/database.client';
import type { RumoursTable } from '@platform/db/database.schema';
import { isInScope } from '@platform/db/in-scope.rules';
import type { Scope } from '@platform/tenancy/policy.rules';
import type { Updateable } from 'kysely';
import { type RawBuilder, sql } from 'kysely';

// Kysely only; every query is scoped to the organisation. A rumour's messages are its linked rows plus the
// listening items that are copies of them (duplicate_of), so a growing repost wave needs no bookkeeping.

const rumourColumns = (db: Db) =>
  db
    .selectFrom('rumours as r')
    .leftJoin('published_users as u', (join) => join.onRef('u.organisation_id', '=', 'r.organisation_id').onRef('u.id', '=', 'r.created_by'))
    .leftJoin('published_messages as om', (join) => join.onRef('om.organisation_id', '=', 'r.organisation_id').onRef('om.id', '=', 'r.origin_message_id'))
    .selectAll('r')
    .select(['u.name as created_by_name', 'om.municipality_id as origin_municipality_id']);

export type RumourRecord = NonNullable<Awaited<ReturnType<typeof findRumour>>>;

export async function findRumours(db: Db, organisationId: string, withMessageId?: string) {
  let query = rumourColumns(db).where('r.organisation_id', '=', organisationId);
  // A message belongs to a rumour when it is linked or is a copy of a linked message.
  if (withMessageId) {
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('rumour_messages as rm')
            .select('rm.rumour_id')
            .whereRef('rm.organisation_id', '=', 'r.organisation_id')
            .whereRef('rm.rumour_id', '=', 'r.id')
            .where('rm.message_id', '=', withMessageId),
        ),
        eb.exists(
          eb
            .selectFrom('rumour_messages as rm')
            .innerJoin('listening_items as li', (join) =>
              join.onRef('li.organisation_id', '=', 'rm.organisation_id').onRef('li.duplicate_of', '=', 'rm.message_id'),
            )
            .select('rm.rumour_id')
            .whereRef('rm.organisation_id', '=', 'r.organisation_id')
            .whereRef('rm.rumour_id', '=', 'r.id')
            .where('li.message_id', '=', withMessageId),
        ),
      ]),
    );
  }
  return query.orderBy('r.updated_at', 'desc').orderBy('r.id').limit(500).execute();
}

export async function findRumour(db: Db, organisationId: string, rumourId: string) {
  return rumourColumns(db).where('r.organisation_id', '=', organisationId).where('r.id', '=', rumourId).executeTakeFirst();
}

export async function insertRumour(db: Db, organisationId: string, rumour: { title: string; originMessageId: string; createdBy: string | null; at: Date }) {
  const { id } = await db
    .insertInto('rumours')
    .values({
      organisation_id: organisationId,
      title: rumour.title,
      origin_message_id: rumour.originMessageId,
      created_by: rumour.createdBy,
      created_at: rumour.at,
      updated_at: rumour.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

type RumourChanges = Partial<
  Pick<
    Updateable<RumoursTable>,
    | 'title'
    | 'status'
    | 'correction_message_id'
    | 'correction_url'
    | 'author_checked'
    | 'author_note'
    | 'time_checked'
    | 'time_note'
    | 'context_checked'
    | 'context_note'
    | 'satire_checked'
    | 'satire_note'
  >
>;

export async function updateRumour(db: Db, organisationId: string, rumourId: string, changes: RumourChanges & { updated_at: Date }) {
  await db.updateTable('rumours').set(changes).where('organisation_id', '=', organisationId).where('id', '=', rumourId).execute();
}

export async function touchRumour(db: Db, organisationId: string, rumourId: string, at: Date) {
  await db.updateTable('rumours').set({ updated_at: at }).where('organisation_id', '=', organisationId).where('id', '=', rumourId).execute();
}

export async function linkMessages(
  db: Db,
  organisationId: string,
  rumourId: string,
  messageIds: string[],
  by: { userId: string | null; at: Date; origin: boolean },
) {
  if (messageIds.length === 0) return 0;
  const rows = await db
    .insertInto('rumour_messages')
    .values(
      messageIds.map((message_id) => ({
        organisation_id: organisationId,
        rumour_id: rumourId,
        message_id,
        origin: by.origin,
        added_by: by.userId,
        added_at: by.at,
      })),
    )
    .onConflict((conflict) => conflict.columns(['organisation_id', 'rumour_id', 'message_id']).doNothing())
    .returning('message_id')
    .execute();
  return rows.length;
}

export async function findLink(db: Db, organisationId: string, rumourId: string, messageId: string) {
  return db
    .selectFrom('rumour_messages')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('rumour_id', '=', rumourId)
    .where('message_id', '=', messageId)
    .executeTakeFirst();
}

export async function unlinkMessage(db: Db, organisationId: string, rumourId: string, messageId: string) {
  await db
    .deleteFrom('rumour_messages')
    .where('organisation_id', '=', organisationId)
    .where('rumour_id', '=', rumourId)
    .where('message_id', '=', messageId)
    .execute();
}

// A message of the organisation, whatever its direction: the correction may be our own post.
export async function findMessage(db: Db, organisationId: string, messageId: string) {
  return db
    .selectFrom('published_messages as messages')
    .select(['id', 'municipality_id', 'direction', 'author_handle', 'author_name', 'text', 'posted_at', 'channel', 'public_url'])
    .where('organisation_id', '=', organisationId)
    .where('visibility', '=', 'openbaar')
    .where('id', '=', messageId)
    .executeTakeFirst();
}

export async function findMessages(db: Db, organisationId: string, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('published_messages as messages')
    .select(['id', 'municipality_id', 'direction', 'author_handle', 'author_name', 'text', 'posted_at', 'channel', 'public_url'])
    .where('organisation_id', '=', organisationId)
    .where('visibility', '=', 'openbaar')
    .where('id', 'in', messageIds)
    .execute();
}

// Messages that could be the official correction: matching the words, own posts ('uit') first, newest first,
// not older than the rumour. Also copies: an analyst may want the version the municipality reposted.
export async function searchCorrectionCandidates(db: Db, scope: Scope, search: { q: string; since: Date | null; limit: number }) {
  let query = db
    .selectFrom('published_messages as messages')
    .select(['id', 'municipality_id', 'direction', 'author_handle', 'author_name', 'text', 'posted_at', 'channel', 'public_url'])
    .where('organisation_id', '=', scope.organisationId)
    .where('visibility', '=', 'openbaar')
    .where(isInScope('municipality_id', scope))
    .where(sql<boolean>`search @@ websearch_to_tsquery('dutch', ${search.q})`);
  if (search.since) query = query.where('posted_at', '>=', search.since);
  return query.orderBy(sql`direction = 'uit'`, 'desc').orderBy('posted_at', 'desc').limit(search.limit).execute();
}

// Messages of each rumour including copies, for the list.
export async function countRumourMessages(db: Db, organisationId: string, rumourId?: string) {
  const only = rumourId ? sql`AND rm.rumour_id = ${rumourId}` : sql``;
  const result = await sql<{ rumour_id: string; n: number }>`
    SELECT rumour_id, count(DISTINCT message_id)::int AS n FROM (
      SELECT rm.rumour_id, rm.message_id FROM rumour_messages rm WHERE rm.organisation_id = ${organisationId} ${only}
      UNION ALL
      SELECT rm.rumour_id, li.message_id FROM rumour_messages rm
      JOIN listening_items li ON li.organisation_id = rm.organisation_id AND li.duplicate_of = rm.message_id
      WHERE rm.organisation_id = ${organisationId} ${only}
    ) members GROUP BY rumour_id`.execute(db);
  return new Map(result.rows.map((row) => [row.rumour_id, row.n]));
}

// The linked messages of one rumour with how often each was copied.
export async function findLinkedMessages(db: Db, organisationId: string, rumourId: string) {
  return db
    .selectFrom('rumour_messages as rm')
    .innerJoin('published_messages as m', (join) => join.onRef('m.organisation_id', '=', 'rm.organisation_id').onRef('m.id', '=', 'rm.message_id'))
    .leftJoin('listening_items as li', (join) => join.onRef('li.organisation_id', '=', 'rm.organisation_id').onRef('li.message_id', '=', 'rm.message_id'))
    .select(['m.id', 'm.municipality_id', 'm.author_handle', 'm.author_name', 'm.text', 'm.posted_at', 'm.channel', 'm.public_url', 'rm.origin'])
    .select(sql<number>`coalesce(li.duplicate_count, 0)::int`.as('copies'))
    .where('rm.organisation_id', '=', organisationId)
    .where('rm.rumour_id', '=', rumourId)
    .orderBy('m.posted_at')
    .execute();
}

// The members of a spread: the rumour's linked messages and their copies, or the correction with its copies and
// the items that link to the correction's web address.
export type SpreadSource =
  | { kind: 'rumour'; rumourId: string }
  | { kind: 'correction'; messageId: string | null; urls: string[]; since: Date | null; ownPost: { exactKey: string; postedAt: Date } | null };

// One row per message, however many ways it belongs (a copy that also carries the link counts once).
function members(organisationId: string, source: SpreadSource): RawBuilder<unknown> {
  return sql`SELECT DISTINCT ON (message_id) message_id, copy_of FROM (${memberRows(organisationId, source)}) candidates ORDER BY message_id, copy_of NULLS LAST`;
}

function memberRows(organisationId: string, source: SpreadSource): RawBuilder<unknown> {
  if (source.kind === 'rumour') {
    return sql`
      SELECT rm.message_id, NULL::uuid AS copy_of FROM rumour_messages rm WHERE rm.organisation_id = ${organisationId} AND rm.rumour_id = ${source.rumourId}
      UNION
      SELECT li.message_id, li.duplicate_of FROM rumour_messages rm
      JOIN listening_items li ON li.organisation_id = rm.organisation_id AND li.duplicate_of = rm.message_id
      WHERE rm.organisation_id = ${organisationId} AND rm.rumour_id = ${source.rumourId}`;
  }
  const parts = [sql`SELECT NULL::uuid AS message_id, NULL::uuid AS copy_of WHERE false`];
  if (source.messageId) {
    parts.push(sql`SELECT ${source.messageId}::uuid, NULL::uuid`);
    parts.push(
      sql`SELECT li.message_id, li.duplicate_of FROM listening_items li WHERE li.organisation_id = ${organisationId} AND li.duplicate_of = ${source.messageId}::uuid`,
    );
  }
  if (source.messageId && source.ownPost) {
    // Our own post has no listening item, so nothing points at it by duplicate_of: reposts are found by the same
    // duplicate key the pipeline folds on.
    parts.push(sql`SELECT li.message_id, ${source.messageId}::uuid FROM listening_items li
      WHERE li.organisation_id = ${organisationId} AND li.exact_key = ${source.ownPost.exactKey} AND li.posted_at >= ${source.ownPost.postedAt}`);
  }
  for (const url of source.urls) {
    // Reposts that carry the link: in the text or among the message's links. Only from the rumour's start on, so
    // the scan uses the time index instead of reading the organisation's whole history.
    parts.push(sql`SELECT li.message_id, NULL::uuid FROM listening_items li JOIN published_messages lm ON lm.organisation_id = li.organisation_id AND lm.id = li.message_id
      WHERE li.organisation_id = ${organisationId} AND li.posted_at >= ${source.since ?? new Date(0)}
        AND (strpos(lm.text, ${url}) > 0 OR lm.links @> jsonb_build_array(${url}::text))`);
  }
  return sql.join(parts, sql` UNION `);
}

export async function findSpreadBounds(db: Db, organisationId: string, source: SpreadSource) {
  const result = await sql<{ first: Date | null; last: Date | null; n: number; reach: number }>`
    SELECT min(m.posted_at) AS first, max(m.posted_at) AS last, count(*)::int AS n, coalesce(sum(m.author_followers), 0)::int AS reach
    FROM (${members(organisationId, source)}) s
    JOIN published_messages m ON m.organisation_id = ${organisationId} AND m.id = s.message_id`.execute(db);
  return result.rows[0]!;
}

export async function countSpread(db: Db, organisationId: string, source: SpreadSource, bucket: 'hour' | 'day') {
  const at = sql<Date>`date_trunc(${sql.lit(bucket)}, m.posted_at, 'Europe/Amsterdam')`;
  const result = await sql<{ at: Date; n: number }>`
    SELECT ${at} AS at, count(*)::int AS n
    FROM (${members(organisationId, source)}) s
    JOIN published_messages m ON m.organisation_id = ${organisationId} AND m.id = s.message_id
    GROUP BY 1 ORDER BY 1`.execute(db);
  return result.rows;
}

export async function listNewestSpread(db: Db, organisationId: string, source: SpreadSource, limit: number) {
  const result = await sql<{
    id: string;
    municipality_id: string;
    author_handle: string;
    author_name: string | null;
    text: string;
    posted_at: Date;
    channel: string;
    public_url: string | null;
    copy_of: string | null;
  }>`
    SELECT m.id, m.municipality_id, m.author_handle, m.author_name, m.text, m.posted_at, m.channel, m.public_url, s.copy_of
    FROM (${members(organisationId, source)}) s
    JOIN published_messages m ON m.organisation_id = ${organisationId} AND m.id = s.message_id
    ORDER BY m.posted_at DESC, m.id DESC LIMIT ${limit}`.execute(db);
  return result.rows;
}
