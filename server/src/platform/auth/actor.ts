import type { Db } from '../db/database';
import type { Actor } from '../tenancy/policy';
import { isRole } from '../tenancy/roles';

// Builds the acting person from the database on every request, so a role change or block takes effect at once.
export async function loadActor(db: Db, organisationId: string, userId: string, via: { sessionId?: string; tokenId?: string }): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'active'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || !user.active) return null;
  const [roles, municipalities] = await Promise.all([
    db.selectFrom('user_roles').select('role').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute(),
    db.selectFrom('user_municipalities').select('municipality_id').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute(),
  ]);
  return {
    organisationId,
    userId: user.id,
    name: user.name,
    email: user.email,
    roles: roles.map((row) => row.role).filter(isRole),
    municipalityIds: municipalities.map((row) => row.municipality_id),
    ...via,
  };
}
