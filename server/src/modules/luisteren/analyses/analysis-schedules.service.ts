import type { AnalysisSchedule, analysisScheduleChangeSchema, analysisScheduleCreateSchema } from '@contracts/analyses';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { AnalysisScheduleRow } from '@platform/db/database.schema';
import { badRequest, notFound } from '@platform/http/http.errors';
import { computeNextCronRun } from '@platform/jobs/scheduler.service';
import { assertActsForOwnMunicipality } from '@platform/organisations/organisations.service';
import { assertCan } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { deleteSchedule, findSchedule, findSchedules, insertSchedule, updateSchedule } from './analyses.repository';
import { checkMonitor } from './analyses.service';

const TIME_ZONE = 'Europe/Amsterdam';
const HOUR = 3_600_000;

const toView = (row: AnalysisScheduleRow): AnalysisSchedule => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  monitorId: row.monitor_id,
  query: row.query,
  municipalityId: row.municipality_id,
  periodDays: row.period_days,
  cron: row.cron,
  recipients: row.recipients,
  nextDueAt: row.next_due_at.toISOString(),
});

// An analysis is a document someone reads before a meeting: more often than hourly is a mistake, not a schedule.
function firstDue(cron: string, now: Date) {
  let first: Date;
  let second: Date;
  try {
    first = computeNextCronRun(cron, TIME_ZONE, now);
    second = computeNextCronRun(cron, TIME_ZONE, first);
  } catch {
    throw badRequest('ongeldige-cron', 'Deze planning begrijpt Plein niet. Gebruik een cron-uitdrukking zoals "0 8 * * 1" (elke maandag 08:00).', [
      { name: 'cron', code: 'ongeldig', reason: 'Geen geldige cron-uitdrukking' },
    ]);
  }
  if (second.getTime() - first.getTime() < HOUR) {
    throw badRequest('te-vaak', 'Een analyse wordt hoogstens elk uur gemaakt.', [
      { name: 'cron', code: 'te-vaak', reason: 'Kies een planning van hoogstens één keer per uur.' },
    ]);
  }
  return first;
}

export async function listSchedules(ctx: ServiceContext) {
  assertCan(ctx.actor, 'listening.read');
  return (await findSchedules(ctx.db, ctx.actor.organisationId)).map(toView);
}

export async function createSchedule(ctx: ServiceContext, input: z.infer<typeof analysisScheduleCreateSchema>) {
  assertCan(ctx.actor, 'listening.manage');
  await checkMonitor(ctx, input.monitorId);
  await assertActsForOwnMunicipality(ctx, input.municipalityId);
  const now = ctx.clock.now();
  const nextDueAt = firstDue(input.cron, now);
  return runInTransaction(ctx, async (tx) => {
    const { id } = await insertSchedule(tx.db, {
      organisation_id: tx.actor.organisationId,
      kind: input.kind,
      title: input.title,
      monitor_id: input.monitorId,
      query: input.query,
      municipality_id: input.municipalityId,
      period_days: input.periodDays,
      cron: input.cron,
      recipients: JSON.stringify(input.recipients),
      next_due_at: nextDueAt,
      created_by: tx.actor.userId || null,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(tx, { action: 'analyseschema.aangemaakt', recordType: 'analyseschema', recordId: id, details: { kind: input.kind, cron: input.cron } });
    return toView((await findSchedule(tx.db, tx.actor.organisationId, id))!);
  });
}

export async function changeSchedule(ctx: ServiceContext, id: string, input: z.infer<typeof analysisScheduleChangeSchema>) {
  assertCan(ctx.actor, 'listening.manage');
  if (!(await findSchedule(ctx.db, ctx.actor.organisationId, id))) throw notFound('De planning');
  if (input.monitorId !== undefined) await checkMonitor(ctx, input.monitorId);
  await assertActsForOwnMunicipality(ctx, input.municipalityId);
  const nextDueAt = input.cron !== undefined ? firstDue(input.cron, ctx.clock.now()) : undefined;
  return runInTransaction(ctx, async (tx) => {
    await updateSchedule(tx.db, tx.actor.organisationId, id, {
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.monitorId !== undefined && { monitor_id: input.monitorId }),
      ...(input.query !== undefined && { query: input.query }),
      ...(input.municipalityId !== undefined && { municipality_id: input.municipalityId }),
      ...(input.periodDays !== undefined && { period_days: input.periodDays }),
      ...(input.cron !== undefined && { cron: input.cron, next_due_at: nextDueAt }),
      ...(input.recipients !== undefined && { recipients: JSON.stringify(input.recipients) }),
      updated_at: tx.clock.now(),
    });
    await recordAudit(tx, { action: 'analyseschema.gewijzigd', recordType: 'analyseschema', recordId: id });
    return toView((await findSchedule(tx.db, tx.actor.organisationId, id))!);
  });
}

export async function removeSchedule(ctx: ServiceContext, id: string) {
  assertCan(ctx.actor, 'listening.manage');
  await runInTransaction(ctx, async (tx) => {
    if (!(await findSchedule(tx.db, tx.actor.organisationId, id))) throw notFound('De planning');
    await deleteSchedule(tx.db, tx.actor.organisationId, id);
    await recordAudit(tx, { action: 'analyseschema.verwijderd', recordType: 'analyseschema', recordId: id });
  });
}
