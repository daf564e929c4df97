import type { Db } from '../db/database.client';

export async function insertTeam(db: Db, organisationId: string, team: { name: string; description: string }) {
  return db
    .insertInto('teams')
    .values({ organisation_id: organisationId, name: team.name, description: team.description })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateTeamFields(db: Db, organisationId: string, teamId: string, changes: { name?: string; description?: string }) {
  if (changes.name === undefined && changes.description === undefined) return findTeam(db, organisationId, teamId);
  return db
    .updateTable('teams')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.description !== undefined && { description: changes.description }),
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', teamId)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteTeamRow(db: Db, organisationId: string, teamId: string) {
  const result = await db.deleteFrom('teams').where('organisation_id', '=', organisationId).where('id', '=', teamId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findTeams(db: Db, organisationId: string) {
  return db.selectFrom('teams').selectAll().where('organisation_id', '=', organisationId).orderBy('name').execute();
}

export async function findTeam(db: Db, organisationId: string, teamId: string) {
  return db.selectFrom('teams').selectAll().where('organisation_id', '=', organisationId).where('id', '=', teamId).executeTakeFirst();
}

export async function findTeamMembers(db: Db, organisationId: string, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return db.selectFrom('team_members').select(['team_id', 'user_id']).where('organisation_id', '=', organisationId).where('team_id', 'in', teamIds).execute();
}

export async function replaceTeamMembers(db: Db, organisationId: string, teamId: string, userIds: string[]) {
  await db.deleteFrom('team_members').where('organisation_id', '=', organisationId).where('team_id', '=', teamId).execute();
  if (userIds.length === 0) return;
  await db
    .insertInto('team_members')
    .values(userIds.map((userId) => ({ organisation_id: organisationId, team_id: teamId, user_id: userId })))
    .execute();
}

export async function countExistingUsers(db: Db, organisationId: string, userIds: string[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', userIds)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findTeamIdsOfUser(db: Db, organisationId: string, userId: string) {
  if (!userId) return [];
  const rows = await db.selectFrom('team_members').select('team_id').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();
  return rows.map((row) => row.team_id);
}
