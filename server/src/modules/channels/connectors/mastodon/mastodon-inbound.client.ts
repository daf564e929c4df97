import type { PollResult } from '../../connector.types';
import { type MastodonNotification, type MastodonStatus, normaliseStatus } from './mastodon.mapping';
import { isNewerId, type MastodonApi, type Page } from './mastodon-api.client';

// Documented maxima: notifications 80 per page (since 4.1), hashtag timelines 40.
const NOTIFICATION_PAGE = 80;
const TAG_PAGE = 40;
// More than this many pages in one poll: store what was read and let the next poll continue at once.
const MAX_PAGES = 5;

// Where a stream stands: the newest id already read. Ids only grow, so "min_id" picks up right after it.
export interface IdCursor {
  lastId: string | null;
}

function newestOf(items: { id: string }[], than: string | null): string | null {
  return items.reduce<string | null>((newest, item) => (isNewerId(item.id, newest) ? item.id : newest), than);
}

// Reads everything newer than the cursor, oldest pages first: min_id returns the page immediately
// after the cursor, and the Link header's rel="prev" names the min_id of the page after that. Stopping
// after MAX_PAGES therefore never skips anything: the cursor is the newest id of what was read.
async function readSince<T extends { id: string }>(
  api: MastodonApi,
  path: string,
  filter: Record<string, string | string[]>,
  limit: number,
  cursor: IdCursor | null,
) {
  if (!cursor?.lastId) {
    // The first poll takes the newest page only: Plein does not import an account's history. An
    // empty start is "0", so whatever arrives before the next poll is all read, not just its newest page.
    const page = await api.page<T>(path, { ...filter, limit });
    return { items: page.items, cursor: { lastId: newestOf(page.items, null) ?? '0' }, more: false };
  }
  const items: T[] = [];
  let newest: string | null = cursor.lastId;
  let minId: string | null = cursor.lastId;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page: Page<T> = await api.page<T>(path, { ...filter, limit, min_id: minId! });
    items.push(...page.items);
    newest = newestOf(page.items, newest);
    // Only the min_id is taken from the link: the filter and the host stay Plein's own.
    minId = page.prev?.get('min_id') ?? null;
    if (page.items.length < limit || !minId) return { items, cursor: { lastId: newest }, more: false };
  }
  return { items, cursor: { lastId: newest }, more: true };
}

// Mentions of the municipality's account. Replies count: Mastodon clients put the author's @acct
// in every reply, which makes it a mention. Likes, boosts and follows are not messages to answer.
export async function pollNotifications(api: MastodonApi, cursor: IdCursor | null): Promise<PollResult> {
  const read = await readSince<MastodonNotification>(api, '/api/v1/notifications', { 'types[]': ['mention'] }, NOTIFICATION_PAGE, cursor);
  const own = api.knownAccountId();
  const messages = read.items
    // Servers before 3.5 ignore types[]: filter here too.
    .filter((notification) => notification.type === 'mention' && notification.status)
    .map((notification) => normaliseStatus(notification.status!, own));
  return { messages, cursor: read.cursor, more: read.more, secrets: api.freshSecrets() };
}

// Listening: public posts with the account's hashtag, from the whole fediverse as this server knows it.
export async function pollHashtag(api: MastodonApi, hashtag: string, cursor: IdCursor | null): Promise<PollResult> {
  const tag = encodeURIComponent(hashtag.replace(/^#/, '').trim());
  const read = await readSince<MastodonStatus>(api, `/api/v1/timelines/tag/${tag}`, {}, TAG_PAGE, cursor);
  // The account's own posts with the hashtag are stored as outgoing.
  const own = await api.ownAccountId();
  const messages = read.items.filter((status) => !status.reblog).map((status) => normaliseStatus(status, own));
  return { messages, cursor: read.cursor, more: read.more, secrets: api.freshSecrets() };
}
