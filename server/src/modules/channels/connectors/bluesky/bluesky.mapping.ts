import type { NormalisedMedia, NormalisedMessage } from '../../connector.types';
import { postUrl } from './xrpc.client';

type Json = Record<string, any>;

// What both listNotifications and searchPosts give for a post: the record plus who wrote it.
export interface PostItem {
  uri: string;
  cid: string;
  author: { did: string; handle: string; displayName?: string };
  record: Json;
  // Only searchPosts has the hydrated embed with image URLs.
  embed?: Json;
  reason?: string;
  indexedAt: string;
}

const HANDLE_IN_TEXT = /(?:^|[\s(])@((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?)/gi;

function features(record: Json, type: string): Json[] {
  const facets = Array.isArray(record.facets) ? (record.facets as Json[]) : [];
  return facets.flatMap((facet) => (Array.isArray(facet.features) ? (facet.features as Json[]) : [])).filter((feature) => feature.$type === type);
}

function unique(values: unknown[]): string[] {
  return [...new Set(values.filter((value): value is string => typeof value === 'string' && value.length > 0))];
}

// Images (and a video) from the hydrated view when there is one, otherwise from the record: blob
// references have no URL of their own, but their alt text still matters.
function mediaOf(record: Json, view: Json | undefined): NormalisedMedia[] {
  const viewMedia = view?.$type === 'app.bsky.embed.recordWithMedia#view' ? view.media : view;
  if (viewMedia?.$type === 'app.bsky.embed.images#view') {
    return (viewMedia.images as Json[]).map((image) => ({ url: image.fullsize ?? image.thumb ?? null, type: 'image', altText: image.alt || null }));
  }
  if (viewMedia?.$type === 'app.bsky.embed.video#view') return [{ url: viewMedia.playlist ?? null, type: 'video', altText: viewMedia.alt || null }];
  const embed = record.embed?.$type === 'app.bsky.embed.recordWithMedia' ? record.embed.media : record.embed;
  if (embed?.$type === 'app.bsky.embed.images') {
    return (embed.images as Json[]).map((image) => ({ url: null, type: 'image', altText: image.alt || null }));
  }
  if (embed?.$type === 'app.bsky.embed.video') return [{ url: null, type: 'video', altText: embed.alt || null }];
  return [];
}

function linksOf(record: Json): string[] {
  const external = record.embed?.external?.uri ?? record.embed?.media?.external?.uri;
  return unique([...features(record, 'app.bsky.richtext.facet#link').map((feature) => feature.uri), external]);
}

export function normalisePost(item: PostItem, ownDid: string | null): NormalisedMessage {
  const record = item.record ?? {};
  const text = typeof record.text === 'string' ? record.text : '';
  const created = new Date(record.createdAt);
  const handlesInText = [...text.matchAll(HANDLE_IN_TEXT)].map((match) => match[1]!.toLowerCase());
  return {
    platformId: item.uri,
    direction: ownDid && item.author.did === ownDid ? 'uit' : 'in',
    author: { id: item.author.did, handle: item.author.handle, displayName: item.author.displayName || null, followers: null },
    text,
    media: mediaOf(record, item.embed),
    links: linksOf(record),
    mentions: unique([...features(record, 'app.bsky.richtext.facet#mention').map((feature) => feature.did), ...handlesInText]),
    hashtags: unique([...features(record, 'app.bsky.richtext.facet#tag').map((feature) => feature.tag), ...(Array.isArray(record.tags) ? record.tags : [])]),
    replyToPlatformId: record.reply?.parent?.uri ?? null,
    threadRootPlatformId: record.reply?.root?.uri ?? item.uri,
    geo: null,
    language: Array.isArray(record.langs) && typeof record.langs[0] === 'string' ? record.langs[0] : null,
    publicUrl: postUrl(item.author.handle === 'handle.invalid' ? item.author.did : item.author.handle, item.uri),
    visibility: 'openbaar',
    postedAt: Number.isNaN(created.getTime()) ? new Date(item.indexedAt) : created,
    // uri, cid and the reply refs are what a reply from Plein needs later.
    raw: { uri: item.uri, cid: item.cid, record, reason: item.reason ?? null, author: item.author },
  };
}
