import { MELDING_STATUS_LABELS, MELDING_TRANSITIONS, type MeldingStatus } from '@contracts/meldingen';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import type { MeldingRow } from '@platform/db/database.schema';
import { conflict } from '@platform/http/http.errors';
import { assertCan } from '@platform/tenancy/policy.rules';
import { findMergedInto, insertEvent, updateMelding } from './meldingen.repository';
import { findVisibleMelding, getMelding } from './meldingen.service';
import { composeReporterText, composeStatusNews, markSent, sendReporterNews } from './reporter-news.service';
import type { MeldingLinks } from './submit.service';

// One melding to its new status: the row, the timeline, and the news to its reporter.
async function applyStatus(tx: ServiceContext, links: MeldingLinks, row: MeldingRow, status: MeldingStatus, typed?: string) {
  const now = tx.clock.now();
  const updated = await updateMelding(tx.db, tx.actor.organisationId, row.id, {
    status,
    ...(row.first_reaction_at === null && { first_reaction_at: now }),
    ...(status === 'afgehandeld' && { handled_at: now }),
    ...(status === 'heropend' && { handled_at: null }),
  });
  const text = await composeReporterText(tx, row, status, typed);
  const event = await insertEvent(tx.db, {
    organisation_id: tx.actor.organisationId,
    melding_id: row.id,
    at: now,
    kind: 'status',
    from_status: row.status,
    to_status: status,
    text,
    actor_user_id: tx.actor.userId || null,
    actor_name: tx.actor.name,
  });
  await markSent(tx, event.id, await sendReporterNews(tx, links, updated, composeStatusNews(updated, status, text, event.id)));
  await recordAudit(tx, { action: 'melding.status', recordType: 'melding', recordId: row.id, details: { from: row.status, to: status } });
}

// Moves a melding along the status flow. Its reporter hears it with the text the handler wrote, or the
// standard text for the category and status. Duplicates merged into it follow, and their reporters
// hear the same news (the standard text filled in for their own melding when the handler wrote none).
export async function changeMeldingStatus(ctx: ServiceContext, links: MeldingLinks, meldingId: string, input: { status: MeldingStatus; message?: string }) {
  assertCan(ctx.actor, 'meldingen.manage');
  return runInTransaction(ctx, async (tx) => {
    const row = await findVisibleMelding(tx, meldingId, true);
    if (row.merged_into_id) {
      throw conflict('melding-samengevoegd', 'Deze melding is samengevoegd met een andere en volgt die; wijzig de status daar.');
    }
    const from = row.status as MeldingStatus;
    if (!MELDING_TRANSITIONS[from].includes(input.status)) {
      throw conflict(
        'status-niet-toegestaan',
        `Een melding met status "${MELDING_STATUS_LABELS[from]}" kan niet naar "${MELDING_STATUS_LABELS[input.status]}". Mogelijk: ${MELDING_TRANSITIONS[from].map((status) => MELDING_STATUS_LABELS[status]).join(', ')}.`,
      );
    }
    await applyStatus(tx, links, row, input.status, input.message);
    for (const follower of await findMergedInto(tx.db, tx.actor.organisationId, row.id)) {
      await applyStatus(tx, links, follower, input.status, input.message);
    }
    return getMelding(tx, row.id);
  });
}
