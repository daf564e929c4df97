import type { ServiceContext } from '../context.service';
import { type AuditFilter, findAuditEntries, insertAuditEntry } from './audit.repository';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor.rules';

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

export type AuditListFilter = Omit<AuditFilter, 'before'> & { before?: string };

export async function listAuditEntries(ctx: ServiceContext, { before, ...filter }: AuditListFilter) {
  // One row more than asked tells whether an older page exists without a second query.
  const rows = await findAuditEntries(ctx.db, ctx.actor.organisationId, {
    ...filter,
    limit: filter.limit + 1,
    before: before === undefined ? undefined : decodeAuditCursor(before),
  });
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > filter.limit && last ? encodeAuditCursor({ occurredAt: last.occurred_at, seq: Number(last.seq) }) : null;
  const entries = page.map((row) => ({
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
  return { entries, nextCursor };
}
