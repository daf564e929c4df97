import type { Db } from '@platform/db/database.client';
import type { ReplyImagesTable } from '@platform/db/database.schema';
import type { Insertable } from 'kysely';

export async function insertReplyImage(db: Db, row: Insertable<ReplyImagesTable>) {
  return db.insertInto('reply_images').values(row).returningAll().executeTakeFirstOrThrow();
}

// An image of this conversation, with its bytes.
export async function findReplyImage(db: Db, organisationId: string, conversationId: string, imageId: string) {
  return db
    .selectFrom('reply_images')
    .innerJoin('published_attachments as attachments', (join) =>
      join.onRef('attachments.organisation_id', '=', 'reply_images.organisation_id').onRef('attachments.id', '=', 'reply_images.attachment_id'),
    )
    .select([
      'reply_images.attachment_id',
      'reply_images.conversation_id',
      'reply_images.width',
      'reply_images.height',
      'attachments.content_type',
      'attachments.size_bytes',
      'attachments.content',
    ])
    .where('reply_images.organisation_id', '=', organisationId)
    .where('reply_images.conversation_id', '=', conversationId)
    .where('reply_images.attachment_id', '=', imageId)
    .executeTakeFirst();
}

export async function findReplyImageIds(db: Db, organisationId: string, conversationId: string, imageIds: string[]) {
  if (imageIds.length === 0) return [];
  const rows = await db
    .selectFrom('reply_images')
    .select('attachment_id')
    .where('organisation_id', '=', organisationId)
    .where('conversation_id', '=', conversationId)
    .where('attachment_id', 'in', imageIds)
    .execute();
  return rows.map((row) => row.attachment_id);
}
