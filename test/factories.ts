import { randomBytes } from 'node:crypto';
import type { Channel } from '@contracts/channels';
import type { Clock } from '@platform/clock.service';
import { cliOrigin } from '@platform/context.service';
import type { Db } from '@platform/db/database.client';
import { createOrganisation } from '@platform/organisations/organisations.service';
import type { Role } from '@platform/tenancy/roles.rules';
import { createUser } from '@platform/users/users.service';
import { makeOperatorActor } from '../server/src/cli/operator.service';
import { addAccount } from '../server/src/modules/channels/accounts.service';

let counter = 0;
function unique(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter}${randomBytes(2).toString('hex')}`;
}

export async function buildOrganisation(db: Db, name = 'Testorganisatie') {
  const slug = `test-${unique()}`;
  const { organisation, municipalities } = await createOrganisation(db, {
    slug,
    name,
    municipalities: [
      { name: 'Bergen', cbsCode: 'GM0373', inhabitants: 29_900 },
      { name: 'Castricum', cbsCode: 'GM0383', inhabitants: 36_500 },
    ],
  });
  return { ...organisation, municipalities };
}

export const TEST_PASSWORD = 'correct-paard-batterij-niet';

export async function buildUser(
  db: Db,
  clock: Clock,
  organisationId: string,
  options: { roles?: Role[]; municipalityIds?: string[]; email?: string; name?: string } = {},
) {
  const email = options.email ?? `gebruiker-${unique()}@example.nl`;
  const ctx = { db, clock, actor: makeOperatorActor(organisationId), origin: cliOrigin };
  const user = await createUser(ctx, {
    email,
    name: options.name ?? 'Test Gebruiker',
    roles: options.roles ?? ['beheerder'],
    municipalityIds: options.municipalityIds ?? [],
    password: TEST_PASSWORD,
  });
  return { ...user, password: TEST_PASSWORD };
}

// A test key for sealing channel secrets; createTestApp sets the same one as PLEIN_SECRET_KEY.
export const TEST_SECRET_KEY = Buffer.alloc(32, 7);

export async function buildChannelAccount(
  db: Db,
  clock: Clock,
  organisationId: string,
  input: {
    municipalityId: string;
    channel: Channel;
    handle?: string;
    serviceUrl?: string;
    settings?: Record<string, string | number | boolean>;
    secrets?: Record<string, string>;
  },
) {
  const ctx = { db, clock, actor: makeOperatorActor(organisationId), origin: cliOrigin };
  return addAccount(ctx, { current: TEST_SECRET_KEY, previous: [] }, { handle: `account-${unique()}`, ...input });
}
