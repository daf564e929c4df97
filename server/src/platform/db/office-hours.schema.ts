import type { Generated, Selectable } from 'kysely';
import type { Json, Timestamp } from './column.schema';

// Kysely's view of the office-hours tables (migrations/0008_office_hours.sql). The two due columns it adds
// to conversations are in inbox.schema.ts.
export interface TimeRangeJson {
  from: string;
  to: string;
}

export interface OfficeHoursTable {
  organisation_id: string;
  account_id: string;
  time_zone: string;
  always_open: Generated<boolean>;
  week: Json<Record<string, TimeRangeJson[]>>;
  holidays_closed: Generated<boolean>;
  exceptions: Json<{ date: string; hours: TimeRangeJson[]; description?: string }[]>;
  first_response_minutes: number | null;
  first_response_counting: Generated<'openingstijden' | 'altijd'>;
  resolution_minutes: number | null;
  resolution_counting: Generated<'openingstijden' | 'altijd'>;
  acknowledgement_enabled: Generated<boolean>;
  acknowledgement_text: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface ConversationAlertsTable {
  organisation_id: string;
  conversation_id: string;
  norm: 'eerste-reactie' | 'afhandeling';
  due_at: Timestamp;
  alerted_at: Timestamp;
  recipients: Json<string[]>;
}

export type OfficeHoursRow = Selectable<OfficeHoursTable>;
