import type { GeneratedAlways, Selectable } from 'kysely';
import type { Json, Timestamp } from './column.schema';

// Kysely's view of the network tables (migrations/0020_author_profiles.sql, 0027 for the waiting authors).
export type NetworkGroupValue = 'politiek-overheid' | 'bedrijfsleven' | 'media' | 'sport' | 'kunst-cultuur' | 'verenigingsleven' | 'non-profit';

export interface AuthorNetworkGroupsTable {
  organisation_id: string;
  author_handle: string;
  network_group: NetworkGroupValue;
  source: 'automatisch' | 'analist';
  reason: Json<{ words?: string[]; lists?: string[] }>;
  set_by: string | null;
  set_at: Timestamp;
  note: string | null;
}

export interface AuthorNetworkPendingTable {
  organisation_id: string;
  id: GeneratedAlways<string>;
  author_handles: string[];
  authors: number;
}

export type AuthorNetworkGroupRow = Selectable<AuthorNetworkGroupsTable>;
