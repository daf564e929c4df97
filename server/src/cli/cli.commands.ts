import { loadActor } from '@platform/auth/actor.service';
import { createApiToken } from '@platform/auth/auth.service';
import type { Clock } from '@platform/clock.service';
import { cliOrigin, type ServiceContext } from '@platform/context.service';
import type { Db } from '@platform/db/database.client';
import type { NewMunicipality } from '@platform/organisations/organisations.repository';
import { findMunicipalities, findOrganisationBySlug } from '@platform/organisations/organisations.repository';
import { createOrganisation } from '@platform/organisations/organisations.service';
import { isRole, ROLES, type Role } from '@platform/tenancy/roles.rules';
import { findUserByEmail, findUsersByEmailAcrossOrganisations } from '@platform/users/users.repository';
import { createUser } from '@platform/users/users.service';
import { UsageError } from './cli.errors';
import { makeOperatorActor } from './operator.service';

export function parseMunicipality(value: string): NewMunicipality {
  const parts = value.split(':');
  if (parts.length !== 3) {
    throw new UsageError(
      '--municipality',
      `--municipality "${value}" heeft niet de vorm "<Naam>:<CBS-code>:<inwoners>", bijvoorbeeld "Castricum:GM0383:36500".`,
    );
  }
  const [name, cbsCode, inhabitantsText] = parts.map((part) => part.trim()) as [string, string, string];
  if (!name) throw new UsageError('--municipality', `--municipality "${value}": de naam ontbreekt.`);
  if (!/^GM\d{4}$/.test(cbsCode)) {
    throw new UsageError('--municipality', `--municipality "${value}": "${cbsCode}" is geen CBS-code zoals GM0383.`);
  }
  if (!/^\d+$/.test(inhabitantsText)) {
    throw new UsageError('--municipality', `--municipality "${value}": het aantal inwoners "${inhabitantsText}" is geen heel getal.`);
  }
  return { name, cbsCode, inhabitants: Number(inhabitantsText) };
}

export async function createOrganisationCommand(db: Db, args: { slug: string; name: string; municipalities: string[] }) {
  if (args.municipalities.length === 0) {
    throw new UsageError('--municipality', '--municipality ontbreekt: geef minstens één gemeente op als "<Naam>:<CBS-code>:<inwoners>".');
  }
  const municipalities = args.municipalities.map(parseMunicipality);
  const { organisation } = await createOrganisation(db, { slug: args.slug, name: args.name, municipalities });
  return organisation;
}

export async function createUserCommand(
  db: Db,
  clock: Clock,
  args: { organisation: string; email: string; name: string; roles: string[]; municipalities: string[]; password: string },
) {
  const roles: Role[] = [];
  for (const role of args.roles) {
    if (!isRole(role)) throw new UsageError('--role', `--role "${role}" bestaat niet. Kies uit: ${ROLES.join(', ')}.`);
    roles.push(role);
  }
  if (roles.length === 0) throw new UsageError('--role', `--role ontbreekt. Kies uit: ${ROLES.join(', ')}.`);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(args.email)) throw new UsageError('--email', `--email "${args.email}" is geen geldig e-mailadres.`);
  const organisation = await findOrganisationBySlug(db, args.organisation);
  if (!organisation) throw new UsageError('--organisation', `--organisation "${args.organisation}": deze organisatie bestaat niet.`);
  const all = await findMunicipalities(db, organisation.id);
  let municipalityIds = all.map((m) => m.id);
  if (args.municipalities.length > 0) {
    municipalityIds = args.municipalities.map((code) => {
      const found = all.find((m) => m.cbs_code === code);
      if (!found) throw new UsageError('--municipality', `--municipality "${code}" hoort niet bij ${organisation.slug}.`);
      return found.id;
    });
  }
  const ctx: ServiceContext = { db, clock, actor: makeOperatorActor(organisation.id), origin: cliOrigin };
  return createUser(ctx, { email: args.email, name: args.name, roles, municipalityIds, password: args.password });
}

export async function createTokenCommand(db: Db, clock: Clock, args: { email: string; name: string; organisation?: string }) {
  let user: { organisation_id: string; id: string } | undefined;
  if (args.organisation) {
    const organisation = await findOrganisationBySlug(db, args.organisation);
    if (!organisation) throw new UsageError('--organisation', `--organisation "${args.organisation}": deze organisatie bestaat niet.`);
    user = await findUserByEmail(db, organisation.id, args.email);
  } else {
    const candidates = await findUsersByEmailAcrossOrganisations(db, args.email);
    if (candidates.length > 1) {
      throw new UsageError(
        '--organisation',
        `--email "${args.email}" hoort bij meer organisaties (${candidates.map((c) => c.organisation_slug).join(', ')}); geef --organisation op.`,
      );
    }
    user = candidates[0];
  }
  if (!user) throw new UsageError('--email', `--email "${args.email}": er is geen gebruiker met dit e-mailadres.`);
  const actor = await loadActor(db, user.organisation_id, user.id, {});
  if (!actor) throw new UsageError('--email', `--email "${args.email}": deze gebruiker is geblokkeerd.`);
  return createApiToken({ db, clock, actor, origin: cliOrigin }, args.name);
}
