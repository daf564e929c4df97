import type { Db } from '../db/database.client';
import type { Actor } from '../tenancy/policy.rules';
import { isRole } from '../tenancy/roles.rules';
import { findActiveUserWithGrants } from '../users/users.repository';

// Builds the acting person from the database on every request, so a role change or block takes effect at once.
export async function loadActor(db: Db, organisationId: string, userId: string, via: { sessionId?: string; tokenId?: string }): Promise<Actor | null> {
  const found = await findActiveUserWithGrants(db, organisationId, userId);
  if (!found) return null;
  const { user, roles, municipalityIds } = found;
  return {
    organisationId,
    userId: user.id,
    name: user.name,
    email: user.email,
    roles: roles.filter(isRole),
    municipalityIds,
    ...via,
  };
}
