import type { Connector } from '../../connector.types';
import { callGraph, resolveGraphTarget } from '../meta/graph.client';
import { type FeedCursor, getPageId, pollFeed } from './facebook-inbound.client';
import { findOnFacebook, sendToFacebook } from './facebook-outbound.client';
import { facebookWebhook } from './facebook-webhook.mapping';

// A Facebook Page over the Graph API with a page token. Inbound: the page feed and comments on
// recent posts by polling, and the same plus Messenger by webhook (both stored once). Outbound:
// posts, comment replies, Messenger and private replies to comments, deletes.
export const facebookConnector: Connector = {
  channel: 'facebook',
  pollIntervalSeconds: 120,
  streams: () => ['feed'],
  poll: (account, _stream, cursor, deps) => pollFeed(account, (cursor ?? null) as FeedCursor | null, deps),
  send: sendToFacebook,
  findSent: findOnFacebook,
  async verify(account, deps) {
    const page = await callGraph<{ id: string; name?: string }>(deps, resolveGraphTarget(account), 'GET', getPageId(account), {
      params: { fields: 'id,name' },
    });
    return { displayName: page.name };
  },
  webhook: facebookWebhook,
};
