import { DEFAULT_TONE_QUESTIONS, type ToneCode } from '@contracts/knowledge';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import { assertCan } from '@platform/tenancy/policy.rules';
import { findToneCode, saveToneCode } from './tone-code.repository';

// The organisation's own questions, or Utrecht's three until it writes its own.
export async function getToneCode(ctx: ServiceContext): Promise<ToneCode> {
  assertCan(ctx.actor, 'inbox.read');
  const row = await findToneCode(ctx.db, ctx.actor.organisationId);
  if (!row) return { questions: DEFAULT_TONE_QUESTIONS, isDefault: true, updatedAt: null };
  return { questions: row.questions, isDefault: false, updatedAt: row.updated_at.toISOString() };
}

export async function changeToneCode(ctx: ServiceContext, questions: string[]): Promise<ToneCode> {
  assertCan(ctx.actor, 'knowledge.manage');
  return runInTransaction(ctx, async (tx) => {
    const row = await saveToneCode(tx.db, { organisation_id: tx.actor.organisationId, questions, updated_at: tx.clock.now(), updated_by_name: tx.actor.name });
    await recordAudit(tx, { action: 'toonkader.gewijzigd', recordType: 'toonkader', recordId: tx.actor.organisationId, details: { questions } });
    return { questions: row.questions, isDefault: false, updatedAt: row.updated_at.toISOString() };
  });
}
