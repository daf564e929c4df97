import type { IncomingMessage, ServerResponse } from 'node:http';

// What the fake Mastodon keeps: accounts, statuses, notifications, media, idempotency keys, revoked
// tokens, rate-limit counters, open streams, forced failures and the request log.

export type Json = Record<string, any>;
export interface FakeAccount {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  followers_count: number;
  url: string;
  token: string;
  local: boolean;
}
export interface Media {
  id: string;
  type: string;
  url: string | null;
  preview_url: string;
  description: string | null;
  ownerId: string;
  pollsLeft: number;
  contentType: string;
  size: number;
}
export interface RequestLog {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
}
export interface PostOptions {
  inReplyToId?: string;
  visibility?: 'public' | 'unlisted' | 'private' | 'direct';
  language?: string | null;
  media?: { description: string | null; type?: string }[];
  idempotencyKey?: string;
}

export interface MastodonServerOptions {
  // The server's clock; tests pass Plein's ManualClock so created_at and rate-limit windows follow it.
  now?: () => Date;
  heartbeatMs?: number;
  rateLimit?: { limit: number; periodMs: number };
  // How many GET /api/v1/media/:id polls answer 206 before an upload is processed; 0 = synchronous (200).
  mediaProcessingPolls?: number;
}

export function createMastodonState(options: MastodonServerOptions) {
  return {
    options,
    now: options.now ?? (() => new Date()),
    rateLimit: { limit: 300, periodMs: 5 * 60_000, ...options.rateLimit },
    // http://127.0.0.1:<port>, known once the server listens.
    base: '',
    nextStatusId: 113_500_000_000_000_000n,
    nextNotificationId: 34_975_000,
    nextOther: 22_348_000,
    accounts: new Map<string, FakeAccount>(),
    statuses: [] as Json[],
    notifications: [] as { id: string; ownerId: string; json: Json }[],
    media: new Map<string, Media>(),
    idempotency: new Map<string, { statusId: string; at: number }>(),
    revoked: new Set<string>(),
    used: new Map<string, number>(),
    streams: new Map<string, Set<ServerResponse>>(),
    failures: [] as { status: number; match: (method: string, path: string) => boolean }[],
    requests: [] as RequestLog[],
  };
}

export type MastodonState = ReturnType<typeof createMastodonState>;

export const renderAccountJson = (state: MastodonState, account: FakeAccount) => ({
  id: account.id,
  username: account.username,
  acct: account.acct,
  display_name: account.display_name,
  locked: false,
  bot: false,
  created_at: '2022-11-13T00:00:00.000Z',
  note: '',
  url: account.url,
  avatar: `${state.base}/avatars/original/missing.png`,
  followers_count: account.followers_count,
  following_count: 0,
  statuses_count: state.statuses.filter((status) => status.account.id === account.id).length,
  emojis: [],
  fields: [],
});
