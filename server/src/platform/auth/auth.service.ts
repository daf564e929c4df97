import { recordAudit } from '../audit/audit.service';
import type { Clock } from '../clock.service';
import { type RequestOrigin, runInTransaction, type ServiceContext } from '../context.service';
import type { Db } from '../db/database.client';
import { AppError, badRequest, notFound } from '../http/http.errors';
import { enqueueJob } from '../jobs/jobs.service';
import { findOrganisationBySlug } from '../organisations/organisations.repository';
import { actsForMunicipality, assertCan } from '../tenancy/policy.rules';
import { findUserByEmail, findUsersByEmailAcrossOrganisations, updateUserFields } from '../users/users.repository';
import { loadActor } from './actor.service';
import {
  consumePasswordReset,
  deleteSession,
  deleteUserSessions,
  findApiTokensOfUser,
  insertApiToken,
  insertPasswordReset,
  insertSession,
  revokeApiTokenRow,
  revokeApiTokensOfUser,
  setSessionMunicipality,
} from './credentials.repository';
import { assertPasswordStrength, hashPassword, makeDummyPasswordHash, verifyPassword } from './passwords.service';
import { composeToken, generateSecret, hashSecret, parseToken } from './secrets.rules';
import { addSignInFailure, clearSignInFailures, findSignInFailures, lockSignIn, type SignInKey } from './sign-in-failures.repository';

export const SESSION_PREFIX = 'ps_';
export const API_TOKEN_PREFIX = 'plein_';
export const SESSION_IDLE_MS = 8 * 3_600_000;
// However busy, a session ends 12 hours after sign-in (a working day and some): a stolen cookie does not live on.
export const SESSION_MAX_MS = 12 * 3_600_000;
// Sign-in failures per e-mail address and client address: from the fifth in a day, each locks that pair for longer
// (1, 2, 4 … minutes, at most an hour). The owner signing in from elsewhere is not held up by an attacker's tries.
export const FREE_FAILURES = 4;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 3_600_000;
const FAILURES_FORGOTTEN_MS = 86_400_000;

function lockAfter(failures: number): number | null {
  if (failures <= FREE_FAILURES) return null;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES - 1), LONGEST_LOCK_MS);
}

