import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Route } from './routes';
import { mediaRoutes } from './routes-media';
import { readingRoutes } from './routes-reading';
import { statusRoutes } from './routes-statuses';
import { streamingRoutes } from './routes-streaming';
import { createMastodonState, type FakeAccount, type MastodonServerOptions, type MastodonState, type PostOptions } from './state';
import { createStatus } from './statuses';

// A Mastodon server on loopback that answers the endpoints Plein uses the way docs.joinmastodon.org
// describes them: Status/Notification/MediaAttachment JSON, Link headers with max_id/min_id,
// Idempotency-Key (kept one hour), X-RateLimit-* on every response and 429 when the budget is spent,
// 401 {"error":"The access token was revoked"}, media processed in the background (202, then 206 until
// ready), and the streaming API as server-sent events with ":thump" heartbeats. Tests add residents,
// let them post, and make the server fail on demand.

// In the order they are tried.
const ROUTES: Route[] = [...readingRoutes, ...statusRoutes, ...mediaRoutes, ...streamingRoutes];

function rateHeaders(state: MastodonState, token: string): Record<string, string> {
  const { rateLimit } = state;
  const period = Math.floor(state.now().getTime() / rateLimit.periodMs);
  const key = `${token}:${period}`;
  const count = (state.used.get(key) ?? 0) + 1;
  state.used.set(key, count);
  return {
    'x-ratelimit-limit': String(rateLimit.limit),
    'x-ratelimit-remaining': String(Math.max(0, rateLimit.limit - count)),
    'x-ratelimit-reset': new Date((period + 1) * rateLimit.periodMs).toISOString(),
    exceeded: count > rateLimit.limit ? 'yes' : '',
  };
}

async function handle(state: MastodonState, request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? '/', state.base);
  const method = request.method ?? 'GET';
  state.requests.push({ method, path: url.pathname, query: url.searchParams, headers: request.headers });
  const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(body === undefined ? '' : JSON.stringify(body));
  };
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (!bearer) return send(401, { error: 'The access token is invalid' });
  if (state.revoked.has(bearer)) return send(401, { error: 'The access token was revoked' });
  const me = [...state.accounts.values()].find((account) => account.token === bearer);
  if (!me) return send(401, { error: 'The access token is invalid' });
  const { exceeded, ...limits } = rateHeaders(state, bearer);
  if (exceeded) return send(429, { error: 'Too many requests' }, limits);
  const failure = state.failures.findIndex((candidate) => candidate.match(method, url.pathname));
  if (failure !== -1) {
    const { status } = state.failures.splice(failure, 1)[0]!;
    return send(status, { error: 'Service Unavailable' }, limits);
  }
  const path = url.pathname;
  for (const route of ROUTES) {
    const match = route.method === method ? route.path.exec(path) : null;
    if (match) return route.answer({ state, request, response, url, path, me, limits, send }, match);
  }
  return send(404, { error: 'Not Found' }, limits);
}

export async function startMastodonServer(options: MastodonServerOptions = {}) {
  const state = createMastodonState(options);
  const { accounts, statuses, media, streams, failures, requests, rateLimit } = state;

  const server = createServer((request, response) => {
    handle(state, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    get url() {
      return state.base;
    },
    requests,
    statuses,
    media,
    // A local account (the municipality, a resident here) or a remote one ("anna@mastodon.example").
    addAccount(username: string, details: { domain?: string; displayName?: string; followers?: number } = {}): FakeAccount {
      const id = String(109_334_860_508_000_000n + BigInt(accounts.size));
      const acct = details.domain ? `${username}@${details.domain}` : username;
      const account: FakeAccount = {
        id,
        username,
        acct,
        display_name: details.displayName ?? '',
        followers_count: details.followers ?? 0,
        url: details.domain ? `https://${details.domain}/@${username}` : `${state.base}/@${username}`,
        token: randomBytes(16).toString('hex'),
        local: !details.domain,
      };
      accounts.set(id, account);
      return account;
    },
    // A status by someone else, as if it arrived on this server (from its web app or by federation).
    post(author: FakeAccount, text: string, postOptions: PostOptions = {}) {
      return createStatus(state, author, text, postOptions);
    },
    revoke(token: string) {
      state.revoked.add(token);
    },
    // The next request(s) matching answer with this status (503: Mastodon behind a busy proxy).
    failNext(status: number, match: (method: string, path: string) => boolean, times = 1) {
      for (let i = 0; i < times; i++) failures.push({ status, match });
    },
    setRateLimit(limit: number) {
      rateLimit.limit = limit;
    },
    statusesBy(account: FakeAccount) {
      return statuses.filter((status) => status.account.id === account.id);
    },
    // Ends every open streaming connection, as a restarting streaming server does.
    endStreams() {
      for (const set of streams.values()) for (const stream of set) stream.end();
    },
    close() {
      for (const set of streams.values()) for (const stream of set) stream.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type MastodonServer = Awaited<ReturnType<typeof startMastodonServer>>;
