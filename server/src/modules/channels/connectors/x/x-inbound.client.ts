import type { ConnectorAccount, NormalisedMessage, PollResult } from '../../connector.types';
import { normaliseDm, normaliseTweet, type XDmEvent, type XIncludes, type XTweet } from './x.mapping';
import { isBudgetExhausted, type XSession } from './x-session.client';

const PAGE_SIZE = 100;
const MAX_PAGES = 5;

// The same fields for mentions and search, so both normalise alike.
export const TWEET_PARAMS = {
  expansions: 'author_id,referenced_tweets.id,attachments.media_keys',
  'tweet.fields': 'author_id,created_at,conversation_id,in_reply_to_user_id,referenced_tweets,entities,geo,lang,attachments',
  'user.fields': 'username,name,public_metrics',
  'media.fields': 'alt_text,url,preview_image_url,type',
};

const DM_PARAMS = {
  event_types: 'MessageCreate',
  'dm_event.fields': 'id,event_type,text,sender_id,created_at,dm_conversation_id,attachments,entities',
  expansions: 'sender_id,attachments.media_keys',
  'user.fields': 'username,name,public_metrics',
  'media.fields': 'alt_text,url,preview_image_url,type',
};

// Where a stream stands: everything up to and including newestId has been read. A backlog larger than
// MAX_PAGES, or one interrupted because X said the window's budget is spent, is read on later polls
// from `backlog`, the next_token where the previous poll stopped.
export interface TimelineCursor {
  newestId: string | null;
  backlog?: { token: string; newestId: string | null };
}

interface Page<T> {
  items: T[];
  includes: XIncludes;
  nextToken?: string;
  budgetSpent: boolean;
}

interface XList<T> {
  data?: T[];
  includes?: XIncludes;
  meta?: { next_token?: string };
}

// X ids are 64-bit snowflakes that grow with time; compared as numbers, not as text.
function newer(a: string, b: string | null): boolean {
  if (b === null) return true;
  try {
    return BigInt(a) > BigInt(b);
  } catch {
    return a.length > b.length || (a.length === b.length && a > b);
  }
}

function newestOf(ids: string[], start: string | null): string | null {
  return ids.reduce<string | null>((max, id) => (newer(id, max) ? id : max), start);
}

async function readNewer<T extends { id: string }>(
  fetchPage: (token: string | undefined, sinceId: string | null) => Promise<Page<T>>,
  previous: TimelineCursor | null,
): Promise<{ pages: Page<T>[]; cursor: TimelineCursor; more: boolean }> {
  if (previous === null) {
    // The first poll ever takes the first page: Plein does not import an account's history.
    const page = await fetchPage(undefined, null);
    return {
      pages: [page],
      cursor: {
        newestId: newestOf(
          page.items.map((item) => item.id),
          null,
        ),
      },
      more: false,
    };
  }
  const since = previous.newestId;
  let newest = previous.backlog?.newestId ?? null;
  let token = previous.backlog?.token;
  const pages: Page<T>[] = [];
  for (let count = 0; count < MAX_PAGES; count++) {
    const page = await fetchPage(token, since);
    // since_id already filters tweets; DM events have no such parameter, so the check is done here too.
    const fresh = page.items.filter((item) => newer(item.id, since));
    pages.push({ ...page, items: fresh });
    newest = newestOf(
      fresh.map((item) => item.id),
      newest,
    );
    if (fresh.length < page.items.length || !page.nextToken || page.items.length === 0) {
      return { pages, cursor: { newestId: newestOf(since ? [since] : [], newest) }, more: false };
    }
    token = page.nextToken;
    // Budget spent: stop here and let the next poll come at the planner's pace instead of earning a 429.
    if (page.budgetSpent) return { pages, cursor: { newestId: since, backlog: { token, newestId: newest } }, more: false };
  }
  return { pages, cursor: { newestId: since, backlog: { token: token!, newestId: newest } }, more: true };
}

async function tweetPage(
  session: XSession,
  path: string,
  tokenParam: string,
  query: Record<string, string>,
  token: string | undefined,
  sinceId: string | null,
): Promise<Page<XTweet>> {
  const { body, headers } = await session.get<XList<XTweet>>(path, {
    ...query,
    ...TWEET_PARAMS,
    max_results: PAGE_SIZE,
    since_id: sinceId ?? undefined,
    [tokenParam]: token,
  });
  return { items: body?.data ?? [], includes: body?.includes ?? {}, nextToken: body?.meta?.next_token, budgetSpent: isBudgetExhausted(headers) };
}

function toResult<T extends { id: string }>(
  session: XSession,
  read: { pages: Page<T>[]; cursor: TimelineCursor; more: boolean },
  normalise: (item: T, includes: XIncludes) => NormalisedMessage,
): PollResult {
  const messages = read.pages.flatMap((page) => page.items.map((item) => normalise(item, page.includes)));
  return { messages, cursor: read.cursor, more: read.more, secrets: session.freshSecrets() };
}

// Posts that mention the municipality's account (replies to its posts mention it too).
export async function pollMentions(session: XSession, cursor: TimelineCursor | null, now: Date): Promise<PollResult> {
  const path = `/2/users/${encodeURIComponent(session.userId)}/mentions`;
  const read = await readNewer((token, since) => tweetPage(session, path, 'pagination_token', {}, token, since), cursor);
  return toResult(session, read, (tweet, includes) => normaliseTweet(tweet, includes, session.userId, now));
}

// Listening: the last seven days of posts for the account's search query.
export async function pollSearch(session: XSession, account: ConnectorAccount, cursor: TimelineCursor | null, now: Date): Promise<PollResult> {
  const query = { query: String(account.settings.searchQuery) };
  const read = await readNewer((token, since) => tweetPage(session, '/2/tweets/search/recent', 'next_token', query, token, since), cursor);
  return toResult(session, read, (tweet, includes) => normaliseTweet(tweet, includes, session.userId, now));
}

// Direct messages, both directions: what Plein sent is recognised by its id and stored once.
export async function pollDirectMessages(session: XSession, cursor: TimelineCursor | null, now: Date): Promise<PollResult> {
  const read = await readNewer(async (token) => {
    const { body, headers } = await session.get<XList<XDmEvent>>('/2/dm_events', { ...DM_PARAMS, max_results: PAGE_SIZE, pagination_token: token });
    const items = (body?.data ?? []).filter((event) => event.event_type === 'MessageCreate');
    return { items, includes: body?.includes ?? {}, nextToken: body?.meta?.next_token, budgetSpent: isBudgetExhausted(headers) };
  }, cursor);
  return toResult(session, read, (event, includes) => normaliseDm(event, includes, session.userId, now));
}
