import type { Db } from '@platform/db/database.client';

export interface PublicMeldingFilter {
  municipalityId: string;
  numbers?: string[];
  categoryIds?: string[];
  closed?: boolean;
  from?: Date;
  until?: Date;
  limit: number;
  offset?: number;
}

export const CLOSED_STATUSES = ['afgehandeld', 'geannuleerd'];
const PUBLICLY_FILED: ('formulier' | 'open311')[] = ['formulier', 'open311'];

// The public columns of meldingen only (Open311 lists them): reporter contact details are never read here.
export async function findPublicMeldingen(db: Db, organisationId: string, filter: PublicMeldingFilter) {
  let query = db
    .selectFrom('meldingen')
    .select(['id', 'number', 'category_id', 'description', 'lat', 'lon', 'address', 'status', 'service_promise', 'deadline', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('municipality_id', '=', filter.municipalityId)
    // Only what residents filed in public (the form, an Open311 app): a melding entered by staff from a phone call or
    // made from a private message (e-mail, WhatsApp, a direct message) was never meant to be listed for anyone.
    .where('source', 'in', PUBLICLY_FILED);
  if (filter.numbers) {
    if (filter.numbers.length === 0) return [];
    query = query.where('number', 'in', filter.numbers);
  }
  if (filter.categoryIds) {
    if (filter.categoryIds.length === 0) return [];
    query = query.where('category_id', 'in', filter.categoryIds);
  }
  if (filter.closed !== undefined) query = query.where('status', filter.closed ? 'in' : 'not in', CLOSED_STATUSES);
  if (filter.from) query = query.where('created_at', '>=', filter.from);
  if (filter.until) query = query.where('created_at', '<=', filter.until);
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset ?? 0)
    .execute();
}

export type PublicMeldingRow = Awaited<ReturnType<typeof findPublicMeldingen>>[number];

// The events that change what a resident sees (filed, status changes), oldest first; internal notes are left out.
export async function findPublicStatusEvents(db: Db, organisationId: string, meldingIds: string[]) {
  if (meldingIds.length === 0) return [];
  return db
    .selectFrom('melding_events')
    .select(['melding_id', 'kind', 'to_status', 'text', 'at'])
    .where('organisation_id', '=', organisationId)
    .where('melding_id', 'in', meldingIds)
    .where('kind', 'in', ['gemeld', 'status'])
    .orderBy('at')
    .orderBy('seq')
    .execute();
}
