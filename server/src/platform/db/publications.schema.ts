import type { Generated, Selectable } from 'kysely';
import type { NullableTimestamp, Timestamp } from './column.schema';

// Kysely's view of Zenden's tables (migrations/0038_publications.sql, 0039_publication_approval.sql).
export interface PublicationsTable {
  organisation_id: string;
  id: Generated<string>;
  municipality_id: string;
  title: string;
  status: 'ter-goedkeuring' | 'teruggestuurd' | 'gepland' | 'bezig' | 'afgerond' | 'geannuleerd';
  planned_at: Timestamp;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  handed_over_at: NullableTimestamp;
  // migrations/0039: approval and the crisis fast path
  approvals_required: Generated<number>;
  content_version: Generated<number>;
  fast_path_reason: string | null;
  fast_path_by: string | null;
  reviewed_afterwards_at: NullableTimestamp;
}

export interface PublicationChannelsTable {
  organisation_id: string;
  publication_id: string;
  account_id: string;
  position: number;
  text: string;
  outbox_id: string | null;
}

export interface PublicationAccountSettingsTable {
  organisation_id: string;
  account_id: string;
  approval: 'geen' | 'een' | 'twee';
  crisis_account: boolean;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface PublicationReviewsTable {
  organisation_id: string;
  id: Generated<string>;
  publication_id: string;
  content_version: number;
  user_id: string;
  decision: 'goedgekeurd' | 'teruggestuurd' | 'opmerking';
  comment: string | null;
  created_at: Timestamp;
}

export type PublicationReviewRow = Selectable<PublicationReviewsTable>;
export type PublicationRow = Selectable<PublicationsTable>;
export type PublicationChannelRow = Selectable<PublicationChannelsTable>;
