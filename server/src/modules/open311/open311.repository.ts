import type { Db } from '@platform/db/database';

export async function insertOpen311Client(db: Db, client: { organisationId: string; name: string; keyHash: string; now: Date }) {
  return db
    .insertInto('open311_clients')
    .values({ organisation_id: client.organisationId, name: client.name, key_hash: client.keyHash, created_at: client.now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findLiveOpen311Client(db: Db, organisationId: string, keyHash: string) {
  return db
    .selectFrom('open311_clients')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

// Open311 names a municipality by its CBS code only. Without an api_key that tells the organisation, the
// code is looked up across organisations; the caller refuses it when more than one organisation has it.
export async function findMunicipalitiesByCbsCode(db: Db, cbsCode: string) {
  return db
    .selectFrom('municipalities')
    .innerJoin('organisations', 'organisations.id', 'municipalities.organisation_id')
    .selectAll('municipalities')
    .select(['organisations.slug as organisation_slug'])
    .where('municipalities.cbs_code', '=', cbsCode)
    .where('organisations.is_system', '=', false)
    .execute();
}

export interface Open311RequestFilter {
  municipalityId: string;
  numbers?: string[];
  categoryIds?: string[];
  closed?: boolean;
  from?: Date;
  until?: Date;
  limit: number;
}

export const CLOSED_STATUSES = ['afgehandeld', 'geannuleerd'];

// The public columns of meldingen only: reporter contact details are never read for Open311.
export async function findOpen311Requests(db: Db, organisationId: string, filter: Open311RequestFilter) {
  let query = db
    .selectFrom('meldingen')
    .select(['id', 'number', 'category_id', 'description', 'lat', 'lon', 'address', 'status', 'service_promise', 'deadline', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('municipality_id', '=', filter.municipalityId);
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
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

export type Open311RequestRow = Awaited<ReturnType<typeof findOpen311Requests>>[number];

// The events that change what a resident sees (filed, status changes), oldest first; internal notes are left out.
export async function findStatusEvents(db: Db, organisationId: string, meldingIds: string[]) {
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
