import type { Generated, Selectable } from 'kysely';
import type { Json, Timestamp } from './column.schema';

// Kysely's view of the routing rules (migrations/0011_routing_rules.sql).
export interface RoutingRulesTable {
  organisation_id: string;
  id: Generated<string>;
  name: string;
  position: Generated<number>;
  active: Generated<boolean>;
  conditions: Json<Record<string, unknown>>;
  actions: Json<Record<string, unknown>>;
  updated_at: Timestamp;
}

export type RoutingRuleRow = Selectable<RoutingRulesTable>;
