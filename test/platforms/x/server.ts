import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Json, Problem } from './responses';
import { dmRoutes } from './routes-dms';
import { mediaRoutes } from './routes-media';
import { authenticate, refresh } from './routes-oauth';
import { timelineRoutes } from './routes-timelines';
import { tweetRoutes } from './routes-tweets';
import { type XRoute, XState, type XUser } from './state';

// A local stand-in for X API v2 that answers the way docs.x.com describes: data/includes/meta bodies,
// only the fields asked for (tweet.fields, user.fields, media.fields, dm_event.fields, expansions),
// newest first with meta.next_token paging and since_id, problem+json errors, x-rate-limit-* headers
// on every answer and a 429 once an endpoint's 15-minute budget per user is spent, OAuth 2.0 access
// tokens that expire after two hours and refresh tokens that rotate on use. Time comes from `now`, so a
// test's ManualClock drives expiry and rate-limit windows.

export interface LoggedRequest {
  method: string;
  route: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  // Whose token made the call (also for expired tokens), or whose refresh token.
  userId?: string;
}

const WINDOW_SECONDS = 900;
// Per-user budgets per 15 minutes (the order of magnitude docs.x.com lists; tests lower them with setBudget).
const DEFAULT_LIMITS: Record<string, number> = {
  'GET /2/users/:id/mentions': 300,
  'GET /2/users/:id/tweets': 900,
  'GET /2/tweets/search/recent': 300,
  'POST /2/tweets': 100,
  'DELETE /2/tweets/:id': 50,
  'GET /2/dm_events': 300,
  'GET /2/dm_conversations/with/:id/dm_events': 300,
  'POST /2/dm_conversations/with/:id/messages': 200,
  'POST /2/media/upload': 500,
  'POST /2/media/metadata': 500,
  'GET /2/users/me': 75,
};
const ROUTES: [string, RegExp][] = Object.keys(DEFAULT_LIMITS).map((route) => {
  const [method, path] = route.split(' ') as [string, string];
  return [route, new RegExp(`^${method} ${path.replace(/:id/g, '([^/]+)')}$`)];
});
const ANSWERS: Record<string, XRoute> = { ...timelineRoutes, ...tweetRoutes, ...mediaRoutes, ...dmRoutes };

export class XServer extends XState {
  url = '';
  readonly requests: LoggedRequest[] = [];
  private readonly budgets = new Map<string, { remaining: number; reset: number }>();
  private readonly limits = new Map<string, number>(Object.entries(DEFAULT_LIMITS));
  private readonly failures: { route: string; status: number }[] = [];
  private readonly server = createServer((request, response) => void this.handle(request, response));

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  // ---- What tests arrange and inspect (users, posts, DMs and tokens: see XState) ----

  // The budget left for an endpoint ("GET /2/users/:id/mentions") in the current window.
  setBudget(route: string, userId: string, remaining: number): { reset: number } {
    const budget = this.budget(route, userId);
    budget.remaining = remaining;
    return { reset: budget.reset };
  }

  // The next calls to an endpoint fail with this status (503: X is over capacity).
  failNext(route: string, status: number, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ route, status });
  }

  callsTo(route: string, userId?: string): LoggedRequest[] {
    return this.requests.filter((request) => request.route === route && (!userId || request.userId === userId));
  }

  callsBy(userId: string): LoggedRequest[] {
    return this.requests.filter((request) => request.userId === userId);
  }

  // ---- Internals ----

  private budget(route: string, userId: string) {
    const key = `${route}|${userId}`;
    let budget = this.budgets.get(key);
    if (!budget || budget.reset <= this.seconds()) {
      budget = { remaining: this.limits.get(route) ?? 300, reset: this.seconds() + WINDOW_SECONDS };
      this.budgets.set(key, budget);
    }
    return budget;
  }

  private async handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://x.local');
    const query = Object.fromEntries(url.searchParams);
    const raw = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => resolve(Buffer.concat(chunks)));
    });
    const method = request.method ?? 'GET';
    const matched = ROUTES.map(([route, pattern]) => ({ route, match: pattern.exec(`${method} ${url.pathname}`) })).find((candidate) => candidate.match);
    const route = url.pathname === '/2/oauth2/token' ? 'POST /2/oauth2/token' : (matched?.route ?? `${method} ${url.pathname}`);
    let body: unknown = null;
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    try {
      const text = raw.toString();
      body =
        request.headers['content-type']?.includes('application/json') && text ? JSON.parse(text) : text ? Object.fromEntries(new URLSearchParams(text)) : null;
      const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      const owner = this.tokenOwners.get(bearer ?? (body as Json | null)?.refresh_token ?? '');
      this.requests.push({ method, route, path: url.pathname, query, body, ...(owner && { userId: owner }) });
      const forced = this.failures.findIndex((failure) => failure.route === route);
      if (forced >= 0) {
        const [failure] = this.failures.splice(forced, 1);
        return send(failure!.status, { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status: failure!.status });
      }
      if (route === 'POST /2/oauth2/token') return send(200, refresh(this, request, body as Record<string, string>));
      if (!matched) throw new Problem(404, { title: 'Not Found Error', detail: `No route for ${method} ${url.pathname}`, type: 'about:blank', status: 404 });
      const user = authenticate(this, request);
      const budget = this.budget(route, user.id);
      const rateHeaders = () => ({
        'x-rate-limit-limit': String(this.limits.get(route) ?? 300),
        'x-rate-limit-remaining': String(budget.remaining),
        'x-rate-limit-reset': String(budget.reset),
      });
      if (budget.remaining <= 0)
        return send(
          429,
          { errors: [{ code: 88, message: 'Rate limit exceeded' }], title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
          rateHeaders(),
        );
      budget.remaining--;
      const [status, payload] = this.answer(route, matched.match![1], user, query, body as Json);
      return send(status, payload, rateHeaders());
    } catch (error) {
      if (error instanceof Problem) return send(error.status, error.body);
      return send(500, { title: 'Internal Server Error', detail: String(error), type: 'about:blank', status: 500 });
    }
  }

  private answer(route: string, param: string | undefined, user: XUser, query: Record<string, string>, body: Json): [number, unknown] {
    const answer = ANSWERS[route];
    if (!answer) throw new Problem(404, { title: 'Not Found Error', type: 'about:blank', status: 404 });
    return answer(this, param, user, query, body);
  }
}

export async function startXServer(now?: () => Date): Promise<XServer> {
  return new XServer(now).start();
}
