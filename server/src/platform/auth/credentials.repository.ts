import type { Db } from '../db/database.client';

export async function insertSession(
  db: Db,
  session: {
    organisationId: string;
    userId: string;
    secretHash: string;
    csrfToken: string;
    ip: string | null;
    userAgent: string | null;
    now: Date;
    expiresAt: Date;
  },
) {
  return db
    .insertInto('sessions')
    .values({
      organisation_id: session.organisationId,
      user_id: session.userId,
      secret_hash: session.secretHash,
      csrf_token: session.csrfToken,
      ip: session.ip,
      user_agent: session.userAgent?.slice(0, 500) ?? null,
      // The moment of sign-in as the application's clock tells it: the session's absolute lifetime counts from here.
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findLiveSession(db: Db, organisationId: string, secretHash: string, now: Date) {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('secret_hash', '=', secretHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function touchSession(db: Db, organisationId: string, sessionId: string, now: Date, expiresAt: Date) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', sessionId)
    .execute();
}

export async function setSessionMunicipality(db: Db, organisationId: string, sessionId: string, municipalityId: string) {
  await db
    .updateTable('sessions')
    .set({ active_municipality_id: municipalityId })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', sessionId)
    .execute();
}

export async function deleteSession(db: Db, organisationId: string, sessionId: string) {
  await db.deleteFrom('sessions').where('organisation_id', '=', organisationId).where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Db, organisationId: string, userId: string) {
  await db.deleteFrom('sessions').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();
}

export async function insertApiToken(db: Db, token: { organisationId: string; userId: string; name: string; secretHash: string }) {
  return db
    .insertInto('api_tokens')
    .values({ organisation_id: token.organisationId, user_id: token.userId, name: token.name, secret_hash: token.secretHash })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findLiveApiToken(db: Db, organisationId: string, secretHash: string) {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('secret_hash', '=', secretHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function markApiTokenUsed(db: Db, organisationId: string, tokenId: string, now: Date) {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('organisation_id', '=', organisationId).where('id', '=', tokenId).execute();
}

export async function findApiTokensOfUser(db: Db, organisationId: string, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeApiTokenRow(db: Db, organisationId: string, userId: string, tokenId: string, now: Date) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .returning(['id'])
    .executeTakeFirst();
}

// Every live token of a user, revoked at once (a new password); returns the names of those it revoked.
export async function revokeApiTokensOfUser(db: Db, organisationId: string, userId: string, now: Date) {
  const rows = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning(['name'])
    .execute();
  return rows.map((row) => row.name);
}

export async function insertPasswordReset(db: Db, reset: { organisationId: string; userId: string; secretHash: string; expiresAt: Date }) {
  return db
    .insertInto('password_resets')
    .values({ organisation_id: reset.organisationId, user_id: reset.userId, secret_hash: reset.secretHash, expires_at: reset.expiresAt })
    .returningAll()
    .executeTakeFirstOrThrow();
}

// Marks the reset used in the same statement that finds it, so a link works exactly once.
export async function consumePasswordReset(db: Db, organisationId: string, secretHash: string, now: Date) {
  return db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('organisation_id', '=', organisationId)
    .where('secret_hash', '=', secretHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['id', 'user_id'])
    .executeTakeFirst();
}
