import type { ConnectorAccount, ConnectorDeps, PollResult } from '../../connector.types';
import { normalisePost, type PostItem } from './bluesky.mapping';
import type { BlueskySession } from './bluesky-session.client';
import { queryXrpc } from './xrpc.client';

const PAGE_SIZE = 50;
const MAX_PAGES = 10;
const KEPT_REASONS = new Set(['mention', 'reply', 'quote']);

// Where a stream stands: everything indexed at or after lastIndexedAt has been seen. A backlog bigger
// than MAX_PAGES is read over several polls: `backlog` remembers where the previous poll stopped.
export interface FeedCursor {
  lastIndexedAt: string | null;
  backlog?: { pageCursor: string; newestIndexedAt: string };
}

interface Page {
  items: PostItem[];
  cursor?: string;
}

function later(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

// Pages newest-first until items are older than the cursor. Items indexed at exactly lastIndexedAt
// are read again: storing is idempotent, and two items in one millisecond are not lost.
async function readSince(
  fetchPage: (cursor?: string) => Promise<Page>,
  previous: FeedCursor | null,
): Promise<{ items: PostItem[]; cursor: FeedCursor; more: boolean }> {
  if (!previous?.lastIndexedAt && !previous?.backlog) {
    // The first poll ever takes what is on the first page: Plein does not import an account's history.
    const page = await fetchPage();
    const newest = page.items.reduce<string | null>((max, item) => later(max, item.indexedAt), null);
    return { items: page.items, cursor: { lastIndexedAt: newest }, more: false };
  }
  const since = previous.lastIndexedAt ? Date.parse(previous.lastIndexedAt) : Number.NEGATIVE_INFINITY;
  const items: PostItem[] = [];
  let newest = previous.backlog?.newestIndexedAt ?? null;
  let pageCursor = previous.backlog?.pageCursor;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await fetchPage(pageCursor);
    let reachedSeen = false;
    for (const item of page.items) {
      if (Date.parse(item.indexedAt) < since) {
        reachedSeen = true;
        break;
      }
      newest = later(newest, item.indexedAt);
      items.push(item);
    }
    if (reachedSeen || !page.cursor || page.items.length === 0) {
      return { items, cursor: { lastIndexedAt: later(newest, previous.lastIndexedAt) }, more: false };
    }
    pageCursor = page.cursor;
  }
  return {
    items,
    cursor: { lastIndexedAt: previous.lastIndexedAt, backlog: { pageCursor: pageCursor!, newestIndexedAt: newest ?? previous.lastIndexedAt! } },
    more: true,
  };
}

interface Notification extends PostItem {
  reason: string;
}

// Mentions of, replies to and quotes of the municipality's account. Likes, reposts and follows are
// not messages to answer.
export async function pollNotifications(session: BlueskySession, cursor: FeedCursor | null): Promise<PollResult> {
  const ownDid = await session.did();
  const read = await readSince(async (pageCursor) => {
    const page = await session.query<{ notifications: Notification[]; cursor?: string }>('app.bsky.notification.listNotifications', {
      limit: PAGE_SIZE,
      cursor: pageCursor,
    });
    return { items: page.notifications, cursor: page.cursor };
  }, cursor);
  const messages = read.items.filter((item) => KEPT_REASONS.has(item.reason ?? '')).map((item) => normalisePost(item, ownDid));
  return { messages, cursor: read.cursor, more: read.more, secrets: session.freshSecrets() };
}

// Listening: the newest posts for the account's search query. Through the PDS, which passes
// app.bsky.* on to its AppView, or straight to the AppView the account names.
export async function pollSearch(session: BlueskySession, account: ConnectorAccount, deps: ConnectorDeps, cursor: FeedCursor | null): Promise<PollResult> {
  const q = String(account.settings.searchQuery);
  const appView = typeof account.settings.appViewUrl === 'string' && account.settings.appViewUrl ? account.settings.appViewUrl : null;
  const ownDid = account.secrets.did ?? null;
  const read = await readSince(async (pageCursor) => {
    const params = { q, sort: 'latest', limit: PAGE_SIZE, cursor: pageCursor };
    const page = appView
      ? await queryXrpc<{ posts: PostItem[]; cursor?: string }>(deps, appView, 'app.bsky.feed.searchPosts', params)
      : await session.query<{ posts: PostItem[]; cursor?: string }>('app.bsky.feed.searchPosts', params);
    return { items: page.posts, cursor: page.cursor };
  }, cursor);
  return { messages: read.items.map((item) => normalisePost(item, ownDid)), cursor: read.cursor, more: read.more, secrets: session.freshSecrets() };
}
