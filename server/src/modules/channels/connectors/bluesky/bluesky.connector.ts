import type { Connector } from '../../connector.types';
import { type FeedCursor, pollNotifications, pollSearch } from './bluesky-inbound.client';
import { findPublished, publish } from './bluesky-outbound.client';
import { BlueskySession } from './bluesky-session.client';

// Bluesky over plain XRPC against the account's PDS (raw HTTP through platformFetch, so rate limits,
// timeouts and platform errors are handled like every other channel). Inbound: notifications
// (mentions, replies, quotes) and, when a search query is set, search. Outbound: posts and replies
// whose record key is derived from the outbox item, so a retry can never post twice.
export const blueskyConnector: Connector = {
  channel: 'bluesky',
  pollIntervalSeconds: 60,
  streams: (account) => (account.settings.searchQuery ? ['notifications', 'search'] : ['notifications']),
  async poll(account, stream, cursor, deps) {
    const session = new BlueskySession(account, deps);
    const previous = (cursor ?? null) as FeedCursor | null;
    return stream === 'search' ? pollSearch(session, account, deps, previous) : pollNotifications(session, previous);
  },
  async send(account, request, deps) {
    return publish(new BlueskySession(account, deps), account.handle, request);
  },
  async findSent(account, request, deps) {
    return findPublished(new BlueskySession(account, deps), account.handle, request);
  },
  async verify(account, deps) {
    await new BlueskySession(account, deps).login();
    return {};
  },
};
