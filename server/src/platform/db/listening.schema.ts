import type { Generated, Selectable } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './column.schema';

// Kysely's view of the listening tables (migrations/0017_listening.sql).
export type TenorValue = 'steun' | 'kritiek' | 'neutraal' | 'gemengd';

export interface MonitorsTable {
  organisation_id: string;
  id: Generated<string>;
  name: string;
  query: string;
  query_ast: Json<unknown>;
  municipality_id: string | null;
  version: Generated<number>;
  alerts_enabled: Generated<boolean>;
  alert_emails: Json<string[]>;
  backfill_state: Generated<'wachtend' | 'bezig' | 'klaar'>;
  backfill_done: Generated<number>;
  backfill_total: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ListeningItemsTable {
  organisation_id: string;
  message_id: string;
  municipality_id: string;
  channel: string;
  author_handle: string;
  posted_at: Timestamp;
  language: string | null;
  tenor_auto: TenorValue;
  tenor_auto_source: 'lexicon' | 'model';
  tenor_confidence: Generated<number>;
  tenor: TenorValue;
  topic: string | null;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  exact_key: string;
  simhash: string;
  simhash_bands: string[];
  duplicate_of: string | null;
  duplicate_count: Generated<number>;
  reach: Generated<number>;
}

export interface MonitorMatchesTable {
  organisation_id: string;
  monitor_id: string;
  message_id: string;
  posted_at: Timestamp;
}

export interface MonitorMinutesTable {
  organisation_id: string;
  monitor_id: string;
  minute: Timestamp;
  items: Generated<number>;
  critical: Generated<number>;
  news: Generated<number>;
}

export interface TenorCorrectionsTable {
  organisation_id: string;
  id: Generated<string>;
  message_id: string;
  tenor_before: TenorValue;
  tenor_after: TenorValue;
  topic: string | null;
  corrected_by: string;
  corrected_at: Timestamp;
}

export interface TenorModelsTable {
  organisation_id: string;
  version: number;
  model: Json<unknown>;
  trained_on: number;
  trained_at: Timestamp;
}

export interface ListeningAlertsTable {
  organisation_id: string;
  id: Generated<string>;
  monitor_id: string;
  kind: 'piek' | 'nieuwsgolf' | 'negatief';
  window_start: Timestamp;
  window_end: Timestamp;
  observed: number;
  expected: number;
  crisis_like: Generated<boolean>;
  created_at: Timestamp;
  seen_by: string | null;
  seen_at: NullableTimestamp;
}

export interface AuthorListsTable {
  organisation_id: string;
  id: Generated<string>;
  name: string;
  description: Generated<string>;
}

export interface AuthorListMembersTable {
  organisation_id: string;
  list_id: string;
  author_handle: string;
}

export type MonitorRow = Selectable<MonitorsTable>;
export type ListeningItemRow = Selectable<ListeningItemsTable>;
export type ListeningAlertRow = Selectable<ListeningAlertsTable>;

// migrations/0019_rumours.sql
export type RumourStatus = 'onderzoeken' | 'bevestigd' | 'ontkracht' | 'onbeslist';

export interface RumoursTable {
  organisation_id: string;
  id: Generated<string>;
  title: string;
  origin_message_id: string | null;
  status: Generated<RumourStatus>;
  author_checked: Generated<boolean>;
  author_note: Generated<string>;
  time_checked: Generated<boolean>;
  time_note: Generated<string>;
  context_checked: Generated<boolean>;
  context_note: Generated<string>;
  satire_checked: Generated<boolean>;
  satire_note: Generated<string>;
  correction_message_id: string | null;
  correction_url: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RumourMessagesTable {
  organisation_id: string;
  rumour_id: string;
  message_id: string;
  origin: Generated<boolean>;
  added_by: string | null;
  added_at: Timestamp;
}

export type RumourRow = Selectable<RumoursTable>;
