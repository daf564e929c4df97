import type { agreementSchema, bulkCorrectionSchema, Tenor } from '@contracts/luisteren';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import { notFound } from '@platform/http/http.errors';
import { actsForMunicipality, assertCan, scopeOf } from '@platform/tenancy/policy.rules';
import type { z } from 'zod';
import { countAgreement, findItemsForReview, findModelInfo, insertCorrections, setReviewedLabel, shiftCriticalCounts } from './review.repository';
import { scheduleTraining } from './training.jobs';

type Correction = { tenor?: Tenor; topic?: string | null };

// A person's label overrides the machine's, is kept as history, and teaches the organisation's model.
export async function correctItems(ctx: ServiceContext, messageIds: string[], correction: Correction) {
  assertCan(ctx.actor, 'listening.review');
  const ids = [...new Set(messageIds)];
  return runInTransaction(ctx, async (tx) => {
    const items = await findItemsForReview(tx.db, tx.actor.organisationId, ids);
    const visible = items.filter((item) => actsForMunicipality(tx.actor, item.municipality_id));
    // All or nothing: one unknown id in a bulk correction changes nothing.
    if (visible.length !== ids.length) throw notFound(ids.length === 1 ? 'Het bericht' : 'Een van de berichten');
    const now = tx.clock.now();
    await setReviewedLabel(tx.db, tx.actor.organisationId, ids, correction, tx.actor.userId, now);
    if (correction.tenor !== undefined) {
      const becomesCritical = correction.tenor === 'kritiek';
      const moved = visible.filter((item) => (item.tenor === 'kritiek') !== becomesCritical).map((item) => item.message_id);
      await shiftCriticalCounts(tx.db, tx.actor.organisationId, moved, becomesCritical ? 1 : -1);
    }
    await insertCorrections(
      tx.db,
      visible.map((item) => ({
        organisation_id: tx.actor.organisationId,
        message_id: item.message_id,
        tenor_before: item.tenor,
        tenor_after: correction.tenor ?? item.tenor,
        topic: correction.topic === undefined ? item.topic : correction.topic,
        corrected_by: tx.actor.userId,
        corrected_at: now,
      })),
    );
    if (correction.tenor !== undefined) await scheduleTraining(tx.db, tx.clock, tx.actor.organisationId);
    await recordAudit(tx, { action: 'tenor.beoordeeld', recordType: 'bericht', recordId: ids[0]!, details: { count: ids.length, ...correction } });
    return { corrected: ids.length };
  });
}

export async function correctInBulk(ctx: ServiceContext, input: z.infer<typeof bulkCorrectionSchema>) {
  return correctItems(ctx, input.messageIds, { tenor: input.tenor, topic: input.topic });
}

const WEEK = 7 * 86_400_000;

// How reliable the automatic tenor is, per week: the share of reviewed items where a person agreed.
export async function measureAgreement(ctx: ServiceContext, period: { van?: string; tot?: string }): Promise<z.infer<typeof agreementSchema>> {
  assertCan(ctx.actor, 'listening.read');
  // Without an end: up to and including this moment (the end is exclusive).
  const until = period.tot ? new Date(period.tot) : new Date(ctx.clock.now().getTime() + 1);
  const from = period.van ? new Date(period.van) : new Date(until.getTime() - 12 * WEEK);
  const rows = await countAgreement(ctx.db, scopeOf(ctx.actor), from, until);
  const reviewed = rows.reduce((sum, row) => sum + row.reviewed, 0);
  const agreed = rows.reduce((sum, row) => sum + row.agreed, 0);
  const model = await findModelInfo(ctx.db, ctx.actor.organisationId);
  return {
    periods: rows.map((row) => ({
      from: new Date(row.from).toISOString(),
      reviewed: row.reviewed,
      agreed: row.agreed,
      rate: row.reviewed > 0 ? row.agreed / row.reviewed : null,
    })),
    reviewed,
    agreed,
    rate: reviewed > 0 ? agreed / reviewed : null,
    model: model ? { version: model.version, trainedOn: model.trained_on, trainedAt: model.trained_at.toISOString() } : null,
  };
}
