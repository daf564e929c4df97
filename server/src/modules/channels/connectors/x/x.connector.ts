import { ChannelError, type Connector } from '../../connector.types';
import { pollDirectMessages, pollMentions, pollSearch, type TimelineCursor } from './x-inbound.client';
import { findPublished, publish } from './x-outbound.client';
import { XSession } from './x-session.client';

// X API v2 with an OAuth 2.0 user-context token (raw HTTP through platformFetch, so 429s with
// x-rate-limit-reset, timeouts and 5xx are handled like every other channel). Inbound: mentions,
// direct messages and, when a search query is set, recent search, each with a newest-id cursor.
// Outbound: posts, replies, direct messages and deletes; X has no idempotency key, so findSent looks
// for the post among the account's own recent posts.
export const xConnector: Connector = {
  channel: 'x',
  pollIntervalSeconds: 60,
  streams: (account) => (account.settings.searchQuery ? ['mentions', 'search', 'dm'] : ['mentions', 'dm']),
  async poll(account, stream, cursor, deps) {
    const session = new XSession(account, deps);
    const previous = (cursor ?? null) as TimelineCursor | null;
    const now = deps.clock.now();
    return session.run(() => {
      if (stream === 'search') return pollSearch(session, account, previous, now);
      if (stream === 'dm') return pollDirectMessages(session, previous, now);
      return pollMentions(session, previous, now);
    });
  },
  async send(account, request, deps) {
    const session = new XSession(account, deps);
    return session.run(() => publish(session, account.handle, request));
  },
  async findSent(account, request, deps) {
    const session = new XSession(account, deps);
    return session.run(() => findPublished(session, account.handle, request));
  },
  async verify(account, deps) {
    const session = new XSession(account, deps);
    const { body } = await session.run(() => session.get<{ data?: { id?: string; name?: string } }>('/2/users/me'));
    if (body?.data?.id && body.data.id !== session.userId) {
      throw new ChannelError('permanent', `Dit token hoort bij een ander X-account (id ${body.data.id}) dan het ingevulde gebruikers-id.`);
    }
    return { displayName: body?.data?.name };
  },
};
