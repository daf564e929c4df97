import * as client from 'openid-client';

// The only file that speaks to an OpenID provider; everything else sees plain claims.

export interface ProviderConnection {
  issuerUrl: string;
  clientId: string;
  clientSecret?: string;
  // The guarded fetch (http/outbound.client.ts): a beheerder's issuer URL must not reach the installation's network.
  fetch?: typeof fetch;
}

export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export type Claims = Record<string, unknown>;

const TIMEOUT_SECONDS = 10;
const SCOPE = 'openid email profile';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

// Plain http is only for a provider on this same machine (development, tests); anything else needs TLS.
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

// client_secret_basic is what every provider must support (OIDC Core 9); post only when basic is not offered.
function clientSecretAuth(secret: string): client.ClientAuth {
  return (server, metadata, body, headers) => {
    const methods = server.token_endpoint_auth_methods_supported;
    const usePost = methods !== undefined && !methods.includes('client_secret_basic') && methods.includes('client_secret_post');
    (usePost ? client.ClientSecretPost(secret) : client.ClientSecretBasic(secret))(server, metadata, body, headers);
  };
}

export async function discoverProvider(connection: ProviderConnection): Promise<client.Configuration> {
  const issuer = new URL(connection.issuerUrl);
  const auth = connection.clientSecret ? clientSecretAuth(connection.clientSecret) : client.None();
  return client.discovery(issuer, connection.clientId, undefined, auth, {
    timeout: TIMEOUT_SECONDS,
    ...(isLoopbackHttp(issuer) && { execute: [client.allowInsecureRequests] }),
    ...(connection.fetch && { [client.customFetch]: connection.fetch as client.CustomFetch }),
  });
}

export function generateLoginSecrets(): { nonce: string; codeVerifier: string } {
  return { nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
}

export async function buildSignInUrl(configuration: client.Configuration, redirectUri: string, checks: LoginChecks): Promise<URL> {
  return client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: SCOPE,
    state: checks.state,
    nonce: checks.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: 'S256',
  });
}

// Validates the response (state, iss), redeems the code with the PKCE verifier, verifies the ID token
// (signature, audience, nonce, expiry) and adds the userinfo claims: many providers put groups only there.
export async function exchangeCode(configuration: client.Configuration, callbackUrl: URL, checks: LoginChecks): Promise<Claims> {
  const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    pkceCodeVerifier: checks.codeVerifier,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error('geen ID-token ontvangen');
  const userinfo = configuration.serverMetadata().userinfo_endpoint ? await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub) : {};
  return { ...userinfo, ...idClaims };
}
