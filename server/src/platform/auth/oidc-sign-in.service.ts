import { deriveInitials } from '@contracts/reply-checks';
import type { Selectable } from 'kysely';
import { recordAudit } from '../audit/audit.service';
import type { Clock } from '../clock.service';
import { type RequestOrigin, runInTransaction, type ServiceContext } from '../context.service';
import type { Db } from '../db/database.client';
import type { OidcProvidersTable, UserRow } from '../db/database.schema';
import { AppError } from '../http/http.errors';
import { findOrganisationBySlug } from '../organisations/organisations.repository';
import type { Actor } from '../tenancy/policy.rules';
import { isRole, type Role } from '../tenancy/roles.rules';
import { findUserByEmail, insertUser, replaceUserRoles, updateUserFields } from '../users/users.repository';
import { buildSignInUrl, type Claims, discoverProvider, exchangeCode, generateLoginSecrets } from './oidc.client';
import { consumeLoginState, findOidcProvider, findUserByOidcSubject, findUserRoles, insertLoginState, setUserOidcSubject } from './oidc.repository';
import { isSealed, openSecret } from './secret-box.rules';
import { composeToken, equalsInConstantTime, generateSecret, parseToken } from './secrets.rules';

export interface OidcDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
  secretKey?: Buffer;
  fetch?: typeof fetch;
}

export const STATE_PREFIX = 'os_';
const STATE_VALID_MS = 10 * 60_000;

export const buildOidcRedirectUri = (publicUrl: string) => `${publicUrl}/api/v1/oidc/callback`;
export const buildOidcAuthorizePath = (slug: string) => `/api/v1/oidc/${slug}/authorize`;

// The code travels to the sign-in page as ?fout=<code>; the reason stays in the server log.
export class OidcSignInError extends AppError {
  constructor(
    code: string,
    detail: string,
    readonly reason?: unknown,
  ) {
    super(400, code, 'Inloggen mislukt', detail);
  }
}

// Bound into the ciphertext: a sealed secret only opens for this organisation and this column.
export const buildClientSecretContext = (organisationId: string) => `oidc_providers.client_secret:${organisationId}`;

const unavailable = () => new OidcSignInError('oidc-niet-beschikbaar', 'Inloggen met het organisatie-account is voor deze organisatie niet ingesteld.');
const invalidState = () => new OidcSignInError('ongeldige-status', 'Deze inlogpoging is verlopen of al gebruikt. Probeer het opnieuw.');

export async function describeSignInOptions(db: Db, slug: string) {
  const organisation = await findOrganisationBySlug(db, slug);
  if (!organisation) return null;
  const provider = await findOidcProvider(db, organisation.id);
  return {
    passwordEnabled: true,
    oidc: provider?.enabled ? { displayName: provider.display_name, authorizeUrl: buildOidcAuthorizePath(organisation.slug) } : null,
  };
}

export async function beginOidcSignIn(deps: OidcDeps, slug: string): Promise<{ url: string; state: string }> {
  const organisation = await findOrganisationBySlug(deps.db, slug);
  const provider = organisation ? await findOidcProvider(deps.db, organisation.id) : undefined;
  if (!organisation || !provider?.enabled) throw unavailable();
  const configuration = await discoverProvider({ issuerUrl: provider.issuer_url, clientId: provider.client_id, fetch: deps.fetch }).catch((reason) => {
    throw new OidcSignInError('provider-onbereikbaar', 'De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw.', reason);
  });
  // The state names its organisation, so the shared callback finds the row within one tenant.
  const state = composeToken(STATE_PREFIX, organisation.id, generateSecret());
  const secrets = generateLoginSecrets();
  await insertLoginState(deps.db, { organisationId: organisation.id, state, ...secrets, createdAt: deps.clock.now() });
  const url = await buildSignInUrl(configuration, buildOidcRedirectUri(deps.publicUrl), { state, ...secrets });
  return { url: url.href, state };
}

export interface CallbackInput {
  query: URLSearchParams;
  // The state as remembered by the browser (cookie): binds the callback to the browser that started it.
  browserState: string | undefined;
}