// The same answer whether the e-mail address has an account or not.
function tooManyAttempts(lockedUntil: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return new AppError(
    429,
    'te-veel-pogingen',
    'Te veel pogingen',
    `Te vaak een verkeerd e-mailadres of wachtwoord vanaf dit apparaat. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
  );
}
const RESET_VALID_MS = 3_600_000;

const wrongCredentials = () => new AppError(401, 'onjuiste-inloggegevens', 'Inloggen mislukt', 'Het e-mailadres of het wachtwoord klopt niet.');

export interface LoginInput {
  email: string;
  password: string;
  organisation?: string;
}

async function resolveLoginUser(db: Db, email: string, organisationSlug?: string) {
  if (organisationSlug) {
    const organisation = await findOrganisationBySlug(db, organisationSlug);
    return organisation ? findUserByEmail(db, organisation.id, email) : undefined;
  }
  const candidates = await findUsersByEmailAcrossOrganisations(db, email);
  if (candidates.length > 1) {
    throw badRequest('organisatie-kiezen', 'Dit e-mailadres hoort bij meer organisaties. Vul ook de organisatie in.', [
      { name: 'organisation', code: 'verplicht', reason: 'Vul de organisatie in (bijvoorbeeld kustgemeenten).' },
    ]);
  }
  return candidates[0];
}

export async function logIn(db: Db, clock: Clock, origin: RequestOrigin, input: LoginInput) {
  const now = clock.now();
  const email = input.email.trim().toLowerCase();
  const key: SignInKey = { emailHash: hashSecret(email), address: origin.ip ?? 'onbekend' };
  const earlier = await findSignInFailures(db, key);
  if (earlier?.locked_until && earlier.locked_until > now) throw tooManyAttempts(earlier.locked_until, now);
  const user = await resolveLoginUser(db, email, input.organisation);
  const known = user?.password_hash && user.active ? user : null;
  let passwordFits = false;
  if (known) passwordFits = await verifyPassword(known.password_hash!, input.password);
  // The same work without an account, so the time an answer takes tells nothing either.
  else await verifyPassword(await makeDummyPasswordHash(), input.password);
  if (!known || !passwordFits) {
    await db.transaction().execute(async (trx) => {
      const failures = await addSignInFailure(trx, key, now, new Date(now.getTime() - FAILURES_FORGOTTEN_MS));
      const lock = lockAfter(failures);
      if (lock === null) return;
      const until = new Date(now.getTime() + lock);
      await lockSignIn(trx, key, until);
      // A lock on a real account is what a beheerder wants to find when someone says they cannot get in (or is attacked).
      if (known) {
        const actor = { organisationId: known.organisation_id, userId: known.id, name: known.name, email: known.email, roles: [], municipalityIds: [] };
        await recordAudit(
          { db: trx, clock, actor, origin },
          {
            action: 'sessie.tijdelijk-geblokkeerd',
            recordType: 'gebruiker',
            recordId: known.id,
            details: { until: until.toISOString(), address: key.address },
          },
        );
      }
    });
    throw wrongCredentials();
  }
  if (earlier) await clearSignInFailures(db, key);
  return startSession(db, clock, origin, known.organisation_id, known.id, 'wachtwoord');
}

// Shared by password and OpenID Connect sign-in.
export async function startSession(db: Db, clock: Clock, origin: RequestOrigin, organisationId: string, userId: string, method: 'wachtwoord' | 'oidc') {
  const now = clock.now();
  const secret = generateSecret();
  return db.transaction().execute(async (trx) => {
    const session = await insertSession(trx, {
      organisationId,
      userId,
      secretHash: hashSecret(secret),
      csrfToken: generateSecret(24),
      ip: origin.ip,
      userAgent: origin.userAgent,
      now,
      expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
    });
    const actor = await loadActor(trx, organisationId, userId, { sessionId: session.id });
    if (!actor) throw wrongCredentials();
    await recordAudit({ db: trx, clock, actor, origin }, { action: 'sessie.ingelogd', recordType: 'gebruiker', recordId: userId, details: { method } });
    return { cookieValue: composeToken(SESSION_PREFIX, organisationId, secret), session, actor };
  });
}

export async function logOut(ctx: ServiceContext) {
  if (!ctx.actor.sessionId) return;
  const sessionId = ctx.actor.sessionId;
  await runInTransaction(ctx, async (tx) => {
    await deleteSession(tx.db, tx.actor.organisationId, sessionId);
    await recordAudit(tx, { action: 'sessie.uitgelogd', recordType: 'gebruiker', recordId: tx.actor.userId });
  });
}

export async function switchMunicipality(ctx: ServiceContext, municipalityId: string) {
  if (!ctx.actor.sessionId || !actsForMunicipality(ctx.actor, municipalityId)) throw notFound('De gemeente');
  const sessionId = ctx.actor.sessionId;
  await runInTransaction(ctx, async (tx) => {
    const exists = await tx.db
      .selectFrom('municipalities')
      .select('id')
      .where('organisation_id', '=', tx.actor.organisationId)
      .where('id', '=', municipalityId)
      .executeTakeFirst();
    if (!exists) throw notFound('De gemeente');
    await setSessionMunicipality(tx.db, tx.actor.organisationId, sessionId, municipalityId);
  });
}

export async function createApiToken(ctx: ServiceContext, name: string) {
  assertCan(ctx.actor, 'tokens.own');
  const secret = generateSecret();
  return runInTransaction(ctx, async (tx) => {
    const row = await insertApiToken(tx.db, {
      organisationId: tx.actor.organisationId,
      userId: tx.actor.userId,
      name: name.trim(),
      secretHash: hashSecret(secret),
    });
    await recordAudit(tx, { action: 'api-token.aangemaakt', recordType: 'api-token', recordId: row.id, details: { name: row.name } });
    return { id: row.id, name: row.name, createdAt: row.created_at.toISOString(), token: composeToken(API_TOKEN_PREFIX, tx.actor.organisationId, secret) };
  });
}

export async function listApiTokens(ctx: ServiceContext) {
  assertCan(ctx.actor, 'tokens.own');
  const rows = await findApiTokensOfUser(ctx.db, ctx.actor.organisationId, ctx.actor.userId);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  }));
}

export async function revokeApiToken(ctx: ServiceContext, tokenId: string) {
  assertCan(ctx.actor, 'tokens.own');
  await runInTransaction(ctx, async (tx) => {
    const row = await revokeApiTokenRow(tx.db, tx.actor.organisationId, tx.actor.userId, tokenId, tx.clock.now());
    if (!row) throw notFound('Het API-token');
    await recordAudit(tx, { action: 'api-token.ingetrokken', recordType: 'api-token', recordId: tokenId });
  });
}

// Always answers the same way, so the form does not reveal which addresses have an account.
export async function requestPasswordReset(db: Db, clock: Clock, origin: RequestOrigin, input: { email: string; organisation?: string }, publicUrl: string) {
  const candidates = input.organisation
    ? await resolveLoginUser(db, input.email.trim().toLowerCase(), input.organisation).then((user) => (user ? [user] : []))
    : await findUsersByEmailAcrossOrganisations(db, input.email.trim().toLowerCase());
  for (const user of candidates) {
    if (!user.active) continue;
    const secret = generateSecret();
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await insertPasswordReset(trx, {
        organisationId: user.organisation_id,
        userId: user.id,
        secretHash: hashSecret(secret),
        expiresAt: new Date(now.getTime() + RESET_VALID_MS),
      });
      const link = `${publicUrl}/wachtwoord-herstellen#token=${composeToken('pr_', user.organisation_id, secret)}`;
      await enqueueJob(trx, {
        organisationId: user.organisation_id,
        name: 'mail.versturen',
        runAt: now,
        payload: {
          to: user.email,
          subject: 'Nieuw wachtwoord instellen voor Plein',
          secret: true,
          text: [
            `Beste ${user.name},`,
            '',
            'Iemand (hopelijk u) vroeg om een nieuw wachtwoord voor Plein. Stel het in via deze link:',
            link,
            '',
            'De link werkt één keer en is één uur geldig. Vroeg u dit niet aan? Dan hoeft u niets te doen.',
          ].join('\n'),
        },
      });
      const actor = { organisationId: user.organisation_id, userId: user.id, name: user.name, email: user.email, roles: [], municipalityIds: [] };
      await recordAudit({ db: trx, clock, actor, origin }, { action: 'wachtwoord.herstel-aangevraagd', recordType: 'gebruiker', recordId: user.id });
    });
  }
}

