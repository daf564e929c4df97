import type { ConnectorAccount, ConnectorDeps, NormalisedMessage, PollResult } from '../../connector.types';
import { parseGraphTime, readEdge, resolveGraphTarget } from '../meta/graph.client';
import { type FeedPost, normaliseComment, normalisePost, type PostComment } from './facebook.mapping';

export const FEED_FIELDS = 'id,message,created_time,from,permalink_url,attachments{media,description,url},comments.summary(true)';
export const COMMENT_FIELDS = 'id,message,created_time,from,parent,permalink_url';
// Comments on posts of the last two weeks are followed; older posts rarely get new ones.
const RECENT_MS = 14 * 24 * 3600_000;
const FEED_PAGES = 4;
const COMMENT_PAGES = 10;
const PAGE_SIZE = 25;
const COMMENT_PAGE_SIZE = 100;
// Graph lists are eventually consistent: an item can show up a little after a newer one. Reading
// back this far past the newest seen item costs a few duplicates, which storing ignores.
const OVERLAP_MS = 5 * 60_000;

// Meta advises against storing its paging cursors (they go stale when items change), so the poll
// cursor is a time plus the comment count per post: only posts whose count changed are read again.
export interface FeedCursor {
  since: string | null;
  counts: Record<string, number>;
}

export function getPageId(account: ConnectorAccount): string {
  return String(account.settings.pageId ?? '');
}

export async function pollFeed(account: ConnectorAccount, cursor: FeedCursor | null, deps: ConnectorDeps): Promise<PollResult> {
  const target = resolveGraphTarget(account);
  const pageId = getPageId(account);
  const now = deps.clock.now();
  const windowStart = now.getTime() - RECENT_MS;
  const since = cursor?.since ? Date.parse(cursor.since) - OVERLAP_MS : Number.NEGATIVE_INFINITY;
  const feed = await readEdge<FeedPost>(
    deps,
    target,
    `${pageId}/feed`,
    { fields: FEED_FIELDS, limit: PAGE_SIZE },
    {
      maxPages: FEED_PAGES,
      keepGoing: (page) => page.every((post) => parseGraphTime(post.created_time, now).getTime() >= windowStart),
    },
  );
  const messages: NormalisedMessage[] = [];
  const counts: Record<string, number> = {};
  let newest = cursor?.since ? Date.parse(cursor.since) : Number.NEGATIVE_INFINITY;
  const seen = (at: Date) => (newest = Math.max(newest, at.getTime()));
  for (const post of feed.items) {
    const postedAt = parseGraphTime(post.created_time, now);
    if (postedAt.getTime() < windowStart) continue;
    if (postedAt.getTime() >= since) {
      messages.push(normalisePost(post, pageId, now));
      seen(postedAt);
    }
    const total = post.comments?.summary?.total_count ?? 0;
    counts[post.id] = total;
    if (total === 0 || cursor?.counts?.[post.id] === total) continue;
    // Newest first, so reading stops at the first comment older than the cursor.
    const comments = await readEdge<PostComment>(
      deps,
      target,
      `${post.id}/comments`,
      { fields: COMMENT_FIELDS, filter: 'stream', order: 'reverse_chronological', limit: COMMENT_PAGE_SIZE },
      {
        maxPages: COMMENT_PAGES,
        keepGoing: (page) => page.every((comment) => parseGraphTime(comment.created_time, now).getTime() >= since),
      },
    );
    // More than COMMENT_PAGES pages of new comments: forget the count so the next poll reads it again.
    if (comments.more) delete counts[post.id];
    for (const comment of comments.items) {
      const at = parseGraphTime(comment.created_time, now);
      if (at.getTime() < since) continue;
      messages.push(normaliseComment(comment, post.id, pageId, now));
      seen(at);
    }
  }
  const next: FeedCursor = { since: Number.isFinite(newest) ? new Date(newest).toISOString() : (cursor?.since ?? null), counts };
  return { messages, cursor: next, more: false };
}
