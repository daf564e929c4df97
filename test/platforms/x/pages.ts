import {
  compareByNewest,
  DM_DEFAULT_FIELDS,
  decodeToken,
  encodeToken,
  type Json,
  MEDIA_DEFAULT_FIELDS,
  parseFields,
  parseRange,
  pick,
  TWEET_DEFAULT_FIELDS,
  USER_DEFAULT_FIELDS,
} from './responses';
import type { XDmRecord, XState, XTweetRecord, XUser } from './state';

// How X v2 shows posts, users, media and DM events: only the fields asked for, expansions in `includes`,
// newest first with meta.next_token.

function tweetView(tweet: XTweetRecord, query: Record<string, string>): Json {
  const requested = parseFields(query, 'tweet.fields');
  // An expansion brings the id field it expands along.
  const expansions = parseFields(query, 'expansions');
  if (expansions.includes('author_id')) requested.push('author_id');
  if (expansions.includes('attachments.media_keys')) requested.push('attachments');
  if (expansions.includes('referenced_tweets.id')) requested.push('referenced_tweets');
  return pick(tweet, TWEET_DEFAULT_FIELDS, requested);
}

export function renderUserView(user: XUser, query: Record<string, string>): Json {
  return pick(
    { ...user, public_metrics: { followers_count: user.followers, following_count: 0, tweet_count: 0, listed_count: 0 } },
    USER_DEFAULT_FIELDS,
    parseFields(query, 'user.fields'),
  );
}

function mediaView(x: XState, keys: string[], query: Record<string, string>): Json[] {
  return keys.flatMap((key) => {
    const media = x.media.get(key);
    return media ? [pick(media, MEDIA_DEFAULT_FIELDS, parseFields(query, 'media.fields'))] : [];
  });
}

// Newest first; since_id/until_id/start_time/end_time narrow; the token says "older than this id".
export function renderTweetPage(
  x: XState,
  all: XTweetRecord[],
  query: Record<string, string>,
  size: number,
  tokenParam: 'pagination_token' | 'next_token',
): Json {
  const before = query[tokenParam] ? decodeToken(query[tokenParam]) : null;
  const matching = all
    .filter((tweet) => !query.since_id || BigInt(tweet.id) > BigInt(query.since_id))
    .filter((tweet) => !query.until_id || BigInt(tweet.id) < BigInt(query.until_id))
    .filter((tweet) => !query.start_time || Date.parse(tweet.created_at) >= Date.parse(query.start_time))
    .filter((tweet) => !query.end_time || Date.parse(tweet.created_at) <= Date.parse(query.end_time))
    .filter((tweet) => !before || BigInt(tweet.id) < BigInt(before))
    .sort(compareByNewest);
  const page = matching.slice(0, size);
  if (page.length === 0) return { meta: { result_count: 0 } };
  const expansions = parseFields(query, 'expansions');
  const includes: Json = {};
  if (expansions.includes('author_id')) {
    includes.users = [...new Set(page.map((tweet) => tweet.author_id))].flatMap((id) => (x.users.get(id) ? [renderUserView(x.users.get(id)!, query)] : []));
  }
  if (expansions.includes('attachments.media_keys')) {
    const media = mediaView(
      x,
      page.flatMap((tweet) => tweet.attachments?.media_keys ?? []),
      query,
    );
    if (media.length) includes.media = media;
  }
  if (expansions.includes('referenced_tweets.id')) {
    const referenced = page.flatMap((tweet) => tweet.referenced_tweets ?? []).flatMap(({ id }) => x.tweets.filter((tweet) => tweet.id === id));
    if (referenced.length) includes.tweets = referenced.map((tweet) => tweetView(tweet, query));
  }
  const last = page[page.length - 1]!;
  return {
    data: page.map((tweet) => tweetView(tweet, query)),
    ...(Object.keys(includes).length > 0 && { includes }),
    meta: {
      newest_id: page[0]!.id,
      oldest_id: last.id,
      result_count: page.length,
      ...(matching.length > size && { next_token: encodeToken(last.id) }),
    },
  };
}

export function renderDmPage(x: XState, all: XDmRecord[], query: Record<string, string>): Json {
  const size = parseRange(query, 1, 100, 100);
  const types = parseFields(query, 'event_types');
  const before = query.pagination_token ? decodeToken(query.pagination_token) : null;
  const matching = all
    .filter((event) => types.length === 0 || types.includes(event.event_type))
    .filter((event) => !before || BigInt(event.id) < BigInt(before))
    .sort(compareByNewest);
  const page = matching.slice(0, size);
  if (page.length === 0) return { meta: { result_count: 0 } };
  const expansions = parseFields(query, 'expansions');
  const includes: Json = {};
  if (expansions.includes('sender_id')) {
    includes.users = [...new Set(page.map((event) => event.sender_id))].flatMap((id) => (x.users.get(id) ? [renderUserView(x.users.get(id)!, query)] : []));
  }
  if (expansions.includes('attachments.media_keys')) {
    const media = mediaView(
      x,
      page.flatMap((event) => event.attachments?.media_keys ?? []),
      query,
    );
    if (media.length) includes.media = media;
  }
  return {
    data: page.map((event) => pick(event, DM_DEFAULT_FIELDS, parseFields(query, 'dm_event.fields'))),
    ...(Object.keys(includes).length > 0 && { includes }),
    meta: { result_count: page.length, ...(matching.length > size && { next_token: encodeToken(page[page.length - 1]!.id) }) },
  };
}
