import type { Connector } from '../../connector.types';
import { type LinkedInCursor, pollComments } from './linkedin-inbound.client';
import { findPublished, publish } from './linkedin-outbound.client';
import { encodeUrn } from './linkedin-rest.client';
import { LinkedInSession } from './linkedin-session.client';

// LinkedIn Community Management API (versioned /rest endpoints, Rest.li 2.0) for an organisation page:
// inbound the page's recent posts and the comments on them, outbound posts, comments, replies and
// deletes. Pages have no private messages through this API. Polled: LinkedIn's webhooks need a
// separately approved app.
export const linkedinConnector: Connector = {
  channel: 'linkedin',
  // Every poll reads the comments of every recent post against a daily quota: every 5 minutes, not every minute.
  pollIntervalSeconds: 300,
  streams: () => ['comments'],
  async poll(account, _stream, cursor, deps) {
    return pollComments(new LinkedInSession(account, deps), account, deps, (cursor ?? null) as LinkedInCursor | null);
  },
  async send(account, request, deps) {
    return publish(new LinkedInSession(account, deps), request);
  },
  async findSent(account, request, deps) {
    return findPublished(new LinkedInSession(account, deps), request);
  },
  async verify(account, deps) {
    // Reading one of the page's posts checks the token, the version header and the page role at once.
    const session = new LinkedInSession(account, deps);
    await session.call({ path: '/posts', query: { author: encodeUrn(session.organizationUrn), q: 'author', count: 1 } });
    return {};
  },
};
