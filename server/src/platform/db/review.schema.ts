import type { Generated, Selectable } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './column.schema';

// Kysely's view of the composer's tables (migrations/0015_reply_review.sql): images in replies and replies
// a colleague checks first.
export interface ReplyImagesTable {
  organisation_id: string;
  attachment_id: string;
  conversation_id: string;
  uploaded_by: string | null;
  width: number;
  height: number;
  created_at: Timestamp;
}

export type ReplyDraftStatus = 'ter-controle' | 'teruggestuurd' | 'goedgekeurd' | 'ingetrokken';

export interface ReplyDraftsTable {
  organisation_id: string;
  id: Generated<string>;
  conversation_id: string;
  author_user_id: string;
  reviewer_user_id: string | null;
  text: string;
  private: Generated<boolean>;
  confirmed_warnings: Generated<boolean>;
  media: Json<{ imageId: string; altText: string }[]>;
  status: Generated<ReplyDraftStatus>;
  revision: Generated<number>;
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  outbox_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type ReplyImageRow = Selectable<ReplyImagesTable>;
export type ReplyDraftRow = Selectable<ReplyDraftsTable>;
