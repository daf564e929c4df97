import type { Monitor, monitorChangeSchema, monitorCreateSchema } from '@contracts/luisteren';
import { describeQueryError, parseMonitorQuery } from '@contracts/monitor-query';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { Db } from '@platform/db/database.client';
import { badRequest, conflict, notFound } from '@platform/http/http.errors';
import { findMunicipalities } from '@platform/organisations/organisations.repository';
import { actsForMunicipality, assertCan } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { startBackfill } from './backfill.jobs';
import { deleteMonitor, findMonitor, findMonitors, insertMonitor, isMonitorNameTaken, type MonitorWithCount, updateMonitor } from './monitors.repository';

type Create = z.infer<typeof monitorCreateSchema>;
type Change = z.infer<typeof monitorChangeSchema>;

export function toMonitorView(row: MonitorWithCount): Monitor {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    municipalityId: row.municipality_id,
    alertsEnabled: row.alerts_enabled,
    alertEmails: row.alert_emails,
    backfill: { state: row.backfill_state, done: row.backfill_done, total: row.backfill_total },
    matches: row.match_count ?? 0,
    updatedAt: row.updated_at.toISOString(),
  };
}

// A bad query is refused with where it goes wrong, so the editor can point at it; nothing is saved.
function parsedQuery(query: string) {
  const parsed = parseMonitorQuery(query);
  if (!parsed.ok) {
    throw badRequest('ongeldige-zoekvraag', describeQueryError(query, parsed.error), [
      { name: 'query', code: 'ongeldig', reason: parsed.error.message, position: parsed.error.position, length: parsed.error.length },
    ]);
  }
  return parsed.query;
}

async function checkMunicipality(ctx: ServiceContext, municipalityId: string | null | undefined) {
  if (!municipalityId) return;
  const known = (await findMunicipalities(ctx.db, ctx.actor.organisationId)).some((municipality) => municipality.id === municipalityId);
  if (!known || !actsForMunicipality(ctx.actor, municipalityId)) {
    throw badRequest('onbekende-gemeente', 'Kies een gemeente van uw organisatie.', [
      { name: 'municipalityId', code: 'onbekend', reason: 'Deze gemeente hoort niet bij u.' },
    ]);
  }
}

// Monitors over the whole organisation are for everyone who listens; a municipality's only for those who work for it.
const visibleTo = (ctx: ServiceContext, row: { municipality_id: string | null }) =>
  row.municipality_id === null || actsForMunicipality(ctx.actor, row.municipality_id);

export async function listMonitors(ctx: ServiceContext) {
  assertCan(ctx.actor, 'listening.read');
  return (await findMonitors(ctx.db, ctx.actor.organisationId)).filter((row) => visibleTo(ctx, row)).map(toMonitorView);
}

export async function getMonitor(ctx: ServiceContext, monitorId: string) {
  assertCan(ctx.actor, 'listening.read');
  const row = await findMonitor(ctx.db, ctx.actor.organisationId, monitorId);
  if (!row || !visibleTo(ctx, row)) throw notFound('De monitor');
  return toMonitorView(row);
}

export async function createMonitor(ctx: ServiceContext, input: Create) {
  assertCan(ctx.actor, 'listening.manage');
  const ast = parsedQuery(input.query);
  await checkMunicipality(ctx, input.municipalityId);
  return runInTransaction(ctx, async (tx) => {
    if (await isMonitorNameTaken(tx.db, tx.actor.organisationId, input.name)) throw conflict('naam-bestaat', `Er is al een monitor "${input.name}".`);
    const now = tx.clock.now();
    const { id } = await insertMonitor(tx.db, {
      organisation_id: tx.actor.organisationId,
      name: input.name,
      query: input.query.trim(),
      query_ast: JSON.stringify(ast),
      municipality_id: input.municipalityId,
      alerts_enabled: input.alertsEnabled,
      alert_emails: JSON.stringify(input.alertEmails),
      // The operator CLI acts without a user.
      created_by: tx.actor.userId || null,
      created_at: now,
      updated_at: now,
    });
    await startBackfill(tx.db, tx.clock, tx.actor.organisationId, id);
    await recordAudit(tx, { action: 'monitor.aangemaakt', recordType: 'monitor', recordId: id, details: { name: input.name, query: input.query } });
    return getMonitor(tx, id);
  });
}

export async function changeMonitor(ctx: ServiceContext, monitorId: string, input: Change) {
  assertCan(ctx.actor, 'listening.manage');
  const ast = input.query !== undefined ? parsedQuery(input.query) : undefined;
  await checkMunicipality(ctx, input.municipalityId);
  return runInTransaction(ctx, async (tx) => {
    const current = await findMonitor(tx.db, tx.actor.organisationId, monitorId);
    if (!current || !visibleTo(tx, current)) throw notFound('De monitor');
    if (input.name !== undefined && (await isMonitorNameTaken(tx.db, tx.actor.organisationId, input.name, monitorId)))
      throw conflict('naam-bestaat', `Er is al een monitor "${input.name}".`);
    const queryChanged =
      (input.query !== undefined && input.query.trim() !== current.query) ||
      (input.municipalityId !== undefined && input.municipalityId !== current.municipality_id);
    await updateMonitor(tx.db, tx.actor.organisationId, monitorId, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.query !== undefined && { query: input.query.trim(), query_ast: JSON.stringify(ast) }),
      ...(input.municipalityId !== undefined && { municipality_id: input.municipalityId }),
      ...(input.alertsEnabled !== undefined && { alerts_enabled: input.alertsEnabled }),
      ...(input.alertEmails !== undefined && { alert_emails: JSON.stringify(input.alertEmails) }),
      updated_at: tx.clock.now(),
    });
    // Matches always belong to the query as it is now: a changed query is matched again over everything stored.
    if (queryChanged) await startBackfill(tx.db, tx.clock, tx.actor.organisationId, monitorId);
    await recordAudit(tx, { action: 'monitor.gewijzigd', recordType: 'monitor', recordId: monitorId, details: { ...input } });
    return getMonitor(tx, monitorId);
  });
}

export async function removeMonitor(ctx: ServiceContext, monitorId: string) {
  assertCan(ctx.actor, 'listening.manage');
  await runInTransaction(ctx, async (tx) => {
    const current = await findMonitor(tx.db, tx.actor.organisationId, monitorId);
    if (!current || !visibleTo(tx, current)) throw notFound('De monitor');
    await deleteMonitor(tx.db, tx.actor.organisationId, monitorId);
    await recordAudit(tx, { action: 'monitor.verwijderd', recordType: 'monitor', recordId: monitorId, details: { name: current.name } });
  });
}

// Whether the organisation has this monitor (the inbox's routing rules may name monitors).
export async function hasMonitor(db: Db, organisationId: string, monitorId: string) {
  return (await findMonitor(db, organisationId, monitorId)) !== undefined;
}
