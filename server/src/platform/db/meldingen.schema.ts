import type { Generated, Selectable } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './column.schema';

// Kysely's view of the meldingen tables (migrations/0003_meldingen.sql).
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
  assigned_department: string | null;
  merged_into_id: string | null;
  split_from_id: string | null;
  source_message_id: string | null;
  // migrations/0033: a hash of who sent it and what, to recognise a resubmission within minutes
  submission_fingerprint: Generated<string | null>;
}

export interface MeldingTrackingTokensTable {
  organisation_id: string;
  token_hash: string;
  melding_id: string;
  created_at: Date;
}

export interface MeldingEventsTable {
  organisation_id: string;
  id: Generated<string>;
  seq: Generated<string>;
  melding_id: string;
  at: Timestamp;
  kind: 'gemeld' | 'status' | 'notitie' | 'toegewezen' | 'categorie' | 'kto' | 'heropenverzoek' | 'samengevoegd' | 'gesplitst';
  from_status: string | null;
  to_status: string | null;
  text: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  sent_to_reporter: Generated<boolean>;
  sent_via: 'email' | 'kanaal' | null;
}

export interface MeldingStandardTextsTable {
  organisation_id: string;
  id: Generated<string>;
  category_id: string | null;
  status: string;
  title: string;
  body: string;
  updated_at: Timestamp;
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

export type MeldingCategoryRow = Selectable<MeldingCategoriesTable>;
export type MeldingRow = Selectable<MeldingenTable>;
export type MeldingEventRow = Selectable<MeldingEventsTable>;
export type MeldingStandardTextRow = Selectable<MeldingStandardTextsTable>;
