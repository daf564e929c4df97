import type { Generated, Selectable } from 'kysely';
import type { NullableTimestamp, Timestamp } from './column.schema';

// Kysely's view of the misbruik and tevredenheid tables (migrations/0012_abuse_and_satisfaction.sql).
export interface AggressionRegisterTable {
  organisation_id: string;
  id: Generated<string>;
  conversation_id: string | null;
  message_id: string;
  account_id: string;
  account_handle: string;
  municipality_id: string;
  channel: string;
  posted_at: Timestamp;
  recorded_at: Timestamp;
  message_text: string;
  public_url: string | null;
  author_id: string;
  author_handle: string;
  author_name: string | null;
  actions: Generated<string[]>;
  note: string | null;
  recorded_by_user_id: string | null;
  recorded_by_name: string;
}

export interface AuthorBlocksTable {
  organisation_id: string;
  id: Generated<string>;
  account_id: string;
  author_id: string;
  author_handle: string;
  reason: string;
  blocked_until: NullableTimestamp;
  register_id: string | null;
  created_at: Timestamp;
  created_by_user_id: string | null;
  created_by_name: string;
}

export interface ConversationSurveysTable {
  organisation_id: string;
  id: Generated<string>;
  conversation_id: string;
  account_id: string;
  municipality_id: string;
  closed_at: Timestamp;
  closed_by_user_id: string | null;
  answered_by_user_id: string | null;
  team_id: string | null;
  token_hash: string;
  outbox_id: string;
  sent_at: Timestamp;
  expires_at: Timestamp;
  answered_at: NullableTimestamp;
  score: number | null;
  comment: string | null;
}

export type AggressionRegisterRow = Selectable<AggressionRegisterTable>;
export type AuthorBlockRow = Selectable<AuthorBlocksTable>;
export type ConversationSurveyRow = Selectable<ConversationSurveysTable>;
