import type { ConnectorAccount, ConnectorDeps, NormalisedMessage, PollResult } from '../../connector.types';
import { getCommentUrn, type LinkedInComment, type LinkedInPost, normaliseComment, normalisePost } from './linkedin.mapping';
import { type CollectionPage, encodeUrn, hasNextPage } from './linkedin-rest.client';
import type { LinkedInSession } from './linkedin-session.client';

const POSTS_PER_PAGE = 50;
const MAX_POST_PAGES = 4;
const COMMENTS_PER_PAGE = 100;
// A guard against a paging loop, far above what a municipality's post gets (5,000 comments).
const MAX_COMMENT_PAGES = 50;
const DAY_MS = 86_400_000;

// Per post of the last lookbackDays: when it was created and the newest comment time seen on it.
// LinkedIn has no "comments since" query, so every recent post's comments are read each poll and
// only those at or after newestCommentAt are passed on (same millisecond twice is stored once anyway).
export interface LinkedInCursor {
  posts: Record<string, { createdAt: number; newestCommentAt: number | null }>;
}

export function getLookbackDays(account: ConnectorAccount): number {
  const configured = Number(account.settings.lookbackDays);
  return Number.isFinite(configured) && configured >= 1 ? Math.min(configured, 365) : 14;
}

// The organisation's own posts created since `since`, newest first.
export async function fetchRecentPosts(session: LinkedInSession, since: number): Promise<LinkedInPost[]> {
  const posts: LinkedInPost[] = [];
  let start = 0;
  for (let page = 0; page < MAX_POST_PAGES; page++) {
    const response = await session.call<CollectionPage<LinkedInPost>>({
      path: '/posts',
      query: { author: encodeUrn(session.organizationUrn), q: 'author', count: POSTS_PER_PAGE, start, sortBy: 'CREATED' },
    });
    const elements = response.body?.elements ?? [];
    const recent = elements.filter((post) => (post.createdAt ?? post.publishedAt ?? 0) >= since);
    posts.push(...recent.filter((post) => !post.lifecycleState || post.lifecycleState === 'PUBLISHED'));
    if (recent.length < elements.length || !hasNextPage(response.body, start)) break;
    start += elements.length;
  }
  return posts;
}

// Every comment on a post (first level) or on a comment (replies to it), page by page.
export async function fetchCommentsOn(session: LinkedInSession, target: string): Promise<LinkedInComment[]> {
  const comments: LinkedInComment[] = [];
  let start = 0;
  for (let page = 0; page < MAX_COMMENT_PAGES; page++) {
    const response = await session.call<CollectionPage<LinkedInComment>>({
      path: `/socialActions/${encodeUrn(target)}/comments`,
      query: { start, count: COMMENTS_PER_PAGE },
    });
    const elements = response.body?.elements ?? [];
    comments.push(...elements);
    if (!hasNextPage(response.body, start)) break;
    start += elements.length;
  }
  return comments;
}

// First-level comments plus the replies under those that have any.
async function threadOf(session: LinkedInSession, postUrn: string): Promise<LinkedInComment[]> {
  const firstLevel = await fetchCommentsOn(session, postUrn);
  const all = [...firstLevel];
  for (const comment of firstLevel) {
    const replies = comment.commentsSummary?.totalFirstLevelComments ?? comment.commentsSummary?.aggregatedTotalComments ?? 0;
    if (replies > 0) all.push(...(await fetchCommentsOn(session, getCommentUrn(comment))));
  }
  return all;
}

export async function pollComments(
  session: LinkedInSession,
  account: ConnectorAccount,
  deps: ConnectorDeps,
  previous: LinkedInCursor | null,
): Promise<PollResult> {
  const now = deps.clock.now();
  const since = now.getTime() - getLookbackDays(account) * DAY_MS;
  const org = session.organizationUrn;
  const messages: NormalisedMessage[] = [];
  const cursor: LinkedInCursor = { posts: {} };
  for (const post of await fetchRecentPosts(session, since)) {
    const seen = previous?.posts[post.id];
    if (!seen) messages.push(normalisePost(post, org, now));
    let newest = seen?.newestCommentAt ?? null;
    for (const comment of await threadOf(session, post.id)) {
      const at = comment.created?.time ?? now.getTime();
      if (seen?.newestCommentAt != null && at < seen.newestCommentAt) continue;
      messages.push(normaliseComment(comment, post.id, org, now));
      newest = Math.max(newest ?? at, at);
    }
    cursor.posts[post.id] = { createdAt: post.createdAt ?? post.publishedAt ?? now.getTime(), newestCommentAt: newest };
  }
  return { messages, cursor, more: false, secrets: session.freshSecrets() };
}
