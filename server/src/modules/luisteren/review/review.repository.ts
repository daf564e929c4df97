import type { Db } from '@platform/db/database.client';
import type { TenorCorrectionsTable, TenorValue } from '@platform/db/database.schema';
import { isInScope } from '@platform/db/in-scope.rules';
import type { Scope } from '@platform/tenancy/policy.rules';
import { type Insertable, sql } from 'kysely';

export async function findItemsForReview(db: Db, organisationId: string, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  // Locked: two people correcting the same item one after the other each see the tenor the other left.
  return db
    .selectFrom('listening_items')
    .select(['message_id', 'municipality_id', 'tenor', 'topic'])
    .where('organisation_id', '=', organisationId)
    .where('message_id', 'in', messageIds)
    .forUpdate()
    .execute();
}

// A corrected tenor moves items into (+1) or out of (-1) their monitors' kritiek counts per minute, so
// the alert for a shift to negative hears what people said, as it did before counts were kept per minute.
export async function shiftCriticalCounts(db: Db, organisationId: string, messageIds: string[], delta: 1 | -1) {
  if (messageIds.length === 0) return;
  await sql`
    UPDATE monitor_minutes AS mi SET critical = mi.critical + v.change
    FROM (
      SELECT mm.monitor_id, date_trunc('minute', mm.posted_at) AS minute, count(*)::int * ${delta}::int AS change
      FROM listening_items li
      -- By way of the organisation's monitors (few) and the items' moments: each lookup is one of the matches' key.
      JOIN monitors mo ON mo.organisation_id = li.organisation_id
      JOIN monitor_matches mm ON mm.organisation_id = li.organisation_id AND mm.monitor_id = mo.id AND mm.posted_at = li.posted_at AND mm.message_id = li.message_id
      WHERE li.organisation_id = ${organisationId} AND li.message_id = ANY(${messageIds}::uuid[])
      GROUP BY 1, 2
      ORDER BY 1, 2
    ) AS v
    WHERE mi.organisation_id = ${organisationId} AND mi.monitor_id = v.monitor_id AND mi.minute = v.minute`.execute(db);
}

export async function setReviewedLabel(
  db: Db,
  organisationId: string,
  messageIds: string[],
  label: { tenor?: TenorValue; topic?: string | null },
  by: string,
  at: Date,
) {
  if (messageIds.length === 0) return;
  await db
    .updateTable('listening_items')
    .set({
      ...(label.tenor !== undefined && { tenor: label.tenor }),
      ...(label.topic !== undefined && { topic: label.topic }),
      reviewed_by: by,
      reviewed_at: at,
    })
    .where('organisation_id', '=', organisationId)
    .where('message_id', 'in', messageIds)
    .execute();
}

export async function insertCorrections(db: Db, rows: Insertable<TenorCorrectionsTable>[]) {
  if (rows.length > 0) await db.insertInto('tenor_corrections').values(rows).execute();
}

// The people's labels, newest first: what the organisation's model learns from.
export async function findTrainingExamples(db: Db, organisationId: string, limit: number) {
  return db
    .selectFrom('listening_items as li')
    .innerJoin('published_messages as m', (join) => join.onRef('m.organisation_id', '=', 'li.organisation_id').onRef('m.id', '=', 'li.message_id'))
    .select(['m.text', 'm.subject', 'li.tenor'])
    .where('li.organisation_id', '=', organisationId)
    .where('li.reviewed_at', 'is not', null)
    .orderBy('li.reviewed_at', 'desc')
    .limit(limit)
    .execute();
}

export async function findModelInfo(db: Db, organisationId: string) {
  return db.selectFrom('tenor_models').select(['version', 'trained_on', 'trained_at']).where('organisation_id', '=', organisationId).executeTakeFirst();
}

export async function saveModel(db: Db, organisationId: string, model: unknown, trainedOn: number, at: Date) {
  await db
    .insertInto('tenor_models')
    .values({ organisation_id: organisationId, version: 1, model: JSON.stringify(model), trained_on: trainedOn, trained_at: at })
    .onConflict((conflict) =>
      conflict
        .column('organisation_id')
        .doUpdateSet({ version: sql`tenor_models.version + 1`, model: JSON.stringify(model), trained_on: trainedOn, trained_at: at }),
    )
    .execute();
}

// Per week (Monday, Dutch time): how many items a person judged, and how often the machine had it right.
export async function countAgreement(db: Db, scope: Scope, from: Date, until: Date) {
  const week = sql<Date>`date_trunc('week', reviewed_at, 'Europe/Amsterdam')`;
  return db
    .selectFrom('listening_items')
    .select([week.as('from'), sql<number>`count(*)::int`.as('reviewed'), sql<number>`count(*) FILTER (WHERE tenor = tenor_auto)::int`.as('agreed')])
    .where('organisation_id', '=', scope.organisationId)
    .where(isInScope('municipality_id', scope))
    .where('reviewed_at', '>=', from)
    .where('reviewed_at', '<', until)
    .groupBy(week)
    .orderBy(week)
    .execute();
}

// The version alone: read for every batch, so the model itself is read only when it changed.
export async function findTenorModelVersion(db: Db, organisationId: string) {
  const row = await db.selectFrom('tenor_models').select(['version']).where('organisation_id', '=', organisationId).executeTakeFirst();
  return row?.version;
}

export async function findTenorModel(db: Db, organisationId: string) {
  return db.selectFrom('tenor_models').select(['version', 'model']).where('organisation_id', '=', organisationId).executeTakeFirstOrThrow();
}
