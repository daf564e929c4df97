import type { ServiceContext } from '../context';
import { type AuditFilter, findAuditEntries, insertAuditEntry } from './audit.repository';

export interface AuditRecord {
  action: string;
  recordType: string;
  recordId?: string | null;
  details?: Record<string, unknown>;
}

// Called by every use case that changes state, inside the same transaction as the change.
export async function recordAudit(ctx: ServiceContext, record: AuditRecord): Promise<void> {
  const { actor, origin } = ctx;
  await insertAuditEntry(ctx.db, {
    organisationId: actor.organisationId,
    occurredAt: ctx.clock.now(),
    actorUserId: actor.userId || null,
    actorTokenId: actor.tokenId ?? null,
    actorLabel: actor.tokenId ? `${actor.name} (API-token)` : actor.name,
    action: record.action,
    recordType: record.recordType,
    recordId: record.recordId ?? null,
    ip: origin.ip,
    userAgent: origin.userAgent,
    requestId: origin.requestId,
    details: record.details ?? {},
  });
}

export async function listAuditEntries(ctx: ServiceContext, filter: AuditFilter) {
  const rows = await findAuditEntries(ctx.db, ctx.actor.organisationId, filter);
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    ip: row.ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
    details: row.details,
  }));
}
