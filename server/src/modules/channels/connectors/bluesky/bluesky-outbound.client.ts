import { RichText } from '@atproto/api';
import { ChannelError, type OutboundRequest, type SentResult } from '../../connector.types';
import type { BlueskySession } from './bluesky-session.client';
import { deriveDeterministicTid } from './tid.rules';
import { hasCode, parseAtUri, postUrl } from './xrpc.client';

const POST = 'app.bsky.feed.post';

type Json = Record<string, any>;
interface StrongRef {
  uri: string;
  cid: string;
}

// The record key of an outbox item's post: the same on every attempt, so Bluesky itself refuses a double.
export function deriveRkey(request: OutboundRequest): string {
  return deriveDeterministicTid(request.createdAt, request.outboxId);
}

// Links, hashtags and mentions as facets. A mention needs the DID behind the handle; a handle that
// does not resolve stays plain text instead of making the whole post invalid.
async function facetsFor(session: BlueskySession, text: string): Promise<Json[] | undefined> {
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  const facets: Json[] = [];
  for (const facet of (rich.facets ?? []) as Json[]) {
    const features: Json[] = [];
    for (const feature of facet.features as Json[]) {
      if (feature.$type !== 'app.bsky.richtext.facet#mention') {
        features.push(feature);
        continue;
      }
      try {
        const { did } = await session.query<{ did: string }>('com.atproto.identity.resolveHandle', { handle: feature.did });
        features.push({ ...feature, did });
      } catch (error) {
        if (!(error instanceof ChannelError) || error.kind !== 'permanent') throw error;
      }
    }
    if (features.length > 0) facets.push({ ...facet, features });
  }
  return facets.length > 0 ? facets : undefined;
}

function strongRef(value: Json | undefined): StrongRef | null {
  return typeof value?.uri === 'string' && typeof value?.cid === 'string' ? { uri: value.uri, cid: value.cid } : null;
}

// A reply names the post it answers (parent) and the first post of the thread (root), each by uri and
// cid. Both come from the stored raw payload; a message stored without them (Plein's own post) is looked up.
async function replyRefs(session: BlueskySession, replyTo: NonNullable<OutboundRequest['replyTo']>) {
  let original = replyTo.raw as Json | null;
  if (!strongRef(original ?? undefined) || !original?.record) {
    const found = await session.query<{ posts: Json[] }>('app.bsky.feed.getPosts', { uris: replyTo.platformId });
    original = found.posts[0] ?? null;
  }
  const parent = strongRef(original ?? undefined);
  if (!original || !parent) throw new ChannelError('permanent', 'Het bericht waarop u antwoordt bestaat niet meer op Bluesky.');
  return { root: strongRef(original.record?.reply?.root) ?? parent, parent };
}

async function imagesEmbed(session: BlueskySession, media: OutboundRequest['media']) {
  if (media.length === 0) return undefined;
  const images = [];
  for (const file of media) {
    // Blobs are addressed by content: uploading the same bytes again on a retry gives the same reference.
    const { blob } = await session.procedure<{ blob: Json }>('com.atproto.repo.uploadBlob', undefined, { data: file.bytes, contentType: file.contentType });
    images.push({ alt: file.altText, image: blob });
  }
  return { $type: 'app.bsky.embed.images', images };
}

// Everything in the record follows from the outbox item, so a second attempt writes the same bytes.
async function postRecord(session: BlueskySession, request: OutboundRequest): Promise<Json> {
  const record: Json = { $type: POST, text: request.text, langs: ['nl'], createdAt: request.createdAt.toISOString() };
  const facets = await facetsFor(session, request.text);
  if (facets) record.facets = facets;
  if (request.kind === 'reply') {
    if (!request.replyTo) throw new ChannelError('permanent', 'Een antwoord zonder oorspronkelijk bericht kan niet naar Bluesky.');
    record.reply = await replyRefs(session, request.replyTo);
  }
  const embed = await imagesEmbed(session, request.media);
  if (embed) record.embed = embed;
  return record;
}

async function existingPost(session: BlueskySession, repo: string, rkey: string): Promise<{ uri: string; cid: string; value: Json } | null> {
  try {
    return await session.query<{ uri: string; cid: string; value: Json }>('com.atproto.repo.getRecord', { repo, collection: POST, rkey });
  } catch (error) {
    if (hasCode(error, 'RecordNotFound')) return null;
    throw error;
  }
}

export async function publish(session: BlueskySession, handle: string, request: OutboundRequest): Promise<SentResult> {
  if (request.kind === 'delete') return remove(session, request);
  if (request.kind === 'direct') throw new ChannelError('permanent', 'Bluesky kent geen privéberichten via Plein.');
  const repo = await session.did();
  const rkey = deriveRkey(request);
  const record = await postRecord(session, request);
  let written: { uri: string; cid: string; value: Json };
  try {
    // swapRecord null: create only if the key is still free. Repeating the same bytes is a no-op.
    const { uri, cid } = await session.procedure<{ uri: string; cid: string }>('com.atproto.repo.putRecord', {
      repo,
      collection: POST,
      rkey,
      record,
      swapRecord: null,
    });
    written = { uri, cid, value: record };
  } catch (error) {
    // The key is taken, so an earlier attempt of this same item got through: that post is the answer.
    const existing = hasCode(error, 'InvalidSwap') ? await existingPost(session, repo, rkey) : null;
    if (!existing) throw error;
    written = existing;
  }
  return sentResult(session, handle, written);
}

// The strong reference and the record go with the result, so the next part of a thread can answer this post
// at once (the AppView may not have indexed it yet).
function sentResult(session: BlueskySession, handle: string, post: { uri: string; cid: string; value: Json }): SentResult {
  return {
    platformId: post.uri,
    publicUrl: postUrl(handle, post.uri),
    secrets: session.freshSecrets(),
    raw: { uri: post.uri, cid: post.cid, record: post.value },
  };
}

export async function findPublished(session: BlueskySession, handle: string, request: OutboundRequest): Promise<SentResult | null> {
  if (request.kind === 'delete' || request.kind === 'direct') return null;
  const existing = await existingPost(session, await session.did(), deriveRkey(request));
  return existing ? sentResult(session, handle, existing) : null;
}

async function remove(session: BlueskySession, request: OutboundRequest): Promise<SentResult> {
  const target = request.targetPlatformId ? parseAtUri(request.targetPlatformId) : null;
  if (!target) throw new ChannelError('permanent', 'Dit Bluesky-bericht heeft geen geldig adres (at://) om te verwijderen.');
  // Deleting a record that is already gone succeeds, so a retry is harmless.
  await session.procedure('com.atproto.repo.deleteRecord', { repo: await session.did(), collection: target.collection, rkey: target.rkey });
  return { platformId: request.targetPlatformId!, publicUrl: null, secrets: session.freshSecrets() };
}
