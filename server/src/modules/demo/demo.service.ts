import { randomBytes } from 'node:crypto';
import type { Clock } from '@platform/clock.service';
import { cliOrigin, type ServiceContext } from '@platform/context.service';
import type { Db } from '@platform/db/database.client';
import { countTenantOrganisations } from '@platform/organisations/organisations.repository';
import { createOrganisation } from '@platform/organisations/organisations.service';
import { ROLES, type Role } from '@platform/tenancy/roles.rules';
import { createTeam } from '@platform/users/teams.service';
import { createUser } from '@platform/users/users.service';
import { makeOperatorActor } from '../../cli/operator.service';
import { addAccount } from '../channels/index';
import { addDemoKlachten } from './demo-klachten.service';
import { addDemoListening } from './demo-luisteren.service';
import { addDemoMeldingen } from './demo-meldingen.service';

export const DEMO_SLUG = 'kustgemeenten';

// Fictional municipalities (the GM codes are outside the range CBS uses, so they never clash with a real one).
export const DEMO_MUNICIPALITIES = [
  { name: 'Zeewolde aan Zee', cbsCode: 'GM9901', inhabitants: 31_250, houseColour: '#005a8c' },
  { name: 'Duinhoven', cbsCode: 'GM9902', inhabitants: 18_740, houseColour: '#1d6b3a' },
  { name: 'Strandmeer', cbsCode: 'GM9903', inhabitants: 42_100, houseColour: '#8a2d12' },
  { name: 'Havenrijk', cbsCode: 'GM9904', inhabitants: 12_380, houseColour: '#5b2a86' },
];

const DEMO_NAMES: Record<Role, string> = {
  beheerder: 'Bea Beheer',
  communicatieadviseur: 'Cas Communicatie',
  webcare: 'Wendy Webcare',
  kcc: 'Karim Klantcontact',
  omgevingsanalist: 'Olga Omgeving',
  griffie: 'Gijs Griffie',
  vakafdeling: 'Vera Vakafdeling',
  bestuurder: 'Bram Bestuurder',
};

export interface DemoCredentials {
  email: string;
  password: string;
  role: Role;
}

// Creates the demo organisation on an empty database; returns the credentials to print once.
export async function seedDemoIfEmpty(db: Db, clock: Clock, publicUrl = 'http://localhost:8080'): Promise<DemoCredentials[] | null> {
  if ((await countTenantOrganisations(db)) > 0) return null;
  const { organisation, municipalities } = await createOrganisation(db, {
    slug: DEMO_SLUG,
    name: 'Werkorganisatie Kustgemeenten',
    municipalities: DEMO_MUNICIPALITIES,
  });
  const ctx = { db, clock, actor: makeOperatorActor(organisation.id), origin: cliOrigin };
  const credentials: DemoCredentials[] = [];
  const userIds: Record<string, string> = {};
  for (const role of ROLES) {
    const password = randomBytes(9).toString('base64url');
    const email = `${role}@kustgemeenten.example`;
    const user = await createUser(ctx, {
      email,
      name: DEMO_NAMES[role],
      roles: [role],
      municipalityIds: municipalities.map((m) => m.id),
      password,
    });
    userIds[role] = user.id;
    credentials.push({ email, password, role });
  }
  await createTeam(ctx, { name: 'KCC', description: 'Klantcontactcentrum voor alle vier gemeenten', memberIds: [userIds.kcc!, userIds.webcare!] });
  await createTeam(ctx, {
    name: 'Communicatie',
    description: 'Communicatieadviseurs en omgevingsanalisten',
    memberIds: [userIds.communicatieadviseur!, userIds.omgevingsanalist!],
  });
  await addDemoChannels(ctx, municipalities);
  // The demo's analyst classified part of the local network, so her name stands by those choices.
  const analystCtx = { ...ctx, actor: { ...ctx.actor, userId: userIds.omgevingsanalist!, name: DEMO_NAMES.omgevingsanalist } };
  await addDemoListening(ctx, { analyst: analystCtx, municipalities });
  // Meldingen handled by the demo's KCC colleague, so their timelines name a person.
  const kccCtx = { ...ctx, actor: { ...ctx.actor, userId: userIds.kcc!, name: DEMO_NAMES.kcc } };
  await addDemoMeldingen(kccCtx, clock, organisation, municipalities, publicUrl);
  // Klachten registered by the KCC, handled by the griffie; one is about a colleague of the vakafdeling.
  await addDemoKlachten(kccCtx, municipalities, { handlerId: userIds.griffie!, complainedAboutId: userIds.vakafdeling! });
  return credentials;
}

// Every demo municipality gets simulated social traffic (a few messages an hour, always marked as
// simulated), a public contact form and a phone line, so each screen has something real to show.
async function addDemoChannels(ctx: ServiceContext, municipalities: { id: string; name: string; cbs_code: string }[]) {
  const noSecrets = { current: undefined, previous: [] };
  for (const [index, municipality] of municipalities.entries()) {
    const handle = `gemeente${municipality.name.toLowerCase().replace(/[^a-z]/g, '')}`;
    await addAccount(ctx, noSecrets, {
      municipalityId: municipality.id,
      channel: 'gesimuleerd',
      handle,
      displayName: `Gemeente ${municipality.name} (gesimuleerd)`,
      settings: { scenario: 'alledaags', perHour: 6 },
    });
    await addAccount(ctx, noSecrets, { municipalityId: municipality.id, channel: 'webformulier', handle: `Contactformulier ${municipality.name}` });
    await addAccount(ctx, noSecrets, { municipalityId: municipality.id, channel: 'telefoon', handle: `KCC ${municipality.name} (14 0${220 + index})` });
  }
}
