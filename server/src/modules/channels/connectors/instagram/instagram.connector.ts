import type { Connector } from '../../connector.types';
import { callGraph, resolveGraphTarget } from '../meta/graph.client';
import { getIgUserId } from './instagram.mapping';
import { type MediaCursor, pollMedia } from './instagram-inbound.client';
import { findOnInstagram, sendToInstagram } from './instagram-outbound.client';
import { instagramWebhook } from './instagram-webhook.mapping';

// An Instagram professional account over the Graph API (Instagram API with Facebook Login, page
// token). Inbound: comments on recent media by polling; comments, @mentions and Direct messages by
// webhook. Outbound: comment replies, comments on own media, Direct messages and private replies
// to comments, deletes of comments; image posts only from a public image URL (see outbound.ts).
export const instagramConnector: Connector = {
  channel: 'instagram',
  pollIntervalSeconds: 120,
  streams: () => ['media'],
  poll: (account, _stream, cursor, deps) => pollMedia(account, (cursor ?? null) as MediaCursor | null, deps),
  send: sendToInstagram,
  findSent: findOnInstagram,
  async verify(account, deps) {
    const user = await callGraph<{ id: string; username?: string }>(deps, resolveGraphTarget(account), 'GET', getIgUserId(account), {
      params: { fields: 'id,username' },
    });
    return { displayName: user.username };
  },
  webhook: instagramWebhook,
};
