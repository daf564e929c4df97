import { isUniqueViolation } from '@platform/db/db-errors.rules';
import { recordAudit } from '../audit/audit.service';
import { runInTransaction, type ServiceContext } from '../context.service';
import { badRequest, conflict, notFound } from '../http/http.errors';
import { assertCan } from '../tenancy/policy.rules';
import { countExistingUsers, deleteTeamRow, findTeam, findTeamMembers, findTeams, insertTeam, replaceTeamMembers, updateTeamFields } from './teams.repository';

export interface TeamInput {
  name: string;
  description?: string;
  memberIds?: string[];
}

type TeamRow = NonNullable<Awaited<ReturnType<typeof findTeam>>>;

async function toTeamViews(ctx: ServiceContext, teams: TeamRow[]) {
  const members = await findTeamMembers(
    ctx.db,
    ctx.actor.organisationId,
    teams.map((team) => team.id),
  );
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    description: team.description,
    memberIds: members.filter((row) => row.team_id === team.id).map((row) => row.user_id),
  }));
}

async function assertMembersExist(ctx: ServiceContext, memberIds: string[]) {
  const unique = [...new Set(memberIds)];
  if ((await countExistingUsers(ctx.db, ctx.actor.organisationId, unique)) !== unique.length) {
    throw badRequest('onbekende-gebruiker', 'Een of meer teamleden horen niet bij deze organisatie.', [
      { name: 'memberIds', code: 'onbekend', reason: 'Kies bestaande gebruikers.' },
    ]);
  }
  return unique;
}

export async function listTeams(ctx: ServiceContext) {
  assertCan(ctx.actor, 'users.read');
  return toTeamViews(ctx, await findTeams(ctx.db, ctx.actor.organisationId));
}

export async function getTeam(ctx: ServiceContext, teamId: string) {
  assertCan(ctx.actor, 'users.read');
  const team = await findTeam(ctx.db, ctx.actor.organisationId, teamId);
  if (!team) throw notFound('Het team');
  const [view] = await toTeamViews(ctx, [team]);
  return view!;
}

export async function createTeam(ctx: ServiceContext, input: TeamInput) {
  assertCan(ctx.actor, 'teams.manage');
  return runInTransaction(ctx, async (tx) => {
    const memberIds = await assertMembersExist(tx, input.memberIds ?? []);
    const team = await insertTeam(tx.db, tx.actor.organisationId, {
      name: input.name.trim(),
      description: input.description ?? '',
    }).catch((error) => {
      if (isUniqueViolation(error)) throw conflict('team-bestaat-al', `Er is al een team met de naam "${input.name}".`);
      throw error;
    });
    await replaceTeamMembers(tx.db, tx.actor.organisationId, team.id, memberIds);
    await recordAudit(tx, { action: 'team.aangemaakt', recordType: 'team', recordId: team.id, details: { name: team.name, memberIds } });
    const [view] = await toTeamViews(tx, [team]);
    return view!;
  });
}

export async function changeTeam(ctx: ServiceContext, teamId: string, input: Partial<TeamInput>) {
  assertCan(ctx.actor, 'teams.manage');
  return runInTransaction(ctx, async (tx) => {
    const team = await updateTeamFields(tx.db, tx.actor.organisationId, teamId, {
      name: input.name?.trim(),
      description: input.description,
    });
    if (!team) throw notFound('Het team');
    if (input.memberIds) {
      await replaceTeamMembers(tx.db, tx.actor.organisationId, teamId, await assertMembersExist(tx, input.memberIds));
    }
    await recordAudit(tx, { action: 'team.gewijzigd', recordType: 'team', recordId: teamId, details: { ...input } });
    const [view] = await toTeamViews(tx, [team]);
    return view!;
  });
}

export async function removeTeam(ctx: ServiceContext, teamId: string) {
  assertCan(ctx.actor, 'teams.manage');
  await runInTransaction(ctx, async (tx) => {
    if (!(await deleteTeamRow(tx.db, tx.actor.organisationId, teamId))) throw notFound('Het team');
    await recordAudit(tx, { action: 'team.verwijderd', recordType: 'team', recordId: teamId });
  });
}
