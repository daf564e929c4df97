import type { Publication } from '@contracts/publications';
import type { Db } from '@platform/db/database.client';
import type { PublicationChannelRow, PublicationRow } from '@platform/db/database.schema';
import { findUsers } from '@platform/users/users.repository';
import { findChannelAccount, findOutboxEntry } from '../channels/index';
import { findReviews } from './publication-reviews.repository';
import { findPublicationChannels } from './publications.repository';

type ChannelAccount = NonNullable<Awaited<ReturnType<typeof findChannelAccount>>>;

// What became of each channel, read from the outbox item the variant became: the outbox is where sending happens
// exactly once, so it is the one place that knows.
async function channelResult(db: Db, publication: PublicationRow, channel: PublicationChannelRow) {
  if (!channel.outbox_id) return { result: publication.status === 'geannuleerd' ? 'geannuleerd' : 'gepland', publicUrl: null, error: null } as const;
  const item = await findOutboxEntry(db, publication.organisation_id, channel.outbox_id);
  if (!item || item.status === 'wachtend') return { result: 'wachtend', publicUrl: null, error: item?.last_error ?? null } as const;
  if (item.status === 'verzonden') return { result: 'gepubliceerd', publicUrl: item.public_url, error: null } as const;
  // Failed after a call without outcome: the platform may have it, and a person decides.
  return { result: item.send_started_at ? 'onzeker' : 'mislukt', publicUrl: null, error: item.last_error } as const;
}

export async function toPublicationViews(db: Db, rows: PublicationRow[]): Promise<Publication[]> {
  const channels = await findPublicationChannels(
    db,
    rows[0]?.organisation_id ?? '',
    rows.map((row) => row.id),
  );
  const reviews = await findReviews(
    db,
    rows[0]?.organisation_id ?? '',
    rows.map((row) => row.id),
  );
  const names = reviews.length > 0 ? new Map((await findUsers(db, rows[0]!.organisation_id)).map((user) => [user.id, user.name])) : new Map<string, string>();
  const accounts = new Map<string, ChannelAccount | undefined>();
  const views: Publication[] = [];
  for (const row of rows) {
    const own = channels.filter((channel) => channel.publication_id === row.id);
    const results = [];
    for (const channel of own) {
      if (!accounts.has(channel.account_id)) accounts.set(channel.account_id, await findChannelAccount(db, row.organisation_id, channel.account_id));
      const account = accounts.get(channel.account_id);
      results.push({
        accountId: channel.account_id,
        channel: account?.channel ?? 'onbekend',
        handle: account?.handle ?? 'onbekend account',
        text: channel.text,
        outboxId: channel.outbox_id,
        ...(await channelResult(db, row, channel)),
      });
    }
    // Handed over and every channel has its outcome: done, whatever each outcome is (each is shown on its own).
    const settled = row.status === 'bezig' && results.every((result) => result.result !== 'wachtend' && result.result !== 'gepland');
    const ownReviews = reviews.filter((review) => review.publication_id === row.id);
    views.push({
      id: row.id,
      municipalityId: row.municipality_id,
      title: row.title,
      status: settled ? 'afgerond' : row.status,
      plannedAt: row.planned_at.toISOString(),
      version: row.version,
      contentVersion: row.content_version,
      approvalsRequired: row.approvals_required,
      approvedBy: ownReviews
        .filter((review) => review.decision === 'goedgekeurd' && review.content_version === row.content_version)
        .map((review) => review.user_id),
      reviews: ownReviews.map((review) => ({
        id: review.id,
        contentVersion: review.content_version,
        userId: review.user_id,
        userName: names.get(review.user_id) ?? 'onbekend',
        decision: review.decision,
        comment: review.comment,
        createdAt: review.created_at.toISOString(),
      })),
      fastPath: row.fast_path_reason
        ? { reason: row.fast_path_reason, by: row.fast_path_by, reviewedAfterwardsAt: row.reviewed_afterwards_at?.toISOString() ?? null }
        : null,
      channels: results,
      createdBy: row.created_by,
      createdAt: row.created_at.toISOString(),
      handedOverAt: row.handed_over_at?.toISOString() ?? null,
    });
  }
  return views;
}
