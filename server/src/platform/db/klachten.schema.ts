import type { Generated, Selectable } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './column.schema';

// Kysely's view of the klachten tables (migrations/0005_klachten.sql).
export interface KlachtCountersTable {
  organisation_id: string;
  year: number;
  last_number: number;
}

export interface KlachtenTable {
  organisation_id: string;
  id: Generated<string>;
  number: string;
  municipality_id: string;
  status: Generated<string>;
  complainant_name: string;
  complainant_email: string | null;
  complainant_phone: string | null;
  complainant_address: string | null;
  subject: string;
  complained_user_id: string | null;
  complained_about: string | null;
  theme: string;
  channel: string;
  message_id: string | null;
  melding_id: string | null;
  received_at: Timestamp;
  registered_at: Timestamp;
  original_deadline: Timestamp;
  deadline: Timestamp;
  extension_weeks: number | null;
  extension_reason: string | null;
  extended_at: NullableTimestamp;
  handler_user_id: string | null;
  hearing_at: NullableTimestamp;
  hearing_place: string | null;
  hearing_waived: Generated<boolean>;
  outcome: string | null;
  conclusion: string | null;
  acknowledged_at: NullableTimestamp;
  closed_at: NullableTimestamp;
}

export interface KlachtEventsTable {
  organisation_id: string;
  id: Generated<string>;
  seq: Generated<string>;
  klacht_id: string;
  at: Timestamp;
  kind: 'geregistreerd' | 'ontvangstbevestiging' | 'status' | 'behandelaar' | 'hoorzitting' | 'verdaagd' | 'besluit' | 'notitie' | 'herinnering';
  from_status: string | null;
  to_status: string | null;
  text: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  sent_to_complainant: Generated<boolean>;
}

export interface KlachtRemindersTable {
  organisation_id: string;
  klacht_id: string;
  kind: '7-dagen' | '2-dagen' | 'te-laat';
  deadline: Timestamp;
  sent_at: Timestamp;
  recipients: Json<string[]>;
}

export type KlachtRow = Selectable<KlachtenTable>;
export type KlachtEventRow = Selectable<KlachtEventsTable>;
