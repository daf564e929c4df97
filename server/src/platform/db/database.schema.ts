import type { Generated, Selectable } from 'kysely';
import type { AggressionRegisterTable, AuthorBlocksTable, ConversationSurveysTable } from './abuse.schema';
import type { AnalysesTable, AnalysisSchedulesTable } from './analyses.schema';
import type {
  AttachmentsTable,
  ChannelAccountsTable,
  ChannelCursorsTable,
  ChannelStreamHealthTable,
  ChannelStreamLeasesTable,
  FormChallengesTable,
  MessagesTable,
  OutboxTable,
  QuarantinedMessagesTable,
} from './channels.schema';
import type { Json, NullableTimestamp, Timestamp } from './column.schema';
import type { ConversationHandoffsTable, HandoffPartnersTable } from './handoff.schema';
import type { ConversationEventsTable, ConversationPresenceTable, ConversationReadsTable, ConversationsTable, SavedViewsTable } from './inbox.schema';
import type { KlachtCountersTable, KlachtEventsTable, KlachtenTable, KlachtRemindersTable } from './klachten.schema';
import type { KnowledgeArticlesTable, KnowledgeArticleVersionsTable, ReplyTemplatesTable, ToneCodesTable } from './knowledge.schema';
import type {
  AuthorListMembersTable,
  AuthorListsTable,
  ListeningAlertsTable,
  ListeningItemsTable,
  MonitorMatchesTable,
  MonitorMinutesTable,
  MonitorsTable,
  RumourMessagesTable,
  RumoursTable,
  TenorCorrectionsTable,
  TenorModelsTable,
} from './listening.schema';
import type {
  MeldingCategoriesTable,
  MeldingCountersTable,
  MeldingEventsTable,
  MeldingenTable,
  MeldingKtoTable,
  MeldingPhotosTable,
  MeldingStandardTextsTable,
  MeldingTrackingTokensTable,
} from './meldingen.schema';
import type { AuthorNetworkGroupsTable, AuthorNetworkPendingTable } from './network.schema';
import type { ConversationAlertsTable, OfficeHoursTable } from './office-hours.schema';
import type { PublicationAccountSettingsTable, PublicationChannelsTable, PublicationReviewsTable, PublicationsTable } from './publications.schema';
import type { ReplyDraftsTable, ReplyImagesTable } from './review.schema';
import type { RoutingRulesTable } from './routing.schema';

export type * from './abuse.schema';
export type * from './analyses.schema';
export type * from './channels.schema';
export type * from './handoff.schema';
export type * from './inbox.schema';
export type * from './klachten.schema';
export type * from './knowledge.schema';
export type * from './listening.schema';
export type * from './meldingen.schema';
export type * from './network.schema';
export type * from './office-hours.schema';
export type * from './publications.schema';
export type * from './review.schema';
export type * from './routing.schema';

// Kysely's view of the tables in migrations/. Keep in step with the SQL.
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
  created_at: Generated<Date>;
}

export interface IdempotentRequestsTable {
  organisation_id: string;
  endpoint: string;
  key_hash: string;
  request_hash: string;
  answer_sealed: string | null;
  created_at: Date;
}

export interface SignInFailuresTable {
  organisation_id: Generated<string>;
  email_hash: string;
  address: string;
  failures: number;
  last_failed_at: Date;
  locked_until: NullableTimestamp;
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

export interface Database {
  organisations: OrganisationsTable;
  municipalities: MunicipalitiesTable;
  users: UsersTable;
  sign_in_failures: SignInFailuresTable;
  idempotent_requests: IdempotentRequestsTable;
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
  channel_stream_health: ChannelStreamHealthTable;
  quarantined_messages: QuarantinedMessagesTable;
  publications: PublicationsTable;
  publication_channels: PublicationChannelsTable;
  publication_account_settings: PublicationAccountSettingsTable;
  publication_reviews: PublicationReviewsTable;
  melding_categories: MeldingCategoriesTable;
  melding_counters: MeldingCountersTable;
  meldingen: MeldingenTable;
  melding_events: MeldingEventsTable;
  melding_photos: MeldingPhotosTable;
  melding_tracking_tokens: MeldingTrackingTokensTable;
  melding_kto: MeldingKtoTable;
  klacht_counters: KlachtCountersTable;
  klachten: KlachtenTable;
  klacht_events: KlachtEventsTable;
  klacht_reminders: KlachtRemindersTable;
  melding_standard_texts: MeldingStandardTextsTable;
  conversations: ConversationsTable;
  conversation_events: ConversationEventsTable;
  conversation_reads: ConversationReadsTable;
  conversation_presence: ConversationPresenceTable;
  saved_views: SavedViewsTable;
  reply_images: ReplyImagesTable;
  reply_drafts: ReplyDraftsTable;
  routing_rules: RoutingRulesTable;
  office_hours: OfficeHoursTable;
  conversation_alerts: ConversationAlertsTable;
  knowledge_articles: KnowledgeArticlesTable;
  knowledge_article_versions: KnowledgeArticleVersionsTable;
  reply_templates: ReplyTemplatesTable;
  tone_codes: ToneCodesTable;
  aggression_register: AggressionRegisterTable;
  author_blocks: AuthorBlocksTable;
  conversation_surveys: ConversationSurveysTable;
  handoff_partners: HandoffPartnersTable;
  conversation_handoffs: ConversationHandoffsTable;
  monitors: MonitorsTable;
  listening_items: ListeningItemsTable;
  monitor_matches: MonitorMatchesTable;
  monitor_minutes: MonitorMinutesTable;
  tenor_corrections: TenorCorrectionsTable;
  tenor_models: TenorModelsTable;
  listening_alerts: ListeningAlertsTable;
  author_lists: AuthorListsTable;
  author_list_members: AuthorListMembersTable;
  rumours: RumoursTable;
  rumour_messages: RumourMessagesTable;
  analyses: AnalysesTable;
  analysis_schedules: AnalysisSchedulesTable;
  author_network_groups: AuthorNetworkGroupsTable;
  author_network_pending: AuthorNetworkPendingTable;
  // Read-only views an owner publishes for other modules' queries (migrations/0031); never written.
  published_messages: Readonly<MessagesTable>;
  published_outbox: Readonly<OutboxTable>;
  published_attachments: Readonly<AttachmentsTable>;
  published_users: Readonly<Pick<UsersTable, 'organisation_id' | 'id' | 'name' | 'initials' | 'active'>>;
  published_municipalities: Readonly<Pick<MunicipalitiesTable, 'organisation_id' | 'id' | 'name' | 'cbs_code' | 'inhabitants' | 'time_zone'>>;
}

export type JobRow = Selectable<JobsTable>;
export type UserRow = Selectable<UsersTable>;
export type MunicipalityRow = Selectable<MunicipalitiesTable>;
