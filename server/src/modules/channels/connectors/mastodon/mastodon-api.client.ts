import { ChannelError, type ConnectorAccount, type ConnectorDeps } from '../../connector.types';
import { fetchFromPlatform, type PlatformResponse, retryAfterMs } from '../../platform-http.client';

type Query = Record<string, string | number | string[] | undefined>;

export interface MastodonAccount {
  id: string;
  username: string;
  acct: string;
  display_name?: string;
  followers_count?: number;
  url?: string;
}

// A page of a Mastodon list endpoint and where its Link header points (rel="prev" = newer, rel="next" = older).
export interface Page<T> {
  items: T[];
  prev: URLSearchParams | null;
  next: URLSearchParams | null;
}

// Link: <https://host/api/v1/notifications?max_id=1>; rel="next", <https://host/api/v1/notifications?min_id=9>; rel="prev"
export function parseLinkHeader(header: string | null): Record<string, URLSearchParams> {
  const links: Record<string, URLSearchParams> = {};
  for (const match of (header ?? '').matchAll(/<([^>]+)>\s*;\s*rel="?([^",;]+)"?/g)) {
    try {
      links[match[2]!] = new URL(match[1]!).searchParams;
    } catch {
      // A malformed link is no link: the poll stops paging instead of failing.
    }
  }
  return links;
}

// Compares Mastodon ids: decimal strings (snowflakes) whose order is numeric, not alphabetical.
export function isNewerId(candidate: string, than: string | null): boolean {
  if (than === null) return true;
  if (candidate.length !== than.length) return candidate.length > than.length;
  return candidate > than;
}

// Mastodon puts X-RateLimit-Reset (the end of the five-minute window) on every answer, a 503 too;
// there it says nothing about when the server is back, so a 5xx waits only for an explicit Retry-After
// and otherwise for the job's own backoff.
function serverErrorWithoutWindow(error: unknown, headers: Headers | null, deps: ConnectorDeps): unknown {
  if (!(error instanceof ChannelError) || error.kind !== 'transient' || !headers || !error.status || error.status < 500) return error;
  const retryAfter = headers.get('retry-after');
  const wait = retryAfter ? retryAfterMs(new Headers({ 'retry-after': retryAfter }), deps.clock.now()) : null;
  return new ChannelError('transient', error.message, wait, { status: error.status, platformCode: error.platformCode });
}

// One connector call's view of an account on a Mastodon server: the REST API with the account's
// access token, platform errors in Dutch, and the account's own id (verify_credentials) asked at
// most once and then kept in the account's secrets.
export class MastodonApi {
  readonly base: string;
  private readonly token: string;
  private accountId: string | null;
  private learnedAccountId = false;

  constructor(
    private readonly account: ConnectorAccount,
    private readonly deps: ConnectorDeps,
  ) {
    if (!account.serviceUrl) throw new ChannelError('permanent', 'Het adres van de Mastodon-server van dit account ontbreekt.');
    if (!account.secrets.accessToken) throw new ChannelError('auth', `Voor ${account.handle} is geen Mastodon-toegangstoken ingevuld.`);
    this.base = account.serviceUrl.replace(/\/+$/, '');
    this.token = account.secrets.accessToken;
    this.accountId = account.secrets.accountId ?? null;
  }

  get authorization(): string {
    return `Bearer ${this.token}`;
  }

  url(path: string, query: Query | URLSearchParams = {}): string {
    const url = new URL(`${this.base}${path}`);
    if (query instanceof URLSearchParams) {
      for (const [key, value] of query) url.searchParams.append(key, value);
      return url.toString();
    }
    for (const [key, value] of Object.entries(query)) {
      if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, item);
      else if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  async request<T>(
    method: string,
    path: string,
    options: { query?: Query | URLSearchParams; json?: unknown; form?: FormData; headers?: Record<string, string> } = {},
  ): Promise<PlatformResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', authorization: this.authorization, ...options.headers };
    let body: RequestInit['body'];
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      // fetch sets multipart/form-data with its boundary itself.
      body = options.form;
    }
    // platformFetch keeps the headers to itself; a 5xx needs them to tell Retry-After from the rate window.
    let received: Headers | null = null;
    const keepHeaders = (async (input, init) => {
      const response = await this.deps.fetch(input, init);
      received = response.headers;
      return response;
    }) as typeof fetch;
    const deps = { ...this.deps, fetch: keepHeaders };
    try {
      return await fetchFromPlatform<T>(deps, this.url(path, options.query), { method, headers, body, timeoutMs: options.form ? 60_000 : undefined });
    } catch (error) {
      throw this.explain(serverErrorWithoutWindow(error, received, this.deps));
    }
  }

  async get<T>(path: string, query?: Query | URLSearchParams): Promise<T> {
    return (await this.request<T>('GET', path, { query })).body;
  }

  async page<T>(path: string, query: Query | URLSearchParams): Promise<Page<T>> {
    const response = await this.request<T[]>('GET', path, { query });
    const links = parseLinkHeader(response.headers.get('link'));
    return { items: Array.isArray(response.body) ? response.body : [], prev: links.prev ?? null, next: links.next ?? null };
  }

  async verifyCredentials(): Promise<MastodonAccount> {
    const me = await this.get<MastodonAccount>('/api/v1/accounts/verify_credentials');
    if (me.id !== this.accountId) {
      this.accountId = me.id;
      this.learnedAccountId = true;
    }
    return me;
  }

  async ownAccountId(): Promise<string> {
    return this.accountId ?? (await this.verifyCredentials()).id;
  }

  knownAccountId(): string | null {
    return this.accountId;
  }

  // What this call learned that the next one should not have to ask again, for the job to seal and store.
  freshSecrets(): Record<string, string> | undefined {
    return this.learnedAccountId && this.accountId ? { accountId: this.accountId } : undefined;
  }

  // Mastodon (Doorkeeper) answers 401 {"error":"The access token was revoked"} or "...is invalid".
  explain(error: unknown): unknown {
    if (!(error instanceof ChannelError)) return error;
    const fresh = this.freshSecrets();
    if (fresh) error.secrets = fresh;
    if (error.kind !== 'auth') return error;
    const said = error.platformCode ? ` (${error.platformCode})` : '';
    const explained = new ChannelError(
      'auth',
      `Mastodon weigert het toegangstoken van ${this.account.handle}${said}: het is ingetrokken, verlopen of mist rechten. Maak op de Mastodon-server onder Voorkeuren → Ontwikkeling een nieuw token aan (read, write) en vul het in.`,
      null,
      { status: error.status, platformCode: error.platformCode },
    );
    if (fresh) explained.secrets = fresh;
    return explained;
  }
}
