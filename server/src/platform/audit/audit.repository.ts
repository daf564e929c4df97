import type { Db } from '../db/database.client';

export interface AuditEntryInput {
  organisationId: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorTokenId: string | null;
  actorLabel: string;
  action: string;
  recordType: string;
  recordId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  action?: string;
  recordType?: string;
  recordId?: string;
  actorUserId?: string;
  from?: Date;
  until?: Date;
  limit: number;
  before?: { occurredAt: Date; seq: number };
}

export async function insertAuditEntry(db: Db, entry: AuditEntryInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      organisation_id: entry.organisationId,
      occurred_at: entry.occurredAt,
      actor_user_id: entry.actorUserId,
      actor_token_id: entry.actorTokenId,
      actor_label: entry.actorLabel,
      action: entry.action,
      record_type: entry.recordType,
      record_id: entry.recordId,
      ip: entry.ip,
      user_agent: entry.userAgent,
      request_id: entry.requestId,
      details: JSON.stringify(entry.details),
    })
    .execute();
}

export async function findAuditEntries(db: Db, organisationId: string, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('occurred_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(filter.limit);
  if (filter.action) query = query.where('action', 'like', `${filter.action.replace(/[%_]/g, '')}%`);
  if (filter.recordType) query = query.where('record_type', '=', filter.recordType);
  if (filter.recordId) query = query.where('record_id', '=', filter.recordId);
  if (filter.actorUserId) query = query.where('actor_user_id', '=', filter.actorUserId);
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.until) query = query.where('occurred_at', '<', filter.until);
  if (filter.before) {
    const { occurredAt, seq } = filter.before;
    query = query.where((eb) => eb.or([eb('occurred_at', '<', occurredAt), eb.and([eb('occurred_at', '=', occurredAt), eb('seq', '<', seq)])]));
  }
  return query.execute();
}
