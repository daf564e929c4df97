import { CLOSED_MELDING_STATUSES } from '@contracts/meldingen';
import type { Db } from '@platform/db/database.client';
import type { MeldingEventsTable, MeldingenTable } from '@platform/db/database.schema';
import { isInScope } from '@platform/db/in-scope.rules';
import type { Scope } from '@platform/tenancy/policy.rules';
import { type Insertable, sql, type Updateable } from 'kysely';

// The next number of the year for this organisation; the row lock makes concurrent meldingen wait in turn.
export async function takeNextMeldingNumber(db: Db, organisationId: string, year: number): Promise<string> {
  const row = await db
    .insertInto('melding_counters')
    .values({ organisation_id: organisationId, year, last_number: 1 })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'year']).doUpdateSet({ last_number: sql`melding_counters.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `${year}-${String(row.last_number).padStart(5, '0')}`;
}

export async function insertMelding(db: Db, row: Insertable<MeldingenTable>) {
  return db.insertInto('meldingen').values(row).returningAll().executeTakeFirstOrThrow();
}

// For imports: a row whose source id is already there is left alone.
export async function insertMeldingOnce(db: Db, row: Insertable<MeldingenTable>) {
  return db
    .insertInto('meldingen')
    .values(row)
    .onConflict((conflict) => conflict.columns(['organisation_id', 'source', 'external_id']).doNothing())
    .returning(['id'])
    .executeTakeFirst();
}

export async function findMelding(db: Db, organisationId: string, meldingId: string) {
  return db.selectFrom('meldingen').selectAll().where('organisation_id', '=', organisationId).where('id', '=', meldingId).executeTakeFirst();
}

export async function lockMelding(db: Db, organisationId: string, meldingId: string) {
  return db.selectFrom('meldingen').selectAll().where('organisation_id', '=', organisationId).where('id', '=', meldingId).forUpdate().executeTakeFirst();
}

// By the tracking link from the confirmation, or else by a second link given to a recognised resubmission. Two
// lookups on their own keys: an OR across the two tables would make a public page scan the organisation's meldingen.
export async function findMeldingByTrackingHash(db: Db, organisationId: string, tokenHash: string) {
  const first = await db
    .selectFrom('meldingen')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('tracking_token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (first) return first;
  return db
    .selectFrom('melding_tracking_tokens as t')
    .innerJoin('meldingen', (join) => join.onRef('meldingen.organisation_id', '=', 't.organisation_id').onRef('meldingen.id', '=', 't.melding_id'))
    .selectAll('meldingen')
    .where('t.organisation_id', '=', organisationId)
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function insertTrackingToken(db: Db, organisationId: string, meldingId: string, tokenHash: string, now: Date) {
  await db
    .insertInto('melding_tracking_tokens')
    .values({ organisation_id: organisationId, melding_id: meldingId, token_hash: tokenHash, created_at: now })
    .execute();
}

// The melding this fingerprint filed since the given moment, if any: a resubmission gets it back.
export async function findRecentSubmission(db: Db, organisationId: string, fingerprint: string, since: Date) {
  return db
    .selectFrom('meldingen')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('submission_fingerprint', '=', fingerprint)
    .where('created_at', '>=', since)
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function updateMelding(db: Db, organisationId: string, meldingId: string, changes: Updateable<MeldingenTable>) {
  return db
    .updateTable('meldingen')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', meldingId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface MeldingFilter {
  status?: string;
  categoryIds?: string[];
  department?: string;
  assignedUserId?: string;
  overdueAt?: { now: Date; overdue: boolean };
  from?: Date;
  until?: Date;
  limit: number;
}

export async function findMeldingen(db: Db, scope: Scope, filter: MeldingFilter) {
  let query = db.selectFrom('meldingen').selectAll().where('organisation_id', '=', scope.organisationId).where(isInScope('municipality_id', scope));
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.categoryIds) {
    // A category that is not the organisation's has no meldingen (an empty IN list is not SQL).
    if (filter.categoryIds.length === 0) return [];
    query = query.where('category_id', 'in', filter.categoryIds);
  }
  if (filter.from) query = query.where('created_at', '>=', filter.from);
  if (filter.until) query = query.where('created_at', '<', filter.until);
  if (filter.department) query = query.where('assigned_department', '=', filter.department);
  if (filter.assignedUserId) query = query.where('assigned_user_id', '=', filter.assignedUserId);
  if (filter.overdueAt) {
    const { now, overdue } = filter.overdueAt;
    query = overdue
      ? query.where('deadline', '<', now).where('status', 'not in', CLOSED_MELDING_STATUSES)
      : query.where((eb) => eb.or([eb('deadline', '>=', now), eb('status', 'in', CLOSED_MELDING_STATUSES)]));
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

export async function insertEvent(db: Db, row: Insertable<MeldingEventsTable>) {
  return db.insertInto('melding_events').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findEvents(db: Db, organisationId: string, meldingId: string) {
  return db
    .selectFrom('melding_events')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('melding_id', '=', meldingId)
    .orderBy('at')
    .orderBy('seq')
    .execute();
}

export async function insertPhotos(db: Db, organisationId: string, meldingId: string, attachmentIds: string[]) {
  if (attachmentIds.length === 0) return;
  await db
    .insertInto('melding_photos')
    .values(attachmentIds.map((attachmentId, position) => ({ organisation_id: organisationId, melding_id: meldingId, attachment_id: attachmentId, position })))
    .execute();
}

export async function findPhotoIds(db: Db, organisationId: string, meldingId: string) {
  const rows = await db
    .selectFrom('melding_photos')
    .select('attachment_id')
    .where('organisation_id', '=', organisationId)
    .where('melding_id', '=', meldingId)
    .orderBy('position')
    .execute();
  return rows.map((row) => row.attachment_id);
}

// Photos this form session uploaded that no melding uses yet: the only ones a new melding may claim.
export async function findUnclaimedPhotos(db: Db, organisationId: string, attachmentIds: string[], uploadSessionHash: string) {
  if (attachmentIds.length === 0) return [];
  return db
    .selectFrom('published_attachments as attachments')
    .select('attachments.id')
    .where('attachments.organisation_id', '=', organisationId)
    .where('attachments.id', 'in', attachmentIds)
    .where('attachments.message_id', 'is', null)
    .where('attachments.upload_session_hash', '=', uploadSessionHash)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('melding_photos')
            .select('melding_photos.attachment_id')
            .whereRef('melding_photos.organisation_id', '=', 'attachments.organisation_id')
            .whereRef('melding_photos.attachment_id', '=', 'attachments.id'),
        ),
      ),
    )
    .execute();
}

// Open meldingen of one category in a small box around a place (the caller measures the real distance).
export async function findOpenInBox(
  db: Db,
  organisationId: string,
  filter: { municipalityId: string; categoryId: string; minLat: number; maxLat: number; minLon: number; maxLon: number },
) {
  return db
    .selectFrom('meldingen')
    .select(['id', 'lat', 'lon', 'status', 'created_at', 'description'])
    .where('organisation_id', '=', organisationId)
    .where('municipality_id', '=', filter.municipalityId)
    .where('category_id', '=', filter.categoryId)
    .where('status', 'not in', CLOSED_MELDING_STATUSES)
    .where('lat', '>=', filter.minLat)
    .where('lat', '<=', filter.maxLat)
    .where('lon', '>=', filter.minLon)
    .where('lon', '<=', filter.maxLon)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}

// What the figures need of every melding filed in a period (imported history included).
export async function findForFigures(db: Db, scope: Scope, period: { from: Date; until: Date }) {
  return db
    .selectFrom('meldingen')
    .select(['id', 'municipality_id', 'created_at', 'first_reaction_at', 'handled_at', 'deadline', 'status'])
    .where('organisation_id', '=', scope.organisationId)
    .where(isInScope('municipality_id', scope))
    .where('created_at', '>=', period.from)
    .where('created_at', '<', period.until)
    .execute();
}

// The duplicates that were merged into a melding and follow its status.
export async function findMergedInto(db: Db, organisationId: string, meldingId: string) {
  return db
    .selectFrom('meldingen')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('merged_into_id', '=', meldingId)
    .orderBy('created_at')
    .forUpdate()
    .execute();
}

// The meldingen a melding is tied to: the one it was merged into or split from, its duplicates and parts.
export async function findRelatedMeldingen(db: Db, organisationId: string, row: { id: string; merged_into_id: string | null; split_from_id: string | null }) {
  const ids = [row.merged_into_id, row.split_from_id].filter((id): id is string => id !== null);
  return db
    .selectFrom('meldingen')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('merged_into_id', '=', row.id), eb('split_from_id', '=', row.id), ...(ids.length > 0 ? [eb('id', 'in', ids)] : [])]))
    .orderBy('created_at')
    .execute();
}

export async function markEventSent(db: Db, organisationId: string, eventId: string, via: 'email' | 'kanaal') {
  await db
    .updateTable('melding_events')
    .set({ sent_to_reporter: true, sent_via: via })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', eventId)
    .execute();
}

// Photos of one melding shown on another too (a duplicate's photos on the melding it was merged into).
export async function linkPhotos(db: Db, organisationId: string, meldingId: string, attachmentIds: string[], firstPosition: number) {
  if (attachmentIds.length === 0) return;
  await db
    .insertInto('melding_photos')
    .values(
      attachmentIds.map((attachmentId, index) => ({
        organisation_id: organisationId,
        melding_id: meldingId,
        attachment_id: attachmentId,
        position: firstPosition + index,
      })),
    )
    .onConflict((conflict) => conflict.columns(['organisation_id', 'melding_id', 'attachment_id']).doNothing())
    .execute();
}

export async function findMeldingFromMessage(db: Db, organisationId: string, messageId: string) {
  return db
    .selectFrom('meldingen')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('source', '=', 'kanaal')
    .where('external_id', '=', messageId)
    .executeTakeFirst();
}

// Meldingen made from any of these channel messages ("maak melding" in the inbox).
export async function findMeldingenBySourceMessages(db: Db, organisationId: string, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('meldingen')
    .select(['id', 'number', 'status', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('source_message_id', 'in', messageIds)
    .execute();
}
