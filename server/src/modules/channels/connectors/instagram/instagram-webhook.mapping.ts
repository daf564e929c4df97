import type { ConnectorAccount, NormalisedMessage } from '../../connector.types';
import { parseGraphTime } from '../meta/graph.client';
import { mapMessagingEvents, mapMetaMessage } from '../meta/meta-message.mapping';
import { createMetaWebhook } from '../meta/meta-webhook.rules';
import { getIgUserId, normaliseComment } from './instagram.mapping';

type Json = Record<string, any>;

// An @mention notification carries ids only ({comment_id, media_id} or {media_id} for a caption):
// Meta sends no text. It is stored so nobody misses it; the text is read in Instagram via the media.
function mention(value: Json, now: Date): NormalisedMessage | null {
  const id = value?.comment_id ?? value?.media_id;
  if (typeof id !== 'string') return null;
  return mapMetaMessage({
    platformId: id,
    author: { id: 'onbekend', handle: 'onbekend', displayName: null, followers: null },
    text: value.comment_id ? 'Het account is genoemd in een reactie op Instagram.' : 'Het account is genoemd in een bericht op Instagram.',
    threadRootPlatformId: typeof value.media_id === 'string' ? value.media_id : null,
    postedAt: now,
    raw: { kind: 'mention', commentId: value.comment_id ?? null, mediaId: value.media_id ?? null },
  });
}

// An Instagram webhook (object "instagram"): entry[].changes[] with field "comments" or "mentions",
// entry[].messaging[] for Instagram Direct.
export function parseInstagramWebhook(account: ConnectorAccount, body: unknown): NormalisedMessage[] {
  const payload = body as Json;
  if (payload?.object !== 'instagram' || !Array.isArray(payload.entry)) return [];
  const igUserId = getIgUserId(account);
  const messages: NormalisedMessage[] = [];
  for (const entry of payload.entry as Json[]) {
    const at = parseGraphTime(entry.time, new Date());
    for (const change of Array.isArray(entry.changes) ? (entry.changes as Json[]) : []) {
      const value = change.value ?? {};
      if (change.field === 'comments' && typeof value.id === 'string') {
        const mediaId = String(value.media?.id ?? '');
        messages.push(normaliseComment({ id: value.id, text: value.text, timestamp: '', from: value.from, parent_id: value.parent_id }, mediaId, igUserId, at));
      }
      if (change.field === 'mentions') {
        const found = mention(value, at);
        if (found) messages.push(found);
      }
    }
  }
  return [...messages, ...mapMessagingEvents(payload.entry, igUserId, 'instagram-direct', new Date())];
}

export const instagramWebhook = createMetaWebhook(parseInstagramWebhook);
