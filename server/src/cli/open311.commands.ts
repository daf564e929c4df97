import type { Clock } from '@platform/clock.service';
import { cliOrigin } from '@platform/context.service';
import type { Db } from '@platform/db/database.client';
import { findOrganisationBySlug } from '@platform/organisations/organisations.repository';
import { createOpen311Client } from '../modules/open311/index';
import { UsageError } from './cli.errors';
import { makeOperatorActor } from './operator.service';

// A client app (a resident app, a neighbourhood app) that may file meldingen for one organisation via
// Open311; its api_key is printed once and only its hash is kept.
export async function createOpen311ClientCommand(db: Db, clock: Clock, args: { organisation: string; name: string }) {
  const organisation = await findOrganisationBySlug(db, args.organisation);
  if (!organisation) throw new UsageError('--organisation', `--organisation "${args.organisation}": deze organisatie bestaat niet.`);
  const name = args.name.trim();
  if (name.length < 1 || name.length > 120) throw new UsageError('--name', '--name: geef de app een naam van 1 tot 120 tekens.');
  return createOpen311Client({ db, clock, actor: makeOperatorActor(organisation.id), origin: cliOrigin }, name);
}