export async function completeOidcSignIn(deps: OidcDeps, origin: RequestOrigin, input: CallbackInput): Promise<{ organisationId: string; userId: string }> {
  const state = input.query.get('state') ?? '';
  const parsed = parseToken(STATE_PREFIX, state);
  if (!parsed || !input.browserState || !equalsInConstantTime(input.browserState, state)) throw invalidState();
  const organisationId = parsed.organisationId;
  const login = await consumeLoginState(deps.db, organisationId, state);
  if (!login || deps.clock.now().getTime() - login.created_at.getTime() > STATE_VALID_MS) throw invalidState();
  const provider = await findOidcProvider(deps.db, organisationId);
  if (!provider?.enabled) throw unavailable();
  const systemCtx: ServiceContext = { db: deps.db, clock: deps.clock, actor: oidcActor(organisationId), origin };
  let subject: string | null = null;
  try {
    if (input.query.has('error')) {
      throw new OidcSignInError('geweigerd-door-provider', 'De inlogdienst van uw organisatie heeft het inloggen afgebroken.', input.query.get('error'));
    }
    const clientSecret = revealClientSecret(provider, deps.secretKey);
    const callbackUrl = new URL(`${buildOidcRedirectUri(deps.publicUrl)}?${input.query}`);
    const claims = await discoverProvider({ issuerUrl: provider.issuer_url, clientId: provider.client_id, clientSecret, fetch: deps.fetch })
      .then((configuration) => exchangeCode(configuration, callbackUrl, { state, nonce: login.nonce, codeVerifier: login.code_verifier }))
      .catch((reason) => {
        throw new OidcSignInError('oidc-mislukt', 'Inloggen via de inlogdienst van uw organisatie is mislukt. Probeer het opnieuw.', reason);
      });
    subject = claimString(claims, 'sub');
    const roles = mapRoles(claims, provider.roles_claim, provider.role_mapping);
    if (roles.length === 0) {
      throw new OidcSignInError('geen-rol', 'Uw organisatie-account heeft geen rol in Plein. Vraag de beheerder om u een rol te geven.');
    }
    const userId = await provisionUser(systemCtx, profileOf(claims), roles, provider.create_users);
    return { organisationId, userId };
  } catch (error) {
    if (error instanceof OidcSignInError) {
      await recordAudit(systemCtx, { action: 'sessie.oidc-geweigerd', recordType: 'gebruiker', details: { reden: error.code, subject } });
    }
    throw error;
  }
}

function revealClientSecret(row: Selectable<OidcProvidersTable>, secretKey: Buffer | undefined): string {
  const misconfigured = (reason: unknown) =>
    new OidcSignInError('oidc-configuratie', 'Inloggen via uw organisatie is niet goed ingesteld. Neem contact op met de beheerder.', reason);
  if (!secretKey || !isSealed(row.client_secret)) throw misconfigured('geen PLEIN_SECRET_KEY of onversleuteld secret');
  try {
    return openSecret(secretKey, row.client_secret, buildClientSecretContext(row.organisation_id));
  } catch (reason) {
    throw misconfigured(reason);
  }
}

// Claim values may be a list or a single string; a dotted name walks nested claims (Keycloak: realm_access.roles).
export function mapRoles(claims: Claims, rolesClaim: string, mapping: Record<string, string>): Role[] {
  const raw = rolesClaim in claims ? claims[rolesClaim] : readPath(claims, rolesClaim.split('.'));
  const values = Array.isArray(raw) ? raw : [raw];
  const roles = new Set<Role>();
  for (const value of values) {
    if (typeof value !== 'string' || !Object.hasOwn(mapping, value)) continue;
    const role = mapping[value];
    if (role && isRole(role)) roles.add(role);
  }
  return [...roles].sort();
}

