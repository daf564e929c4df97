import type { Db } from '@platform/db/database.client';
import type { RoutingRulesTable } from '@platform/db/database.schema';
import type { Insertable, Updateable } from 'kysely';

export async function findRules(db: Db, organisationId: string, onlyActive = false) {
  let query = db.selectFrom('routing_rules').selectAll().where('organisation_id', '=', organisationId);
  if (onlyActive) query = query.where('active', '=', true);
  return query.orderBy('position').orderBy('name').execute();
}

export async function findRule(db: Db, organisationId: string, ruleId: string) {
  return db.selectFrom('routing_rules').selectAll().where('organisation_id', '=', organisationId).where('id', '=', ruleId).executeTakeFirst();
}

export async function insertRule(db: Db, row: Insertable<RoutingRulesTable>) {
  return db.insertInto('routing_rules').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateRule(db: Db, organisationId: string, ruleId: string, changes: Updateable<RoutingRulesTable>) {
  return db
    .updateTable('routing_rules')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', ruleId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteRule(db: Db, organisationId: string, ruleId: string) {
  await db.deleteFrom('routing_rules').where('organisation_id', '=', organisationId).where('id', '=', ruleId).execute();
}
