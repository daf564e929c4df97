import type { Db } from '@platform/db/database.client';
import type { PublicationChannelsTable, PublicationsTable } from '@platform/db/database.schema';
import { isInScope } from '@platform/db/in-scope.rules';
import type { Scope } from '@platform/tenancy/policy.rules';
import type { Insertable, Updateable } from 'kysely';

export async function insertPublication(
  db: Db,
  publication: Insertable<PublicationsTable>,
  channels: Omit<Insertable<PublicationChannelsTable>, 'organisation_id' | 'publication_id'>[],
) {
  const row = await db.insertInto('publications').values(publication).returningAll().executeTakeFirstOrThrow();
  await db
    .insertInto('publication_channels')
    .values(channels.map((channel) => ({ ...channel, organisation_id: row.organisation_id, publication_id: row.id })))
    .execute();
  return row;
}

export async function findPublication(db: Db, organisationId: string, publicationId: string) {
  return db.selectFrom('publications').selectAll().where('organisation_id', '=', organisationId).where('id', '=', publicationId).executeTakeFirst();
}

export async function findPublications(db: Db, scope: Scope, filter: { municipalityId?: string; from: Date; to: Date; status?: PublicationsTable['status'] }) {
  let query = db
    .selectFrom('publications')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where(isInScope('municipality_id', scope))
    .where('planned_at', '>=', filter.from)
    .where('planned_at', '<', filter.to);
  if (filter.municipalityId) query = query.where('municipality_id', '=', filter.municipalityId);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.orderBy('planned_at').orderBy('id').limit(5_000).execute();
}

export async function findPublicationChannels(db: Db, organisationId: string, publicationIds: string[]) {
  if (publicationIds.length === 0) return [];
  return db
    .selectFrom('publication_channels')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('publication_id', 'in', publicationIds)
    .orderBy('publication_id')
    .orderBy('position')
    .execute();
}

// Compare-and-set: the change happens only if the publication is still in one of `from.status` (and at `version`,
// when given). Returns the changed row, or undefined when someone or something else moved it first. The version only
// changes when `to` says so: a move of state is no edit.
export async function movePublication(
  db: Db,
  organisationId: string,
  publicationId: string,
  from: { status: PublicationsTable['status'] | PublicationsTable['status'][]; version?: number },
  to: Updateable<PublicationsTable>,
) {
  let query = db
    .updateTable('publications')
    .set(to)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', publicationId)
    .where('status', 'in', Array.isArray(from.status) ? from.status : [from.status]);
  if (from.version !== undefined) query = query.where('version', '=', from.version);
  return query.returningAll().executeTakeFirst();
}

// The channels of a publication replaced by new ones (an edit before it was handed over).
export async function replacePublicationChannels(
  db: Db,
  organisationId: string,
  publicationId: string,
  channels: Omit<Insertable<PublicationChannelsTable>, 'organisation_id' | 'publication_id'>[],
) {
  await db.deleteFrom('publication_channels').where('organisation_id', '=', organisationId).where('publication_id', '=', publicationId).execute();
  await db
    .insertInto('publication_channels')
    .values(channels.map((channel) => ({ ...channel, organisation_id: organisationId, publication_id: publicationId })))
    .execute();
}

// Due publications of every organisation, oldest first; SKIP LOCKED lets several workers share a busy minute.
export async function claimDuePublications(db: Db, now: Date, limit: number) {
  return db
    .selectFrom('publications')
    .select(['organisation_id', 'id'])
    .where('status', '=', 'gepland')
    .where('planned_at', '<=', now)
    .orderBy('planned_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function setChannelOutbox(db: Db, organisationId: string, publicationId: string, accountId: string, outboxId: string) {
  await db
    .updateTable('publication_channels')
    .set({ outbox_id: outboxId })
    .where('organisation_id', '=', organisationId)
    .where('publication_id', '=', publicationId)
    .where('account_id', '=', accountId)
    .execute();
}