function readPath(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function claimString(claims: Claims, name: string): string | null {
  const value = claims[name];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

interface Profile {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

function profileOf(claims: Claims): Profile {
  const email = claimString(claims, 'email')?.toLowerCase() ?? null;
  const fullName = [claimString(claims, 'given_name'), claimString(claims, 'family_name')].filter(Boolean).join(' ');
  return {
    subject: String(claims.sub),
    email,
    // Providers that do not say are trusted: the organisation chose this provider for its own staff.
    emailVerified: claims.email_verified !== false,
    name: (claimString(claims, 'name') ?? (fullName || email))?.slice(0, 200) ?? null,
  };
}

function oidcActor(organisationId: string): Actor {
  return { organisationId, userId: '', name: 'OpenID Connect', email: '', roles: [], municipalityIds: [] };
}

function userActor(user: UserRow, roles: Role[]): Actor {
  return { organisationId: user.organisation_id, userId: user.id, name: user.name, email: user.email, roles, municipalityIds: [] };
}

async function findOrLinkUser(ctx: ServiceContext, profile: Profile): Promise<{ user: UserRow | undefined; linked: boolean }> {
  const organisationId = ctx.actor.organisationId;
  const bySubject = await findUserByOidcSubject(ctx.db, organisationId, profile.subject);
  if (bySubject || !profile.email) return { user: bySubject, linked: false };
  const byEmail = await findUserByEmail(ctx.db, organisationId, profile.email);
  if (!byEmail) return { user: undefined, linked: false };
  // Linking by address hands over the account: never re-link, never on an address the provider doubts.
  if (byEmail.oidc_subject) {
    throw new OidcSignInError(
      'account-al-gekoppeld',
      'Er is al een ander organisatie-account gekoppeld aan dit e-mailadres. Neem contact op met de beheerder.',
    );
  }
  if (!profile.emailVerified) {
    throw new OidcSignInError('e-mail-niet-bevestigd', 'Uw inlogdienst heeft uw e-mailadres niet bevestigd. Neem contact op met de beheerder.');
  }
  await setUserOidcSubject(ctx.db, organisationId, byEmail.id, profile.subject);
  return { user: byEmail, linked: true };
}

async function provisionUser(ctx: ServiceContext, profile: Profile, roles: Role[], createUsers: boolean): Promise<string> {
  return runInTransaction(ctx, async (tx) => {
    const organisationId = tx.actor.organisationId;
    const found = await findOrLinkUser(tx, profile);
    if (!found.user) {
      if (!createUsers) throw new OidcSignInError('geen-account', 'U heeft nog geen account in Plein. Vraag de beheerder om een account.');
      if (!profile.email || !profile.name) {
        throw new OidcSignInError('e-mail-ontbreekt', 'Uw inlogdienst gaf geen e-mailadres door; daarmee kan Plein geen account maken.');
      }
      const user = await insertUser(tx.db, organisationId, {
        email: profile.email,
        name: profile.name,
        initials: deriveInitials(profile.name),
        passwordHash: null,
        oidcSubject: profile.subject,
      });
      await replaceUserRoles(tx.db, organisationId, user.id, roles);
      await recordAudit(
        { ...tx, actor: userActor(user, roles) },
        { action: 'gebruiker.aangemaakt-via-oidc', recordType: 'gebruiker', recordId: user.id, details: { roles } },
      );
      return user.id;
    }
    const user = found.user;
    if (!user.active) throw new OidcSignInError('account-geblokkeerd', 'Uw account in Plein is geblokkeerd. Neem contact op met de beheerder.');
    const userCtx = { ...tx, actor: userActor(user, roles) };
    if (found.linked) await recordAudit(userCtx, { action: 'gebruiker.gekoppeld-via-oidc', recordType: 'gebruiker', recordId: user.id });
    // The provider is the source of truth for roles: a change there applies at the next sign-in.
    const before = (await findUserRoles(tx.db, organisationId, user.id)).sort();
    if (before.join(',') !== roles.join(',')) {
      await replaceUserRoles(tx.db, organisationId, user.id, roles);
      await recordAudit(userCtx, {
        action: 'gebruiker.rollen-bijgewerkt-via-oidc',
        recordType: 'gebruiker',
        recordId: user.id,
        details: { voor: before, na: roles },
      });
    }
    if (profile.name && profile.name !== user.name) await updateUserFields(tx.db, organisationId, user.id, { name: profile.name });
    return user.id;
  });
}
