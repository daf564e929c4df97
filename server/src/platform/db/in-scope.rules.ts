import type { Scope } from '@platform/tenancy/policy.rules';
import { type Expression, type SqlBool, sql } from 'kysely';
import { toUuidArray } from './unnest-rows.rules';

// The municipality part of a scope as one SQL condition on a column: every municipality (no condition), or the
// listed ones; none listed matches nothing. Repositories write `.where(inScope('li.municipality_id', scope))` instead
// of each checking for an empty list (an empty IN () is a syntax error in PostgreSQL).
export function isInScope(column: string, scope: { municipalityIds?: Scope['municipalityIds'] }): Expression<SqlBool> {
  if (!scope.municipalityIds) return sql<SqlBool>`true`;
  if (scope.municipalityIds.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(column)} = ANY(${toUuidArray(scope.municipalityIds)})`;
}
