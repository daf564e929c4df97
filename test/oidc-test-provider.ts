import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';

// A real OpenID provider (oidc-provider) on loopback for the tests, with a login step that signs in
// whichever account the test names, and a browser that follows redirects and keeps cookies per origin.

// oidc-provider ships without type declarations; these are the few parts used here.
interface Interaction {
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  params: Record<string, unknown>;
  session?: { accountId: string };
  grantId?: string;
}
interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}
interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: { new (init: { accountId: string; clientId: string }): Grant; find(id: string): Promise<Grant | undefined> };
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => Provider;
const PROVIDER_MODULE: string = 'oidc-provider';

export type AccountClaims = { email?: string; email_verified?: boolean; name?: string; roles?: string[] | string };

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, AccountClaims>;
  // The account the next login step signs in as.
  signInAs(subject: string): void;
  close(): Promise<void>;
}

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function findFreePort(): Promise<number> {
  const probe = createNetServer();
  const port = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as AddressInfo).port)));
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const accounts = new Map<string, AccountClaims>();
  let nextSubject = '';
  let provider: Provider | undefined;

  async function interact(req: IncomingMessage, res: ServerResponse, op: Provider) {
    const { prompt, params, session, grantId } = await op.interactionDetails(req, res);
    if (prompt.name === 'login') {
      return op.interactionFinished(req, res, { login: { accountId: nextSubject } }, { mergeWithLastSubmission: false });
    }
    const grant = (grantId && (await op.Grant.find(grantId))) || new op.Grant({ accountId: session?.accountId ?? '', clientId: String(params.client_id) });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    return op.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }

  const server = createServer((req, res) => {
    if (!provider) return void res.writeHead(503).end();
    if (req.url?.startsWith('/interaction/')) {
      interact(req, res, provider).catch((error) => res.writeHead(500).end(String(error)));
      return;
    }
    provider.callback()(req, res);
  });
  const port = await listen(server);
  const issuer = `http://127.0.0.1:${port}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const { default: Provider } = (await import(PROVIDER_MODULE)) as { default: ProviderConstructor };
  provider = new Provider(issuer, {
    clients: [{ client_id: 'plein', client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    async findAccount(_ctx: unknown, subject: string) {
      const claims = accounts.get(subject);
      return claims && { accountId: subject, claims: async () => ({ sub: subject, ...accounts.get(subject) }) };
    },
    // The roles claim rides on the profile scope here; real providers use a groups/roles scope or always send it.
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'roles'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    jwks: { keys: [{ ...signingKey, kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  });
  return {
    issuer,
    clientId: 'plein',
    clientSecret,
    accounts,
    signInAs: (subject) => {
      nextSubject = subject;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// Follows redirects by hand, like a browser, keeping cookies per origin (stricter than a browser, which shares them across ports).
export class TestBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  async get(url: string): Promise<{ status: number; location: string | null; response: Response }> {
    const target = new URL(url);
    const cookies = [...(this.jar.get(target.origin) ?? new Map())].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(target, { redirect: 'manual', headers: cookies ? { cookie: cookies } : {} });
    this.store(target.origin, response.headers.getSetCookie());
    const location = response.headers.get('location');
    return { status: response.status, location: location && new URL(location, target).href, response };
  }

  // Follows redirects until the next address satisfies `stop`; returns that address without visiting it.
  async followUntil(url: string, stop: (next: URL) => boolean, maxHops = 15): Promise<string> {
    let current = url;
    for (let hop = 0; hop < maxHops; hop++) {
      const { status, location, response } = await this.get(current);
      if (!location) throw new Error(`Geen doorverwijzing vanaf ${current} (${status}): ${(await response.text()).slice(0, 300)}`);
      if (stop(new URL(location))) return location;
      current = location;
    }
    throw new Error('Te veel doorverwijzingen');
  }

  private store(origin: string, setCookies: string[]) {
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    this.jar.set(origin, cookies);
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=.*1970/i.test(a));
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
  }
}
