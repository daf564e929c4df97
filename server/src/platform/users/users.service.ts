import { deriveInitials } from '@contracts/reply-checks';
import { recordAudit } from '../audit/audit.service';
import { deleteUserSessions } from '../auth/credentials.repository';
import { assertPasswordStrength, hashPassword } from '../auth/passwords.service';
import { runInTransaction, type ServiceContext } from '../context.service';
import type { Db } from '../db/database.client';
import { badRequest, conflict, notFound } from '../http/http.errors';
import { findMunicipalities } from '../organisations/organisations.repository';
import { administers, assertCan } from '../tenancy/policy.rules';
import type { Role } from '../tenancy/roles.rules';
import {
  findRolesAndMunicipalities,
  findUser,
  findUserByEmail,
  findUsers,
  insertUser,
  replaceUserMunicipalities,
  replaceUserRoles,
  updateUserFields,
} from './users.repository';

export interface UserInput {
  email: string;
  name: string;
  initials?: string | null;
  roles: Role[];
  municipalityIds?: string[];
  password?: string;
}

export interface UserChanges {
  name?: string;
  initials?: string | null;
  roles?: Role[];
  municipalityIds?: string[];
  active?: boolean;
}

async function loadUserViews(db: Db, organisationId: string, users: Awaited<ReturnType<typeof findUsers>>) {
  const extra = await findRolesAndMunicipalities(
    db,
    organisationId,
    users.map((user) => user.id),
  );
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    initials: user.initials,
    active: user.active,
    signInMethods: [...(user.password_hash ? ['wachtwoord'] : []), ...(user.oidc_subject ? ['oidc'] : [])],
    roles: extra.roles.filter((row) => row.user_id === user.id).map((row) => row.role as Role),
    municipalityIds: extra.municipalities.filter((row) => row.user_id === user.id).map((row) => row.municipality_id),
    teamIds: extra.teams.filter((row) => row.user_id === user.id).map((row) => row.team_id),
    createdAt: user.created_at.toISOString(),
  }));
}

export type UserView = Awaited<ReturnType<typeof loadUserViews>>[number];

async function assertMunicipalitiesExist(ctx: ServiceContext, municipalityIds: string[]) {
  const own = new Set((await findMunicipalities(ctx.db, ctx.actor.organisationId)).map((row) => row.id));
  const unknown = municipalityIds.filter((id) => !own.has(id));
  if (unknown.length > 0) {
    throw badRequest('onbekende-gemeente', 'Een of meer gemeenten horen niet bij deze organisatie.', [
      { name: 'municipalityIds', code: 'onbekend', reason: `Onbekend: ${unknown.join(', ')}` },
    ]);
  }
}

export async function listUsers(ctx: ServiceContext): Promise<UserView[]> {
  assertCan(ctx.actor, 'users.read');
  return loadUserViews(ctx.db, ctx.actor.organisationId, await findUsers(ctx.db, ctx.actor.organisationId));
}

export async function getUser(ctx: ServiceContext, userId: string): Promise<UserView> {
  assertCan(ctx.actor, 'users.read');
  const user = await findUser(ctx.db, ctx.actor.organisationId, userId);
  if (!user) throw notFound('De gebruiker');
  const [view] = await loadUserViews(ctx.db, ctx.actor.organisationId, [user]);
  return view as UserView;
}

export async function createUser(ctx: ServiceContext, input: UserInput): Promise<UserView> {
  assertCan(ctx.actor, 'users.manage');
  if (input.roles.length === 0) {
    throw badRequest('rol-ontbreekt', 'Geef de gebruiker minstens één rol.', [{ name: 'roles', code: 'verplicht', reason: 'Minstens één rol.' }]);
  }
  if (input.password !== undefined) await assertPasswordStrength(input.password, { userInputs: [input.email, input.name] });
  const email = input.email.trim().toLowerCase();
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  return runInTransaction(ctx, async (tx) => {
    const organisationId = tx.actor.organisationId;
    if (await findUserByEmail(tx.db, organisationId, email)) {
      throw conflict('e-mail-bestaat-al', `Er is al een gebruiker met het e-mailadres ${email}.`);
    }
    const municipalityIds = input.municipalityIds ?? [];
    await assertMunicipalitiesExist(tx, municipalityIds);
    const user = await insertUser(tx.db, organisationId, {
      email,
      name: input.name.trim(),
      initials: input.initials ?? deriveInitials(input.name),
      passwordHash,
    });
    await replaceUserRoles(tx.db, organisationId, user.id, [...new Set(input.roles)]);
    await replaceUserMunicipalities(tx.db, organisationId, user.id, [...new Set(municipalityIds)]);
    await recordAudit(tx, {
      action: 'gebruiker.aangemaakt',
      recordType: 'gebruiker',
      recordId: user.id,
      details: { roles: input.roles, municipalityIds },
    });
    const [view] = await loadUserViews(tx.db, organisationId, [user]);
    return view as UserView;
  });
}

export async function changeUser(ctx: ServiceContext, userId: string, changes: UserChanges): Promise<UserView> {
  assertCan(ctx.actor, 'users.manage');
  if (changes.roles && changes.roles.length === 0) {
    throw badRequest('rol-ontbreekt', 'Geef de gebruiker minstens één rol.', [{ name: 'roles', code: 'verplicht', reason: 'Minstens één rol.' }]);
  }
  if (userId === ctx.actor.userId && (changes.active === false || (changes.roles && !administers(changes.roles)))) {
    // Guards against an organisation locking out its last administrator by accident.
    throw badRequest('eigen-beheer', 'U kunt uzelf niet blokkeren of uw eigen beheerdersrol afnemen.');
  }
  return runInTransaction(ctx, async (tx) => {
    const organisationId = tx.actor.organisationId;
    const user = await updateUserFields(tx.db, organisationId, userId, {
      name: changes.name?.trim(),
      initials: changes.initials,
      active: changes.active,
    });
    if (!user) throw notFound('De gebruiker');
    // Blocking ends the person's sessions, so unblocking later does not revive them: they sign in again.
    if (changes.active === false) await deleteUserSessions(tx.db, organisationId, userId);
    if (changes.roles) await replaceUserRoles(tx.db, organisationId, userId, [...new Set(changes.roles)]);
    if (changes.municipalityIds) {
      await assertMunicipalitiesExist(tx, changes.municipalityIds);
      await replaceUserMunicipalities(tx.db, organisationId, userId, [...new Set(changes.municipalityIds)]);
    }
    await recordAudit(tx, { action: 'gebruiker.gewijzigd', recordType: 'gebruiker', recordId: userId, details: { ...changes } });
    const [view] = await loadUserViews(tx.db, organisationId, [user]);
    return view as UserView;
  });
}
