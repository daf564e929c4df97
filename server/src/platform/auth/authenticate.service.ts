import type { Clock } from '../clock.service';
import type { Db } from '../db/database.client';
import type { Actor } from '../tenancy/policy.rules';
import { loadActor } from './actor.service';
import { API_TOKEN_PREFIX, SESSION_IDLE_MS, SESSION_MAX_MS, SESSION_PREFIX } from './auth.service';
import { findLiveApiToken, findLiveSession, markApiTokenUsed, touchSession } from './credentials.repository';
import { hashSecret, parseToken } from './secrets.rules';

export interface SessionInfo {
  id: string;
  csrfToken: string;
  activeMunicipalityId: string | null;
}

export interface Authentication {
  actor: Actor;
  session: SessionInfo | null;
}

// Writing "last seen" on every request would turn reads into writes; once a minute is enough.
const TOUCH_AFTER_MS = 60_000;

export async function authenticateBearer(db: Db, clock: Clock, bearer: string): Promise<Authentication | null> {
  const parsed = parseToken(API_TOKEN_PREFIX, bearer);
  if (!parsed) return null;
  const token = await findLiveApiToken(db, parsed.organisationId, hashSecret(parsed.secret));
  if (!token) return null;
  const actor = await loadActor(db, token.organisation_id, token.user_id, { tokenId: token.id });
  if (!actor) return null;
  const now = clock.now();
  if (!token.last_used_at || now.getTime() - token.last_used_at.getTime() > TOUCH_AFTER_MS) {
    await markApiTokenUsed(db, token.organisation_id, token.id, now);
  }
  return { actor, session: null };
}

export async function authenticateSession(db: Db, clock: Clock, cookieValue: string): Promise<Authentication | null> {
  const parsed = parseToken(SESSION_PREFIX, cookieValue);
  if (!parsed) return null;
  const now = clock.now();
  const session = await findLiveSession(db, parsed.organisationId, hashSecret(parsed.secret), now);
  if (!session) return null;
  const endOfLife = session.created_at.getTime() + SESSION_MAX_MS;
  if (now.getTime() >= endOfLife) return null;
  const actor = await loadActor(db, session.organisation_id, session.user_id, { sessionId: session.id });
  if (!actor) return null;
  if (now.getTime() - session.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    await touchSession(db, session.organisation_id, session.id, now, new Date(Math.min(now.getTime() + SESSION_IDLE_MS, endOfLife)));
  }
  return {
    actor,
    session: { id: session.id, csrfToken: session.csrf_token, activeMunicipalityId: session.active_municipality_id },
  };
}
