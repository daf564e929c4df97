import type { Publication } from '@contracts/publications';
import { recordAudit } from '@platform/audit/audit.service';
import { runInTransaction, type ServiceContext } from '@platform/context.service';
import { isUniqueViolation } from '@platform/db/db-errors.rules';
import { conflict } from '@platform/http/http.errors';
import { assertCan } from '@platform/tenancy/policy.rules';
import { isApprovedEnough } from './approval.rules';
import { toPublicationViews } from './publication.views';
import { findReviews, insertReview } from './publication-reviews.repository';
import { movePublication } from './publications.repository';
import { loadVisiblePublication } from './publications.service';

// Z4: a colleague approves what the author wrote (never the author: four eyes), one approval per person per text; when
// the account's number of approvals is reached the post is planned. A reviewer may also send it back with a comment;
// the author's change then returns it for approval.

const NOT_WAITING = 'Deze publicatie wacht niet (meer) op goedkeuring.';
const CHANGED_MEANWHILE = 'De publicatie is intussen gewijzigd; bekijk de nieuwe tekst en keur die goed.';

export async function approvePublication(ctx: ServiceContext, publicationId: string, input: { version: number }): Promise<Publication> {
  assertCan(ctx.actor, 'publications.approve');
  const row = await loadVisiblePublication(ctx, publicationId);
  if (row.status !== 'ter-goedkeuring') throw conflict('wacht-niet-op-goedkeuring', NOT_WAITING);
  if (row.version !== input.version) throw conflict('intussen-gewijzigd', CHANGED_MEANWHILE);
  if (row.created_by !== null && row.created_by === ctx.actor.userId) {
    throw conflict('eigen-bericht', 'Een collega keurt uw bericht goed, niet u zelf (vier ogen).');
  }
  return runInTransaction(ctx, async (tx) => {
    await insertReview(tx.db, {
      organisation_id: row.organisation_id,
      publication_id: row.id,
      content_version: row.content_version,
      user_id: tx.actor.userId,
      decision: 'goedgekeurd',
      comment: null,
      created_at: tx.clock.now(),
    }).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw conflict('al-goedgekeurd', 'U heeft deze tekst al goedgekeurd.');
      throw error;
    });
    const approvers = (await findReviews(tx.db, row.organisation_id, [row.id]))
      .filter((review) => review.decision === 'goedgekeurd' && review.content_version === row.content_version)
      .map((review) => review.user_id);
    const enough = isApprovedEnough(row.approvals_required, approvers, row.created_by);
    // Compare-and-set on the version the reviewer saw: an edit in between makes this approval one of an old text.
    const moved = enough
      ? await movePublication(tx.db, row.organisation_id, row.id, { status: 'ter-goedkeuring', version: input.version }, { status: 'gepland' })
      : row;
    if (!moved) throw conflict('intussen-gewijzigd', CHANGED_MEANWHILE);
    await recordAudit(tx, {
      action: 'publicatie.goedgekeurd',
      recordType: 'publicatie',
      recordId: row.id,
      details: { contentVersion: row.content_version, approvals: approvers.length, required: row.approvals_required, planned: enough },
    });
    return (await toPublicationViews(tx.db, [moved]))[0]!;
  });
}

export async function sendPublicationBack(ctx: ServiceContext, publicationId: string, input: { version: number; comment: string }) {
  assertCan(ctx.actor, 'publications.approve');
  const row = await loadVisiblePublication(ctx, publicationId);
  return runInTransaction(ctx, async (tx) => {
    const moved = await movePublication(tx.db, row.organisation_id, row.id, { status: 'ter-goedkeuring', version: input.version }, { status: 'teruggestuurd' });
    if (!moved) {
      if (row.status !== 'ter-goedkeuring') throw conflict('wacht-niet-op-goedkeuring', NOT_WAITING);
      throw conflict('intussen-gewijzigd', CHANGED_MEANWHILE);
    }
    await insertReview(tx.db, {
      organisation_id: row.organisation_id,
      publication_id: row.id,
      content_version: row.content_version,
      user_id: tx.actor.userId,
      decision: 'teruggestuurd',
      comment: input.comment,
      created_at: tx.clock.now(),
    });
    await recordAudit(tx, { action: 'publicatie.teruggestuurd', recordType: 'publicatie', recordId: row.id, details: { contentVersion: row.content_version } });
    return (await toPublicationViews(tx.db, [moved]))[0]!;
  });
}

// A remark on a draft, without a decision: for the author and the other reviewers.
export async function commentOnPublication(ctx: ServiceContext, publicationId: string, input: { text: string }) {
  assertCan(ctx.actor, 'publications.manage');
  const row = await loadVisiblePublication(ctx, publicationId);
  return runInTransaction(ctx, async (tx) => {
    await insertReview(tx.db, {
      organisation_id: row.organisation_id,
      publication_id: row.id,
      content_version: row.content_version,
      user_id: tx.actor.userId,
      decision: 'opmerking',
      comment: input.text,
      created_at: tx.clock.now(),
    });
    await recordAudit(tx, { action: 'publicatie.opmerking', recordType: 'publicatie', recordId: row.id, details: {} });
    return (await toPublicationViews(tx.db, [row]))[0]!;
  });
}

// The review afterwards of a post that took the crisis fast path: once, by someone who may approve (not its author).
export async function markFastPathReviewed(ctx: ServiceContext, publicationId: string) {
  assertCan(ctx.actor, 'publications.approve');
  const row = await loadVisiblePublication(ctx, publicationId);
  if (!row.fast_path_reason) throw conflict('geen-snelle-route', 'Deze publicatie nam niet de snelle route.');
  if (row.fast_path_by === ctx.actor.userId) throw conflict('eigen-bericht', 'Een collega bekijkt achteraf wat u via de snelle route verstuurde.');
  if (row.reviewed_afterwards_at) throw conflict('al-bekeken', 'Deze publicatie is achteraf al bekeken.');
  return runInTransaction(ctx, async (tx) => {
    const moved = await movePublication(
      tx.db,
      row.organisation_id,
      row.id,
      { status: ['gepland', 'bezig', 'afgerond', 'geannuleerd'], version: row.version },
      { reviewed_afterwards_at: tx.clock.now() },
    );
    if (!moved) throw conflict('intussen-gewijzigd', CHANGED_MEANWHILE);
    await recordAudit(tx, { action: 'publicatie.achteraf-bekeken', recordType: 'publicatie', recordId: row.id, details: {} });
    return (await toPublicationViews(tx.db, [moved]))[0]!;
  });
}
