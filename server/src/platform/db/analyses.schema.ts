import type { Generated, Selectable } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './column.schema';

// Kysely's view of the analyses tables (migrations/0018_analyses.sql).
export type AnalysisKindValue = 'tamtam' | 'issue' | 'reputatie';

export interface AnalysesTable {
  organisation_id: string;
  id: Generated<string>;
  kind: AnalysisKindValue;
  title: string;
  monitor_id: string | null;
  query: string | null;
  municipality_id: string | null;
  period_from: Timestamp;
  period_until: Timestamp;
  aanleiding: Generated<string>;
  analyse: Generated<string>;
  advies: Generated<string>;
  figures: Json<unknown>;
  status: Generated<'concept' | 'definitief'>;
  recipients: Json<string[]>;
  version: Generated<number>;
  sent_version: number | null;
  sent_at: NullableTimestamp;
  schedule_id: string | null;
  due_at: NullableTimestamp;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface AnalysisSchedulesTable {
  organisation_id: string;
  id: Generated<string>;
  kind: AnalysisKindValue;
  title: string;
  monitor_id: string | null;
  query: string | null;
  municipality_id: string | null;
  period_days: number;
  cron: string;
  recipients: Json<string[]>;
  next_due_at: Timestamp;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type AnalysisRow = Selectable<AnalysesTable>;
export type AnalysisScheduleRow = Selectable<AnalysisSchedulesTable>;
