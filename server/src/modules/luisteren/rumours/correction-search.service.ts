import type { CorrectionCandidate } from '@contracts/rumours';
import type { ServiceContext } from '@platform/context.service';
import { assertCan, scopeOf } from '@platform/tenancy/policy.rules';
import { findMessage, searchCorrectionCandidates } from './rumours.repository';
import { findRumourOr404 } from './rumours.service';

// A correction answers a rumour, so it comes after it; a day's margin for a correction that was ready before
// the rumour was noticed (a press release answering a question the rumour then twisted).
const MARGIN_MS = 24 * 3_600_000;

// The analyst types what the correction says and picks it from a short list, instead of pasting an id.
export async function findCorrectionCandidates(ctx: ServiceContext, rumourId: string, q: string): Promise<CorrectionCandidate[]> {
  assertCan(ctx.actor, 'listening.manage');
  const rumour = await findRumourOr404(ctx, rumourId);
  const origin = rumour.origin_message_id ? await findMessage(ctx.db, ctx.actor.organisationId, rumour.origin_message_id) : undefined;
  const rows = await searchCorrectionCandidates(ctx.db, scopeOf(ctx.actor), {
    q,
    since: origin ? new Date(origin.posted_at.getTime() - MARGIN_MS) : null,
    limit: 10,
  });
  return rows
    .filter((row) => row.id !== rumour.origin_message_id)
    .map((row) => ({
      messageId: row.id,
      direction: row.direction,
      author: row.author_name ?? row.author_handle,
      text: row.text,
      postedAt: row.posted_at.toISOString(),
      channel: row.channel,
      publicUrl: row.public_url,
    }));
}
