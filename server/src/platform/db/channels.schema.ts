import type { Generated, Selectable } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './column.schema';

// Kysely's view of the channel tables (migrations/0002_channels.sql).
export interface ChannelAccountsTable {
  organisation_id: string;
  id: Generated<string>;
  municipality_id: string;
  channel: string;
  handle: string;
  display_name: Generated<string>;
  service_url: string | null;
  settings: Json;
  secrets_sealed: string | null;
  status: Generated<'nieuw' | 'verbonden' | 'aandacht-nodig' | 'gepauzeerd'>;
  paused: Generated<boolean>;
  last_success_at: NullableTimestamp;
  last_error_at: NullableTimestamp;
  last_error: string | null;
  rate_limited_until: NullableTimestamp;
  owner_user_id: string | null;
  created_at: Generated<Date>;
  // migrations/0012: the satisfaction question after closing a conversation
  satisfaction_survey: Generated<boolean>;
}

export interface ChannelCursorsTable {
  organisation_id: string;
  account_id: string;
  stream: string;
  cursor: Json<unknown>;
  updated_at: Timestamp;
}

export interface MessagesTable {
  organisation_id: string;
  id: Generated<string>;
  account_id: string;
  municipality_id: string;
  channel: string;
  direction: 'in' | 'uit';
  platform_id: string;
  author_id: string;
  author_handle: string;
  author_name: string | null;
  author_followers: number | null;
  text: string;
  subject: string | null;
  media: Json<unknown[]>;
  links: Json<string[]>;
  mentions: Json<string[]>;
  hashtags: Json<string[]>;
  reply_to_platform_id: string | null;
  thread_root_platform_id: string | null;
  geo_lat: number | null;
  geo_lon: number | null;
  language: string | null;
  public_url: string | null;
  visibility: Generated<'openbaar' | 'prive'>;
  posted_at: Timestamp;
  received_at: Timestamp;
  raw: Json<unknown>;
  simulated: Generated<boolean>;
  stream: string | null;
  conversation_id: string | null;
}

export interface AttachmentsTable {
  organisation_id: string;
  id: Generated<string>;
  message_id: string | null;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  created_at: Generated<Date>;
  // migrations/0033: the public form session that uploaded it (hashed); a melding claims only its own session's photos
  upload_session_hash: Generated<string | null>;
}

export interface OutboxTable {
  organisation_id: string;
  id: Generated<string>;
  account_id: string;
  kind: 'post' | 'reply' | 'direct' | 'delete';
  idempotency_key: string;
  text: Generated<string>;
  reply_to_message_id: string | null;
  target_platform_id: string | null;
  media: Json<unknown[]>;
  status: Generated<'wachtend' | 'verzonden' | 'mislukt'>;
  attempts: Generated<number>;
  last_error: string | null;
  platform_id: string | null;
  public_url: string | null;
  sent_message_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  // migrations/0015: the part of a numbered thread this one answers (sent only after it has a platform id)
  after_outbox_id: string | null;
  // migrations/0036: handed to a platform that cannot be asked afterwards; set until the platform answered
  send_started_at: NullableTimestamp;
}

export interface FormChallengesTable {
  organisation_id: string;
  id: Generated<string>;
  municipality_id: string;
  difficulty: number;
  issued_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface ChannelStreamLeasesTable {
  organisation_id: string;
  account_id: string;
  holder: string;
  lease_until: Timestamp;
}

// migrations/0037: how one part of an account (a polled stream, the live connection, sending) last fared
export interface ChannelStreamHealthTable {
  organisation_id: string;
  account_id: string;
  stream: string;
  last_success_at: NullableTimestamp;
  last_error: string | null;
  last_error_at: NullableTimestamp;
}

// migrations/0035: a message PostgreSQL would not store, set aside with what the connector made of it
export interface QuarantinedMessagesTable {
  organisation_id: string;
  id: string;
  account_id: string;
  stream: string | null;
  platform_id: string;
  payload: string;
  error: string;
  attempts: Generated<number>;
  first_seen_at: Timestamp;
  last_tried_at: Timestamp;
}

export type ChannelAccountRow = Selectable<ChannelAccountsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type OutboxRow = Selectable<OutboxTable>;
