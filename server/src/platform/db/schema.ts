import type { ColumnType, Generated, Selectable } from 'kysely';

// Kysely's view of the tables in migrations/. Keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T = Record<string, unknown>> = ColumnType<T, string | T | undefined, string | T>;

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  is_system: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface MunicipalitiesTable {
  organisation_id: string;
  id: Generated<string>;
  name: string;
  cbs_code: string;
  inhabitants: number;
  time_zone: Generated<string>;
  house_colour: Generated<string>;
  logo_url: string | null;
  boundary: Json<unknown> | null;
  created_at: Generated<Date>;
}

export interface UsersTable {
  organisation_id: string;
  id: Generated<string>;
  email: string;
  name: string;
  initials: string | null;
  password_hash: string | null;
  oidc_subject: string | null;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  created_at: Generated<Date>;
}

export interface UserRolesTable {
  organisation_id: string;
  user_id: string;
  role: string;
}

export interface UserMunicipalitiesTable {
  organisation_id: string;
  user_id: string;
  municipality_id: string;
}

export interface TeamsTable {
  organisation_id: string;
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  created_at: Generated<Date>;
}

export interface TeamMembersTable {
  organisation_id: string;
  team_id: string;
  user_id: string;
}

export interface SessionsTable {
  organisation_id: string;
  id: Generated<string>;
  user_id: string;
  secret_hash: string;
  csrf_token: string;
  active_municipality_id: string | null;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  organisation_id: string;
  id: Generated<string>;
  user_id: string;
  name: string;
  secret_hash: string;
  created_at: Generated<Date>;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface Open311ClientsTable {
  organisation_id: string;
  id: Generated<string>;
  name: string;
  key_hash: string;
  created_at: Generated<Date>;
  revoked_at: NullableTimestamp;
}

export interface PasswordResetsTable {
  organisation_id: string;
  id: Generated<string>;
  user_id: string;
  secret_hash: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface OidcProvidersTable {
  organisation_id: string;
  issuer_url: string;
  client_id: string;
  client_secret: string;
  display_name: Generated<string>;
  roles_claim: Generated<string>;
  role_mapping: Json<Record<string, string>>;
  create_users: Generated<boolean>;
  enabled: Generated<boolean>;
}

export interface OidcLoginStatesTable {
  organisation_id: string;
  state: string;
  code_verifier: string;
  nonce: string;
  created_at: Generated<Date>;
}

export interface AuditLogTable {
  organisation_id: string;
  id: Generated<string>;
  seq: Generated<number>;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_token_id: string | null;
  actor_label: string;
  action: string;
  record_type: string;
  record_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: Json;
}

export interface JobsTable {
  organisation_id: string;
  id: Generated<string>;
  name: string;
  payload: Json;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  unique_key: string | null;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  last_error: string | null;
  lease_token: string | null;
  lease_until: NullableTimestamp;
  locked_by: string | null;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface JobSchedulesTable {
  organisation_id: string;
  id: Generated<string>;
  name: string;
  job_name: string;
  cron: string;
  time_zone: Generated<string>;
  payload: Json;
  enabled: Generated<boolean>;
  next_run_at: Timestamp;
  last_run_at: NullableTimestamp;
}

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

export interface MeldingCategoriesTable {
  organisation_id: string;
  id: Generated<string>;
  parent_id: string | null;
  code: string;
  public_name: string;
  icon: string | null;
  departments: Json<string[]>;
  termijn_days: Generated<number>;
  termijn_kind: Generated<'werkdagen' | 'kalenderdagen'>;
  service_promise: Generated<string>;
  extra_questions: Json<unknown[]>;
  position: Generated<number>;
  active: Generated<boolean>;
}

export interface MeldingCountersTable {
  organisation_id: string;
  year: number;
  last_number: number;
}

export interface MeldingenTable {
  organisation_id: string;
  id: Generated<string>;
  number: string;
  municipality_id: string;
  category_id: string;
  description: string;
  lat: number;
  lon: number;
  address: string | null;
  status: Generated<string>;
  source: 'formulier' | 'open311' | 'kanaal' | 'medewerker' | 'import';
  external_id: string | null;
  reporter_email: string | null;
  reporter_phone: string | null;
  reporter_consent: Generated<boolean>;
  tracking_token_hash: string;
  answers: Json<Record<string, unknown>>;
  service_promise: string;
  termijn_days: number;
  termijn_kind: string;
  deadline: Timestamp;
  assigned_team_id: string | null;
  assigned_user_id: string | null;
  created_at: Timestamp;
  first_reaction_at: NullableTimestamp;
  handled_at: NullableTimestamp;
}

export interface MeldingEventsTable {
  organisation_id: string;
  id: Generated<string>;
  seq: Generated<string>;
  melding_id: string;
  at: Timestamp;
  kind: 'gemeld' | 'status' | 'notitie' | 'toegewezen' | 'categorie' | 'kto' | 'heropenverzoek';
  from_status: string | null;
  to_status: string | null;
  text: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  sent_to_reporter: Generated<boolean>;
}

export interface MeldingPhotosTable {
  organisation_id: string;
  melding_id: string;
  attachment_id: string;
  position: Generated<number>;
}

export interface MeldingKtoTable {
  organisation_id: string;
  melding_id: string;
  token_hash: string;
  sent_at: Timestamp;
  expires_at: Timestamp;
  answered_at: NullableTimestamp;
  satisfied: boolean | null;
  reasons: Json<string[]>;
  comment: string | null;
}

export interface Database {
  organisations: OrganisationsTable;
  municipalities: MunicipalitiesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  user_municipalities: UserMunicipalitiesTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  open311_clients: Open311ClientsTable;
  password_resets: PasswordResetsTable;
  oidc_providers: OidcProvidersTable;
  oidc_login_states: OidcLoginStatesTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
  channel_accounts: ChannelAccountsTable;
  channel_cursors: ChannelCursorsTable;
  messages: MessagesTable;
  attachments: AttachmentsTable;
  outbox: OutboxTable;
  form_challenges: FormChallengesTable;
  channel_stream_leases: ChannelStreamLeasesTable;
  melding_categories: MeldingCategoriesTable;
  melding_counters: MeldingCountersTable;
  meldingen: MeldingenTable;
  melding_events: MeldingEventsTable;
  melding_photos: MeldingPhotosTable;
  melding_kto: MeldingKtoTable;
}

export type JobRow = Selectable<JobsTable>;
export type UserRow = Selectable<UsersTable>;
export type MunicipalityRow = Selectable<MunicipalitiesTable>;
export type ChannelAccountRow = Selectable<ChannelAccountsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type MeldingCategoryRow = Selectable<MeldingCategoriesTable>;
export type MeldingRow = Selectable<MeldingenTable>;
export type MeldingEventRow = Selectable<MeldingEventsTable>;
