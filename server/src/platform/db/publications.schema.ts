import type { Generated, Selectable } from 'kysely';
import type { NullableTimestamp, Timestamp } from './column.schema';

// Kysely's view of Zenden's tables (migrations/0038_publications.sql).
export interface PublicationsTable {
  organisation_id: string;
  id: Generated<string>;
  municipality_id: string;
  title: string;
  status: 'gepland' | 'bezig' | 'afgerond' | 'geannuleerd';
  planned_at: Timestamp;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  handed_over_at: NullableTimestamp;
}

export interface PublicationChannelsTable {
  organisation_id: string;
  publication_id: string;
  account_id: string;
  position: number;
  text: string;
  outbox_id: string | null;
}

export type PublicationRow = Selectable<PublicationsTable>;
export type PublicationChannelRow = Selectable<PublicationChannelsTable>;