export async function confirmPasswordReset(db: Db, clock: Clock, origin: RequestOrigin, input: { token: string; password: string }) {
  const parsed = parseToken('pr_', input.token);
  const invalid = () =>
    badRequest('herstellink-ongeldig', 'Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.', [
      { name: 'token', code: 'ongeldig', reason: 'Verlopen of al gebruikt.' },
    ]);
  if (!parsed) throw invalid();
  await assertPasswordStrength(input.password);
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    const reset = await consumePasswordReset(trx, parsed.organisationId, hashSecret(parsed.secret), clock.now());
    if (!reset) throw invalid();
    const user = await updateUserFields(trx, parsed.organisationId, reset.user_id, { passwordHash });
    if (!user) throw invalid();
    // A new password ends every existing session and API token: whoever knew the old password may have made one.
    await deleteUserSessions(trx, parsed.organisationId, user.id);
    const revoked = await revokeApiTokensOfUser(trx, parsed.organisationId, user.id, clock.now());
    if (revoked.length > 0) {
      await enqueueJob(trx, {
        organisationId: user.organisation_id,
        name: 'mail.versturen',
        runAt: clock.now(),
        payload: {
          to: user.email,
          subject: 'Uw API-tokens voor Plein zijn ingetrokken',
          text: [
            `Beste ${user.name},`,
            '',
            `U heeft een nieuw wachtwoord ingesteld. Daarom werken uw API-tokens niet meer: ${revoked.join(', ')}.`,
            'Maak na het inloggen nieuwe tokens aan voor de koppelingen die u nog gebruikt (Mijn account → API-tokens).',
          ].join('\n'),
        },
      });
    }
    const actor = { organisationId: user.organisation_id, userId: user.id, name: user.name, email: user.email, roles: [], municipalityIds: [] };
    await recordAudit({ db: trx, clock, actor, origin }, { action: 'wachtwoord.hersteld', recordType: 'gebruiker', recordId: user.id });
  });
}
