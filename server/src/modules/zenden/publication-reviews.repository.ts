import type { Db } from '@platform/db/database.client';
import type { PublicationReviewsTable } from '@platform/db/database.schema';
import type { Insertable } from 'kysely';

export async function insertReview(db: Db, review: Insertable<PublicationReviewsTable>) {
  return db.insertInto('publication_reviews').values(review).returningAll().executeTakeFirstOrThrow();
}

export async function findReviews(db: Db, organisationId: string, publicationIds: string[]) {
  if (publicationIds.length === 0) return [];
  return db
    .selectFrom('publication_reviews')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('publication_id', 'in', publicationIds)
    .orderBy('created_at')
    .orderBy('content_version')
    .orderBy('id')
    .execute();
}
