import type { IncomingMessage } from 'node:http';
import { type Json, Problem } from './responses';
import { ACCESS_TOKEN_SECONDS, type XState, type XUser } from './state';

// OAuth 2.0: bearer access tokens that expire after two hours, and refresh tokens that rotate on use.

export function authenticate(x: XState, request: IncomingMessage): XUser {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  const grant = token ? x.grants.find((candidate) => candidate.accessToken === token) : undefined;
  if (!grant || grant.accessExpiresAt <= x.seconds()) {
    throw new Problem(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
  }
  return x.users.get(grant.userId)!;
}

// POST /2/oauth2/token, grant_type=refresh_token: a new access token and a new refresh token; the old pair stops working.
export function refresh(x: XState, request: IncomingMessage, form: Record<string, string> | null): Json {
  const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  const clientId = basic ? Buffer.from(basic, 'base64').toString().split(':')[0] : form?.client_id;
  const refused = new Problem(400, { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' });
  if (form?.grant_type !== 'refresh_token' || !form.refresh_token) throw refused;
  const grant = x.grants.find((candidate) => candidate.refreshToken === form.refresh_token && candidate.clientId === clientId);
  if (!grant) throw refused;
  grant.accessToken = x.token('at', grant.userId);
  grant.refreshToken = x.token('rt', grant.userId);
  grant.accessExpiresAt = x.seconds() + ACCESS_TOKEN_SECONDS;
  return {
    token_type: 'bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
    access_token: grant.accessToken,
    scope: 'tweet.read tweet.write users.read dm.read dm.write offline.access',
    refresh_token: grant.refreshToken,
  };
}
