import type { NormalisedMedia, NormalisedMessage } from '../../connector.types';

type Json = Record<string, any>;

// The objects X API v2 answers with, as far as Plein reads them (fields as requested in inbound.ts).
export interface XTweet {
  id: string;
  text: string;
  author_id?: string;
  created_at?: string;
  conversation_id?: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: { type: 'replied_to' | 'quoted' | 'retweeted'; id: string }[];
  entities?: { urls?: Json[]; mentions?: Json[]; hashtags?: Json[] };
  geo?: { place_id?: string; coordinates?: { type: string; coordinates: [number, number] } };
  lang?: string;
  attachments?: { media_keys?: string[] };
}

export interface XUser {
  id: string;
  username: string;
  name?: string;
  public_metrics?: { followers_count?: number };
}

export interface XMedia {
  media_key: string;
  type: string;
  url?: string;
  preview_image_url?: string;
  alt_text?: string;
}

export interface XDmEvent {
  id: string;
  event_type: string;
  text?: string;
  sender_id?: string;
  created_at?: string;
  dm_conversation_id?: string;
  attachments?: { media_keys?: string[] };
  entities?: XTweet['entities'];
}

export interface XIncludes {
  users?: XUser[];
  media?: XMedia[];
}

// X escapes these three in text fields, as the classic API did.
export function unescapeText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function buildTweetUrl(username: string, id: string): string {
  return `https://x.com/${username}/status/${id}`;
}

function unique(values: unknown[]): string[] {
  return [...new Set(values.filter((value): value is string => typeof value === 'string' && value.length > 0))];
}

// X replaces every link with a t.co address; the resident meant the expanded one.
function expandLinks(text: string, urls: Json[] | undefined): string {
  return (urls ?? []).reduce((result, entity) => (entity.url && entity.expanded_url ? result.split(entity.url).join(entity.expanded_url) : result), text);
}

function mediaOf(keys: string[] | undefined, includes: XIncludes): NormalisedMedia[] {
  return (keys ?? []).map((key) => {
    const media = includes.media?.find((candidate) => candidate.media_key === key);
    const type = media?.type === 'video' || media?.type === 'animated_gif' ? 'video' : 'image';
    return { url: media?.url ?? media?.preview_image_url ?? null, type, altText: media?.alt_text || null };
  });
}

function authorOf(id: string | undefined, includes: XIncludes) {
  const user = includes.users?.find((candidate) => candidate.id === id);
  return {
    id: id ?? 'onbekend',
    handle: user?.username ?? id ?? 'onbekend',
    displayName: user?.name || null,
    followers: typeof user?.public_metrics?.followers_count === 'number' ? user.public_metrics.followers_count : null,
  };
}

function postedAt(created: string | undefined, fallback: Date): Date {
  const parsed = created ? new Date(created) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : fallback;
}

export function normaliseTweet(tweet: XTweet, includes: XIncludes, ownUserId: string, now: Date): NormalisedMessage {
  const author = authorOf(tweet.author_id, includes);
  const entities = tweet.entities ?? {};
  const point = tweet.geo?.coordinates?.type === 'Point' ? tweet.geo.coordinates.coordinates : null;
  return {
    platformId: tweet.id,
    direction: tweet.author_id === ownUserId ? 'uit' : 'in',
    author,
    text: expandLinks(unescapeText(tweet.text ?? ''), entities.urls),
    media: mediaOf(tweet.attachments?.media_keys, includes),
    links: unique((entities.urls ?? []).map((entity) => entity.expanded_url ?? entity.url)),
    mentions: unique((entities.mentions ?? []).map((entity) => entity.username)),
    hashtags: unique((entities.hashtags ?? []).map((entity) => entity.tag)),
    replyToPlatformId: tweet.referenced_tweets?.find((reference) => reference.type === 'replied_to')?.id ?? null,
    threadRootPlatformId: tweet.conversation_id ?? tweet.id,
    // GeoJSON order: longitude first.
    geo: point ? { lat: point[1], lon: point[0] } : null,
    language: tweet.lang && tweet.lang !== 'und' ? tweet.lang : null,
    publicUrl: author.handle !== author.id ? buildTweetUrl(author.handle, tweet.id) : null,
    visibility: 'openbaar',
    postedAt: postedAt(tweet.created_at, now),
    raw: { kind: 'tweet', tweet, author: includes.users?.find((user) => user.id === tweet.author_id) ?? null },
  };
}

export function normaliseDm(event: XDmEvent, includes: XIncludes, ownUserId: string, now: Date): NormalisedMessage {
  const entities = event.entities ?? {};
  return {
    platformId: event.id,
    direction: event.sender_id === ownUserId ? 'uit' : 'in',
    author: authorOf(event.sender_id, includes),
    text: expandLinks(unescapeText(event.text ?? ''), entities.urls),
    media: mediaOf(event.attachments?.media_keys, includes),
    links: unique((entities.urls ?? []).map((entity) => entity.expanded_url ?? entity.url)),
    mentions: unique((entities.mentions ?? []).map((entity) => entity.username)),
    hashtags: unique((entities.hashtags ?? []).map((entity) => entity.tag)),
    replyToPlatformId: null,
    // A one-to-one conversation is "<user id>-<user id>": the thread, and whom a reply goes to.
    threadRootPlatformId: event.dm_conversation_id ?? null,
    geo: null,
    language: null,
    publicUrl: null,
    visibility: 'prive',
    postedAt: postedAt(event.created_at, now),
    raw: { kind: 'dm', event },
  };
}
