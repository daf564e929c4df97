import { ChannelError, type ConnectorAccount, type ConnectorDeps } from '../../connector.types';
import { callXrpcProcedure, hasCode, queryXrpc, type XrpcParams } from './xrpc.client';

interface SessionTokens {
  accessJwt: string;
  refreshJwt: string;
  did: string;
}

// A stale or revoked access token: the PDS answers 400 ExpiredToken or 401 (InvalidToken, AuthenticationRequired).
function tokenRejected(error: unknown): boolean {
  return error instanceof ChannelError && (error.status === 401 || hasCode(error, 'ExpiredToken', 'InvalidToken'));
}

// One connector call's view of the account's session. It uses the stored access token, refreshes it
// when the PDS says it expired, and logs in with the app password only when refreshing fails too:
// bsky.social limits createSession hard, so a poll must never log in just because it is a poll.
export class BlueskySession {
  private tokens: SessionTokens | null;
  private changed = false;
  readonly pds: string;

  constructor(
    private readonly account: ConnectorAccount,
    private readonly deps: ConnectorDeps,
  ) {
    const { accessJwt, refreshJwt, did } = account.secrets;
    this.tokens = accessJwt && refreshJwt && did ? { accessJwt, refreshJwt, did } : null;
    if (!account.serviceUrl) throw new ChannelError('permanent', 'Het PDS-adres van dit Bluesky-account ontbreekt.');
    this.pds = account.serviceUrl;
  }

  async did(): Promise<string> {
    return (await this.current()).did;
  }

  // Tokens that changed during this call, for the job to seal and store; undefined if nothing changed.
  freshSecrets(): Record<string, string> | undefined {
    return this.changed && this.tokens ? { ...this.tokens } : undefined;
  }

  query<T>(nsid: string, params: XrpcParams): Promise<T> {
    return this.authed((token) => queryXrpc<T>(this.deps, this.pds, nsid, params, token));
  }

  procedure<T>(nsid: string, body: unknown, bytes?: { data: Buffer; contentType: string }): Promise<T> {
    return this.authed((token) => callXrpcProcedure<T>(this.deps, this.pds, nsid, body, token, bytes));
  }

  async login(): Promise<SessionTokens> {
    const password = this.account.secrets.appPassword;
    if (!password) throw new ChannelError('auth', `Voor ${this.account.handle} is geen app-wachtwoord ingevuld.`);
    try {
      const session = await callXrpcProcedure<SessionTokens>(this.deps, this.pds, 'com.atproto.server.createSession', {
        identifier: this.account.handle,
        password,
      });
      return this.keep(session);
    } catch (error) {
      if (error instanceof ChannelError && (error.status === 401 || error.status === 400)) {
        throw new ChannelError(
          'auth',
          `Bluesky weigert de aanmelding van ${this.account.handle} (${error.platformCode ?? error.status}): het app-wachtwoord is onjuist of ingetrokken, of het account is geblokkeerd. Maak in Bluesky een nieuw app-wachtwoord aan en vul het in.`,
          null,
          { status: error.status, platformCode: error.platformCode },
        );
      }
      throw error;
    }
  }

  private keep(session: SessionTokens): SessionTokens {
    this.tokens = { accessJwt: session.accessJwt, refreshJwt: session.refreshJwt, did: session.did };
    this.changed = true;
    return this.tokens;
  }

  private async current(): Promise<SessionTokens> {
    return this.tokens ?? (await this.login());
  }

  private async renew(stale: SessionTokens): Promise<SessionTokens> {
    try {
      const session = await callXrpcProcedure<SessionTokens>(this.deps, this.pds, 'com.atproto.server.refreshSession', undefined, stale.refreshJwt);
      return this.keep(session);
    } catch (error) {
      // A refresh token expires after months or dies with a revoked app password: log in once more.
      if (tokenRejected(error) || (error instanceof ChannelError && error.status === 400)) return this.login();
      throw error;
    }
  }

  private async authed<T>(call: (token: string) => Promise<T>): Promise<T> {
    const tokens = await this.current();
    try {
      return await call(tokens.accessJwt);
    } catch (error) {
      if (!tokenRejected(error)) throw error;
      // A session made a moment ago that is refused right away will not get better by renewing it.
      if (this.changed) throw error;
      const renewed = await this.renew(tokens);
      return call(renewed.accessJwt);
    }
  }
}
