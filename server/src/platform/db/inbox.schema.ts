import type { Generated, Selectable } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './column.schema';

// Kysely's view of the inbox tables (migrations/0007_inbox.sql).
export interface ConversationsTable {
  organisation_id: string;
  id: Generated<string>;
  account_id: string;
  municipality_id: string;
  channel: string;
  thread_key: string;
  author_id: string;
  author_handle: string;
  author_name: string | null;
  subject: string | null;
  visibility: 'openbaar' | 'prive';
  state: Generated<'open' | 'wachtend' | 'gesnoozed' | 'gesloten'>;
  priority: Generated<'laag' | 'normaal' | 'hoog' | 'urgent'>;
  labels: Generated<string[]>;
  assigned_team_id: string | null;
  assigned_user_id: string | null;
  snoozed_until: NullableTimestamp;
  started_at: Timestamp;
  last_message_at: Timestamp;
  last_inbound_at: NullableTimestamp;
  waiting_since: NullableTimestamp;
  first_response_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  // migrations/0008_office_hours.sql
  first_response_due_at: NullableTimestamp;
  resolution_due_at: NullableTimestamp;
  // migrations/0016_handoffs.sql
  handling_account_id: string | null;
  handoff_due_at: NullableTimestamp;
  message_count: Generated<number>;
  preview: Generated<string>;
  simulated: Generated<boolean>;
}

export interface ConversationEventsTable {
  organisation_id: string;
  id: Generated<string>;
  seq: Generated<string>;
  conversation_id: string;
  at: Timestamp;
  kind:
    | 'toestand'
    | 'toegewezen'
    | 'notitie'
    | 'labels'
    | 'prioriteit'
    | 'antwoord'
    | 'te-laat'
    | 'ontvangstbevestiging'
    | 'misbruik'
    | 'geblokkeerd'
    | 'gedeblokkeerd'
    | 'tevredenheid'
    | 'overdracht'
    | 'controle';
  text: string | null;
  details: Json<Record<string, unknown>>;
  mentions: Generated<string[]>;
  actor_user_id: string | null;
  actor_name: string | null;
}

export interface ConversationReadsTable {
  organisation_id: string;
  conversation_id: string;
  user_id: string;
  read_at: Timestamp;
}

export interface ConversationPresenceTable {
  organisation_id: string;
  conversation_id: string;
  user_id: string;
  composing: boolean;
  seen_at: Timestamp;
}

export interface SavedViewsTable {
  organisation_id: string;
  id: Generated<string>;
  user_id: string;
  name: string;
  filters: Json<Record<string, string>>;
  created_at: Timestamp;
}

export type ConversationRow = Selectable<ConversationsTable>;
export type ConversationEventRow = Selectable<ConversationEventsTable>;
