import type { Db } from '../db/database.client';
import type { Role } from '../tenancy/roles.rules';

export interface NewUser {
  email: string;
  name: string;
  initials: string | null;
  passwordHash: string | null;
  oidcSubject?: string | null;
}

export async function insertUser(db: Db, organisationId: string, user: NewUser) {
  return db
    .insertInto('users')
    .values({
      organisation_id: organisationId,
      email: user.email,
      name: user.name,
      initials: user.initials,
      password_hash: user.passwordHash,
      oidc_subject: user.oidcSubject ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function replaceUserRoles(db: Db, organisationId: string, userId: string, roles: Role[]) {
  await db.deleteFrom('user_roles').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();
  if (roles.length === 0) return;
  await db
    .insertInto('user_roles')
    .values(roles.map((role) => ({ organisation_id: organisationId, user_id: userId, role })))
    .execute();
}

export async function replaceUserMunicipalities(db: Db, organisationId: string, userId: string, municipalityIds: string[]) {
  await db.deleteFrom('user_municipalities').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();
  if (municipalityIds.length === 0) return;
  await db
    .insertInto('user_municipalities')
    .values(municipalityIds.map((municipalityId) => ({ organisation_id: organisationId, user_id: userId, municipality_id: municipalityId })))
    .execute();
}

export async function updateUserFields(
  db: Db,
  organisationId: string,
  userId: string,
  changes: { name?: string; initials?: string | null; active?: boolean; passwordHash?: string },
) {
  if (Object.values(changes).every((value) => value === undefined)) return findUser(db, organisationId, userId);
  return db
    .updateTable('users')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.initials !== undefined && { initials: changes.initials }),
      ...(changes.active !== undefined && { active: changes.active }),
      ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

export async function findUser(db: Db, organisationId: string, userId: string) {
  return db.selectFrom('users').selectAll().where('organisation_id', '=', organisationId).where('id', '=', userId).executeTakeFirst();
}

export async function findUserByEmail(db: Db, organisationId: string, email: string) {
  return db.selectFrom('users').selectAll().where('organisation_id', '=', organisationId).where('email', '=', email.toLowerCase()).executeTakeFirst();
}

// Sign-in and operator commands start from an e-mail address before the organisation is known.
export async function findUsersByEmailAcrossOrganisations(db: Db, email: string) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .selectAll('users')
    .select(['organisations.slug as organisation_slug'])
    .where('users.email', '=', email.toLowerCase())
    .execute();
}

export async function findUsers(db: Db, organisationId: string) {
  return db.selectFrom('users').selectAll().where('organisation_id', '=', organisationId).orderBy('name').execute();
}

export async function findRolesAndMunicipalities(db: Db, organisationId: string, userIds: string[]) {
  if (userIds.length === 0) return { roles: [], municipalities: [], teams: [] };
  const [roles, municipalities, teams] = await Promise.all([
    db.selectFrom('user_roles').select(['user_id', 'role']).where('organisation_id', '=', organisationId).where('user_id', 'in', userIds).execute(),
    db
      .selectFrom('user_municipalities')
      .select(['user_id', 'municipality_id'])
      .where('organisation_id', '=', organisationId)
      .where('user_id', 'in', userIds)
      .execute(),
    db.selectFrom('team_members').select(['user_id', 'team_id']).where('organisation_id', '=', organisationId).where('user_id', 'in', userIds).execute(),
  ]);
  return { roles, municipalities, teams };
}

// Who hears about a problem with something a user owns: that user if active, otherwise every active beheerder.
export async function findAlertRecipients(db: Db, organisationId: string, ownerUserId: string | null) {
  if (ownerUserId) {
    const owner = await db
      .selectFrom('users')
      .select(['id', 'email', 'name'])
      .where('organisation_id', '=', organisationId)
      .where('id', '=', ownerUserId)
      .where('active', '=', true)
      .executeTakeFirst();
    if (owner) return [owner];
  }
  return db
    .selectFrom('users')
    .innerJoin('user_roles', (join) => join.onRef('user_roles.organisation_id', '=', 'users.organisation_id').onRef('user_roles.user_id', '=', 'users.id'))
    .select(['users.id', 'users.email', 'users.name'])
    .where('users.organisation_id', '=', organisationId)
    .where('users.active', '=', true)
    .where('user_roles.role', '=', 'beheerder')
    .execute();
}

// An active user with their roles and municipalities, read on every request (a change takes effect at once).
export async function findActiveUserWithGrants(db: Db, organisationId: string, userId: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'active'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user?.active) return null;
  const [roles, municipalities] = await Promise.all([
    db.selectFrom('user_roles').select('role').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute(),
    db.selectFrom('user_municipalities').select('municipality_id').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute(),
  ]);
  return { user, roles: roles.map((row) => row.role), municipalityIds: municipalities.map((row) => row.municipality_id) };
}

// Who answers for a piece of work (an overdue conversation): its assignee, else the members of its team, else the
// beheerders of the organisation and the webcare agents of its municipality. Only active people.
export async function findPeopleOnDuty(
  db: Db,
  organisationId: string,
  conversation: { municipality_id: string; assigned_user_id: string | null; assigned_team_id: string | null },
) {
  const people = db
    .selectFrom('users')
    .select(['users.id', 'users.email', 'users.name'])
    .where('users.organisation_id', '=', organisationId)
    .where('users.active', '=', true);
  if (conversation.assigned_user_id) {
    const assignee = await people.where('users.id', '=', conversation.assigned_user_id).execute();
    if (assignee.length > 0) return assignee;
  }
  if (conversation.assigned_team_id) {
    const members = await people
      .innerJoin('team_members', (join) =>
        join.onRef('team_members.organisation_id', '=', 'users.organisation_id').onRef('team_members.user_id', '=', 'users.id'),
      )
      .where('team_members.team_id', '=', conversation.assigned_team_id)
      .orderBy('users.name')
      .execute();
    if (members.length > 0) return members;
  }
  return people
    .where(({ exists, selectFrom, and, or }) =>
      exists(
        selectFrom('user_roles')
          .select('user_roles.user_id')
          .whereRef('user_roles.organisation_id', '=', 'users.organisation_id')
          .whereRef('user_roles.user_id', '=', 'users.id')
          .where((eb) =>
            or([
              eb('user_roles.role', '=', 'beheerder'),
              and([
                eb('user_roles.role', '=', 'webcare'),
                exists(
                  selectFrom('user_municipalities')
                    .select('user_municipalities.user_id')
                    .whereRef('user_municipalities.organisation_id', '=', 'users.organisation_id')
                    .whereRef('user_municipalities.user_id', '=', 'users.id')
                    .where('user_municipalities.municipality_id', '=', conversation.municipality_id),
                ),
              ]),
            ]),
          ),
      ),
    )
    .orderBy('users.name')
    .execute();
}
