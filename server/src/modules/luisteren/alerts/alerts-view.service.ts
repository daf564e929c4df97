import type { ListeningAlert } from '@contracts/luisteren';
import type { ServiceContext } from '@platform/context.service';
import { notFound } from '@platform/http/http.errors';
import { assertCan, scopeOf } from '@platform/tenancy/policy.rules';
import { buildBurstPath } from './alert.mail';
import { findAlerts, markAlertSeen } from './alerts.repository';

type AlertRow = Awaited<ReturnType<typeof findAlerts>>[number];

function toAlertView(row: AlertRow): ListeningAlert {
  return {
    id: row.id,
    monitorId: row.monitor_id,
    monitorName: row.monitor_name,
    kind: row.kind,
    windowStart: row.window_start.toISOString(),
    windowEnd: row.window_end.toISOString(),
    observed: row.observed,
    expected: row.expected,
    crisisLike: row.crisis_like,
    createdAt: row.created_at.toISOString(),
    seen: row.seen_at !== null,
    link: buildBurstPath(row),
  };
}

export async function listAlerts(ctx: ServiceContext, query: { monitor?: string; limit: number }) {
  assertCan(ctx.actor, 'listening.read');
  return (await findAlerts(ctx.db, scopeOf(ctx.actor), { monitorId: query.monitor, limit: query.limit })).map(toAlertView);
}

export async function markSeen(ctx: ServiceContext, alertId: string) {
  assertCan(ctx.actor, 'listening.read');
  const find = async () => (await findAlerts(ctx.db, scopeOf(ctx.actor), { alertId, limit: 1 }))[0];
  if (!(await find())) throw notFound('Het signaal');
  await markAlertSeen(ctx.db, ctx.actor.organisationId, alertId, ctx.actor.userId, ctx.clock.now());
  return toAlertView((await find())!);
}
