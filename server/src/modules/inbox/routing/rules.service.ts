import type { RoutingActions, RoutingConditions, RoutingRule, routingRuleChangeSchema, routingRuleCreateSchema } from '@contracts/routing';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { RoutingRuleRow } from '@platform/db/database.schema';
import { badRequest, notFound } from '@platform/http/http.errors';
import { findMunicipalities } from '@platform/organisations/organisations.repository';
import { assertCan } from '@platform/tenancy/policy.rules';
import { findTeam } from '@platform/users/teams.repository';
import { findUser } from '@platform/users/users.repository';
import type { z } from 'zod';
import { findChannelAccount } from '../../channels/index';
import { hasMonitor } from '../../luisteren/index';
import { deleteRule, findRule, findRules, insertRule, updateRule } from './rules.repository';

type Create = z.infer<typeof routingRuleCreateSchema>;
type Change = z.infer<typeof routingRuleChangeSchema>;

export function toRuleView(row: RoutingRuleRow): RoutingRule {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    active: row.active,
    conditions: row.conditions as RoutingConditions,
    actions: row.actions as RoutingActions,
    updatedAt: row.updated_at.toISOString(),
  };
}

// Everything a rule names must belong to the organisation: a team, a person, an account, a municipality.
async function checkReferences(ctx: ServiceContext, conditions: RoutingConditions | undefined, actions: RoutingActions | undefined) {
  const organisationId = ctx.actor.organisationId;
  const refuse = (name: string, reason: string): never => {
    throw badRequest('onbekende-verwijzing', reason, [{ name, code: 'onbekend', reason }]);
  };
  if (actions?.assignTeamId && !(await findTeam(ctx.db, organisationId, actions.assignTeamId)))
    refuse('actions.assignTeamId', 'Dit team bestaat niet in uw organisatie.');
  if (actions?.assignUserId && !(await findUser(ctx.db, organisationId, actions.assignUserId)))
    refuse('actions.assignUserId', 'Deze medewerker bestaat niet in uw organisatie.');
  for (const [index, accountId] of (conditions?.accountIds ?? []).entries()) {
    if (!(await findChannelAccount(ctx.db, organisationId, accountId)))
      refuse(`conditions.accountIds.${index}`, 'Dit kanaalaccount bestaat niet in uw organisatie.');
  }
  const municipalities = new Set((await findMunicipalities(ctx.db, organisationId)).map((m) => m.id));
  for (const [index, municipalityId] of (conditions?.municipalityIds ?? []).entries()) {
    if (!municipalities.has(municipalityId)) refuse(`conditions.municipalityIds.${index}`, 'Deze gemeente hoort niet bij uw organisatie.');
  }
  for (const [index, monitorId] of (conditions?.monitorIds ?? []).entries()) {
    if (!(await hasMonitor(ctx.db, organisationId, monitorId))) refuse(`conditions.monitorIds.${index}`, 'Deze monitor bestaat niet in uw organisatie.');
  }
}

export async function listRules(ctx: ServiceContext) {
  assertCan(ctx.actor, 'inbox.read');
  return (await findRules(ctx.db, ctx.actor.organisationId)).map(toRuleView);
}

export async function createRule(ctx: ServiceContext, input: Create) {
  assertCan(ctx.actor, 'routing.manage');
  await checkReferences(ctx, input.conditions, input.actions);
  return runInTransaction(ctx, async (tx) => {
    const row = await insertRule(tx.db, {
      organisation_id: tx.actor.organisationId,
      name: input.name,
      position: input.position,
      active: input.active,
      conditions: JSON.stringify(input.conditions),
      actions: JSON.stringify(input.actions),
      updated_at: tx.clock.now(),
    });
    await recordAudit(tx, { action: 'verdeelregel.aangemaakt', recordType: 'verdeelregel', recordId: row.id, details: { name: row.name } });
    return toRuleView(row);
  });
}

export async function changeRule(ctx: ServiceContext, ruleId: string, input: Change) {
  assertCan(ctx.actor, 'routing.manage');
  await checkReferences(ctx, input.conditions, input.actions);
  return runInTransaction(ctx, async (tx) => {
    if (!(await findRule(tx.db, tx.actor.organisationId, ruleId))) throw notFound('De verdeelregel');
    const row = await updateRule(tx.db, tx.actor.organisationId, ruleId, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.position !== undefined && { position: input.position }),
      ...(input.active !== undefined && { active: input.active }),
      ...(input.conditions !== undefined && { conditions: JSON.stringify(input.conditions) }),
      ...(input.actions !== undefined && { actions: JSON.stringify(input.actions) }),
      updated_at: tx.clock.now(),
    });
    await recordAudit(tx, { action: 'verdeelregel.gewijzigd', recordType: 'verdeelregel', recordId: row.id, details: { ...input } });
    return toRuleView(row);
  });
}

export async function removeRule(ctx: ServiceContext, ruleId: string) {
  assertCan(ctx.actor, 'routing.manage');
  await runInTransaction(ctx, async (tx) => {
    if (!(await findRule(tx.db, tx.actor.organisationId, ruleId))) throw notFound('De verdeelregel');
    await deleteRule(tx.db, tx.actor.organisationId, ruleId);
    await recordAudit(tx, { action: 'verdeelregel.verwijderd', recordType: 'verdeelregel', recordId: ruleId, details: {} });
  });
}
