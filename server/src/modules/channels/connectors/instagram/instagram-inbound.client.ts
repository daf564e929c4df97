import type { ConnectorAccount, ConnectorDeps, NormalisedMessage, PollResult } from '../../connector.types';
import { parseGraphTime, readEdge, resolveGraphTarget } from '../meta/graph.client';
import { getIgUserId, type IgComment, type IgMedia, normaliseComment, normaliseMedia } from './instagram.mapping';

export const MEDIA_FIELDS = 'id,caption,timestamp,permalink,comments_count';
export const IG_COMMENT_FIELDS = 'id,text,timestamp,username,from,parent_id';
const RECENT_MS = 14 * 24 * 3600_000;
const MEDIA_PAGES = 4;
const COMMENT_PAGES = 10;

// Only media whose comments_count changed are read again; their comments (and one page of replies
// each) are read whole, so the order Meta lists them in does not matter. Storing skips what is known.
export interface MediaCursor {
  since: string | null;
  counts: Record<string, number>;
}

export async function pollMedia(account: ConnectorAccount, cursor: MediaCursor | null, deps: ConnectorDeps): Promise<PollResult> {
  const target = resolveGraphTarget(account);
  const igUserId = getIgUserId(account);
  const now = deps.clock.now();
  const windowStart = now.getTime() - RECENT_MS;
  const media = await readEdge<IgMedia>(
    deps,
    target,
    `${igUserId}/media`,
    { fields: MEDIA_FIELDS, limit: 25 },
    {
      maxPages: MEDIA_PAGES,
      keepGoing: (page) => page.every((item) => parseGraphTime(item.timestamp, now).getTime() >= windowStart),
    },
  );
  const messages: NormalisedMessage[] = [];
  const counts: Record<string, number> = {};
  const since = cursor?.since ? Date.parse(cursor.since) : Number.NEGATIVE_INFINITY;
  let newest = since;
  for (const item of media.items) {
    const postedAt = parseGraphTime(item.timestamp, now).getTime();
    if (postedAt < windowStart) continue;
    if (postedAt >= since) {
      messages.push(normaliseMedia(item, account, igUserId, now));
      newest = Math.max(newest, postedAt);
    }
    const total = item.comments_count ?? 0;
    counts[item.id] = total;
    if (total === 0 || cursor?.counts?.[item.id] === total) continue;
    const fields = `${IG_COMMENT_FIELDS},replies{${IG_COMMENT_FIELDS}}`;
    const comments = await readEdge<IgComment>(deps, target, `${item.id}/comments`, { fields, limit: 50 }, { maxPages: COMMENT_PAGES });
    if (comments.more) delete counts[item.id];
    for (const comment of comments.items) {
      messages.push(normaliseComment(comment, item.id, igUserId, now, item.permalink ?? null));
      for (const reply of comment.replies?.data ?? []) {
        messages.push(normaliseComment({ ...reply, parent_id: reply.parent_id ?? comment.id }, item.id, igUserId, now, item.permalink ?? null));
      }
    }
  }
  return { messages, cursor: { since: Number.isFinite(newest) ? new Date(newest).toISOString() : null, counts }, more: false };
}
