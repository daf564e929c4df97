import type { ConnectorAccount, NormalisedMessage } from '../../connector.types';
import { parseGraphTime } from '../meta/graph.client';
import { mapMessagingEvents, mapMetaMessage } from '../meta/meta-message.mapping';
import { createMetaWebhook } from '../meta/meta-webhook.rules';
import { getPageId } from './facebook-inbound.client';

type Json = Record<string, any>;
// Feed items that are something a person wrote; likes and reactions are not messages.
const WRITTEN_ITEMS = new Set(['comment', 'post', 'status', 'photo', 'video', 'share']);

// A Page webhook (object "page"): entry[].changes[] with field "feed" for posts and comments
// (value.item, value.verb), entry[].messaging[] for Messenger.
function feedChange(value: Json, pageId: string, now: Date): NormalisedMessage | null {
  if (value?.verb !== 'add' || !WRITTEN_ITEMS.has(value.item)) return null;
  const from = value.from ?? {};
  const author = { id: String(from.id ?? 'onbekend'), handle: from.name ?? String(from.id ?? 'onbekend'), displayName: from.name ?? null, followers: null };
  const direction = from.id && String(from.id) === pageId ? ('uit' as const) : ('in' as const);
  const postedAt = parseGraphTime(value.created_time, now);
  const text = typeof value.message === 'string' ? value.message : '';
  if (value.item === 'comment') {
    if (typeof value.comment_id !== 'string') return null;
    return mapMetaMessage({
      platformId: value.comment_id,
      direction,
      author,
      text,
      replyToPlatformId: value.parent_id ?? value.post_id ?? null,
      threadRootPlatformId: value.post_id ?? null,
      postedAt,
      raw: { kind: 'comment', id: value.comment_id, postId: value.post_id ?? null, parentId: value.parent_id ?? null, from },
    });
  }
  if (typeof value.post_id !== 'string') return null;
  return mapMetaMessage({
    platformId: value.post_id,
    direction,
    author,
    text,
    threadRootPlatformId: value.post_id,
    links: typeof value.link === 'string' ? [value.link] : [],
    postedAt,
    raw: { kind: 'post', id: value.post_id, from },
  });
}

export function parsePageWebhook(account: ConnectorAccount, body: unknown): NormalisedMessage[] {
  const payload = body as Json;
  if (payload?.object !== 'page' || !Array.isArray(payload.entry)) return [];
  const pageId = getPageId(account);
  const now = new Date();
  const fromFeed = (payload.entry as Json[]).flatMap((entry) =>
    (Array.isArray(entry.changes) ? (entry.changes as Json[]) : [])
      .filter((change) => change.field === 'feed')
      .map((change) => feedChange(change.value, pageId, now)),
  );
  return [...fromFeed.filter((message): message is NormalisedMessage => message !== null), ...mapMessagingEvents(payload.entry, pageId, 'messenger', now)];
}

export const facebookWebhook = createMetaWebhook(parsePageWebhook);
