import { ChannelError, type ConnectorAccount, type ConnectorDeps } from '../../connector.types';
import { fetchFromPlatform, type PlatformResponse } from '../../platform-http.client';
import { callRest, DEFAULT_API, getApiBase, type RestRequest } from './linkedin-rest.client';

const TOKEN_URL = 'https://www.linkedin.com/oauth/v2/accessToken';

interface TokenResponse {
  access_token: string;
  expires_in?: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
}

// LinkedIn's token endpoint lives on www.linkedin.com, not on the API host. An account with its own
// API address (a test double, a proxy) is asked there instead.
function tokenUrl(account: ConnectorAccount): string {
  const base = getApiBase(account);
  return base === DEFAULT_API ? TOKEN_URL : `${base}/oauth/v2/accessToken`;
}

// One connector call's view of the account's OAuth tokens. Access tokens live 60 days; with a
// programmatic refresh token (365 days, approved partners only) plus the app's client id and secret,
// a 401 is answered by refreshing once and repeating the call. Without them the account needs a person.
export class LinkedInSession {
  private accessToken: string;
  private refreshToken: string | undefined;
  private changed = false;
  readonly organizationUrn: string;

  constructor(
    readonly account: ConnectorAccount,
    private readonly deps: ConnectorDeps,
  ) {
    const org = String(account.settings.organizationUrn ?? '').trim();
    if (!/^urn:li:organization:\d+$/.test(org))
      throw new ChannelError('permanent', `De organisatie-URN "${org}" van ${account.handle} is ongeldig; verwacht urn:li:organization:<nummer>.`);
    if (!account.secrets.accessToken) throw new ChannelError('auth', `Voor ${account.handle} is geen LinkedIn-toegangstoken ingevuld.`);
    this.organizationUrn = org;
    this.accessToken = account.secrets.accessToken;
    this.refreshToken = account.secrets.refreshToken || undefined;
  }

  // Tokens that changed during this call, for the job to seal and store; undefined if nothing changed.
  freshSecrets(): Record<string, string> | undefined {
    if (!this.changed) return undefined;
    return { accessToken: this.accessToken, ...(this.refreshToken && { refreshToken: this.refreshToken }) };
  }

  async call<T>(request: RestRequest): Promise<PlatformResponse<T>> {
    try {
      return await callRest<T>(this.deps, this.account, this.accessToken, request);
    } catch (error) {
      const unauthorized = error instanceof ChannelError && error.status === 401;
      if (!unauthorized || this.changed || !this.canRefresh()) throw this.finish(error);
      try {
        await this.refresh();
        return await callRest<T>(this.deps, this.account, this.accessToken, request);
      } catch (retryError) {
        throw this.finish(retryError);
      }
    }
  }

  private canRefresh(): boolean {
    return Boolean(this.refreshToken && this.account.settings.clientId && this.account.secrets.clientSecret);
  }

  private async refresh(): Promise<void> {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: this.refreshToken!,
      client_id: String(this.account.settings.clientId),
      client_secret: this.account.secrets.clientSecret!,
    });
    let response: PlatformResponse<TokenResponse>;
    try {
      response = await fetchFromPlatform<TokenResponse>(this.deps, tokenUrl(this.account), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
      });
    } catch (error) {
      if (error instanceof ChannelError && (error.status === 400 || error.status === 401)) {
        throw new ChannelError(
          'auth',
          `LinkedIn weigert het vernieuwen van het token van ${this.account.handle} (${error.status}): het refresh-token is verlopen of ingetrokken, of client-id en client-secret kloppen niet. Koppel het account opnieuw via LinkedIn.`,
          null,
          // No status: this is not the API's 401 that finish() turns into the generic message.
          { platformCode: 'refresh_token_rejected' },
        );
      }
      throw error;
    }
    if (!response.body?.access_token) throw new ChannelError('transient', 'LinkedIn gaf bij het vernieuwen geen toegangstoken terug.');
    this.accessToken = response.body.access_token;
    // The refresh token keeps its original lifetime; LinkedIn may or may not send it again.
    if (response.body.refresh_token) this.refreshToken = response.body.refresh_token;
    this.changed = true;
  }

  // A 401 becomes a Dutch 'auth' error the beheerder can act on; tokens renewed before a later failure are kept all the same.
  private finish(error: unknown): unknown {
    let result = error;
    if (error instanceof ChannelError && error.status === 401) {
      const hint = this.changed
        ? 'Ook met een vernieuwd token weigert LinkedIn de toegang.'
        : this.refreshToken
          ? 'Vul client-id en client-secret in zodat Plein het token zelf kan vernieuwen.'
          : 'Er is geen refresh-token ingevuld om het automatisch te vernieuwen.';
      result = new ChannelError(
        'auth',
        `Het LinkedIn-toegangstoken van ${this.account.handle} is verlopen of ingetrokken (401). ${hint} Koppel het account opnieuw via LinkedIn en vul het nieuwe token in.`,
        null,
        { status: 401, platformCode: error.platformCode },
      );
    }
    if (result instanceof ChannelError && this.changed) result.secrets = this.freshSecrets();
    return result;
  }
}
