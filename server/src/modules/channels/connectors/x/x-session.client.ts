import { ChannelError, type ConnectorAccount, type ConnectorDeps } from '../../connector.types';
import { fetchFromPlatform, type PlatformResponse } from '../../platform-http.client';

export const DEFAULT_X_API = 'https://api.x.com';

type Query = Record<string, string | number | undefined>;

// One connector call's view of an X account's OAuth 2.0 user-context tokens. Access tokens live two
// hours; on a 401 the session refreshes once (POST /2/oauth2/token) and repeats the call. X rotates the
// refresh token on every refresh, so the new pair must be stored even when the call fails afterwards:
// `run` attaches it to the error.
export class XSession {
  private accessToken: string;
  private refreshToken: string | null;
  private changed = false;
  readonly base: string;
  readonly userId: string;

  constructor(
    private readonly account: ConnectorAccount,
    private readonly deps: ConnectorDeps,
  ) {
    this.base = (account.serviceUrl || DEFAULT_X_API).replace(/\/+$/, '');
    this.userId = String(account.settings.userId ?? '');
    if (!this.userId) throw new ChannelError('permanent', `Voor X-account ${account.handle} ontbreekt het gebruikers-id.`);
    const accessToken = account.secrets.accessToken;
    if (!accessToken) throw new ChannelError('auth', `Voor X-account ${account.handle} is geen toegangstoken opgeslagen.`);
    this.accessToken = accessToken;
    this.refreshToken = account.secrets.refreshToken || null;
  }

  // Tokens that changed during this call, for the job to seal and store; undefined if nothing changed.
  freshSecrets(): Record<string, string> | undefined {
    if (!this.changed) return undefined;
    return { accessToken: this.accessToken, ...(this.refreshToken && { refreshToken: this.refreshToken }) };
  }

  // Runs a piece of connector work; whatever it throws carries the tokens refreshed on the way.
  async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const failure = error instanceof ChannelError ? error : new ChannelError('transient', error instanceof Error ? error.message : String(error));
      failure.secrets = { ...failure.secrets, ...this.freshSecrets() };
      if (Object.keys(failure.secrets).length === 0) failure.secrets = undefined;
      throw failure;
    }
  }

  url(path: string, query: Query = {}): string {
    const url = new URL(`${this.base}${path}`);
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    return url.toString();
  }

  get<T>(path: string, query: Query = {}): Promise<PlatformResponse<T>> {
    return this.authed((token) =>
      fetchFromPlatform<T>(this.deps, this.url(path, query), { headers: { accept: 'application/json', authorization: `Bearer ${token}` } }),
    );
  }

  send<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<PlatformResponse<T>> {
    return this.authed((token) =>
      fetchFromPlatform<T>(this.deps, this.url(path), {
        method,
        headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      }),
    );
  }

  private async authed<T>(call: (token: string) => Promise<T>): Promise<T> {
    try {
      return await call(this.accessToken);
    } catch (error) {
      // A token refreshed a moment ago that is refused right away will not get better by refreshing again.
      if (!(error instanceof ChannelError) || error.status !== 401 || this.changed) throw error;
      await this.refresh();
      return call(this.accessToken);
    }
  }

  private async refresh(): Promise<void> {
    const clientId = String(this.account.settings.clientId ?? '');
    if (!this.refreshToken || !clientId) {
      throw new ChannelError(
        'auth',
        `Het X-toegangstoken van ${this.account.handle} is verlopen en Plein kan het niet vernieuwen: vul een refresh-token en client-id in, of koppel het account opnieuw.`,
        null,
        { status: 401 },
      );
    }
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: this.refreshToken, client_id: clientId });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    // Confidential clients authenticate with HTTP Basic (client id and secret); public clients send only client_id.
    const secret = this.account.secrets.clientSecret;
    if (secret) headers.authorization = `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
    let body: { access_token?: string; refresh_token?: string };
    try {
      ({ body } = await fetchFromPlatform<typeof body>(this.deps, this.url('/2/oauth2/token'), { method: 'POST', headers, body: form.toString() }));
    } catch (error) {
      if (error instanceof ChannelError && (error.status === 400 || error.status === 401)) {
        throw new ChannelError(
          'auth',
          `X weigert het vernieuwen van het token van ${this.account.handle} (${error.platformCode ?? error.status}): de toegang is ingetrokken of het refresh-token is al gebruikt. Koppel het X-account opnieuw in Beheer → Kanalen.`,
          null,
          { status: error.status, platformCode: error.platformCode },
        );
      }
      throw error;
    }
    if (!body?.access_token) throw new ChannelError('transient', 'X gaf bij het vernieuwen geen toegangstoken terug.');
    this.accessToken = body.access_token;
    // X rotates the refresh token; keep the old one only if the answer has none.
    if (body.refresh_token) this.refreshToken = body.refresh_token;
    this.changed = true;
  }
}

// X's own account of the rate-limit budget left in this window, from any successful answer.
export function isBudgetExhausted(headers: Headers): boolean {
  return headers.get('x-rate-limit-remaining')?.trim() === '0';
}
