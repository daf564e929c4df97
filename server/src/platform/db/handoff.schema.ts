import type { Generated, Selectable } from 'kysely';
import type { NullableTimestamp, Timestamp } from './column.schema';

// Kysely's view of the hand-off tables (migrations/0016_handoffs.sql).
export interface HandoffPartnersTable {
  organisation_id: string;
  id: Generated<string>;
  name: string;
  email: string;
  municipality_id: string | null;
  answer_days: Generated<number>;
  created_at: Timestamp;
}

export type HandoffStatus = 'overgedragen' | 'verstuurd' | 'geopend' | 'in-behandeling' | 'afgehandeld' | 'teruggegeven';

export interface ConversationHandoffsTable {
  organisation_id: string;
  id: Generated<string>;
  conversation_id: string;
  kind: 'account' | 'partner';
  status: HandoffStatus;
  from_account_id: string;
  to_account_id: string | null;
  to_team_id: string | null;
  partner_id: string | null;
  partner_name: string | null;
  partner_email: string | null;
  question: string | null;
  context: string | null;
  token_hash: string | null;
  expires_at: NullableTimestamp;
  due_at: NullableTimestamp;
  created_at: Timestamp;
  created_by_user_id: string | null;
  created_by_name: string;
  opened_at: NullableTimestamp;
  status_changed_at: Timestamp;
  answer: string | null;
}

export type HandoffPartnerRow = Selectable<HandoffPartnersTable>;
export type ConversationHandoffRow = Selectable<ConversationHandoffsTable>;
