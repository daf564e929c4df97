import type { Connector } from '../../connector.types';
import { MastodonApi } from './mastodon-api.client';
import { type IdCursor, pollHashtag, pollNotifications } from './mastodon-inbound.client';
import { findPublished, publish } from './mastodon-outbound.client';
import { streamNotifications } from './mastodon-streaming.client';

// Mastodon over its REST API with the account's access token (read + write scopes), through
// platformFetch so 429 (X-RateLimit-Reset), 401 and 5xx are handled like every other channel.
// Inbound: mention notifications and, when the setting "hashtag" is filled in, that hashtag's public
// timeline; both read forward from the newest id seen with min_id. Live: the notification stream.
// Outbound: posts, replies, direct messages and images with alt text, each with the outbox item's
// Idempotency-Key; findSent looks in the account's own statuses for an earlier attempt.
export const mastodonConnector: Connector = {
  channel: 'mastodon',
  pollIntervalSeconds: 60,
  streams: (account) => (typeof account.settings.hashtag === 'string' && account.settings.hashtag.trim() ? ['notifications', 'hashtag'] : ['notifications']),
  async poll(account, stream, cursor, deps) {
    const api = new MastodonApi(account, deps);
    const previous = (cursor ?? null) as IdCursor | null;
    return stream === 'hashtag' ? pollHashtag(api, String(account.settings.hashtag), previous) : pollNotifications(api, previous);
  },
  async send(account, request, deps) {
    return publish(new MastodonApi(account, deps), request);
  },
  async findSent(account, request, deps) {
    return findPublished(new MastodonApi(account, deps), request);
  },
  async verify(account, deps) {
    const me = await new MastodonApi(account, deps).verifyCredentials();
    return { displayName: me.display_name || me.acct };
  },
  stream: streamNotifications,
};
